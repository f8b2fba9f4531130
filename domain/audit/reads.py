"""Staff reads of cases, audited in bounded, batched form (docs/queries.md, Read audit).

Every case a member of staff is shown through a query (``case``, ``cases``, ``node``, ``nodes``)
is noted in the request's ``ReadLog``; when the operation ends the log becomes READ audit events,
one per operation and at most ``MAX_CRNS_PER_EVENT`` cases each, written together in one call.
So a caseload page of a hundred cases is one audit write, not a hundred, and no request can make
an event grow without bound. Partners' reads are audited one by one as PARTNER_READ (REC-4), with
the purpose they stated, so they are not noted here."""

from __future__ import annotations

from datetime import datetime

from domain.audit.events import AuditEvent, AuditKind, event
from domain.core.enums import Role
from domain.core.principal import Principal

MAX_CRNS_PER_EVENT = 100


def is_staff(principal: Principal) -> bool:
    return bool(principal.roles) and Role.PARTNER not in principal.roles


class ReadLog:
    """The cases one request showed, by operation, each CRN once, in the order first shown."""

    def __init__(self) -> None:
        self.by_operation: dict[str, dict[str, None]] = {}

    def note(self, operation: str, crns) -> None:
        seen = self.by_operation.setdefault(operation, {})
        for crn in crns:
            seen[crn] = None

    def __bool__(self) -> bool:
        return any(self.by_operation.values())

    def events(self, principal: Principal, at: datetime) -> list[AuditEvent]:
        """The READ events for what was noted (none for a partner or an unauthenticated caller)."""
        if not is_staff(principal):
            return []
        found = []
        for operation, crns in self.by_operation.items():
            listed = list(crns)
            for start in range(0, len(listed), MAX_CRNS_PER_EVENT):
                chunk = tuple(listed[start:start + MAX_CRNS_PER_EVENT])
                found.append(event(AuditKind.READ, at, operation, principal, crn=chunk[0] if len(chunk) == 1 else None,
                                   crns=chunk, count=len(chunk)))
        return found

"""The audit trail (REC-1, REC-4): every write, every read of a case, every partner read and every refusal, appended
before the response is sent. Nothing in the API changes or deletes an audit event."""

from __future__ import annotations

import itertools
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from domain.core.principal import Principal

_sequence = itertools.count()


def ordered_id() -> str:
    """Sortable and unique: events written in the same instant (by the clock the service is
    given) still list in the order they were written, newest first."""
    return f"{time.time_ns():020d}{next(_sequence) % 1_000_000:06d}{uuid.uuid4().hex[:8]}"


class AuditKind(str, Enum):
    WRITE = "WRITE"
    PARTNER_READ = "PARTNER_READ"
    REFUSAL = "REFUSAL"
    # Staff reads of cases, batched: one event per request and operation, naming up to
    # ``domain.audit.reads.MAX_CRNS_PER_EVENT`` cases in ``crns``.
    READ = "READ"


@dataclass(frozen=True)
class AuditEvent:
    kind: AuditKind
    at: datetime
    operation: str
    actor_subject: str | None = None
    actor_name: str | None = None
    roles: tuple[str, ...] = ()
    agency: str | None = None
    crn: str | None = None
    version_before: int | None = None
    version_after: int | None = None
    purpose: str | None = None
    fields_returned: tuple[str, ...] = ()
    reason: str | None = None
    # The HTTP request that caused the event (X-Request-ID), when there was one; set by the store
    # from domain.core.request_context when the event does not name one itself.
    request_id: str | None = None
    # How many occurrences the event stands for: aggregated refusals (unauthenticated floods)
    # are one event with a count per time window instead of one event each.
    count: int | None = None
    # What the event is about when it is not a case, e.g. ``officer:N07A001`` (the staff directory).
    target: str | None = None
    # The cases a batched READ event covers (``crn`` names a single case).
    crns: tuple[str, ...] = ()
    id: str = field(default_factory=ordered_id)


def event(kind: AuditKind, at: datetime, operation: str, principal: Principal | None, **details) -> AuditEvent:
    return AuditEvent(kind=kind, at=at, operation=operation,
                      actor_subject=principal.subject if principal else None,
                      actor_name=principal.name if principal else None,
                      roles=tuple(sorted(r.value for r in principal.roles)) if principal else (),
                      agency=principal.agency.value if principal and principal.agency else None, **details)

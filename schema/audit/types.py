"""GraphQL types of the audit trail."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

import strawberry

from schema.common import TOTAL_COUNT, PageInfo


@strawberry.type(description="An audit event (REC-1, REC-4): a write, a partner read or a refusal. Append-only.")
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="Event id.")
    kind: str = strawberry.field(description="WRITE, READ (staff reads of cases, batched), PARTNER_READ or REFUSAL.")
    at: datetime = strawberry.field(description="When (before the response was sent).")
    operation: str = strawberry.field(description="The mutation, query or step (e.g. authenticate).")
    actor_subject: str | None = strawberry.field(description="Who (token subject); null for an unauthenticated refusal.")
    actor_name: str | None = strawberry.field(description="Their display name.")
    roles: list[str] = strawberry.field(description="Their roles.")
    agency: str | None = strawberry.field(description="Partner agency, for a partner.")
    crn: str | None = strawberry.field(description="The case, if one.")
    version_before: int | None = strawberry.field(description="Case version before a write.")
    version_after: int | None = strawberry.field(description="Case version after a write.")
    purpose: str | None = strawberry.field(description="The purpose a partner stated (REC-4).")
    fields_returned: list[str] = strawberry.field(description="The fields a partner read was given.")
    reason: str | None = strawberry.field(description="Why a request was refused.")
    target: str | None = strawberry.field(description="What the event is about when it is not a case, e.g. `officer:N07A001` "
                                                      "(the staff directory).")
    crns: list[str] = strawberry.field(description="The cases a READ event covers (at most 100; one request's reads by "
                                                   "one operation); empty for other kinds.")

    @classmethod
    def of(cls, event) -> "AuditEvent":
        return cls(id=strawberry.ID(event.id), kind=event.kind.value, at=event.at, operation=event.operation,
                   actor_subject=event.actor_subject, actor_name=event.actor_name, roles=list(event.roles),
                   agency=event.agency, crn=event.crn, version_before=event.version_before,
                   version_after=event.version_after, purpose=event.purpose, fields_returned=list(event.fields_returned),
                   reason=event.reason, target=event.target, crns=list(event.crns))


@strawberry.type(description="An audit event in a page.")
class AuditEventEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this event.")
    node: AuditEvent = strawberry.field(description="The event.")


@strawberry.type(description="A page of audit events, newest first (keyset pagination).")
class AuditEventConnection:
    edges: list[AuditEventEdge] = strawberry.field(description="The events in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")
    _count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description=TOTAL_COUNT)
    async def total_count(self) -> int:
        return await self._count()

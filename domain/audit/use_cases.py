"""Use cases of the audit trail: reading it (auditors only)."""

from __future__ import annotations

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork


async def audit_events(uow: UnitOfWork, principal: Principal, crn: str | None, actor: str | None, since, until, first: int,
                       after, *, before=None, backward: bool = False) -> list[audit_trail.AuditEvent]:
    """A page of the trail, newest first; ``backward``: the page just before ``before`` (oldest first)."""
    if not policy.allows(principal, policy.Operation.READ_AUDIT) or uow.audit is None:
        return []
    return await uow.audit.find(crn, actor, since, until, first, after, before=before, backward=backward)


async def count_audit_events(uow: UnitOfWork, principal: Principal, crn: str | None, actor: str | None, since,
                             until) -> int:
    if not policy.allows(principal, policy.Operation.READ_AUDIT) or uow.audit is None:
        return 0
    return await uow.audit.count(crn, actor, since, until)


async def any_audit_events_beyond(uow: UnitOfWork, principal: Principal, crn: str | None, actor: str | None, since,
                                  until, position, *, newer: bool) -> bool:
    """Whether a matching event lies at ``position`` or beyond it (newer, or older)."""
    if not policy.allows(principal, policy.Operation.READ_AUDIT) or uow.audit is None:
        return False
    return await uow.audit.any_beyond(crn, actor, since, until, position, newer=newer)

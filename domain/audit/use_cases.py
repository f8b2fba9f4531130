"""Use cases of the audit trail: reading it (auditors only)."""

from __future__ import annotations

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork


async def audit_events(uow: UnitOfWork, principal: Principal, crn: str | None, actor: str | None, since, until, first: int,
                       after) -> list[audit_trail.AuditEvent]:
    if not policy.allows(principal, policy.Operation.READ_AUDIT) or uow.audit is None:
        return []
    return await uow.audit.find(crn, actor, since, until, first, after)

"""The audit trail (REC-1, REC-4): every write, every partner read and every refusal, appended
before the response is sent. Nothing in the API changes or deletes an audit event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from domain.model import new_id
from domain.principal import Principal


class AuditKind(str, Enum):
    WRITE = "WRITE"
    PARTNER_READ = "PARTNER_READ"
    REFUSAL = "REFUSAL"


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
    id: str = field(default_factory=new_id)


def event(kind: AuditKind, at: datetime, operation: str, principal: Principal | None, **details) -> AuditEvent:
    return AuditEvent(kind=kind, at=at, operation=operation,
                      actor_subject=principal.subject if principal else None,
                      actor_name=principal.name if principal else None,
                      roles=tuple(sorted(r.value for r in principal.roles)) if principal else (),
                      agency=principal.agency.value if principal and principal.agency else None, **details)

"""What a write carries on the case's ``outbox``: its events, its audit event and its tier-history
entry, written in the same single-document update as the change; the relay
(``repositories.outbox``) moves them to the ``events``, ``audit`` and ``tier_calculations``
collections, keyed by the entry id, so a move repeated after a crash stores nothing twice."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from domain.audit.events import AuditEvent
from domain.core.case import Case
from domain.events.audience import partners_for
from domain.events.model import SHAPES, DomainEvent, Draft, event_id
from domain.risk.model import TierCalculation


@dataclass
class Outbox:
    """The entries one write appends to a case's outbox."""

    events: list[DomainEvent] = field(default_factory=list)
    audit: list[AuditEvent] = field(default_factory=list)
    tiers: list[TierCalculation] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.events or self.audit or self.tiers)


def events_for(case: Case, drafts: list[Draft], at: datetime, today: date) -> list[DomainEvent]:
    """The drafts as stored events about ``case`` as it is after the change (its version already
    bumped), each with who may hear it decided now."""
    allocation = case.allocation
    provider = allocation.provider.value if allocation and allocation.provider else None
    restricted = tuple(case.restricted_to) if case.restricted_to is not None else None
    return [DomainEvent(id=event_id(case.crn, draft), type=draft.type, version=SHAPES[draft.type].version,
                        occurred_at=at, crn=case.crn, case_id=case.id, case_version=case.version,
                        detail=dict(draft.detail), provider=provider, restricted_to=restricted,
                        partners=partners_for(case, draft.type, draft.detail, today))
            for draft in drafts]

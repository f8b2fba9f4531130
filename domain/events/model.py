"""The event vocabulary: fixed names, each with the version of its shape and its HMPPS dotted name
(the ``eventType`` of a webhook body, as ``ministryofjustice/hmpps-domain-events`` spells them)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from domain.audit.events import ordered_id


class EventType(str, Enum):
    CASE_CREATED = "CASE_CREATED"
    SENTENCE_ADDED = "SENTENCE_ADDED"
    SENTENCE_TERMINATED = "SENTENCE_TERMINATED"
    CASE_ALLOCATED = "CASE_ALLOCATED"
    CASE_TRANSFERRED = "CASE_TRANSFERRED"
    ROSH_CHANGED = "ROSH_CHANGED"
    MAPPA_REGISTERED = "MAPPA_REGISTERED"
    MAPPA_DEREGISTERED = "MAPPA_DEREGISTERED"
    SAFEGUARDING_REGISTERED = "SAFEGUARDING_REGISTERED"
    SAFEGUARDING_ENDED = "SAFEGUARDING_ENDED"
    TIER_CHANGED = "TIER_CHANGED"
    FAILURE_TO_COMPLY_RECORDED = "FAILURE_TO_COMPLY_RECORDED"
    BREACH_INITIATED = "BREACH_INITIATED"
    BREACH_DECIDED = "BREACH_DECIDED"
    RECALL_RECOMMENDED = "RECALL_RECOMMENDED"
    STANDARD_OVERDUE = "STANDARD_OVERDUE"


@dataclass(frozen=True)
class Shape:
    """What an event type's ``detail`` carries (its keys), the version of that shape, what it means
    and its dotted HMPPS name."""

    version: int
    keys: tuple[str, ...]
    meaning: str

    @staticmethod
    def dotted(event_type: EventType) -> str:
        return "probation-case." + DOTTED[event_type]


T = EventType
DOTTED: dict[EventType, str] = {
    T.CASE_CREATED: "case.created", T.SENTENCE_ADDED: "sentence.added", T.SENTENCE_TERMINATED: "sentence.terminated",
    T.CASE_ALLOCATED: "case.allocated", T.CASE_TRANSFERRED: "case.transferred", T.ROSH_CHANGED: "rosh.changed",
    T.MAPPA_REGISTERED: "mappa.registered", T.MAPPA_DEREGISTERED: "mappa.deregistered",
    T.SAFEGUARDING_REGISTERED: "safeguarding.registered", T.SAFEGUARDING_ENDED: "safeguarding.ended",
    T.TIER_CHANGED: "tier.calculation.changed", T.FAILURE_TO_COMPLY_RECORDED: "failure-to-comply.recorded",
    T.BREACH_INITIATED: "breach.initiated", T.BREACH_DECIDED: "breach.decided",
    T.RECALL_RECOMMENDED: "recall.recommended", T.STANDARD_OVERDUE: "standard.overdue",
}
SHAPES: dict[EventType, Shape] = {
    T.CASE_CREATED: Shape(1, (), "A case was opened."),
    T.SENTENCE_ADDED: Shape(1, ("sentenceId", "sentenceType"), "A sentence was added to the case."),
    T.SENTENCE_TERMINATED: Shape(1, ("sentenceId",), "A sentence was terminated."),
    T.CASE_ALLOCATED: Shape(1, ("provider",), "The case was allocated (first allocation or a reallocation)."),
    T.CASE_TRANSFERRED: Shape(1, ("from", "to"), "The case was transferred to another officer or provider (the providers before and after)."),
    T.ROSH_CHANGED: Shape(1, ("from", "to"), "The current RoSH level changed (levels; null: none before)."),
    T.MAPPA_REGISTERED: Shape(1, ("category", "level"), "A MAPPA registration was made."),
    T.MAPPA_DEREGISTERED: Shape(1, ("category",), "A MAPPA registration ended."),
    T.SAFEGUARDING_REGISTERED: Shape(1, ("kind",), "A safeguarding registration was made."),
    T.SAFEGUARDING_ENDED: Shape(1, ("kind",), "A safeguarding registration was given an end date."),
    T.TIER_CHANGED: Shape(1, ("from", "to"), "The tier changed (tiers; null: none before)."),
    T.FAILURE_TO_COMPLY_RECORDED: Shape(1, ("sentenceId",), "A failure to comply was recorded."),
    T.BREACH_INITIATED: Shape(1, ("sentenceId",), "Breach action was initiated."),
    T.BREACH_DECIDED: Shape(1, ("sentenceId", "outcome"), "The court's breach outcome was recorded."),
    T.RECALL_RECOMMENDED: Shape(1, ("sentenceId", "emergency"), "A recall was recommended."),
    T.STANDARD_OVERDUE: Shape(1, ("standard",), "A standard became OVERDUE with the passage of time (daily job)."),
}


def dotted(event_type: EventType) -> str:
    """The HMPPS ``eventType`` string, e.g. ``probation-case.rosh.changed``."""
    return Shape.dotted(event_type)


@dataclass(frozen=True)
class Draft:
    """An event a change produces, before it is placed on a case's outbox; ``key`` (optional)
    makes its id deterministic, so the same fact announced twice is stored once."""

    type: EventType
    detail: dict[str, Any] = field(default_factory=dict)
    key: str | None = None


@dataclass(frozen=True)
class DomainEvent:
    """An event as stored: who may hear it was decided when it happened (``provider`` and
    ``restricted_to`` for staff scope; ``partners``: per agency that may receive it, the detail it
    may see)."""

    id: str
    type: EventType
    version: int
    occurred_at: datetime
    crn: str
    case_id: str
    case_version: int
    detail: dict[str, Any]
    provider: str | None
    restricted_to: tuple[str, ...] | None
    partners: dict[str, dict[str, Any]]
    position: int | None = None  # the feed's order, given when the relay stores it


def event_id(crn: str, draft: Draft) -> str:
    """A new sortable id, or one derived from the draft's key (the same fact: the same id)."""
    if draft.key is None:
        return ordered_id()
    return "e" + hashlib.sha256(f"{crn}\x00{draft.type.value}\x00{draft.key}".encode()).hexdigest()[:31]

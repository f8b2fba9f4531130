"""Victim contact eligibility of a sentence, for reading (VIC-1, VIC-2). Nothing about any victim
is held on the case (VIC-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.case import Case, Sentence
from domain.core.enums import VictimContactScheme
from domain.sharing.standards import vic_2_due, victim_contact_scheme
from domain.sharing.victims import VictimContactDecision


@dataclass(frozen=True)
class VictimContact:
    scheme: VictimContactScheme
    reason: str
    offer_due_by: date | None  # statutory contact only (VIC-2)


def victim_contact(sentence: Sentence) -> VictimContact | None:
    scheme, reason = victim_contact_scheme(sentence)
    if scheme is None:
        return None
    due = vic_2_due(sentence) if scheme is VictimContactScheme.STATUTORY else None
    return VictimContact(scheme, reason, due)


def contact_closure(case: Case, sentence_id: str) -> tuple[VictimContactDecision, date] | None:
    """VIC-1: the earliest closing decision for a sentence's victim contact (an offer wins a tie)."""
    offered = case.victim_contact_offered.get(sentence_id)
    declined = case.victim_contact_not_appropriate.get(sentence_id)
    if offered is not None and (declined is None or offered <= declined):
        return VictimContactDecision.OFFERED, offered
    if declined is not None:
        return VictimContactDecision.NOT_APPROPRIATE, declined
    return None

"""Victim contact eligibility of a sentence, for reading (VIC-1, VIC-2). Nothing about any victim
is held on the case (VIC-3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.case import Sentence
from domain.core.enums import VictimContactScheme
from domain.sharing.standards import vic_2_due, victim_contact_scheme


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

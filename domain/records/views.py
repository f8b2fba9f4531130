"""Reads of requirements the schema maps: programme eligibility (REQ-PRG-1), the programme
catalogue, and when a requirement is in force (for notifications and drug tests)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.case import Case, Sentence
from domain.core.enums import RequirementType
from domain.records import periods
from domain.records.model import Requirement
from domain.records.programmes import (
    BY_CODE,
    PROGRAMMES,
    Confirmation,
    EligibilityStatus,
    Programme,
    evaluate,
    facts_on,
    find_programme,
)


@dataclass(frozen=True)
class CriterionView:
    requires: str
    source: str
    quote: str | None
    met: bool | None
    explanation: str


@dataclass(frozen=True)
class EligibilityView:
    programme: Programme | None
    status: EligibilityStatus
    evaluated_on: date
    referred: bool
    criteria: tuple[CriterionView, ...]
    detail: str


def programme_eligibility(case: Case, sentence: Sentence, requirement: Requirement,
                          today: date) -> EligibilityView | None:
    """For a programme requirement: the eligibility recorded at the latest referral; before any
    referral, the criteria evaluated on today's record, with what the officer must still confirm."""
    if requirement.type is not RequirementType.PROGRAMME:
        return None
    if requirement.programme_referrals:
        latest = requirement.programme_referrals[-1]
        return EligibilityView(BY_CODE.get(latest.programme_code), EligibilityStatus(latest.status), latest.referred_on,
                               True, tuple(CriterionView(c.requires, c.source, None, c.met, c.explanation)
                                           for c in latest.criteria), latest.detail)
    programme = find_programme(requirement.programme)
    on = max(today, sentence.imposed_on)
    found = evaluate(programme, facts_on(case, on), referral=False)
    detail = found.detail if programme else f"'{requirement.programme}' is not a programme in the catalogue: name one at referral"
    return EligibilityView(programme, found.status, on, False,
                           tuple(CriterionView(o.condition.requires, o.condition.source.cite, o.condition.source.quote,
                                               o.met, o.explanation) for o in found.outcomes), detail)


def catalogue() -> tuple[Programme, ...]:
    return PROGRAMMES


def confirmations() -> tuple[Confirmation, ...]:
    return tuple(Confirmation)


def in_force(sentence: Sentence, requirement: Requirement) -> tuple[date, date]:
    """(first day, last day) the requirement is in force."""
    return periods.starts_on(sentence, requirement), periods.ends_on(sentence, requirement)

"""What the delivery records add up to, for reading: unpaid work progress, RAR days delivered,
whether an Approved Premises referral was in time. The GraphQL types map these; they compute
nothing themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.case import Sentence
from domain.core.enums import RequirementType
from domain.delivery.model import ApprovedPremisesReferral
from domain.delivery.rules import ap_1_due, ete_cap_minutes, rar_activity_days_delivered, unpaid_work_completion_due
from domain.records.model import Requirement


@dataclass(frozen=True)
class UnpaidWorkProgress:
    ordered_minutes: int
    credited_minutes: int
    remaining_minutes: int
    ete_cap_minutes: int
    ete_credited_minutes: int
    completion_due: date


def unpaid_work_progress(sentence: Sentence, requirement: Requirement) -> UnpaidWorkProgress | None:
    """REQ-UPW-3/4 figures for an unpaid work requirement (None for any other type)."""
    if requirement.type is not RequirementType.UNPAID_WORK:
        return None
    sessions = [s for s in sentence.unpaid_work_sessions if s.requirement_id == requirement.id]
    ordered = (requirement.hours or 0) * 60
    credited = sum(s.credited_minutes for s in sessions)
    return UnpaidWorkProgress(ordered, credited, max(ordered - credited, 0), ete_cap_minutes(requirement.hours or 0),
                              sum(s.credited_education_training_employment_minutes for s in sessions),
                              unpaid_work_completion_due(sentence, requirement))


def activity_days_delivered(sentence: Sentence, requirement: Requirement) -> int | None:
    """REQ-RAR-1: distinct activity days delivered under a RAR (None for any other type)."""
    if requirement.type is not RequirementType.REHABILITATION_ACTIVITY:
        return None
    return len(rar_activity_days_delivered(sentence, requirement.id))


def referral_on_time(sentence: Sentence, referral: ApprovedPremisesReferral) -> bool:
    """AP-1: made at least three months before release."""
    return sentence.release_date is not None and referral.referred_on <= ap_1_due(sentence.release_date)

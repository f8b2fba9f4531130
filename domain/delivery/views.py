"""What the delivery records add up to, for reading: unpaid work progress, RAR days delivered,
whether an Approved Premises referral was in time, whether a record was entered late, the needs a
plan identified and whether they are met, accommodation and employment at the start and end of
supervision, and the current priority offender designation. The GraphQL types map these; they
compute nothing themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.base import recorded_late
from domain.core.case import Case, Sentence
from domain.core.enums import RequirementType
from domain.delivery import outcomes, priority
from domain.delivery.model import Appointment, ApprovedPremisesReferral, EmploymentSpell, PriorityOffenderPeriod
from domain.delivery.outcomes import OutcomesTally, PathwayNeed
from domain.delivery.rules import ap_1_due, ete_cap_minutes, rar_activity_days_delivered, unpaid_work_completion_due
from domain.delivery.vocabulary import SupervisionPoint
from domain.records.model import Requirement

__all__ = ["OutcomesTally", "PathwayNeed", "activity_days_delivered", "appointment_recorded_late", "kept_four_weeks",
           "pathway_needs", "priority_offender", "referral_on_time", "status_at", "unpaid_work_progress"]


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


def appointment_recorded_late(appointment: Appointment) -> bool:
    """REC-1 on an appointment: its arrangement recorded after the day it was arranged, or its
    outcome recorded after the appointment's day."""
    stamp = appointment.outcome_stamp
    return (recorded_late(appointment.arranged_day, appointment.recorded)
            or (stamp is not None and recorded_late(appointment.date, stamp)))


def pathway_needs(case: Case, as_of: date) -> list[PathwayNeed]:
    return outcomes.pathway_needs(case, as_of)


def status_at(sentence: Sentence, point: SupervisionPoint):
    return outcomes.status_at(sentence, point)


def kept_four_weeks(sentence: Sentence, spell: EmploymentSpell, as_of: date) -> bool:
    """Whether this spell counts for the RRDP employment measure on ``as_of``."""
    return outcomes.found_and_kept_spell(spell, sentence, as_of)


def priority_offender(case: Case) -> PriorityOffenderPeriod | None:
    return priority.current(case)

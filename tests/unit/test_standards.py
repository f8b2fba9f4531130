"""Standards statuses at their boundaries: day N and N+1 of each deadline, weekends, bank
holidays (Christmas, Easter), leap years; and determinism for a given asOf."""

from datetime import date

import pytest

from domain.core.enums import (
    AllocationKind,
    AppointmentKind,
    AppointmentOutcome,
    OffenceCategory,
    RequirementType,
    RoshLevel,
    SentenceType,
)
from domain.delivery.model import (
    ApprovedPremisesReferral,
    Evaluation,
    PlanReview,
    Termination,
    UnpaidWorkSession,
)
from domain.standards import StandardState as St
from domain.standards import evaluate, overdue_from
from tests import builders
from tests.builders import STAMP


def status(case, standard, as_of):
    found = [s for s in evaluate(case, as_of) if s.standard == standard]
    assert len(found) <= 1, found
    return found[0] if found else None


def state(case, standard, as_of):
    found = status(case, standard, as_of)
    return found.state if found else St.NOT_APPLICABLE


def community_case(allocated_on=date(2026, 11, 20), imposed_on=date(2026, 11, 2), **sentence):
    case = builders.case()
    case.sentences.append(builders.sentence(imposed_on=imposed_on, **sentence))
    if allocated_on:
        builders.allocate(case, allocated_on)
    return case


def licence_case(release=date(2026, 4, 2), imposed_on=date(2025, 10, 1), term=24, category=OffenceCategory.ACQUISITIVE):
    case = builders.case()
    case.sentences.append(builders.sentence(type=SentenceType.LICENCE, imposed_on=imposed_on, length_months=term,
                                            custodial_term_months=term, release_date=release, category=category,
                                            committed_on=date(2025, 1, 1)))
    return case


# ALLOC-1 -------------------------------------------------------------------------------------

def test_alloc_1_due_without_a_date_until_allocated_then_met():
    case = community_case(allocated_on=None)
    assert status(case, "ALLOC-1", date(2027, 6, 1)).state is St.DUE
    assert status(case, "ALLOC-1", date(2027, 6, 1)).due_by is None
    builders.allocate(case, date(2026, 11, 3))
    assert state(case, "ALLOC-1", date(2026, 11, 3)) is St.MET


# APPT-1 / APPT-2 / IND-1 ---------------------------------------------------------------------

def test_appt_1_due_5_working_days_after_allocation_over_a_weekend():
    case = community_case(allocated_on=date(2026, 11, 20))  # a Friday
    assert status(case, "APPT-1", date(2026, 11, 20)).due_by == date(2026, 11, 27)
    assert state(case, "APPT-1", date(2026, 11, 27)) is St.DUE
    assert state(case, "APPT-1", date(2026, 11, 28)) is St.OVERDUE


@pytest.mark.parametrize("seen_on, expected", [(date(2026, 11, 27), St.MET), (date(2026, 11, 30), St.NOT_MET)])
def test_appt_1_met_on_day_n_not_met_on_day_n_plus_1(seen_on, expected):
    case = community_case(allocated_on=date(2026, 11, 20))
    builders.appointment(case.sentences[0], seen_on)
    assert state(case, "APPT-1", date(2026, 12, 10)) is expected


def test_appt_1_over_christmas_skips_the_bank_holidays():
    case = community_case(allocated_on=date(2026, 12, 22), imposed_on=date(2026, 12, 21))
    assert status(case, "APPT-1", date(2026, 12, 22)).due_by == date(2026, 12, 31)


def test_appt_1_counts_face_to_face_arrangements_whatever_the_outcome():
    case = community_case(allocated_on=date(2026, 11, 20))
    sentence = case.sentences[0]
    builders.appointment(sentence, date(2026, 11, 23), face_to_face=False)
    builders.appointment(sentence, date(2026, 11, 24), outcome=AppointmentOutcome.RESCHEDULED)
    assert state(case, "APPT-1", date(2026, 11, 30)) is St.OVERDUE
    builders.appointment(sentence, date(2026, 11, 26), outcome=AppointmentOutcome.FAILED_TO_ATTEND)
    assert state(case, "APPT-1", date(2026, 11, 30)) is St.MET  # the absence is the offender's failure, not the officer's


def test_appt_1_does_not_apply_before_allocation():
    assert state(community_case(allocated_on=None), "APPT-1", date(2027, 1, 1)) is St.NOT_APPLICABLE


def test_appt_2_due_the_next_working_day_after_release_over_easter():
    case = licence_case(release=date(2026, 4, 2))  # Thursday before Good Friday
    assert status(case, "APPT-2", date(2026, 4, 2)).due_by == date(2026, 4, 7)
    assert state(case, "APPT-2", date(2026, 4, 7)) is St.DUE
    assert state(case, "APPT-2", date(2026, 4, 8)) is St.OVERDUE


@pytest.mark.parametrize("seen_on, expected", [(date(2026, 4, 2), St.MET), (date(2026, 4, 7), St.MET),
                                               (date(2026, 4, 8), St.NOT_MET)])
def test_appt_2_met_on_release_day_or_by_the_next_working_day(seen_on, expected):
    case = licence_case(release=date(2026, 4, 2))
    builders.appointment(case.sentences[0], seen_on)
    assert state(case, "APPT-2", date(2026, 5, 1)) is expected


def test_ind_1_needs_an_induction_by_the_first_appointment_due_date():
    case = community_case(allocated_on=date(2026, 11, 20))
    builders.appointment(case.sentences[0], date(2026, 11, 23))
    assert state(case, "IND-1", date(2026, 11, 27)) is St.DUE
    assert state(case, "IND-1", date(2026, 11, 30)) is St.OVERDUE
    builders.appointment(case.sentences[0], date(2026, 11, 26), kind=AppointmentKind.INDUCTION)
    assert state(case, "IND-1", date(2026, 11, 30)) is St.MET


# PLAN-1 to PLAN-5 ----------------------------------------------------------------------------

def test_plan_3_high_rosh_due_within_5_working_days_of_commencement():
    case = community_case(allocated_on=date(2026, 11, 20))  # sentenced Monday 2026-11-02: the clock runs from then
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 1))
    assert status(case, "PLAN-3", date(2026, 11, 2)).due_by == date(2026, 11, 9)
    assert state(case, "PLAN-3", date(2026, 11, 10)) is St.OVERDUE
    builders.plan(case.sentences[0], date(2026, 11, 9), RoshLevel.HIGH, rmp="Weekly contact")
    assert state(case, "PLAN-3", date(2026, 11, 10)) is St.MET


def test_plan_3_below_high_has_no_date():
    case = community_case(allocated_on=date(2026, 11, 20))
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 11, 19))
    found = status(case, "PLAN-3", date(2027, 6, 1))
    assert found.state is St.DUE and found.due_by is None


def test_plan_3_a_first_assessment_made_late_does_not_move_the_clock():
    case = community_case(allocated_on=date(2026, 11, 2))
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 20))  # nothing assessed in the first 5 working days
    assert status(case, "PLAN-3", date(2026, 11, 20)).due_by == date(2026, 11, 9)
    assert state(case, "PLAN-3", date(2026, 11, 20)) is St.OVERDUE
    assert status(case, "PLAN-3", date(2026, 11, 19)).due_by is None  # not yet known as HIGH on that day


def test_plan_1_not_met_when_risk_rose_after_the_plan():
    case = community_case()
    builders.assess(case, RoshLevel.LOW, date(2026, 11, 2))
    builders.plan(case.sentences[0], date(2026, 11, 21), RoshLevel.LOW)
    assert state(case, "PLAN-1", date(2026, 11, 22)) is St.MET
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 12, 1))
    assert state(case, "PLAN-1", date(2026, 11, 30)) is St.MET  # as of before the change
    assert state(case, "PLAN-1", date(2026, 12, 1)) is St.NOT_MET


def test_plan_2_child_risk_needs_a_targeted_objective():
    case = community_case()
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 11, 2), children=RoshLevel.MEDIUM)
    assert state(case, "PLAN-2", date(2026, 11, 25)) is St.DUE
    builders.plan(case.sentences[0], date(2026, 11, 21), RoshLevel.MEDIUM, rmp="r")
    assert state(case, "PLAN-2", date(2026, 11, 25)) is St.NOT_MET
    builders.plan(case.sentences[0], date(2026, 11, 24), RoshLevel.MEDIUM, rmp="r", children=True)
    assert state(case, "PLAN-2", date(2026, 11, 25)) is St.MET


@pytest.mark.parametrize("planned_on, expected", [
    (date(2026, 1, 8), St.MET),       # 12 weeks before release on 2026-04-02
    (date(2026, 4, 1), St.MET),       # the day before release
    (date(2026, 4, 2), St.OVERDUE),   # the release day is post-release
])
def test_plan_4_pre_release_plan_within_12_weeks(planned_on, expected):
    case = licence_case(release=date(2026, 4, 2))
    builders.plan(case.sentences[0], planned_on)
    assert state(case, "PLAN-4", date(2026, 4, 10)) is expected


def test_plan_5_alloc_4_transfer_after_a_plan_sets_a_review_due_until_reviewed():
    case = community_case(allocated_on=date(2026, 11, 3))
    sentence = case.sentences[0]
    builders.plan(sentence, date(2026, 11, 5))
    assert state(case, "PLAN-5", date(2026, 11, 20)) is St.NOT_APPLICABLE
    builders.allocate(case, date(2026, 11, 10), kind=AllocationKind.TRANSFER, officer="N2")
    assert status(case, "PLAN-5", date(2026, 11, 20)).state is St.DUE
    assert status(case, "PLAN-5", date(2026, 11, 20)).due_by is None  # PF: no mandatory timescales
    sentence.plan_reviews.append(PlanReview(reviewed_on=date(2026, 11, 12), reason="Transfer", summary="s", recorded=STAMP))
    assert state(case, "PLAN-5", date(2026, 11, 20)) is St.MET


def test_plan_5_rosh_level_change_sets_a_review_due_but_a_same_level_reassessment_does_not():
    case = community_case(allocated_on=date(2026, 11, 3))
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 11, 3))
    builders.plan(case.sentences[0], date(2026, 11, 5), RoshLevel.MEDIUM, rmp="r")
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 11, 10))
    assert state(case, "PLAN-5", date(2026, 11, 20)) is St.NOT_APPLICABLE
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 12))
    assert state(case, "PLAN-5", date(2026, 11, 20)) is St.DUE


# AP-1 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("release, referred, expected", [
    (date(2027, 3, 31), date(2026, 12, 31), St.MET),
    (date(2027, 3, 31), date(2027, 1, 1), St.NOT_MET),
    (date(2028, 5, 29), date(2028, 2, 29), St.MET),      # leap day is the last day in time
    (date(2028, 5, 29), date(2028, 3, 1), St.NOT_MET),
])
def test_ap_1_referral_at_least_three_months_before_release(release, referred, expected):
    case = licence_case(release=release, imposed_on=date(2026, 6, 1), term=36)
    case.sentences[0].approved_premises_referrals.append(ApprovedPremisesReferral(referred_on=referred, recorded=STAMP))
    assert state(case, "AP-1", date(2028, 6, 1)) is expected


# VIC-1 / VIC-2 -------------------------------------------------------------------------------

@pytest.mark.parametrize("category, term, vic_1, vic_2", [
    (OffenceCategory.VIOLENT, 12, St.MET, St.DUE),
    (OffenceCategory.SEXUAL, 24, St.MET, St.DUE),
    (OffenceCategory.VIOLENT, 11, St.DUE, St.NOT_APPLICABLE),
    (OffenceCategory.INTIMATE_PARTNER_VIOLENCE, 6, St.DUE, St.NOT_APPLICABLE),
    (OffenceCategory.ACQUISITIVE, 24, St.NOT_APPLICABLE, St.NOT_APPLICABLE),
])
def test_vic_1_eligibility_from_offence_and_custodial_term(category, term, vic_1, vic_2):
    case = licence_case(category=category, term=term, imposed_on=date(2026, 1, 5), release=date(2026, 3, 1))
    assert state(case, "VIC-1", date(2026, 1, 6)) is vic_1
    assert state(case, "VIC-2", date(2026, 1, 6)) is vic_2


def test_vic_2_due_eight_weeks_after_sentence():
    case = licence_case(category=OffenceCategory.VIOLENT, term=18, imposed_on=date(2026, 1, 5), release=date(2026, 6, 1))
    assert status(case, "VIC-2", date(2026, 1, 5)).due_by == date(2026, 3, 2)
    assert state(case, "VIC-2", date(2026, 3, 2)) is St.DUE
    assert state(case, "VIC-2", date(2026, 3, 3)) is St.OVERDUE


def test_vic_1_intimate_partner_violence_on_a_community_order_is_discretionary():
    case = community_case(category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    assert "Discretionary" in status(case, "VIC-1", date(2026, 11, 3)).detail


# END-1 / END-2 -------------------------------------------------------------------------------

def test_end_1_window_opens_eight_weeks_before_the_end_and_is_overdue_after_it():
    case = community_case()  # ends 2027-11-01
    assert state(case, "END-1", date(2027, 9, 5)) is St.NOT_APPLICABLE
    assert state(case, "END-1", date(2027, 9, 6)) is St.DUE
    assert state(case, "END-1", date(2027, 11, 1)) is St.DUE
    assert state(case, "END-1", date(2027, 11, 2)) is St.OVERDUE
    case.sentences[0].evaluation = Evaluation(completed_on=date(2027, 10, 1), summary="s", recorded=STAMP)
    assert state(case, "END-1", date(2027, 11, 2)) is St.MET


def test_end_2_after_the_end_the_termination_is_due_until_recorded():
    case = community_case()
    assert state(case, "END-2", date(2027, 10, 31)) is St.NOT_APPLICABLE
    assert state(case, "END-2", date(2027, 11, 1)) is St.DUE
    case.sentences[0].termination = Termination(terminated_on=date(2027, 11, 1), reason="Completed",
                                                agencies_notified=["Police"], continuing_restrictions_explained=True,
                                                recorded=STAMP)
    assert state(case, "END-2", date(2027, 11, 2)) is St.MET


# REQ-UPW-2 / REQ-UPW-3 -----------------------------------------------------------------------

def upw_case(sentence_type=SentenceType.COMMUNITY_ORDER, length=24, hours=40, allocated_on=date(2026, 11, 20)):
    requirement = builders.requirement(RequirementType.UNPAID_WORK, hours=hours)
    case = community_case(allocated_on=allocated_on, type=sentence_type, length_months=length, requirements=[requirement],
                          custodial_term_months=6 if sentence_type is SentenceType.SUSPENDED_SENTENCE_ORDER else None)
    return case, case.sentences[0], requirement


def session(sentence, requirement, on, minutes):
    sentence.unpaid_work_sessions.append(UnpaidWorkSession(requirement_id=requirement.id, date=on, minutes_worked=minutes,
                                                           credited_minutes=minutes,
                                                           credited_education_training_employment_minutes=0, recorded=STAMP))


@pytest.mark.parametrize("first_session, expected", [(date(2026, 12, 1), St.MET), (date(2026, 12, 2), St.NOT_MET)])
def test_req_upw_2_first_session_within_7_working_days_of_allocation(first_session, expected):
    case, sentence, requirement = upw_case()  # allocated Friday 2026-11-20 -> due Tuesday 2026-12-01
    assert status(case, "REQ-UPW-2", date(2026, 11, 20)).due_by == date(2026, 12, 1)
    session(sentence, requirement, first_session, 60)
    assert state(case, "REQ-UPW-2", date(2026, 12, 10)) is expected


def test_req_upw_3_hours_due_within_12_months_of_sentence():
    case, sentence, requirement = upw_case(hours=40)  # imposed 2026-11-02
    assert status(case, "REQ-UPW-3", date(2026, 11, 20)).due_by == date(2027, 11, 1)
    assert state(case, "REQ-UPW-3", date(2027, 11, 2)) is St.OVERDUE
    session(sentence, requirement, date(2027, 1, 5), 1200)
    assert state(case, "REQ-UPW-3", date(2027, 11, 2)) is St.OVERDUE
    session(sentence, requirement, date(2027, 11, 1), 1200)
    assert state(case, "REQ-UPW-3", date(2027, 11, 2)) is St.MET


def test_req_upw_3_sso_work_never_runs_beyond_its_operational_period():
    case, _, _ = upw_case(SentenceType.SUSPENDED_SENTENCE_ORDER, length=6)
    assert status(case, "REQ-UPW-3", date(2026, 11, 20)).due_by == date(2027, 5, 1)


def test_req_upw_3_leap_year_sentence():
    requirement = builders.requirement(RequirementType.UNPAID_WORK, hours=40)
    case = community_case(imposed_on=date(2024, 2, 29), allocated_on=date(2024, 3, 1), requirements=[requirement])
    assert status(case, "REQ-UPW-3", date(2024, 3, 1)).due_by == date(2025, 2, 27)


# Determinism, lapse and the overdue index ----------------------------------------------------

def test_the_same_history_gives_the_same_answer_for_the_same_as_of():
    case = community_case(allocated_on=date(2026, 11, 20))
    before = evaluate(case, date(2026, 11, 30))
    builders.appointment(case.sentences[0], date(2026, 12, 3), kind=AppointmentKind.INDUCTION)  # after asOf
    assert evaluate(case, date(2026, 11, 30)) == before


def test_a_terminated_sentence_owes_only_its_completion_duties():
    case = community_case(allocated_on=date(2026, 11, 20))
    case.sentences[0].termination = Termination(terminated_on=date(2026, 11, 24), reason="Revoked",
                                                agencies_notified=["Court"], continuing_restrictions_explained=True,
                                                recorded=STAMP)
    standards = {s.standard for s in evaluate(case, date(2026, 12, 20))}
    assert "APPT-1" not in standards and "IND-1" not in standards
    assert {"END-1", "END-2"} <= standards


def test_overdue_from_is_the_day_after_the_earliest_unmet_deadline():
    case = community_case(allocated_on=date(2026, 11, 20))
    assert overdue_from(case) == date(2026, 11, 28)  # APPT-1 and IND-1 due 2026-11-27
    builders.appointment(case.sentences[0], date(2026, 11, 23), kind=AppointmentKind.INDUCTION)
    assert overdue_from(case) == date(2027, 11, 2)  # END-1: the end of the order
    assert community_case(allocated_on=None).sentences and overdue_from(builders.case()) is None

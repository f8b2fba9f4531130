"""Rules on what is recorded against a sentence: REQ-UPW-4 credit, REQ-RAR-1 activity days,
PLAN-1/2/4 on a new plan, END-1 and END-2, REQ-UPW-3 extensions."""

from datetime import date, timedelta

import pytest

from domain.core.enums import OffenceCategory, RequirementType, RoshLevel, SentenceType
from domain.core.errors import ErrorCode
from domain.delivery import rules as records
from domain.delivery.commands import (
    CompleteEvaluation,
    PlanObjectiveDetails,
    RecordPlan,
    RecordRarActivityDay,
    RecordUnpaidWorkSession,
    TerminateSentence,
    VaryRequirement,
)
from domain.delivery.model import RarActivityDay, UnpaidWorkSession
from tests import builders
from tests.builders import STAMP

TODAY = date(2026, 11, 20)


def upw(hours=100):
    requirement = builders.requirement(RequirementType.UNPAID_WORK, hours=hours)
    sentence = builders.sentence(requirements=[requirement])
    return sentence, requirement


def session_command(requirement, minutes, ete=0, on=date(2026, 11, 10)):
    return RecordUnpaidWorkSession(crn="X123456", sentence_id="s", requirement_id=requirement.id, date=on,
                                   minutes_worked=minutes, education_training_employment_minutes=ete)


def credit(sentence, requirement, minutes, ete=0):
    command = session_command(requirement, minutes, ete)
    credited, credited_ete = records.unpaid_work_credit(sentence, requirement, command)
    sentence.unpaid_work_sessions.append(UnpaidWorkSession(
        requirement_id=requirement.id, date=command.date, minutes_worked=minutes,
        education_training_employment_minutes=ete, credited_minutes=credited,
        credited_education_training_employment_minutes=credited_ete, recorded=STAMP))
    return credited, credited_ete


@pytest.mark.parametrize("hours, cap", [(40, 720), (41, 738), (100, 1800), (300, 5400)])
def test_req_upw_4_ete_cap_is_30_percent_of_the_hours_in_whole_minutes(hours, cap):
    assert records.ete_cap_minutes(hours) == cap


def test_req_upw_4_ete_credit_stops_at_the_cap():
    sentence, requirement = upw(hours=40)  # cap 720 minutes
    assert credit(sentence, requirement, 600, ete=600) == (600, 600)
    assert credit(sentence, requirement, 300, ete=300) == (120, 120)  # only 120 ETE minutes left
    assert credit(sentence, requirement, 300, ete=100) == (200, 0)  # ETE exhausted, other work counts


def test_req_upw_4_credit_never_exceeds_the_hours_remaining():
    sentence, requirement = upw(hours=40)  # 2400 minutes
    assert credit(sentence, requirement, 2300) == (2300, 0)
    assert credit(sentence, requirement, 420) == (100, 0)
    assert records.unpaid_work_session(sentence, requirement, session_command(requirement, 60), TODAY)[0].standard == "REQ-UPW-4"


def test_req_upw_4_no_outcome_for_a_future_session():
    sentence, requirement = upw()
    [violation] = records.unpaid_work_session(sentence, requirement, session_command(requirement, 60, on=TODAY + timedelta(days=1)), TODAY)
    assert violation.field == ("date",) and "future" in violation.message


def test_req_upw_4_ete_minutes_are_part_of_the_minutes_worked():
    sentence, requirement = upw()
    [violation] = records.unpaid_work_session(sentence, requirement, session_command(requirement, 60, ete=61), TODAY)
    assert violation.field == ("educationTrainingEmploymentMinutes",)


def rar(days=2):
    requirement = builders.requirement(RequirementType.REHABILITATION_ACTIVITY, days=days)
    return builders.sentence(requirements=[requirement]), requirement


def rar_command(requirement, on):
    return RecordRarActivityDay(crn="X123456", sentence_id="s", requirement_id=requirement.id, date=on, description="Session")


def test_req_rar_1_never_more_activity_days_than_the_court_set():
    sentence, requirement = rar(days=2)
    for on in (date(2026, 11, 9), date(2026, 11, 10)):
        assert records.rar_activity_day(sentence, requirement, rar_command(requirement, on), TODAY) == []
        sentence.rar_activity_days.append(RarActivityDay(requirement_id=requirement.id, date=on, description="d", recorded=STAMP))
    [violation] = records.rar_activity_day(sentence, requirement, rar_command(requirement, date(2026, 11, 11)), TODAY)
    assert violation.standard == "REQ-RAR-1" and "at most 2" in violation.message
    # a second activity on a day already counted is not a new activity day
    assert records.rar_activity_day(sentence, requirement, rar_command(requirement, date(2026, 11, 10)), TODAY) == []


def plan_command(completed_on=date(2026, 11, 10), level=RoshLevel.LOW, rmp=None, children=False, objectives=None):
    return RecordPlan(crn="X123456", sentence_id="s", completed_on=completed_on, rosh_level_identified=level,
                      risk_management_plan=rmp,
                      objectives=objectives if objectives is not None else (PlanObjectiveDetails("Work", children),))


def plan_violations(case, sentence, command):
    return [(v.standard, v.code, v.field) for v in records.plan(case, sentence, command, TODAY)]


def test_plan_1_a_plan_identifies_the_present_rosh():
    case, sentence = builders.case(), builders.sentence()
    assert plan_violations(case, sentence, plan_command(level=None)) == [
        ("PLAN-1", ErrorCode.STANDARD_VIOLATION, ("roshLevelIdentified",))]
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 3))
    assert ("PLAN-1", ErrorCode.STANDARD_VIOLATION, ("roshLevelIdentified",)) in plan_violations(
        case, sentence, plan_command(level=RoshLevel.LOW, rmp="r"))


@pytest.mark.parametrize("level, needs_rmp", [(RoshLevel.LOW, False), (RoshLevel.MEDIUM, True), (RoshLevel.HIGH, True),
                                              (RoshLevel.VERY_HIGH, True)])
def test_plan_1_risk_management_plan_required_at_medium_or_above(level, needs_rmp):
    case, sentence = builders.assess(builders.case(), level, date(2026, 11, 3)), builders.sentence()
    expected = [("PLAN-1", ErrorCode.RISK_MANAGEMENT_PLAN_REQUIRED, ("riskManagementPlan",))] if needs_rmp else []
    assert plan_violations(case, sentence, plan_command(level=level, rmp="  ")) == expected
    assert plan_violations(case, sentence, plan_command(level=level, rmp="Weekly contact")) == []


def test_plan_1_a_plan_needs_an_objective():
    case, sentence = builders.case(), builders.sentence()
    assert plan_violations(case, sentence, plan_command(objectives=())) == [("PLAN-1", ErrorCode.STANDARD_VIOLATION, ("objectives",))]


@pytest.mark.parametrize("children, refused", [(RoshLevel.LOW, False), (RoshLevel.MEDIUM, True), (RoshLevel.HIGH, True)])
def test_plan_2_child_risk_medium_or_high_needs_a_targeted_objective(children, refused):
    case = builders.assess(builders.case(), RoshLevel.LOW, date(2026, 11, 3), children=children)
    expected = [("PLAN-2", ErrorCode.CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED, ("objectives",))] if refused else []
    assert plan_violations(case, builders.sentence(), plan_command()) == expected
    assert plan_violations(case, builders.sentence(), plan_command(children=True)) == []


@pytest.mark.parametrize("completed_on, refused", [(date(2026, 9, 7), True), (date(2026, 9, 8), False)])
def test_plan_4_pre_release_plan_no_more_than_12_weeks_before_release(completed_on, refused):
    sentence = builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2026, 1, 5), length_months=24,
                                 custodial_term_months=24, release_date=date(2026, 12, 1))
    expected = [("PLAN-4", ErrorCode.PLAN_TOO_EARLY, ("completedOn",))] if refused else []
    assert plan_violations(builders.case(), sentence, plan_command(completed_on=completed_on)) == expected


@pytest.mark.parametrize("completed_on, refused", [(date(2027, 9, 5), True), (date(2027, 9, 6), False)])
def test_end_1_evaluation_no_earlier_than_eight_weeks_before_the_end(completed_on, refused):
    sentence = builders.sentence()  # ends 2027-11-01; window opens 2027-09-06
    command = CompleteEvaluation(crn="X123456", sentence_id="s", completed_on=completed_on, summary="Good progress")
    found = records.evaluation(sentence, command, today=date(2027, 12, 1))
    assert [(v.standard, v.code) for v in found] == ([("END-1", ErrorCode.EVALUATION_TOO_EARLY)] if refused else [])


def test_end_2_termination_names_the_agencies_notified():
    sentence = builders.sentence()
    command = TerminateSentence(crn="X123456", sentence_id="s", terminated_on=date(2026, 11, 20), reason="Revoked",
                                agencies_notified=(), continuing_restrictions_explained=True)
    assert [v.standard for v in records.termination(sentence, command, TODAY)] == ["END-2"]
    command = TerminateSentence(crn="X123456", sentence_id="s", terminated_on=date(2026, 11, 20), reason="Revoked",
                                agencies_notified=("Police", " "), continuing_restrictions_explained=True)
    assert [v.standard for v in records.termination(sentence, command, TODAY)] == ["END-2"]


def vary(requirement, **changes):
    return VaryRequirement(crn="X123456", sentence_id="s", requirement_id=requirement.id, varied_on=date(2026, 11, 15),
                           rationale="Court varied", **changes)


def test_req_upw_3_only_a_community_order_may_be_extended_for_unpaid_work():
    requirement = builders.requirement(RequirementType.UNPAID_WORK, hours=100)
    sso = builders.sentence(type=SentenceType.SUSPENDED_SENTENCE_ORDER, custodial_term_months=6, requirements=[requirement])
    errors, _ = records.variation(builders.case(), sso, requirement, vary(requirement, extend_completion_to=date(2028, 1, 1)), TODAY)
    assert [v.standard for v in errors] == ["REQ-UPW-3"]
    co = builders.sentence(requirements=[requirement])
    errors, _ = records.variation(builders.case(), co, requirement, vary(requirement, extend_completion_to=date(2028, 1, 1)), TODAY)
    assert errors == []


def test_a_variation_passes_the_same_req_rules_as_a_new_requirement():
    requirement = builders.requirement(RequirementType.UNPAID_WORK, hours=100)
    sentence = builders.sentence(requirements=[requirement])
    errors, _ = records.variation(builders.case(), sentence, requirement, vary(requirement, hours=301), TODAY)
    assert [(v.standard, v.field) for v in errors] == [("REQ-UPW-1", ("hours",))]


def test_a_variation_cannot_go_below_what_was_delivered():
    sentence, requirement = upw(hours=100)
    credit(sentence, requirement, 50 * 60)
    errors, _ = records.variation(builders.case(), sentence, requirement, vary(requirement, hours=45), TODAY)
    assert [v.field for v in errors] == [("hours",)]


def test_exclusion_variation_checked_against_req_exc_1():
    requirement = builders.requirement(RequirementType.EXCLUSION, length_months=6, details="Leeds")
    sentence = builders.sentence(requirements=[requirement], category=OffenceCategory.VIOLENT)
    errors, _ = records.variation(builders.case(), sentence, requirement, vary(requirement, length_months=25), TODAY)
    assert [v.standard for v in errors] == ["REQ-EXC-1"]

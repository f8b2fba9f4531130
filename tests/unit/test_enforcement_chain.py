"""Enforcement follows the PF's chain (issue 10 items 5 to 8): the second live licence warning is
the final one (LIC-3); failures while breach is pending are added to it (ENF-3) and what the
court's outcome spends (ENF-5); ENF-6's emergency move is a decision; PSS committal is a breach
outcome and PLAN-5's trigger. Boundary days: the day before, of and after."""

from datetime import date, datetime, timedelta

import pytest

from domain.core.calendar import LONDON
from domain.core.enums import BreachOutcome, SentenceType
from domain.core.errors import ErrorCode
from domain.enforcement import compliance
from domain.enforcement import rules as enforcement
from domain.enforcement.commands import (
    AddFailureToBreach,
    EmergencyMoveDecision,
    RecordAddressChange,
    RecordBreachOutcome,
)
from domain.enforcement.model import Breach, BreachAddition, ComplianceWarning, Recall
from domain.standards import StandardState as St
from domain.standards import evaluate
from tests import builders
from tests.builders import STAMP
from tests.unit.test_compliance import PRACTITIONER, SENIOR, case_with, failure, sentence_with, status, warn

DAY = timedelta(days=1)
LAID = date(2025, 11, 3)           # breach laid on a Monday
COURT = date(2025, 12, 1)          # the court's outcome
PSS = SentenceType.POST_SENTENCE_SUPERVISION


# --- item 5: LIC-3, the second live licence warning is the final one ----------------------------

def licence_warned(*issued):
    s = sentence_with(failure(date(2025, 10, 1)), type=SentenceType.LICENCE)
    s.warnings.extend(ComplianceWarning(issued_on=d, final=False, rationale="r", recorded=STAMP) for d in issued)
    return s


@pytest.mark.parametrize("final", [False, True])
def test_lic_3_second_live_licence_warning_refuses_a_practitioner_whatever_final_says(final):
    s = licence_warned(date(2025, 10, 2))
    [violation] = enforcement.warning(PRACTITIONER, s, warn(final=final), date(2025, 12, 1))
    assert (violation.code, violation.standard, violation.field) == (ErrorCode.SENIOR_MANAGER_REQUIRED, "LIC-3", ("final",))
    assert "second and final" in violation.message


def test_lic_3_the_second_licence_warning_is_recorded_as_final_for_a_senior_manager():
    s = licence_warned(date(2025, 10, 2))
    assert enforcement.warning(SENIOR, s, warn(final=False), date(2025, 12, 1)) == []
    assert enforcement.warning_is_final(s, warn(final=False)) is True
    assert enforcement.warning_is_final(licence_warned(), warn(final=False)) is False


@pytest.mark.parametrize("rereleased_on, second", [
    (date(2025, 11, 30), False), (date(2025, 12, 1), False), (date(2025, 12, 2), True)])   # warning issued 1 December
def test_lic_3_lic_4_a_warning_spent_by_re_release_does_not_make_the_next_one_final(rereleased_on, second):
    s = licence_warned(date(2025, 10, 2))
    s.recalls.append(Recall(decided_at=datetime(2025, 10, 3, 9, tzinfo=LONDON), emergency=False, rationale="r",
                            rereleased_on=rereleased_on, recorded=STAMP))
    assert enforcement.warning_is_final(s, warn(on=date(2025, 12, 1))) is second


def test_lic_3_a_warning_backdated_before_a_live_one_is_also_the_second():
    s = licence_warned(date(2025, 11, 20))
    assert enforcement.warning_is_final(s, warn(on=date(2025, 11, 10))) is True


def test_lic_3_is_licence_only_a_second_pss_warning_is_not_forced_final():
    s = sentence_with(failure(date(2025, 10, 1)), type=PSS, imposed_on=date(2025, 6, 2), length=12)
    s.warnings.append(ComplianceWarning(issued_on=date(2025, 10, 2), final=False, rationale="r", recorded=STAMP))
    assert enforcement.warning_is_final(s, warn()) is False
    assert enforcement.warning(PRACTITIONER, s, warn(), date(2025, 12, 1)) == []


# --- item 6: failures while breach is pending ----------------------------------------------------

def pending(*failures, kind=SentenceType.COMMUNITY_ORDER, outcome=None):
    s = sentence_with(failure(LAID - 14 * DAY), failure(LAID - 7 * DAY), *failures, type=kind, imposed_on=date(2025, 1, 6),
                      length=24)
    s.breaches.append(Breach(initiated_on=LAID, rationale="r", outcome=outcome, outcome_on=COURT if outcome else None,
                             recorded=STAMP))
    return s


def add(s, f, on):
    s.breaches[-1].additions.append(BreachAddition(failure_id=f.id, added_on=on, rationale="r", recorded=STAMP))


def adding(f, on=None):
    return AddFailureToBreach(crn="X", sentence_id="s", failure_id=f.id, rationale="Further absence", added_on=on)


@pytest.mark.parametrize("failed_on, field", [(LAID - DAY, "failureId"), (LAID, "failureId"), (LAID + DAY, None)])
def test_enf_3_only_a_failure_after_breach_was_laid_can_be_added(failed_on, field):
    f = failure(failed_on)
    s = pending(f)
    errors = enforcement.addition(s, f, adding(f, LAID + 2 * DAY), date(2025, 12, 10))
    assert [v.field for v in errors] == ([(field,)] if field else [])


@pytest.mark.parametrize("added_on, field", [
    (LAID + DAY, "addedOn"), (LAID + 2 * DAY, None), (COURT - DAY, None), (COURT, "addedOn"),   # outcome on COURT
])
def test_enf_3_a_failure_is_added_while_the_breach_awaits_the_court_and_not_before_it_happened(added_on, field):
    f = failure(LAID + 2 * DAY)
    s = pending(f, outcome=BreachOutcome.ORDER_CONTINUED)
    assert [v.field for v in enforcement.addition(s, f, adding(f, added_on), date(2025, 12, 10))] == \
        ([(field,)] if field else [])


def test_enf_3_an_added_failure_must_be_decided_unacceptable_and_added_once():
    undecided = failure(LAID + 2 * DAY, acceptable=None)
    s = pending(undecided)
    assert [v.field for v in enforcement.addition(s, undecided, adding(undecided, LAID + 3 * DAY), COURT)] == [("failureId",)]
    f = failure(LAID + 2 * DAY)
    s = pending(f)
    add(s, f, LAID + 3 * DAY)
    assert [v.code for v in enforcement.addition(s, f, adding(f, LAID + 4 * DAY), COURT)] == [ErrorCode.DUPLICATE]


@pytest.mark.parametrize("added_on, expected", [
    (date(2025, 11, 12), St.MET), (date(2025, 11, 13), St.MET), (date(2025, 11, 14), St.NOT_MET)])
def test_enf_3_adding_the_failure_to_the_pending_breach_meets_it(added_on, expected):
    f = failure(LAID + 2 * DAY)                   # Wednesday 5 November: 6 working days is Thursday 13th
    s = pending(f)
    case = case_with(s)
    assert compliance.response_due(s, f.date) == date(2025, 11, 13)
    assert status(case, "ENF-3", date(2025, 11, 13)).detail.endswith("add it to the pending breach.")
    add(s, f, added_on)
    assert status(case, "ENF-3", date(2025, 11, 28)).state is expected


def test_enf_4_while_breach_is_pending_the_next_action_is_adding_the_failure():
    f = failure(LAID + 2 * DAY)
    s = pending(f)
    action = compliance.enforcement_due(s, LAID + 3 * DAY)
    assert (action.standard, action.action) == ("ENF-4", "Add the failure to comply of 2025-11-05 to the pending breach")
    enf_4 = status(case_with(s), "ENF-4", LAID + 3 * DAY)
    assert enf_4.state is St.DUE and "add the failure to the pending breach" in enf_4.detail
    add(s, f, LAID + 3 * DAY)
    assert status(case_with(s), "ENF-4", LAID + 3 * DAY).state is St.MET
    assert compliance.enforcement_due(s, LAID + 3 * DAY) is None


def test_enf_5_failures_spent_only_up_to_the_day_breach_was_laid():
    on_the_day, after = failure(LAID), failure(LAID + DAY)
    s = pending(on_the_day, after, outcome=BreachOutcome.ORDER_CONTINUED)
    assert compliance.unacceptable_failure_dates(s, COURT - DAY) == [LAID - 14 * DAY, LAID - 7 * DAY, LAID, LAID + DAY]
    assert compliance.unacceptable_failure_dates(s, COURT) == [LAID + DAY]   # not silently spent by the outcome


def test_enf_5_a_failure_added_to_the_breach_was_dealt_with_by_the_court():
    f = failure(LAID + DAY)
    s = pending(f, outcome=BreachOutcome.ORDER_CONTINUED)
    add(s, f, LAID + 2 * DAY)
    assert compliance.unacceptable_failure_dates(s, COURT - DAY)[-1] == LAID + DAY
    assert compliance.unacceptable_failure_dates(s, COURT) == []


@pytest.mark.parametrize("issued_on, spent", [(COURT - DAY, True), (COURT, True), (COURT + DAY, False)])
def test_enf_5_prior_warnings_spent_by_a_continued_order(issued_on, spent):
    s = pending(outcome=BreachOutcome.ORDER_CONTINUED)
    s.warnings.append(ComplianceWarning(issued_on=issued_on, final=False, rationale="r", recorded=STAMP))
    assert (len(compliance.spent_warnings(s, COURT + DAY)) == 1) is spent


def test_enf_5_a_failure_after_the_outcome_is_a_first_again_but_one_left_from_before_counts():
    left = failure(LAID + DAY)
    s = pending(left, failure(COURT + 7 * DAY), outcome=BreachOutcome.ORDER_CONTINUED)
    assert compliance.counting_failures(s, COURT + 7 * DAY) == [LAID + DAY, COURT + 7 * DAY]
    assert compliance.breach_required(s, COURT + 7 * DAY) is True


# --- item 7: ENF-6 is a decision ------------------------------------------------------------------

def move(emergency=True, decision=None, granted=None, permanent=True):
    return RecordAddressChange(crn="X", changed_on=date(2025, 11, 3), permanent=permanent, emergency=emergency,
                               details="Landlord removed them without notice", permission_granted=granted,
                               emergency_decision=decision)


def balanced(rationale="Evicted the same day; reported the next morning", on=None, warranted=False):
    return EmergencyMoveDecision(outside_offenders_control=True, breach_action_warranted=warranted, rationale=rationale,
                                 decided_on=on)


def order_case():
    return case_with(builders.sentence(imposed_on=date(2025, 6, 2), committed_on=date(2025, 5, 1)))


@pytest.mark.parametrize("decided_on, field", [
    (date(2025, 11, 2), ("emergencyDecision", "decidedOn")), (date(2025, 11, 3), None), (date(2025, 11, 20), None),
    (date(2025, 11, 21), ("emergencyDecision", "decidedOn"))])
def test_enf_6_the_balanced_decision_is_dated_from_the_move_to_today(decided_on, field):
    errors = enforcement.address_change(order_case(), move(decision=balanced(on=decided_on)), date(2025, 11, 20))
    assert [v.field for v in errors] == ([field] if field else [])


def test_enf_6_the_balanced_decision_needs_an_emergency_a_failure_and_a_rationale():
    case = order_case()
    today = date(2025, 11, 20)
    assert [v.field for v in enforcement.address_change(case, move(emergency=False, decision=balanced()), today)] \
        == [("emergencyDecision",)]
    assert [v.field for v in enforcement.address_change(case, move(decision=balanced(), granted=True), today)] \
        == [("emergencyDecision",)]
    [blank] = enforcement.address_change(case, move(decision=balanced(rationale=" ")), today)
    assert (blank.field, blank.standard) == (("emergencyDecision", "rationale"), "REC-2")


def test_enf_6_an_emergency_move_creates_a_failure_for_the_decision():
    s = order_case().sentences[0]
    assert enforcement.address_change_is_failure(s, move()) is True
    assert enforcement.address_change_is_failure(s, move(granted=True)) is False
    assert enforcement.address_change_is_failure(s, move(permanent=False)) is False


# --- item 8: PSS committal -------------------------------------------------------------------------

@pytest.mark.parametrize("kind, refused", [(PSS, False), (SentenceType.COMMUNITY_ORDER, True),
                                           (SentenceType.SUSPENDED_SENTENCE_ORDER, True)])
def test_enf_5_committal_to_custody_is_an_outcome_of_breach_of_pss_only(kind, refused):
    s = pending(kind=kind)
    command = RecordBreachOutcome(crn="X", sentence_id="s", decided_on=COURT, outcome=BreachOutcome.COMMITTED_TO_CUSTODY)
    assert [v.field for v in enforcement.breach_outcome(s, command, COURT)] == ([("outcome",)] if refused else [])


def test_enf_5_pss_committal_spends_like_a_continued_order():
    s = pending(kind=PSS, outcome=BreachOutcome.COMMITTED_TO_CUSTODY)
    s.warnings.append(ComplianceWarning(issued_on=LAID - DAY, final=False, rationale="r", recorded=STAMP))
    assert compliance.unacceptable_failure_dates(s, COURT) == [] and len(compliance.spent_warnings(s, COURT)) == 1


def with_plan(kind, outcome):
    s = pending(kind=kind, outcome=outcome)
    builders.plan(s, date(2025, 2, 1))
    return case_with(s)


@pytest.mark.parametrize("as_of, expected", [(COURT - DAY, None), (COURT, St.DUE), (COURT + DAY, St.DUE)])
def test_plan_5_committal_to_custody_for_breach_of_pss_sets_a_review_due(as_of, expected):
    found = status(with_plan(PSS, BreachOutcome.COMMITTED_TO_CUSTODY), "PLAN-5", as_of)
    assert (found.state if found else None) is expected
    if found:
        assert "committed to custody for breach of post-sentence supervision" in found.detail


def test_plan_5_a_revoked_community_order_is_not_a_committal_trigger():
    case = with_plan(SentenceType.COMMUNITY_ORDER, BreachOutcome.ORDER_REVOKED)
    assert status(case, "PLAN-5", COURT + DAY) is None
    assert [s for s in evaluate(case, COURT + DAY) if s.standard == "PLAN-5"] == []

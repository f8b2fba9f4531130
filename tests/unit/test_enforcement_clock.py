"""The enforcement clock from the event (issue 10 items 1, 2 and 4): undecided failures run ENF-3 /
LIC-1 like unacceptable ones, accepting the explanation closes them, ENF-4 says when a decision
would require breach, records are judged on their own date (REC-1), and LIC-2 is judged at
instants and met on receipt. Boundary days: the day before, of and after each deadline."""

from datetime import date, datetime, timedelta, timezone

import pytest

from domain.core.calendar import LONDON
from domain.core.enums import SentenceType
from domain.core.standards import first_overdue_day
from domain.enforcement import compliance
from domain.enforcement import rules as enforcement
from domain.enforcement.commands import DecideFailureToComply, ExplanationDetails, RecordRecallReportReceived
from domain.enforcement.model import ComplianceWarning, FailureDecision, Recall
from domain.standards import StandardState as St
from domain.standards import checks, evaluate
from tests.builders import STAMP
from tests.unit.test_compliance import PRACTITIONER, case_with, failure, sentence_with, status, warn

MONDAY = date(2025, 11, 3)          # ENF-3 due Tue 11 Nov (6 WD); LIC-1 due Fri 14 Nov (9 WD)
ENF_3_DUE, LIC_1_DUE = date(2025, 11, 11), date(2025, 11, 14)
DAY = timedelta(days=1)
PSS = SentenceType.POST_SENTENCE_SUPERVISION


def accept(f, on, rationale="GP letter: in hospital"):
    f.decisions.append(FailureDecision(acceptable=True, decided_on=on, rationale=rationale, recorded=STAMP))
    return f


def typed(kind, *failures):
    return sentence_with(*failures, type=kind, imposed_on=date(2025, 6, 2), length=24)


# --- item 1: undecided failures have a deadline ------------------------------------------------------

@pytest.mark.parametrize("kind", [SentenceType.COMMUNITY_ORDER, SentenceType.SUSPENDED_SENTENCE_ORDER, PSS])
@pytest.mark.parametrize("as_of, expected", [(ENF_3_DUE - DAY, St.DUE), (ENF_3_DUE, St.DUE), (ENF_3_DUE + DAY, St.OVERDUE)])
def test_enf_3_undecided_failure_is_due_until_the_6th_working_day_then_overdue(kind, as_of, expected):
    case = case_with(typed(kind, failure(MONDAY, acceptable=None)))
    found = status(case, "ENF-3", as_of)
    assert (found.state, found.due_by) == (expected, ENF_3_DUE)
    assert "awaiting decision" in found.detail


@pytest.mark.parametrize("as_of, expected", [(LIC_1_DUE - DAY, St.DUE), (LIC_1_DUE, St.DUE), (LIC_1_DUE + DAY, St.OVERDUE)])
def test_lic_1_undecided_licence_failure_is_due_by_the_9th_working_day(as_of, expected):
    case = case_with(typed(SentenceType.LICENCE, failure(MONDAY, acceptable=None)))
    assert (status(case, "LIC-1", as_of).state, status(case, "LIC-1", as_of).due_by) == (expected, LIC_1_DUE)
    assert status(case, "ENF-3", as_of) is None


def test_enf_3_undecided_failure_runs_the_same_clock_as_a_decided_unacceptable_one():
    undecided = case_with(typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY, acceptable=None)))
    decided = case_with(typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY, acceptable=False)))
    for as_of in (MONDAY, ENF_3_DUE, ENF_3_DUE + DAY):
        assert status(undecided, "ENF-3", as_of).state is status(decided, "ENF-3", as_of).state


@pytest.mark.parametrize("accepted_on, expected", [(ENF_3_DUE - DAY, St.MET), (ENF_3_DUE, St.MET), (ENF_3_DUE + DAY, St.NOT_MET)])
def test_enf_3_accepting_the_explanation_closes_it_met_on_time_not_met_late(accepted_on, expected):
    case = case_with(typed(SentenceType.COMMUNITY_ORDER, accept(failure(MONDAY, acceptable=None), accepted_on)))
    found = status(case, "ENF-3", date(2025, 12, 1))
    assert found.state is expected and found.detail.startswith(f"Explanation accepted on {accepted_on.isoformat()}: GP letter")
    assert status(case, "ENF-3", accepted_on - DAY).state is (St.DUE if accepted_on - DAY <= ENF_3_DUE else St.OVERDUE)


@pytest.mark.parametrize("accepted_on, expected", [(LIC_1_DUE, St.MET), (LIC_1_DUE + DAY, St.NOT_MET)])
def test_lic_1_accepting_the_explanation_closes_it(accepted_on, expected):
    case = case_with(typed(SentenceType.LICENCE, accept(failure(MONDAY, acceptable=None), accepted_on)))
    assert status(case, "LIC-1", date(2025, 12, 1)).state is expected


def test_enf_3_a_later_accepted_failure_does_not_hide_an_earlier_one_without_action():
    case = case_with(typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY, acceptable=False),
                           accept(failure(MONDAY + 2 * DAY, acceptable=None), MONDAY + 3 * DAY)))
    states = sorted(s.state.value for s in evaluate(case, ENF_3_DUE + DAY) if s.standard == "ENF-3")
    assert states == ["MET", "OVERDUE"]


def test_enf_3_a_warning_given_in_time_still_meets_it_when_the_decision_is_later_corrected_to_accepted():
    f = failure(MONDAY, acceptable=False)
    s = typed(SentenceType.COMMUNITY_ORDER, accept(f, ENF_3_DUE + 5 * DAY))
    s.warnings.append(ComplianceWarning(issued_on=MONDAY + DAY, final=False, rationale="r", recorded=STAMP))
    assert status(case_with(s), "ENF-3", date(2025, 12, 1)).state is St.MET


def test_enf_2_failures_on_one_day_run_one_clock_until_all_are_accepted():
    one, two = failure(MONDAY, acceptable=None), failure(MONDAY, acceptable=None)
    case = case_with(typed(SentenceType.COMMUNITY_ORDER, one, accept(two, MONDAY + DAY)))
    assert [s.state for s in evaluate(case, ENF_3_DUE + DAY) if s.standard == "ENF-3"] == [St.OVERDUE]
    accept(one, MONDAY + 2 * DAY)
    assert [s.state for s in evaluate(case, ENF_3_DUE + DAY) if s.standard == "ENF-3"] == [St.MET]


@pytest.mark.parametrize("kind, decided, undecided, named", [
    (SentenceType.COMMUNITY_ORDER, [date(2025, 3, 3)], [MONDAY], True),
    (SentenceType.COMMUNITY_ORDER, [date(2024, 11, 3)], [MONDAY], False),   # 12 months apart: outside the window
    (SentenceType.COMMUNITY_ORDER, [date(2024, 11, 4)], [MONDAY], True),    # one day inside
    (PSS, [date(2025, 7, 1)], [MONDAY], False),                             # PSS needs a 3rd
    (PSS, [date(2025, 7, 1), date(2025, 8, 1)], [MONDAY], True),
])
def test_enf_4_undecided_failure_that_would_reach_the_threshold_is_named(kind, decided, undecided, named):
    s = sentence_with(*[failure(d) for d in decided], *[failure(d, acceptable=None) for d in undecided],
                      type=kind, imposed_on=date(2024, 6, 3), length=36)
    case = case_with(s)
    assert len(compliance.counting_failures(s, MONDAY)) == len(decided)   # ENF-4 counts only decided ones
    assert status(case, "ENF-4", MONDAY) is None
    detail = status(case, "ENF-3", MONDAY).detail
    assert (f"If the failure of {MONDAY.isoformat()} is found unacceptable, breach is required" in detail) is named


def test_enf_3_lic_1_next_action_names_deciding_the_failure():
    for kind, rule, due in [(SentenceType.COMMUNITY_ORDER, "ENF-3", ENF_3_DUE), (SentenceType.LICENCE, "LIC-1", LIC_1_DUE)]:
        s = typed(kind, failure(MONDAY, acceptable=None))
        action = compliance.enforcement_due(s, MONDAY)
        assert (action.standard, action.action, action.due_by) == (rule, "Decide the failure to comply of 2025-11-03", due)
        s.failures[0].decisions.append(FailureDecision(acceptable=False, decided_on=MONDAY, rationale="r", recorded=STAMP))
        assert compliance.enforcement_due(s, MONDAY).action != "Decide the failure to comply of 2025-11-03"


def test_enf_4_breach_due_before_a_later_undecided_failure_comes_first():
    s = typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY - 7 * DAY), failure(MONDAY), failure(MONDAY + DAY, acceptable=None))
    action = compliance.enforcement_due(s, MONDAY + DAY)
    assert (action.standard, action.action, action.due_by) == ("ENF-4", "Initiate breach proceedings", ENF_3_DUE)


# --- item 2: judged on the record's own date (REC-1) ----------------------------------------------

@pytest.mark.parametrize("decided_on, refused", [(MONDAY + 2 * DAY, False), (MONDAY + 3 * DAY, False), (MONDAY + 4 * DAY, True)])
def test_rec_1_enf_3_a_warning_is_judged_on_what_was_known_on_its_own_date(decided_on, refused):
    s = typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY, decided_on=decided_on))
    codes = [v.standard for v in enforcement.warning(PRACTITIONER, s, warn(on=MONDAY + 3 * DAY), date(2025, 12, 1))]
    assert codes == (["ENF-3"] if refused else [])


def test_rec_1_enf_4_a_backdated_warning_is_not_refused_for_a_failure_after_its_date():
    s = typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY), failure(MONDAY + 14 * DAY))
    assert enforcement.warning(PRACTITIONER, s, warn(on=MONDAY + DAY), date(2025, 12, 1)) == []
    assert [v.standard for v in enforcement.warning(PRACTITIONER, s, warn(on=MONDAY + 14 * DAY), date(2025, 12, 1))] \
        == ["ENF-4"]


def decide(on=None, acceptable=False, explanation=None, correction=None):
    return DecideFailureToComply(crn="X", sentence_id="s", failure_id="f", acceptable=acceptable, rationale="r",
                                 decided_on=on, explanation=explanation, correction_reason=correction)


@pytest.mark.parametrize("decided_on, field", [
    (MONDAY - DAY, "decidedOn"), (MONDAY, None), (date(2025, 12, 1), None), (date(2025, 12, 2), "decidedOn")])
def test_enf_1_a_decision_carries_its_own_date_not_before_the_failure_nor_in_the_future(decided_on, field):
    errors = enforcement.decide(failure(MONDAY, acceptable=None), decide(decided_on), date(2025, 12, 1))
    assert [v.field for v in errors] == ([(field,)] if field else [])


def test_enf_1_a_correction_cannot_predate_the_decision_nor_an_explanation_follow_it():
    f = failure(MONDAY, acceptable=False, decided_on=MONDAY + 2 * DAY)
    late = enforcement.decide(f, decide(MONDAY + DAY, correction="Evidence"), date(2025, 12, 1))
    assert [v.field for v in late] == [("decidedOn",)]
    explained = decide(MONDAY + DAY, acceptable=True, explanation=ExplanationDetails(MONDAY + 2 * DAY, "Officer", "Ill"))
    assert [v.field for v in enforcement.decide(failure(MONDAY, acceptable=None), explained, date(2025, 12, 1))] \
        == [("explanation", "receivedOn")]


def test_rec_1_a_past_as_of_gives_the_same_answer_after_a_late_record_for_a_later_date():
    s = typed(SentenceType.COMMUNITY_ORDER, failure(MONDAY, acceptable=None))
    case = case_with(s)
    before = evaluate(case, ENF_3_DUE - DAY)
    s.failures[0].decisions.append(FailureDecision(acceptable=False, decided_on=ENF_3_DUE, rationale="r", recorded=STAMP))
    s.warnings.append(ComplianceWarning(issued_on=ENF_3_DUE, final=False, rationale="r", recorded=STAMP))
    s.failures.append(failure(ENF_3_DUE + DAY))
    assert evaluate(case, ENF_3_DUE - DAY) == before
    assert status(case, "ENF-3", ENF_3_DUE).state is St.MET


# --- item 4: LIC-2 at instants, met on receipt ---------------------------------------------------------

DECIDED = datetime(2025, 6, 2, 12, 0, tzinfo=LONDON)   # emergency: due 14:00 London


def recall_case(emergency=True, received=None, decided=DECIDED):
    s = sentence_with(type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=decided, emergency=emergency, rationale="r", report_received_at=received,
                            recorded=STAMP))
    return case_with(s)


def lic_2(case, as_of, at=None):
    return next(x for x in evaluate(case, as_of, at) if x.standard == "LIC-2")


@pytest.mark.parametrize("minutes, expected", [(119, St.DUE), (120, St.DUE), (121, St.OVERDUE)])
def test_lic_2_emergency_report_is_overdue_from_the_instant_the_deadline_passes(minutes, expected):
    case = recall_case()
    assert lic_2(case, DECIDED.date(), DECIDED + timedelta(minutes=minutes)).state is expected
    assert lic_2(case, DECIDED.date(), DECIDED + timedelta(minutes=minutes)).due_at == DECIDED + timedelta(hours=2)


def test_lic_2_by_date_a_day_is_judged_at_its_end():
    case = recall_case()
    assert "LIC-2" not in [x.standard for x in evaluate(case, DECIDED.date() - DAY)]
    assert lic_2(case, DECIDED.date()).state is St.OVERDUE
    lic_2_checks = [c for c in checks(case, date(9999, 12, 30)) if c.standard == "LIC-2"]
    assert first_overdue_day(lic_2_checks) == DECIDED.date()


def test_lic_2_not_applicable_before_the_decision_instant():
    assert "LIC-2" not in [x.standard for x in evaluate(recall_case(), DECIDED.date(), DECIDED - timedelta(minutes=1))]
    assert lic_2(recall_case(), DECIDED.date(), DECIDED).state is St.DUE


@pytest.mark.parametrize("received_after, at_after, expected", [
    (timedelta(hours=2), timedelta(hours=3), St.MET), (timedelta(hours=2, minutes=1), timedelta(hours=3), St.NOT_MET),
    (timedelta(hours=1), timedelta(minutes=30), St.DUE)])   # received later than the instant asked about
def test_lic_2_met_by_receipt_at_the_instant_asked(received_after, at_after, expected):
    case = recall_case(received=DECIDED + received_after)
    assert lic_2(case, DECIDED.date(), DECIDED + at_after).state is expected


def test_lic_2_twenty_four_hours_across_a_clock_change_are_elapsed_hours():
    decided = datetime(2025, 10, 25, 12, 0, tzinfo=LONDON)   # BST; clocks go back at 02:00 on the 26th
    recall = recall_case(emergency=False, decided=decided).sentences[0].recalls[0]
    assert compliance.lic_2_deadline(recall) == datetime(2025, 10, 26, 11, 0, tzinfo=timezone.utc)
    assert compliance.lic_2_deadline(recall).astimezone(LONDON).hour == 11


@pytest.mark.parametrize("received, sent, field", [
    (DECIDED - timedelta(minutes=1), None, "receivedAt"),
    (DECIDED + timedelta(hours=1), None, None),
    (DECIDED + timedelta(hours=1), DECIDED + timedelta(hours=2), "receivedAt"),   # sent after it was received
    (datetime(2025, 6, 2, 15, 0), None, "receivedAt"),                          # no offset
    (DECIDED + timedelta(days=2), None, "receivedAt"),                           # in the future
])
def test_lic_2_receipt_follows_the_decision_and_the_sending(received, sent, field):
    case = recall_case()
    command = RecordRecallReportReceived(crn="X", sentence_id="s", received_at=received, sent_at=sent)
    errors = enforcement.report_received(case.sentences[0], command, DECIDED + timedelta(days=1))
    assert [v.field for v in errors] == ([(field,)] if field else [])


def test_lic_2_receipt_is_recorded_once():
    case = recall_case(received=DECIDED + timedelta(hours=1))
    command = RecordRecallReportReceived(crn="X", sentence_id="s", received_at=DECIDED + timedelta(hours=1))
    assert [v.field for v in enforcement.report_received(case.sentences[0], command, DECIDED + timedelta(days=1))] \
        == [("sentenceId",)]

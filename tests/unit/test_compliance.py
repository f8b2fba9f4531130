"""The one definition of failures that count (ENF-2, ENF-4, ENF-5, LIC-4) and the enforcement
rules (ENF-3, ENF-4, ENF-6, ENF-7, LIC-1..LIC-5, REC-2), at their boundaries."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.core.calendar import LONDON
from domain.core.enums import (
    AppointmentOutcome,
    BreachOutcome,
    OffenceCategory,
    Provider,
    RequirementType,
    Role,
    RoshLevel,
    SentenceType,
)
from domain.core.errors import ErrorCode
from domain.core.principal import Principal
from domain.enforcement import compliance
from domain.enforcement import rules as enforcement
from domain.enforcement.commands import (
    DecideFailureToComply,
    ExplanationDetails,
    IssueWarning,
    RecommendRecall,
    RecordAddressChange,
)
from domain.enforcement.model import Breach, ComplianceWarning, FailureDecision, FailureToComply, Recall
from domain.standards import StandardState as St
from domain.standards import evaluate
from tests import builders
from tests.builders import STAMP

PRACTITIONER = Principal(subject="p", name="P", roles=frozenset({Role.PRACTITIONER}))
SENIOR = Principal(subject="s", name="S", roles=frozenset({Role.PRACTITIONER, Role.SENIOR_MANAGER}))


def failure(on: date, acceptable: bool | None = False, decided_on: date | None = None) -> FailureToComply:
    f = FailureToComply(date=on, outcome=AppointmentOutcome.FAILED_TO_ATTEND, recorded=STAMP)
    if acceptable is not None:
        f.decisions.append(FailureDecision(acceptable=acceptable, decided_on=decided_on or on, rationale="r", recorded=STAMP))
    return f


def sentence_with(*failures, type=SentenceType.COMMUNITY_ORDER, imposed_on=date(2023, 1, 2), length=36):
    s = builders.sentence(type=type, imposed_on=imposed_on, length_months=length,
                          custodial_term_months=None if type is SentenceType.COMMUNITY_ORDER else 12,
                          release_date=imposed_on if type.is_post_release else None)
    s.failures.extend(failures)
    return s


AS_OF = date(2025, 12, 31)


def test_enf_2_failures_on_one_day_count_once():
    s = sentence_with(failure(date(2025, 3, 3)), failure(date(2025, 3, 3)))
    assert compliance.counting_failures(s, AS_OF) == [date(2025, 3, 3)]


def test_acceptable_and_undecided_failures_do_not_count():
    s = sentence_with(failure(date(2025, 3, 3), acceptable=True), failure(date(2025, 3, 4), acceptable=None))
    assert compliance.counting_failures(s, AS_OF) == []


def test_a_corrected_decision_counts_as_corrected():
    f = failure(date(2025, 3, 3), acceptable=False)
    f.decisions.append(FailureDecision(acceptable=True, decided_on=date(2025, 3, 5), rationale="Hospital letter",
                                       correction_reason="Evidence arrived late", recorded=STAMP))
    assert compliance.counting_failures(sentence_with(f), AS_OF) == []
    assert compliance.counting_failures(sentence_with(f), date(2025, 3, 4)) == [date(2025, 3, 3)]


@pytest.mark.parametrize("first, second, counted", [
    (date(2023, 3, 1), date(2024, 2, 29), 2),   # 365 days apart across the leap day
    (date(2023, 2, 28), date(2024, 2, 29), 1),  # 366 days apart
    (date(2024, 3, 1), date(2025, 3, 1), 1),    # exactly 12 months apart: outside
    (date(2024, 3, 2), date(2025, 3, 1), 2),    # one day inside
    (date(2024, 2, 29), date(2025, 2, 28), 2),  # 365 days from the leap day
])
def test_enf_4_twelve_month_window(first, second, counted):
    s = sentence_with(failure(first), failure(second))
    assert len(compliance.counting_failures(s, AS_OF)) == counted
    assert compliance.breach_required(s, AS_OF) is (counted == 2)


@pytest.mark.parametrize("count, required", [(2, False), (3, True)])
def test_enf_4_pss_breach_on_the_third(count, required):
    failures = [failure(date(2025, 3, 1) + timedelta(days=7 * i)) for i in range(count)]
    s = sentence_with(*failures, type=SentenceType.POST_SENTENCE_SUPERVISION, imposed_on=date(2024, 6, 3), length=18)
    assert compliance.breach_required(s, AS_OF) is required


def test_enf_4_licences_have_no_count_threshold():
    s = sentence_with(failure(date(2025, 3, 1)), failure(date(2025, 3, 8)), type=SentenceType.LICENCE)
    assert compliance.breach_required(s, AS_OF) is False


def test_enf_5_warnings_and_failures_spent_when_the_court_continues_the_order():
    s = sentence_with(failure(date(2025, 3, 1)), failure(date(2025, 3, 8)))
    s.warnings.append(ComplianceWarning(issued_on=date(2025, 3, 2), final=False, rationale="r", recorded=STAMP))
    s.breaches.append(Breach(initiated_on=date(2025, 3, 10), rationale="r", outcome=BreachOutcome.ORDER_CONTINUED,
                             outcome_on=date(2025, 4, 1), recorded=STAMP))
    assert compliance.counting_failures(s, date(2025, 3, 31)) == [date(2025, 3, 1), date(2025, 3, 8)]
    assert compliance.counting_failures(s, date(2025, 4, 1)) == []
    assert len(compliance.spent_warnings(s, date(2025, 4, 1))) == 1 and compliance.live_warnings(s, date(2025, 4, 1)) == []
    s.failures.append(failure(date(2025, 4, 2)))
    assert compliance.counting_failures(s, AS_OF) == [date(2025, 4, 2)]


def test_lic_4_failures_spent_after_recall_and_re_release():
    s = sentence_with(failure(date(2025, 3, 1)), type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=datetime(2025, 3, 5, 9, tzinfo=LONDON), emergency=False, rationale="r",
                            rereleased_on=date(2025, 6, 1), recorded=STAMP))
    assert compliance.counting_failures(s, date(2025, 5, 31)) == [date(2025, 3, 1)]
    assert compliance.counting_failures(s, date(2025, 6, 1)) == []


def status(case, standard, as_of):
    return next((x for x in evaluate(case, as_of) if x.standard == standard), None)


def case_with(sentence, provider=Provider.NPS, rosh=None):
    case = builders.case()
    case.sentences.append(sentence)
    builders.allocate(case, sentence.imposed_on, provider=provider)
    if rosh:
        builders.assess(case, rosh, sentence.imposed_on)
    return case


def test_enf_3_six_working_days_over_a_bank_holiday():
    # failure Thursday 2025-04-17; Good Friday and Easter Monday skipped -> 22,23,24,25,28,29
    case = case_with(sentence_with(failure(date(2025, 4, 17))))
    assert status(case, "ENF-3", date(2025, 4, 17)).due_by == date(2025, 4, 29)
    assert status(case, "ENF-3", date(2025, 4, 29)).state is St.DUE
    assert status(case, "ENF-3", date(2025, 4, 30)).state is St.OVERDUE
    case.sentences[0].warnings.append(ComplianceWarning(issued_on=date(2025, 4, 29), final=False, rationale="r", recorded=STAMP))
    assert status(case, "ENF-3", date(2025, 4, 30)).state is St.MET


def test_enf_4_breach_due_and_met_by_initiating_breach():
    s = sentence_with(failure(date(2025, 3, 3)), failure(date(2025, 5, 6)))
    case = case_with(s)
    assert status(case, "ENF-4", date(2025, 5, 6)).state is St.DUE
    assert status(case, "ENF-4", date(2025, 5, 15)).state is St.OVERDUE
    s.breaches.append(Breach(initiated_on=date(2025, 5, 14), rationale="r", recorded=STAMP))
    assert status(case, "ENF-4", date(2025, 5, 15)).state is St.MET


def test_lic_1_recall_decision_by_the_ninth_working_day():
    s = sentence_with(failure(date(2025, 12, 19)), type=SentenceType.LICENCE)  # Friday before Christmas
    case = case_with(s)
    assert status(case, "LIC-1", date(2025, 12, 19)).due_by == date(2026, 1, 6)  # 22,23,24,29,30,31,2,5,6
    s.recalls.append(Recall(decided_at=datetime(2026, 1, 6, 16, tzinfo=LONDON), emergency=False, rationale="r", recorded=STAMP))
    assert status(case, "LIC-1", date(2026, 1, 7)).state is St.MET


@pytest.mark.parametrize("emergency, received_after, expected", [
    (False, timedelta(hours=24), St.MET), (False, timedelta(hours=24, minutes=1), St.NOT_MET),
    (True, timedelta(hours=2), St.MET), (True, timedelta(hours=2, minutes=1), St.NOT_MET)])
def test_lic_2_report_received_within_24_hours_or_2_in_an_emergency(emergency, received_after, expected):
    decided = datetime(2025, 6, 2, 10, 0, tzinfo=LONDON)
    s = sentence_with(type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=decided, emergency=emergency, rationale="r", report_sent_at=decided,
                            report_received_at=decided + received_after, recorded=STAMP))
    assert status(case_with(s), "LIC-2", date(2025, 6, 10)).state is expected


def test_lic_2_a_report_sent_but_not_received_does_not_meet_it():
    decided = datetime(2025, 6, 2, 10, 0, tzinfo=LONDON)
    s = sentence_with(type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=decided, emergency=True, rationale="r", report_sent_at=decided + timedelta(hours=1),
                            report_sent_recorded=STAMP, recorded=STAMP))
    found = status(case_with(s), "LIC-2", date(2025, 6, 10))
    assert found.state is St.OVERDUE and "not yet recorded" in found.detail


def test_lic_2_a_report_sent_recorded_before_receipt_was_kept_is_read_as_received():
    decided = datetime(2025, 6, 2, 10, 0, tzinfo=LONDON)
    s = sentence_with(type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=decided, emergency=True, rationale="r", report_sent_at=decided + timedelta(hours=1),
                            recorded=STAMP))   # no report_sent_recorded: the old mutation meant "reached the NPS/NOMS"
    assert compliance.report_received_at(s.recalls[0]) == decided + timedelta(hours=1)
    assert status(case_with(s), "LIC-2", date(2025, 6, 10)).state is St.MET


@pytest.mark.parametrize("emergency, endorsed, expected", [(False, False, St.NOT_MET), (False, True, St.MET), (True, False, St.MET)])
def test_lic_5_crc_recall_at_high_rosh_needs_nps_endorsement(emergency, endorsed, expected):
    s = sentence_with(type=SentenceType.LICENCE)
    s.recalls.append(Recall(decided_at=datetime(2025, 6, 2, 10, tzinfo=LONDON), emergency=emergency, nps_endorsed=endorsed,
                            rationale="r", report_received_at=datetime(2025, 6, 2, 11, tzinfo=LONDON), recorded=STAMP))
    assert status(case_with(s, Provider.CRC, RoshLevel.HIGH), "LIC-5", date(2025, 6, 10)).state is expected
    assert status(case_with(s, Provider.NPS, RoshLevel.HIGH), "LIC-5", date(2025, 6, 10)) is None


def warn(final=False, rationale="Missed appointment without explanation", on=date(2025, 12, 1)):
    return IssueWarning(crn="X123456", sentence_id="s", issued_on=on, final=final, rationale=rationale)


def test_enf_4_warning_refused_with_breach_required():
    s = sentence_with(failure(date(2025, 11, 3)), failure(date(2025, 11, 24)))
    [violation] = enforcement.warning(PRACTITIONER, s, warn(), date(2025, 12, 1))
    assert violation.code is ErrorCode.BREACH_REQUIRED and violation.standard == "ENF-4"


def test_enf_4_first_unacceptable_failure_gets_a_warning():
    s = sentence_with(failure(date(2025, 11, 24)))
    assert enforcement.warning(PRACTITIONER, s, warn(), date(2025, 12, 1)) == []


@pytest.mark.parametrize("principal, refused", [(PRACTITIONER, True), (SENIOR, False)])
def test_lic_3_final_licence_warning_needs_a_senior_manager(principal, refused):
    s = sentence_with(failure(date(2025, 11, 24)), type=SentenceType.LICENCE)
    codes = [v.code for v in enforcement.warning(principal, s, warn(final=True), date(2025, 12, 1))]
    assert codes == ([ErrorCode.SENIOR_MANAGER_REQUIRED] if refused else [])


def test_rec_2_deciding_mutations_refuse_an_empty_rationale():
    s = sentence_with(failure(date(2025, 11, 24)))
    assert [v.standard for v in enforcement.warning(PRACTITIONER, s, warn(rationale="  "), date(2025, 12, 1))] == ["REC-2"]
    decide = DecideFailureToComply(crn="X", sentence_id="s", failure_id="f", acceptable=False, rationale="")
    assert [v.standard for v in enforcement.decide(failure(date(2025, 11, 24), acceptable=None), decide, date(2025, 12, 1))] == ["REC-2"]
    recall = RecommendRecall(crn="X", sentence_id="s", decided_at=datetime(2025, 12, 1, tzinfo=LONDON), emergency=False, rationale="")
    assert "REC-2" in [v.standard for v in enforcement.recall(sentence_with(type=SentenceType.LICENCE), recall,
                                                              datetime(2025, 12, 2, tzinfo=LONDON))]


def test_enf_1_a_second_decision_is_a_correction_that_says_why():
    f = failure(date(2025, 11, 24), acceptable=False)
    command = DecideFailureToComply(crn="X", sentence_id="s", failure_id=f.id, acceptable=True, rationale="GP letter",
                                    explanation=ExplanationDetails(date(2025, 11, 25), "Officer", "In hospital"))
    assert [v.standard for v in enforcement.decide(f, command, date(2025, 12, 1))] == ["ENF-1"]


@pytest.mark.parametrize("requirements, provider, referred", [
    ([RequirementType.CURFEW], Provider.NPS, True),
    ([RequirementType.ATTENDANCE_CENTRE], Provider.NPS, True),
    ([RequirementType.CURFEW, RequirementType.UNPAID_WORK], Provider.NPS, False),
    ([RequirementType.UNPAID_WORK], Provider.CRC, True),
])
def test_enf_7_referred_to_the_nps(requirements, provider, referred):
    params = {RequirementType.CURFEW: {"hours": 8, "length_months": 3}, RequirementType.ATTENDANCE_CENTRE: {"hours": 12},
              RequirementType.UNPAID_WORK: {"hours": 50}}
    s = builders.sentence(requirements=[builders.requirement(t, **params[t]) for t in requirements])
    case = case_with(s, provider=provider)
    assert (enforcement.referral_to_nps(case, s) is not None) is referred


@pytest.mark.parametrize("committed_on, permanent, granted, sought, emergency, failure_expected", [
    (date(2015, 2, 1), True, None, None, False, True),
    (date(2015, 1, 31), True, None, None, False, False),   # before ORA: no residence duty
    (date(2020, 1, 1), False, None, None, False, False),   # temporary move
    (date(2020, 1, 1), True, True, None, False, False),    # permission granted
    (date(2020, 1, 1), True, False, True, False, True),    # sought but refused: no permission
    (date(2020, 1, 1), True, None, True, False, True),     # sought (old clients): seeking is not having it
    (date(2020, 1, 1), True, None, None, True, True),      # emergency: a failure, for the balanced decision
])
def test_enf_6_permanent_move_without_permission_granted_is_a_failure_on_a_co_or_sso(
        committed_on, permanent, granted, sought, emergency, failure_expected):
    s = builders.sentence(imposed_on=date(2025, 1, 6), committed_on=committed_on)
    command = RecordAddressChange(crn="X", changed_on=date(2025, 2, 1), permanent=permanent, permission_granted=granted,
                                  permission_sought=sought, emergency=emergency, details="Moved in with a friend")
    assert enforcement.address_change_is_failure(s, command) is failure_expected


def test_enf_6_licences_are_not_covered():
    s = builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2024, 1, 8), length_months=24, custodial_term_months=24,
                          release_date=date(2025, 1, 6), category=OffenceCategory.ACQUISITIVE, committed_on=date(2023, 1, 1))
    command = RecordAddressChange(crn="X", changed_on=date(2025, 2, 1), permanent=True, emergency=False, details="d")
    assert enforcement.address_change_is_failure(s, command) is False


failure_days = st.lists(st.tuples(st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 12, 31)),
                                  st.sampled_from([True, False, None])), min_size=0, max_size=12)


@settings(max_examples=200, deadline=None)
@given(failure_days, st.randoms(use_true_random=False))
def test_count_and_breach_decision_never_depend_on_recording_order(days, random):
    failures = [failure(on, acceptable) for on, acceptable in days]
    shuffled = list(failures)
    random.shuffle(shuffled)
    first, second = sentence_with(*failures), sentence_with(*shuffled)
    assert compliance.counting_failures(first, AS_OF) == compliance.counting_failures(second, AS_OF)
    assert compliance.breach_required(first, AS_OF) == compliance.breach_required(second, AS_OF)
    assert compliance.summarise(first, AS_OF) == compliance.summarise(second, AS_OF)

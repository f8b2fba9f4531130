"""ENF-4, ENF-5, LIC-3 and LIC-4 on their boundary days (issue 17): every date comparison in the
compliance rules with the day before, the day of and the day after — a failure on the day breach
was laid or on the re-release day, a warning or breach on the failure day, a recall decided on the
day it is asked about, a breach dealt with on the day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from domain.core.calendar import LONDON
from domain.core.enums import AppointmentOutcome, BreachOutcome, SentenceType
from domain.enforcement import compliance
from domain.enforcement.model import Breach, BreachAddition, ComplianceWarning, FailureDecision, FailureToComply, Recall
from tests import builders
from tests.builders import STAMP

DAY = timedelta(days=1)
F = date(2025, 6, 10)  # a failure day
R = date(2025, 9, 1)  # a re-release day


def failure(on: date, acceptable: bool | None = False) -> FailureToComply:
    f = FailureToComply(date=on, outcome=AppointmentOutcome.FAILED_TO_ATTEND, recorded=STAMP)
    if acceptable is not None:
        f.decisions.append(FailureDecision(acceptable=acceptable, decided_on=on, rationale="r", recorded=STAMP))
    return f


def order(*failures, type=SentenceType.COMMUNITY_ORDER):
    post = type.is_post_release
    s = builders.sentence(type=type, imposed_on=date(2025, 1, 6), length_months=36,
                          custodial_term_months=12 if post else None, release_date=date(2025, 1, 6) if post else None)
    s.failures.extend(failures)
    return s


def recall(s, decided: date, rereleased: date | None = None) -> Recall:
    r = Recall(decided_at=datetime(decided.year, decided.month, decided.day, 9, tzinfo=LONDON), emergency=False,
               rationale="r", recorded=STAMP)
    r.rereleased_on = rereleased
    s.recalls.append(r)
    return r


def breach(s, initiated: date, outcome: BreachOutcome | None = None, outcome_on: date | None = None) -> Breach:
    b = Breach(initiated_on=initiated, rationale="r", outcome=outcome, outcome_on=outcome_on, recorded=STAMP)
    s.breaches.append(b)
    return b


def warning(s, on: date) -> ComplianceWarning:
    w = ComplianceWarning(issued_on=on, final=False, rationale="r", recorded=STAMP)
    s.warnings.append(w)
    return w


@pytest.mark.parametrize("failed_on, spent", [(R - DAY, True), (R, False), (R + DAY, False)])
def test_lic_4_re_release_spends_the_failures_before_it_not_those_on_the_day(failed_on, spent):
    f = failure(failed_on)
    s = order(f, type=SentenceType.LICENCE)
    recall(s, date(2025, 6, 1), R)
    assert compliance.failure_spent(s, f, R + DAY * 5) is spent


@pytest.mark.parametrize("as_of, spent", [(R - DAY, False), (R, True), (R + DAY, True)])
def test_lic_4_a_re_release_spends_from_its_own_day(as_of, spent):
    f = failure(F)
    s = order(f, type=SentenceType.LICENCE)
    recall(s, date(2025, 6, 20), R)
    assert compliance.failure_spent(s, f, as_of) is spent
    assert compliance.spent_through(s, as_of) == (R - DAY if spent else None)


def test_lic_4_a_recall_not_yet_re_released_spends_nothing_and_is_in_progress():
    f = failure(F)
    s = order(f, type=SentenceType.LICENCE)
    r = recall(s, date(2025, 6, 20))
    assert compliance.spent_through(s, R) is None and not compliance.failure_spent(s, f, R)
    assert compliance.recall_in_progress(s, R) is r


@pytest.mark.parametrize("as_of, in_progress", [
    (date(2025, 6, 19), False),  # the day before the decision
    (date(2025, 6, 20), True),  # the day of the decision
    (R - DAY, True),
    (R, False),  # re-released today
])
def test_lic_4_a_recall_is_in_progress_from_its_decision_to_the_day_before_re_release(as_of, in_progress):
    s = order(type=SentenceType.LICENCE)
    r = recall(s, date(2025, 6, 20), R)
    assert (compliance.recall_in_progress(s, as_of) is r) is in_progress


@pytest.mark.parametrize("initiated, as_of, outcome, outcome_on, in_progress", [
    (F, F - DAY, None, None, False),  # laid tomorrow
    (F, F, None, None, True),  # laid today
    (F, F + DAY, BreachOutcome.ORDER_CONTINUED, F + DAY, False),  # dealt with today
    (F, F + DAY, BreachOutcome.ORDER_CONTINUED, F + DAY * 2, True),  # dealt with tomorrow
    (F, F + DAY, BreachOutcome.ORDER_CONTINUED, None, True),  # an outcome with no day is not yet dealt with
])
def test_enf_4_a_breach_is_in_progress_from_the_day_laid_until_the_day_dealt_with(initiated, as_of, outcome,
                                                                                  outcome_on, in_progress):
    s = order()
    b = breach(s, initiated, outcome, outcome_on)
    assert (compliance.breach_in_progress(s, as_of) is b) is in_progress


@pytest.mark.parametrize("failed_on, spent", [(F - DAY, True), (F, True), (F + DAY, False)])
def test_enf_5_a_breach_dealt_with_spends_failures_up_to_the_day_it_was_laid(failed_on, spent):
    f = failure(failed_on)
    s = order(f)
    breach(s, F, BreachOutcome.ORDER_CONTINUED, F + DAY * 20)
    assert compliance.failure_spent(s, f, F + DAY * 30) is spent


@pytest.mark.parametrize("as_of, added", [(F + DAY * 2, False), (F + DAY * 3, True), (F + DAY * 4, True)])
def test_enf_4_a_failure_counts_as_added_to_a_breach_from_the_day_it_was_added(as_of, added):
    f, other = failure(F), failure(F + DAY)
    s = order(f, other)
    b = breach(s, F - DAY * 5)
    b.additions.append(BreachAddition(failure_id=f.id, added_on=F + DAY * 3, rationale="r", recorded=STAMP))
    assert (compliance.addition_of(s, f, as_of) is not None) is added
    assert compliance.addition_of(s, other, as_of) is None  # only the failure added
    assert compliance.breach_acted_on(s, F, as_of) == (F + DAY * 3 if added else None)


@pytest.mark.parametrize("laid, as_of, acted", [
    (F - DAY, F + DAY, None),  # laid the day before the failure: not for it
    (F, F + DAY, F),  # laid on the failure day
    (F + DAY, F + DAY, F + DAY),  # laid the day asked about
    (F + DAY * 2, F + DAY, None),  # laid after the day asked about
])
def test_enf_4_breach_acts_on_a_failure_when_laid_on_or_after_its_day(laid, as_of, acted):
    s = order(failure(F))
    breach(s, laid)
    assert compliance.breach_acted_on(s, F, as_of) == acted
    assert compliance.acted_on(s, F, as_of) == acted


@pytest.mark.parametrize("issued, as_of, acted", [
    (F - DAY, F + DAY, None), (F, F + DAY, F), (F + DAY, F + DAY, F + DAY), (F + DAY * 2, F + DAY, None),
])
def test_enf_3_a_warning_acts_on_a_failure_when_issued_on_or_after_its_day(issued, as_of, acted):
    s = order(failure(F))
    warning(s, issued)
    assert compliance.acted_on(s, F, as_of) == acted


@pytest.mark.parametrize("decided, as_of, acted", [
    (F - DAY, F + DAY, None), (F, F + DAY, F), (F + DAY, F + DAY, F + DAY), (F + DAY * 2, F + DAY, None),
])
def test_lic_3_a_recall_decision_acts_on_a_licence_failure_when_made_on_or_after_its_day(decided, as_of, acted):
    s = order(failure(F), type=SentenceType.LICENCE)
    warning(s, F + DAY * 10)  # a later warning does not hide the recall
    recall(s, decided)
    assert compliance.acted_on(s, F, as_of) == acted


@pytest.mark.parametrize("as_of, spent", [(R - DAY, []), (R, ["w"])])
def test_lic_4_warnings_before_re_release_are_spent_from_the_re_release_day(as_of, spent):
    s = order(type=SentenceType.LICENCE)
    w = warning(s, F)
    recall(s, F + DAY, R)
    assert [x.id for x in compliance.spent_warnings(s, as_of)] == [w.id for _ in spent]


def test_lic_4_a_warning_issued_on_the_day_asked_about_is_live_not_spent():
    s = order(type=SentenceType.LICENCE)
    w = warning(s, F)
    assert compliance.live_warnings(s, F) == [w] and compliance.spent_warnings(s, F) == []


@pytest.mark.parametrize("outcome, together", [(BreachOutcome.ORDER_CONTINUED, False), (BreachOutcome.ORDER_REVOKED, True),
                                               (None, True)])
def test_enf_5_warnings_either_side_of_a_breach_dealt_with_are_in_different_periods(outcome, together):
    s = order()
    first, second = warning(s, F), warning(s, F + DAY * 40)
    breach(s, F + DAY * 5, outcome, F + DAY * 20 if outcome else None)
    assert (first in compliance.warnings_in_period(s, second.issued_on)) is together


def test_lic_4_warnings_either_side_of_two_re_releases_fall_in_three_periods():
    s = order(type=SentenceType.LICENCE)
    a, b, c = warning(s, F), warning(s, R + DAY), warning(s, R + DAY * 60)
    recall(s, F + DAY, R)
    recall(s, R + DAY * 10, R + DAY * 30)
    assert compliance.warnings_in_period(s, a.issued_on) == [a]
    assert compliance.warnings_in_period(s, b.issued_on) == [b]
    assert compliance.warnings_in_period(s, c.issued_on) == [c]
    assert compliance.warnings_in_period(s, R) == [b]  # the re-release day opens the new period


def test_enf_4_no_would_be_breach_once_the_count_is_exactly_at_the_threshold():
    threshold = compliance.breach_threshold(SentenceType.COMMUNITY_ORDER)
    failures = [failure(F + DAY * 7 * i) for i in range(threshold)]
    s = order(*failures, failure(F + DAY * 100, acceptable=None))
    assert len(compliance.counting_failures(s, F + DAY * 101)) == threshold
    assert compliance.breach_if_found_unacceptable(s, F + DAY * 101) == []


@pytest.mark.parametrize("type, pending, expected", [
    (SentenceType.COMMUNITY_ORDER, False, ("ENF-3", "Issue a warning or take enforcement action")),
    (SentenceType.COMMUNITY_ORDER, True, ("ENF-3", "Add the failure to comply of 2025-06-10 to the pending breach")),
    (SentenceType.LICENCE, False, ("LIC-1", "Warn or decide whether to recommend recall")),
])
def test_enf_3_and_lic_1_the_next_action_on_an_unanswered_unacceptable_failure(type, pending, expected):
    s = order(failure(F), type=type)
    if pending:
        breach(s, F - DAY * 3)
    due = compliance.enforcement_due(s, F + DAY)
    assert due == compliance.NextAction(*expected, compliance.response_due(s, F))


def test_enf_4_the_would_be_breach_warning_names_every_undecided_day_and_the_threshold():
    s = order(failure(F, acceptable=None), failure(F + DAY * 7, acceptable=None))
    assert compliance.breach_warning(s, F + DAY * 8) == (
        " If the failure of 2025-06-10, 2025-06-17 is found unacceptable, breach is required "
        "(2nd unacceptable failure in 12 months).")
    pss = order(failure(F), failure(F + DAY * 3, acceptable=None), type=SentenceType.POST_SENTENCE_SUPERVISION)
    assert compliance.breach_warning(pss, F + DAY * 8) == ""  # two of three: one more would not reach it
    pss.failures.append(failure(F + DAY * 4))
    assert compliance.breach_warning(pss, F + DAY * 8).endswith("(3rd unacceptable failure in 12 months).")


@pytest.mark.parametrize("n, text", [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th")])
def test_enf_4_thresholds_are_written_as_ordinals(n, text):
    assert compliance._ordinal(n) == text


@pytest.fixture
def machine_in_new_york(monkeypatch):
    """The rules must not depend on the machine's time zone: run one in another."""
    import time
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_lic_2_deadline_and_the_recall_day_do_not_depend_on_the_machine_time_zone(machine_in_new_york):
    from datetime import timezone
    decided = datetime(2025, 6, 10, 23, 30, tzinfo=timezone.utc)  # 00:30 on 11 June in London
    r = Recall(decided_at=decided, emergency=False, rationale="r", recorded=STAMP)
    deadline = compliance.lic_2_deadline(r)
    assert deadline == decided + timedelta(hours=24) and deadline.utcoffset() == timedelta(0)
    assert compliance.london_date(decided) == date(2025, 6, 11)


def test_enf_4_no_failures_no_would_be_breach():
    assert compliance.breach_if_found_unacceptable(order(), F) == []


def test_lic_3_on_a_licence_a_warning_before_the_recall_decision_is_the_first_action():
    s = order(failure(F), type=SentenceType.LICENCE)
    warning(s, F + DAY)
    recall(s, F + DAY * 3)
    assert compliance.acted_on(s, F, F + DAY * 5) == F + DAY


def test_lic_4_a_warning_on_the_day_asked_about_before_a_later_re_release_is_spent_from_that_day():
    s = order(type=SentenceType.LICENCE)
    before, on_day = warning(s, R - DAY * 20), warning(s, R - DAY)
    recall(s, R - DAY * 10, R)
    assert compliance.spent_warnings(s, R) == [before, on_day]  # issued the day before re-release: spent


def test_lic_4_each_spending_opens_one_new_period():
    s = order(type=SentenceType.LICENCE)
    recall(s, F, R)
    recall(s, R + DAY * 5, R + DAY * 20)
    ws = [warning(s, F - DAY), warning(s, R + DAY), warning(s, R + DAY * 30)]
    assert [compliance.warnings_in_period(s, w.issued_on) for w in ws] == [[w] for w in ws]
    assert compliance.warnings_in_period(s, R + DAY * 19) == [ws[1]]  # still the middle period


@pytest.mark.parametrize("type, pending_breach, decided, detail", [
    (SentenceType.COMMUNITY_ORDER, False, True, "Unacceptable failure on 2025-06-10: warn or take action."),
    (SentenceType.COMMUNITY_ORDER, True, True, "Unacceptable failure on 2025-06-10: add it to the pending breach."),
    (SentenceType.LICENCE, False, True, "Unacceptable failure on 2025-06-10: warn or decide on recall."),
    (SentenceType.COMMUNITY_ORDER, False, False,
     "Failure on 2025-06-10 awaiting decision: decide it, then warn or take action."),
])
def test_enf_3_and_lic_1_the_response_clock_says_what_is_owed(type, pending_breach, decided, detail):
    s = order(failure(F - DAY * 3), failure(F, acceptable=False if decided else None), type=type)
    s.failures[0].decisions[0] = FailureDecision(acceptable=True, decided_on=F - DAY * 3, rationale="ill", recorded=STAMP)
    if pending_breach:
        breach(s, F - DAY)
    (clock,) = compliance.responses(s, F + DAY)
    assert (clock.failure_on, clock.done_on, clock.detail.split(" If the failure")[0]) == (F, None, detail)


def test_a_case_summary_adds_up_its_sentences_and_names_the_most_urgent_action():
    order_one = order(failure(F), failure(F + DAY, acceptable=None), failure(F + DAY * 2, acceptable=True))
    warning(order_one, F + DAY * 2)
    order_two = order(failure(F - DAY * 30), type=SentenceType.LICENCE)
    recall(order_two, F - DAY * 29)
    breach(order_one, F + DAY * 3)
    summary = compliance.summarise_case([order_one, order_two], F + DAY * 4)
    one, two = compliance.summarise(order_one, F + DAY * 4), compliance.summarise(order_two, F + DAY * 4)
    assert (summary.failures, summary.awaiting_decision, summary.unacceptable, summary.live_warnings) == (4, 1, 2, 1)
    assert (one.failures, one.awaiting_decision, one.unacceptable, one.live_warnings, one.spent_warnings) == (3, 1, 1, 1, 0)
    assert (one.counting_dates, one.threshold, one.window_starts) == ([F], 2, compliance.window_start(F))
    assert summary.breach_in_progress and summary.recall_in_progress
    assert (one.breach_in_progress, one.recall_in_progress, two.breach_in_progress, two.recall_in_progress) == (
        True, False, False, True)
    actions = [a for a in (one.next_action, two.next_action) if a is not None]
    assert actions and summary.next_action == min(actions, key=lambda a: a.due_by)
    empty = compliance.summarise_case([order()], F)
    assert (empty.failures, empty.next_action, empty.breach_in_progress, empty.recall_in_progress) == (0, None, False, False)
    assert compliance.summarise(order(), F).window_starts is None


def test_enf_5_a_warning_issued_on_the_day_the_court_deals_with_the_breach_is_spent_that_day():
    s = order()
    w = warning(s, F + DAY * 20)
    breach(s, F, BreachOutcome.ORDER_CONTINUED, F + DAY * 20)
    assert compliance.spent_warnings(s, F + DAY * 20) == [w] and compliance.live_warnings(s, F + DAY * 20) == []


def test_a_failure_on_the_day_asked_about_is_in_the_summary():
    assert compliance.summarise(order(failure(F)), F).failures == 1
    assert compliance.summarise(order(failure(F + DAY)), F).failures == 0


def test_the_case_summary_names_the_action_due_first_whichever_sentence_it_is_on():
    later = order(failure(F))
    sooner = order(failure(F - DAY * 2))
    first = compliance.summarise_case([later, sooner], F + DAY).next_action
    assert first == compliance.summarise(sooner, F + DAY).next_action
    assert first.due_by < compliance.summarise(later, F + DAY).next_action.due_by

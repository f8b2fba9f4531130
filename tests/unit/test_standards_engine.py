"""The standards engine on its boundaries (domain/core/standards.py, issue 17): a duty on the day it
arises, the day it is due and the day after; an instant deadline at the instant, one microsecond
after, and done at the instant asked about; the end of a day in England and Wales (clock-change days
included); what a terminated sentence still owes on the termination day; the caseload tally."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

import domain.standards  # noqa: F401  (registers every standard)
from domain.core.calendar import LONDON
from domain.core.registry import REGISTRY
from domain.core.standards import (
    Check,
    Report,
    StandardState,
    StandardStatus,
    check,
    end_of_day,
    first_overdue_day,
    run_checks,
    state_on,
    statuses,
    upto,
)
from domain.delivery.model import Termination
from tests import builders
from tests.builders import STAMP

S = StandardState
DAY = timedelta(days=1)
D = date(2026, 6, 10)  # the day a duty is due
US = timedelta(microseconds=1)


def duty(**fields) -> Check:
    return Check("VIC-2", "t", **{"arises_on": D - DAY * 10, **fields})


@pytest.mark.parametrize("fields, as_of, expected", [
    ({"arises_on": D + DAY, "due_by": D + DAY}, D, S.NOT_APPLICABLE),  # arises tomorrow
    ({"arises_on": D, "due_by": D}, D, S.DUE),  # arises and is due today
    ({"due_by": D}, D - DAY, S.DUE),
    ({"due_by": D}, D, S.DUE),  # due today, not done: not late yet
    ({"due_by": D}, D + DAY, S.OVERDUE),  # the day after
    ({"due_by": None}, D + DAY * 999, S.DUE),  # no deadline: never overdue
    ({"due_by": D, "done_on": D}, D, S.MET),  # done on the day it was due
    ({"due_by": D, "done_on": D - DAY}, D, S.MET),
    ({"due_by": D, "done_on": D + DAY}, D + DAY, S.NOT_MET),  # done the day after
    ({"due_by": D, "done_on": D + DAY}, D, S.DUE),  # done tomorrow: not yet on record today
    ({"due_by": D, "done_on": D, "done_ok": False}, D, S.NOT_MET),
    ({"due_by": None, "done_on": D}, D, S.MET),
])
def test_a_dated_duty_is_due_through_its_last_day_and_overdue_the_day_after(fields, as_of, expected):
    assert state_on(duty(**fields), as_of) is expected


T = datetime(2026, 6, 10, 14, 0, tzinfo=LONDON)  # an instant deadline (LIC-2)


@pytest.mark.parametrize("fields, at, expected", [
    ({}, T, S.DUE),  # at the deadline
    ({}, T + US, S.OVERDUE),  # a microsecond after
    ({"done_at": T}, T, S.MET),  # done at the instant asked about, on the deadline
    ({"done_at": T + US}, T + US, S.NOT_MET),  # done a microsecond late
    ({"done_at": T + US}, T, S.DUE),  # done later than asked about
    ({"done_at": T, "done_ok": False}, T, S.NOT_MET),
    ({"arises_at": T - US}, T, S.DUE),
    ({"arises_at": T}, T, S.DUE),  # arises at the instant asked about
    ({"arises_at": T + US}, T, S.NOT_APPLICABLE),
])
def test_lic_2_an_instant_deadline_is_judged_at_the_instant(fields, at, expected):
    c = duty(due_by=D, due_at=T, **fields)
    assert state_on(c, D, at) is expected
    assert [s.state for s in statuses([c], D, at)] == ([] if expected is S.NOT_APPLICABLE else [expected])


def test_an_instant_deadline_asked_about_a_day_is_judged_at_the_end_of_that_day():
    c = duty(due_by=D, due_at=T)
    assert state_on(c, D) is S.OVERDUE
    assert statuses([c], D) == [StandardStatus("VIC-2", "t", S.OVERDUE, D, None, "", T)]


@pytest.mark.parametrize("day", [date(2026, 6, 10), date(2026, 3, 29), date(2026, 10, 25), date(2026, 12, 31)])
def test_the_end_of_a_day_is_its_last_microsecond_in_england_and_wales(day):
    end = end_of_day(day)
    assert (end.date(), end.hour, end.minute, end.second, end.microsecond) == (day, 23, 59, 59, 999999)
    assert end.tzinfo is LONDON and (end + US).date() == day + DAY


@pytest.mark.parametrize("day, as_of, expected", [(None, D, None), (D - DAY, D, D - DAY), (D, D, D), (D + DAY, D, None)])
def test_a_record_dated_after_the_day_asked_about_does_not_exist_yet(day, as_of, expected):
    assert upto(day, as_of) == expected


def terminated_case(on: date):
    case = builders.case()
    s = builders.sentence(imposed_on=date(2026, 1, 5))
    s.termination = Termination(terminated_on=on, reason="r", agencies_notified=[], continuing_restrictions_explained=True,
                                recorded=STAMP)
    case.sentences.append(s)
    return case, s


@pytest.mark.parametrize("due_by, as_of, owed", [
    (D - DAY, D, True),  # was due before the termination: still owed (it is late)
    (D, D, False),  # due on the termination day: lapses
    (D + DAY, D, False),
    (None, D, False),  # no deadline: lapses
    (D, D - DAY, True),  # asked the day before the termination: still owed
])
def test_end_2_a_terminated_sentence_owes_only_what_was_due_before_the_termination_day(due_by, as_of, owed):
    case, s = terminated_case(D)
    lapses = duty(due_by=due_by, sentence_id=s.id)
    kept = [duty(due_by=D + DAY, sentence_id=s.id, survives_termination=True),  # a completion duty
            duty(due_by=D + DAY, sentence_id=s.id, done_on=D - DAY),  # done already
            duty(due_by=D + DAY, sentence_id="another")]
    found = run_checks([lambda c, day: [lapses, *kept]], case, as_of)
    assert found == ([lapses] if owed else []) + kept


def test_checks_come_in_catalogue_order_not_monitor_order():
    later, earlier = Check("LIC-2", "t", D), Check("ALLOC-1", "t", D)
    assert run_checks([lambda c, day: [later], lambda c, day: [earlier]], builders.case(), D) == [earlier, later]


def test_only_a_monitored_standard_makes_checks():
    with pytest.raises(ValueError, match="ALLOC-2 is not declared as monitored"):
        check(REGISTRY["ALLOC-2"], None, arises_on=D)
    assert check(REGISTRY["ALLOC-1"], None, arises_on=D).title == REGISTRY["ALLOC-1"].title


def test_the_first_overdue_day_is_the_day_after_a_dated_deadline_or_the_london_day_of_an_instant_one():
    instant = datetime(2026, 6, 10, 23, 30, tzinfo=timezone.utc)  # 00:30 on 11 June in London
    assert first_overdue_day([duty(due_by=date(2026, 6, 10), due_at=instant)]) == date(2026, 6, 11)
    assert first_overdue_day([duty(due_by=date(2026, 6, 1), due_at=datetime(2026, 6, 1, 9, tzinfo=LONDON))]) == date(2026, 6, 1)
    assert first_overdue_day([duty(due_by=D), duty(due_by=D - DAY * 3), duty(due_by=D - DAY * 9, done_on=D)]) == D - DAY * 2
    assert first_overdue_day([duty(due_by=None), duty(due_by=D, arises_on=None)]) is None


def status(standard: str, state: StandardState) -> StandardStatus:
    return StandardStatus(standard, "t", state, None, None, "")


def test_the_caseload_tally_counts_each_case_once_per_standard_in_its_worst_state():
    report = Report(as_of=D)
    report.add(builders.case(), [status("LIC-2", S.DUE), status("LIC-2", S.OVERDUE), status("LIC-2", S.MET),
                                 status("ALLOC-1", S.NOT_MET), status("ALLOC-1", S.DUE)])
    report.add(builders.case(), [status("LIC-2", S.MET)])
    report.add(builders.case(), [status("LIC-2", S.OVERDUE), status("LIC-2", S.NOT_MET)])
    assert report.cases == 3
    assert report.rows() == [
        ("ALLOC-1", REGISTRY["ALLOC-1"].title, {S.MET: 0, S.DUE: 0, S.NOT_MET: 1, S.OVERDUE: 0}),
        ("LIC-2", REGISTRY["LIC-2"].title, {S.MET: 1, S.DUE: 0, S.NOT_MET: 0, S.OVERDUE: 2}),
    ]
    other = Report(as_of=D)
    other.add(builders.case(), [status("VIC-2", S.DUE), status("END-1", S.MET)])
    assert [row[0] for row in other.rows()] == ["VIC-2", "END-1"]  # catalogue order, not alphabetical


def test_lic_2_evaluate_judges_an_instant_deadline_at_the_instant_given():
    from domain.core.enums import SentenceType
    from domain.enforcement.model import Recall
    from domain.standards import evaluate, london_day, report
    case = builders.case()
    s = builders.sentence(SentenceType.LICENCE, imposed_on=date(2025, 11, 3), release_date=date(2026, 6, 1),
                          custodial_term_months=18)
    decided = datetime(2026, 6, 9, 9, 0, tzinfo=LONDON)
    s.recalls.append(Recall(decided_at=decided, emergency=False, rationale="r", recorded=STAMP))
    case.sentences.append(s)

    def lic_2(at=None):
        return next(x.state for x in evaluate(case, D, at) if x.standard == "LIC-2")
    assert lic_2(datetime(2026, 6, 10, 8, 59, tzinfo=LONDON)) is S.DUE  # 23 h 59 after the decision
    assert lic_2() is S.OVERDUE  # by the end of the day
    assert london_day(datetime(2026, 6, 10, 23, 30, tzinfo=timezone.utc)) == date(2026, 6, 11)
    assert report(D).as_of == D and report(D).cases == 0

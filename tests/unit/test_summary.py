"""The stored summary (domain/summary.py): the state of every standard on any later day, derived
from the dates stored at the write, is what evaluating the case on that day gives."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from api.demo import load_demo_cases
from domain import standards
from domain import summary as summaries
from domain.core.calendar import LONDON
from domain.core.enums import AppointmentKind, RoshLevel
from domain.core.ports import FixedClock
from domain.core.standards import SEVERITY, StandardState
from domain.core.unit_of_work import UnitOfWork
from repositories.factory import open_store
from tests import builders as b

WRITE_DAY = date(2026, 11, 20)


def worst_states(case, day: date) -> dict[str, StandardState]:
    """What standardsReport counts for the case on ``day``: each standard's worst state."""
    worst: dict[str, StandardState] = {}
    for status in standards.evaluate(case, day):
        current = worst.get(status.standard)
        if current is None or SEVERITY.index(status.state) > SEVERITY.index(current):
            worst[status.standard] = status.state
    return worst


def derived_states(summary: summaries.CaseSummary, day: date) -> dict[str, StandardState]:
    found = {item.standard: item.state_on(day) for item in summary.standards}
    return {standard: state for standard, state in found.items() if state is not None}


@pytest.fixture
async def demo_cases():
    store = open_store(None, "summary")
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.officers, store.claims)
    crns = await load_demo_cases(uow, clock)
    yield [await store.cases.get(crn) for crn in crns]
    store.close()


async def test_the_state_on_every_later_day_is_derived_from_the_stored_dates(demo_cases):
    compared = 0
    for case in demo_cases:
        summary = summaries.summarise(case, WRITE_DAY)
        assert summary.valid_until is None, f"{case.crn}: the dates should answer for every later day"
        for offset in range(0, 800, 3):
            day = WRITE_DAY + timedelta(days=offset)
            assert derived_states(summary, day) == worst_states(case, day), f"{case.crn} on {day}"
            compared += 1
    assert compared > 1000


async def test_the_state_and_due_date_on_the_day_of_the_write_are_stored(demo_cases):
    for case in demo_cases:
        summary = summaries.summarise(case, WRITE_DAY)
        assert {s.standard: s.state for s in summary.standards if s.state} == worst_states(case, WRITE_DAY)
        assert sum(summary.counts.values()) == len(worst_states(case, WRITE_DAY))


def test_a_standard_due_then_overdue_reaches_each_state_on_its_day():
    case = b.allocate(b.case(), WRITE_DAY)
    case.sentences.append(b.sentence(imposed_on=WRITE_DAY))  # APPT-1 due within 5 working days of allocation
    summary = summaries.summarise(case, WRITE_DAY)
    appt = next(s for s in summary.standards if s.standard == "APPT-1")
    due_by = appt.due_by
    assert appt.state is StandardState.DUE
    assert appt.state_on(due_by) is StandardState.DUE  # the day of
    assert appt.state_on(due_by - timedelta(days=1)) is StandardState.DUE  # the day before
    assert appt.state_on(due_by + timedelta(days=1)) is StandardState.OVERDUE  # the day after
    assert summary.next_due.standard in {"APPT-1", "IND-1"} and summary.next_due.due_by == due_by


def test_a_record_dated_after_the_write_day_limits_the_summary_to_that_day():
    case = b.allocate(b.case(), WRITE_DAY)
    sentence = b.sentence(imposed_on=WRITE_DAY)
    b.appointment(sentence, WRITE_DAY + timedelta(days=2), kind=AppointmentKind.INDUCTION)  # not yet happened
    case.sentences.append(sentence)
    summary = summaries.summarise(case, WRITE_DAY)
    assert summary.valid_until == WRITE_DAY + timedelta(days=1)
    assert summary.usable_on(WRITE_DAY) and not summary.usable_on(WRITE_DAY + timedelta(days=1))


def test_a_summary_is_not_used_for_a_day_before_its_write_or_under_other_rules():
    case = b.assess(b.allocate(b.case(), WRITE_DAY), RoshLevel.LOW, WRITE_DAY)
    summary = summaries.summarise(case, WRITE_DAY)
    assert summary.usable_on(WRITE_DAY) and summary.usable_on(WRITE_DAY + timedelta(days=3650))
    assert not summary.usable_on(WRITE_DAY - timedelta(days=1))
    other_rules = summaries.CaseSummary(**{**summary.__dict__, "rules": "0" * 16})
    assert not other_rules.usable_on(WRITE_DAY)


def test_no_deadline_pending_means_no_next_due():
    case = b.case()
    assert summaries.summarise(case, WRITE_DAY).next_due is None
    assert summaries.next_due_status(case, WRITE_DAY) is None

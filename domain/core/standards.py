"""The standards engine: where a case stands against each monitored national standard, as of a day.

Every monitor (one function per group of standards, in each capability's ``standards`` module)
contributes ``Check``s: facts derived from the case history alone (when the duty arose, when it is
due, when and how it was discharged). ``state_on`` turns a check into a state for a day, ignoring
anything dated after that day, so the same history always gives the same answer for the same
``as_of`` however late it is asked. ``domain.standards`` assembles the monitors into the catalogue.

States: MET (done as required), DUE (not yet done, not yet late), OVERDUE (not done and past its
date), NOT_MET (done, but late or not as the standard requires), NOT_APPLICABLE. Where the source
sets no deadline (e.g. ALLOC-1: "prompt"), a check has no ``due_by`` and can be DUE but never
OVERDUE: the service does not invent deadlines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any

from domain.core.calendar import LONDON
from domain.core.case import Case, Sentence
from domain.core.registry import REGISTRY, Standard


class StandardState(str, Enum):
    MET = "MET"
    DUE = "DUE"
    OVERDUE = "OVERDUE"
    NOT_MET = "NOT_MET"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True)
class Check:
    """One duty under one standard, from the history alone.

    ``arises_on``: the day the duty began (before it the check is NOT_APPLICABLE).
    ``due_by``: last day it may be done on time (None: no deadline set by the source).
    ``done_on``: the day it was discharged (None: not yet). ``done_ok``: whether what was done
    meets the standard (e.g. a referral made, but too late, is done but not OK).
    ``survives_termination``: still owed after the sentence is terminated (completion duties).
    ``arises_at`` / ``due_at`` / ``done_at``: for a deadline that is an instant (LIC-2's 2 or 24
    hours), the same three facts as instants; the dates above are then their days in England and
    Wales, and the state is judged at an instant (``state_on``'s ``at``).
    """

    standard: str
    title: str
    arises_on: date | None
    due_by: date | None = None
    done_on: date | None = None
    done_ok: bool = True
    sentence_id: str | None = None
    detail: str = ""
    survives_termination: bool = False
    arises_at: datetime | None = None
    due_at: datetime | None = None
    done_at: datetime | None = None


@dataclass(frozen=True)
class StandardStatus:
    standard: str
    title: str
    state: StandardState
    due_by: date | None
    sentence_id: str | None
    detail: str
    due_at: datetime | None = None


Monitor = Callable[[Case, date], Iterable[Check]]


def check(rule: Standard, sentence: Sentence | None, **fields) -> Check:
    """A check under a registered, monitored standard (its title comes from the registry)."""
    if not rule.monitored:
        raise ValueError(f"{rule.id} is not declared as monitored")
    return Check(rule.id, rule.title, sentence_id=sentence.id if sentence else None, **fields)


def end_of_day(day: date) -> datetime:
    """The last instant of ``day`` in England and Wales: a status "as of" a day is its state at
    close of that day."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=LONDON) - timedelta(microseconds=1)


def state_on(check: Check, as_of: date, at: datetime | None = None) -> StandardState:
    """The check's state on ``as_of``. A check with an instant deadline (``due_at``) is judged at
    ``at`` (default: the end of ``as_of``), so a 2-hour deadline is OVERDUE from the minute after it."""
    if check.arises_on is None or check.arises_on > as_of:
        return StandardState.NOT_APPLICABLE
    if check.due_at is not None:
        return _state_at(check, at or end_of_day(as_of))
    if check.done_on is not None and check.done_on <= as_of:
        on_time = check.due_by is None or check.done_on <= check.due_by
        return StandardState.MET if (on_time and check.done_ok) else StandardState.NOT_MET
    if check.due_by is not None and as_of > check.due_by:
        return StandardState.OVERDUE
    return StandardState.DUE


def _state_at(check: Check, at: datetime) -> StandardState:
    if check.arises_at is not None and check.arises_at > at:
        return StandardState.NOT_APPLICABLE
    if check.done_at is not None and check.done_at <= at:
        return StandardState.MET if (check.done_at <= check.due_at and check.done_ok) else StandardState.NOT_MET
    return StandardState.OVERDUE if at > check.due_at else StandardState.DUE


def first(dates: Iterable[date]) -> date | None:
    return min(dates, default=None)


def upto(day: date | None, as_of: date) -> date | None:
    """A record's date if it had happened by ``as_of``: later records do not exist yet."""
    return day if day is not None and day <= as_of else None


def _ended_before(sentence: Sentence | None, as_of: date) -> date | None:
    if sentence is None or sentence.termination is None or sentence.termination.terminated_on > as_of:
        return None
    return sentence.termination.terminated_on


def _order(standard_id: str) -> tuple:
    return REGISTRY[standard_id].sort_key


def run_checks(monitors: Sequence[Monitor], case: Case, as_of: date) -> list[Check]:
    """Every check for the case on ``as_of``, in catalogue order. A sentence terminated by then
    owes nothing more except its completion duties: an undone duty that was not due before the
    termination lapses."""
    sentences = {s.id: s for s in case.sentences}
    found = []
    for monitor in monitors:
        for item in monitor(case, as_of):
            ended = _ended_before(sentences.get(item.sentence_id), as_of)
            if (ended is not None and not item.survives_termination and item.done_on is None
                and (item.due_by is None or item.due_by >= ended)):
                continue
            found.append(item)
    return sorted(found, key=lambda c: _order(c.standard))


def statuses(found: Iterable[Check], as_of: date, at: datetime | None = None) -> list[StandardStatus]:
    """The applicable checks' states on ``as_of`` (instant deadlines judged at ``at``, default the
    end of that day)."""
    result = []
    for item in found:
        state = state_on(item, as_of, at)
        if state is StandardState.NOT_APPLICABLE:
            continue
        result.append(StandardStatus(item.standard, item.title, state, item.due_by, item.sentence_id, item.detail,
                                     item.due_at))
    return result


FAR_FUTURE = date(9999, 12, 30)


def first_overdue_day(found: Iterable[Check]) -> date | None:
    """The first day on which one of these checks (taken with nothing more recorded) is OVERDUE
    (for an instant deadline, the day it falls on: it is overdue by the end of that day)."""
    days = [c.due_at.astimezone(LONDON).date() if c.due_at is not None else c.due_by + timedelta(days=1)
            for c in found if c.due_by is not None and c.arises_on is not None and c.done_on is None]
    return min(days, default=None)


SEVERITY = [StandardState.MET, StandardState.DUE, StandardState.NOT_MET, StandardState.OVERDUE]


@dataclass
class Report:
    """Caseload tally: per standard, how many cases are in each state on ``as_of`` (a case with
    several checks under one standard counts once, in its worst state)."""

    as_of: date
    cases: int = 0
    counts: dict[str, dict[StandardState, int]] = field(default_factory=dict)
    # The outcome measures beside the standards (domain.delivery.outcomes.OutcomesTally), when tallied.
    outcomes: Any = None

    def add(self, case: Case, found: list[StandardStatus]) -> None:
        self.cases += 1
        worst: dict[str, StandardState] = {}
        for status in found:
            current = worst.get(status.standard)
            if current is None or SEVERITY.index(status.state) > SEVERITY.index(current):
                worst[status.standard] = status.state
        for standard_id, state in worst.items():
            self.counts.setdefault(standard_id, dict.fromkeys(SEVERITY, 0))[state] += 1

    def rows(self) -> list[tuple[str, str, dict[StandardState, int]]]:
        ordered = sorted(self.counts, key=_order)
        return [(s, REGISTRY[s].title, self.counts[s]) for s in ordered]

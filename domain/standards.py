"""Where a case stands against each national standard, as of a given day.

Every rule contributes ``Check``s: facts derived from the case history alone (when the duty
arose, when it is due, when and how it was discharged). ``state_on`` turns a check into a state
for a day, ignoring anything dated after that day, so the same history always gives the same
answer for the same ``as_of`` however late it is asked.

States (API.md): MET (done as required), DUE (not yet done, not yet late), OVERDUE (not done and
past its date), NOT_MET (done, but late or not as the standard requires), NOT_APPLICABLE.
Where the source sets no deadline (e.g. ALLOC-1: "prompt"), a check has no ``due_by`` and can be
DUE but never OVERDUE: the API does not invent deadlines (STANDARDS.md preamble).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from domain.model import Case


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
    """

    standard: str
    title: str
    arises_on: date | None
    due_by: date | None = None
    done_on: date | None = None
    done_ok: bool = True
    sentence_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class StandardStatus:
    standard: str
    title: str
    state: StandardState
    due_by: date | None
    sentence_id: str | None
    detail: str


def state_on(check: Check, as_of: date) -> StandardState:
    if check.arises_on is None or check.arises_on > as_of:
        return StandardState.NOT_APPLICABLE
    if check.done_on is not None and check.done_on <= as_of:
        on_time = check.due_by is None or check.done_on <= check.due_by
        return StandardState.MET if (on_time and check.done_ok) else StandardState.NOT_MET
    if check.due_by is not None and as_of > check.due_by:
        return StandardState.OVERDUE
    return StandardState.DUE


Rule = Callable[[Case, date], Iterable[Check]]

TITLES = {
    "ALLOC-1": "Allocated to a provider and responsible officer",
}


def alloc_1(case: Case, as_of: date) -> Iterable[Check]:
    """ALLOC-1: offenders sentenced to a CO, SSO or custody of more than one day are allocated
    to a provider (PF Allocation). PF sets no number ("prompt notification"), so no due date."""
    if not case.sentences:
        return
    first_sentence = min(s.imposed_on for s in case.sentences)
    allocated = case.allocations[0].allocated_on if case.allocations else None
    yield Check("ALLOC-1", TITLES["ALLOC-1"], arises_on=first_sentence, done_on=allocated,
                detail="Allocated." if allocated else "Sentenced but not yet allocated to a provider and officer.")


RULES: list[Rule] = [alloc_1]


def checks(case: Case, as_of: date) -> list[Check]:
    return [check for rule in RULES for check in rule(case, as_of)]


def evaluate(case: Case, as_of: date) -> list[StandardStatus]:
    """Every applicable standard's status on ``as_of``, in catalogue order."""
    result = []
    for check in checks(case, as_of):
        state = state_on(check, as_of)
        if state is StandardState.NOT_APPLICABLE:
            continue
        result.append(StandardStatus(check.standard, check.title, state, check.due_by, check.sentence_id, check.detail))
    return result


FAR_FUTURE = date(9999, 12, 30)


def overdue_from(case: Case) -> date | None:
    """The first day on which this case has a standard OVERDUE, if nothing more is recorded.

    Stored on the case document at every write so a caseload can be filtered by "has overdue
    standards today" with an index (overdue today <=> overdue_from <= today). Sound because a
    check that is not done stays OVERDUE from the day after its due date until something is
    recorded, which is a write that recomputes this."""
    days = [c.due_by + timedelta(days=1) for c in checks(case, FAR_FUTURE)
            if c.due_by is not None and c.arises_on is not None and c.done_on is None]
    return min(days, default=None)


def with_detail(check: Check, detail: str) -> Check:
    return replace(check, detail=detail)

"""The per-case summary of the national standards, stored with the case at every write
(docs/storage.md, The summary).

States change with time alone: a duty not done is DUE until its deadline and OVERDUE from the
day after. So the summary does not store "the state" as the answer for later days; it stores, for
each standard, the first day (on or after the day of the write) on which the case's worst state
under it reaches each level: MET, DUE, NOT_MET, OVERDUE. ``state_on`` derives the state for any
later day from those dates alone, without re-evaluating, and gives what ``domain.standards``
would give for that day provided nothing more is recorded (anything recorded is a write, which
stores a new summary).

Why that is sound: on and after the day of the write each check is non-decreasing in severity
(not applicable -> MET or NOT_MET once done; not applicable -> DUE -> OVERDUE while not done), so
the worst over a standard's checks is too, and a non-decreasing step function is fixed by the days
it reaches each level. It rests on the monitors' contract that the day asked enters a check only by
filtering records to those dated on or before it. The summary checks what it can: the checks as
of the write day must equal the checks as of the far future (a record dated after the write day,
e.g. a future deregistration, would make them differ), and no duty may be done on a later day;
where either fails, ``valid_until`` is the next day, so later days are evaluated afresh (and a
daily job re-summarises the case). ``rules`` fingerprints the parameters and the monitored
standards: a summary written under other rules is not used.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from domain import standards
from domain.core.case import Case
from domain.core.parameters import PARAMETERS
from domain.core.registry import REGISTRY
from domain.core.standards import FAR_FUTURE, SEVERITY, Check, StandardState, first_overdue_day, state_on

# Bump when a monitor's logic changes in a way the parameters do not show (a code change): every
# stored summary then reads as written under other rules, and is evaluated afresh until refreshed.
SUMMARY_FORMAT = 1


def _rules_fingerprint() -> str:
    monitored = sorted(s.id for s in REGISTRY.values() if s.monitored)
    parameters = sorted((name, repr(p.value)) for name, p in PARAMETERS.items())
    text = repr((SUMMARY_FORMAT, monitored, parameters))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


RULES = _rules_fingerprint()
LEVELS = SEVERITY  # MET < DUE < NOT_MET < OVERDUE


@dataclass(frozen=True)
class StandardSummary:
    """One standard on one case: its worst state and due date on the day of the write, and the
    first day (on or after it) the worst state reaches each level; None: never, unless something
    is recorded."""

    standard: str
    state: StandardState | None
    due_by: date | None
    reaches: dict[StandardState, date] = field(default_factory=dict)

    def state_on(self, day: date) -> StandardState | None:
        """The worst state on ``day`` (on or after the write), None if not yet applicable."""
        reached = [level for level in LEVELS if level in self.reaches and self.reaches[level] <= day]
        return reached[-1] if reached else None


@dataclass(frozen=True)
class CaseSummary:
    as_of: date
    valid_until: date | None
    rules: str
    standards: tuple[StandardSummary, ...]
    next_due: Check | None
    overdue_from: date | None

    @property
    def counts(self) -> dict[StandardState, int]:
        """How many standards are in each state on the day of the write."""
        counts = dict.fromkeys(LEVELS, 0)
        for item in self.standards:
            if item.state is not None:
                counts[item.state] += 1
        return counts

    def usable_on(self, day: date) -> bool:
        """Whether ``state_on`` answers for ``day`` without evaluating the case."""
        return (self.rules == RULES and self.as_of <= day
                and (self.valid_until is None or day < self.valid_until))


def _key(check: Check) -> tuple:
    return (check.standard, check.sentence_id, check.arises_on, check.due_by, check.done_on, check.done_ok)


def _segments(check: Check, as_of: date) -> list[tuple[date, StandardState]]:
    """The check's state from ``as_of`` on, as (from day, state) steps, non-decreasing."""
    if check.arises_on is None:
        return []
    start = max(check.arises_on, as_of)
    if check.done_on is not None and check.done_on <= as_of:
        return [(start, state_on(check, start))]
    if check.due_by is None:
        return [(start, StandardState.DUE)]
    late = max(start, check.due_by + timedelta(days=1))
    return [(late, StandardState.OVERDUE)] if late == start else [(start, StandardState.DUE), (late, StandardState.OVERDUE)]


def _reaches(segments: Iterable[list[tuple[date, StandardState]]]) -> dict[StandardState, date]:
    reaches: dict[StandardState, date] = {}
    for steps in segments:
        for day, state in steps:
            for level in LEVELS[:LEVELS.index(state) + 1]:
                if level not in reaches or day < reaches[level]:
                    reaches[level] = day
    return reaches


def next_due(found: Iterable[Check], as_of: date) -> Check | None:
    """The undischarged duty with the soonest deadline (catalogue order breaks ties): OVERDUE ones
    first, then those due, including a duty whose window opens later (e.g. END-1)."""
    open_duties = [c for c in found if c.due_by is not None and c.arises_on is not None
                   and (c.done_on is None or c.done_on > as_of)]
    return min(open_duties, key=lambda c: c.due_by, default=None)


def summarise(case: Case, as_of: date) -> CaseSummary:
    found = standards.checks(case, as_of)
    far = standards.checks(case, FAR_FUTURE)
    stable = [_key(c) for c in found] == [_key(c) for c in far]
    done_later = any(c.done_on is not None and c.done_on > as_of for c in found)
    by_standard: dict[str, list[Check]] = {}
    for item in found:
        by_standard.setdefault(item.standard, []).append(item)
    summaries = []
    for standard_id, items in by_standard.items():
        today = [(state_on(c, as_of), c) for c in items]
        today = [(s, c) for s, c in today if s is not StandardState.NOT_APPLICABLE]
        worst = max((s for s, _ in today), key=LEVELS.index, default=None)
        due = min((c.due_by for s, c in today if s is worst and c.due_by is not None), default=None)
        summaries.append(StandardSummary(standard_id, worst, due, _reaches(_segments(c, as_of) for c in items)))
    return CaseSummary(as_of=as_of, valid_until=None if stable and not done_later else as_of + timedelta(days=1),
                       rules=RULES, standards=tuple(summaries), next_due=next_due(found, as_of),
                       overdue_from=first_overdue_day(far))


def next_due_status(case: Case, as_of: date) -> standards.StandardStatus | None:
    """``Case.nextDue``: the soonest undischarged duty with a deadline (``next_due``), with its state
    on ``as_of``. NOT_APPLICABLE means its window opens later (e.g. END-1, eight weeks before the end)."""
    found = next_due(standards.checks(case, as_of), as_of)
    if found is None:
        return None
    return standards.StandardStatus(found.standard, found.title, state_on(found, as_of), found.due_by,
                                    found.sentence_id, found.detail)

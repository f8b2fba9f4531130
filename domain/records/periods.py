"""When a requirement is in force: from its start to the first of its own end, the sentence's end,
the sentence's termination and a court's termination of the requirement.

- Start: a community order or SSO requirement from the sentence date; a licence or PSS condition
  from release (a condition of a licence applies to the released offender).
- Planned end: start + ``lengthMonths`` (the last day of that period) where the type has a length,
  never beyond the sentence's end date; otherwise the sentence's end date. An unpaid work extension
  (REQ-UPW-3) moves the unpaid work's completion date only, never these dates.
"""

from __future__ import annotations

from datetime import date

from domain.core.case import Sentence
from domain.core.dates import period_end
from domain.records.model import Requirement


def starts_on(sentence: Sentence, requirement: Requirement) -> date:
    if sentence.type.is_post_release and sentence.release_date is not None:
        return sentence.release_date
    return sentence.imposed_on


def planned_end(sentence: Sentence, requirement: Requirement) -> date:
    if requirement.length_months:
        return min(period_end(starts_on(sentence, requirement), requirement.length_months), sentence.end_date)
    return sentence.end_date


def ended_early_on(sentence: Sentence, requirement: Requirement) -> date | None:
    """The day the court terminated the requirement, or the sentence was terminated, if either."""
    days = [v.varied_on for v in requirement.variations if v.terminated]
    if sentence.termination is not None:
        days.append(sentence.termination.terminated_on)
    return min(days, default=None)


def ends_on(sentence: Sentence, requirement: Requirement) -> date:
    """The last day the requirement is in force (an early end on day D: D is the last day)."""
    early = ended_early_on(sentence, requirement)
    planned = planned_end(sentence, requirement)
    return min(planned, early) if early is not None else planned


def in_force_on(sentence: Sentence, requirement: Requirement, on: date) -> bool:
    return starts_on(sentence, requirement) <= on <= ends_on(sentence, requirement)

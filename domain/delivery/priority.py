"""Prolific and other Priority Offenders (PPO): a designation on the case, set and ended with a
rationale (REC-2), that brings the case under PLAN-3's five-working-day measure.

RRDP: "The percentage of risk of harm assessments and OASys sentence plans are completed on
Priority and other Prolific Offenders within 5 working days of commencement of the order or
release into the community." Selection is local (PF: "offenders who meet the local criteria for an
IOM", lists refreshed "to discuss the inclusion of new offenders and the removal of those no longer
considered to be at high risk of re-offending"), so the service holds no eligibility rule: it
records the decision, its day and its reasons. A designation is a period: it ends on the day it is
cleared (that day is no longer inside it).
"""

from __future__ import annotations

from datetime import date

from domain.core.case import Case
from domain.core.checks import not_in_future
from domain.core.errors import Violation, invalid
from domain.core.recording import rationale_given
from domain.delivery.commands import SetPriorityOffender
from domain.delivery.model import PriorityOffenderPeriod


def current(case: Case) -> PriorityOffenderPeriod | None:
    """The designation that has not been ended, if any."""
    return next((p for p in reversed(case.priority_offender_periods) if p.ended_on is None), None)


def designation(case: Case, command: SetPriorityOffender, today: date) -> list[Violation]:
    errors = [*not_in_future(command.effective_on, today, ("effectiveOn",), "Effective date"),
              *rationale_given(command.rationale, "Designating or ending a Prolific and other Priority Offender")]
    live = current(case)
    if command.priority_offender:
        if live is not None:
            errors.append(invalid(("priorityOffender",), f"The case is already designated a priority offender since "
                                                         f"{live.started_on.isoformat()}."))
        ended = [p.ended_on for p in case.priority_offender_periods if p.ended_on is not None]
        if ended and command.effective_on < max(ended):
            errors.append(invalid(("effectiveOn",), f"The last designation ended on {max(ended).isoformat()}: a new one "
                                                    "cannot start before it."))
    elif live is None:
        errors.append(invalid(("priorityOffender",), "The case is not designated a priority offender: there is nothing to end."))
    elif command.effective_on <= live.started_on:
        errors.append(invalid(("effectiveOn",), f"The designation started on {live.started_on.isoformat()}: it ends on a "
                                                "later day."))
    return errors


def designated_between(case: Case, first_day: date, last_day: date, as_of: date) -> PriorityOffenderPeriod | None:
    """A designation, as known on ``as_of``, in force on some day from ``first_day`` to ``last_day``."""
    for period in case.priority_offender_periods:
        if period.started_on > min(last_day, as_of):
            continue
        ended = period.ended_on if period.ended_on is not None and period.ended_on <= as_of else None
        if ended is None or ended > first_day:
            return period
    return None

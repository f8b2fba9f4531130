"""The catalogue: every capability's monitors assembled into one standards evaluation.

Importing this module registers every national standard (each is declared beside its function in
its capability's modules), so ``domain.core.registry.REGISTRY`` is complete once it is imported.
The public reads of standards status are here: ``evaluate`` (one case, one day), ``checks``,
``overdue_from`` (stored on the case for the caseload filter) and ``Report`` (a caseload tally).
"""

from __future__ import annotations

from datetime import date, datetime

from domain.core import recording  # noqa: F401  (REC-1..3 are declared there)
from domain.core.calendar import LONDON
from domain.core.case import Case
from domain.core.registry import REGISTRY, Standard, catalogue_order
from domain.core.standards import (
    FAR_FUTURE,
    SEVERITY,
    Check,
    Monitor,
    Report,
    StandardState,
    StandardStatus,
    first_overdue_day,
    run_checks,
    state_on,
    statuses,
)
from domain.delivery import standards as delivery
from domain.enforcement import standards as enforcement
from domain.records import (
    allocation,  # noqa: F401  (ALLOC-2..4)
    notifications,
    requirements,  # noqa: F401  (REQ-*)
)
from domain.records import (
    rules as record_rules,  # noqa: F401  (REQ-PRG-1)
)
from domain.records import standards as records
from domain.risk import rules as risk_rules  # noqa: F401  (RISK-1, RISK-3, SAFE-1)
from domain.risk import standards as risk
from domain.risk import tiering  # noqa: F401  (TIER-1)
from domain.sharing import partner  # noqa: F401  (REC-4)
from domain.sharing import standards as sharing
from domain.sharing import victims as victim_records  # noqa: F401  (VIC-3)

__all__ = ["FAR_FUTURE", "MONITORS", "SEVERITY", "Check", "Report", "StandardState", "StandardStatus", "catalogue",
           "checks", "evaluate", "overdue_from", "state_on", "title"]

# Order does not matter for the result (checks are sorted into catalogue order).
MONITORS: tuple[Monitor, ...] = (
    records.alloc_1, delivery.first_appointment, delivery.planning, delivery.plan_review, delivery.approved_premises,
    sharing.victims, delivery.completion, delivery.unpaid_work, enforcement.enforcement, risk.risk_and_mappa,
    risk.emergency_actions,
    notifications.police_notifications,
)


def london_day(instant: datetime) -> date:
    """The day an instant falls on in England and Wales."""
    return instant.astimezone(LONDON).date()


def catalogue() -> list[Standard]:
    """Every registered standard, in catalogue order."""
    return catalogue_order()


def title(standard_id: str) -> str:
    return REGISTRY[standard_id].title


def checks(case: Case, as_of: date) -> list[Check]:
    """Every check for the case on ``as_of``, in catalogue order."""
    return run_checks(MONITORS, case, as_of)


def evaluate(case: Case, as_of: date, at: datetime | None = None) -> list[StandardStatus]:
    """Every applicable standard's status on ``as_of``, in catalogue order; deadlines that are
    instants (LIC-2) are judged at ``at`` (default: the end of ``as_of``)."""
    return statuses(checks(case, as_of), as_of, at)


def overdue_from(case: Case) -> date | None:
    """The first day on which this case has a standard OVERDUE, if nothing more is recorded.

    Stored on the case document at every write so a caseload can be filtered by "has overdue
    standards today" with an index (overdue today <=> overdue_from <= today). Sound because a
    check that is not done stays OVERDUE from the day after its due date until something is
    recorded, which is a write that recomputes this."""
    return first_overdue_day(checks(case, FAR_FUTURE))


def report(as_of: date) -> Report:
    return Report(as_of=as_of)

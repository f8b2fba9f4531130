"""Monitored standards of the case record: ALLOC-1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.case import Case
from domain.core.registry import Section, standard
from domain.core.standards import Check, check, upto

ALLOC_1 = standard("ALLOC-1", Section.ALLOCATION, "Allocated to a provider and responsible officer",
                   source="PF Allocation of Probation Provider", monitored=True,
                   rule="Offenders sentenced to a community order, a suspended sentence order or custody of more than "
                        "one day are allocated to a provider and a responsible officer, and the allocation notified.")



def alloc_1(case: Case, as_of: date) -> Iterable[Check]:
    """ALLOC-1: offenders sentenced to a CO, SSO or custody of more than one day are allocated
    to a provider (PF Allocation). PF sets no number ("prompt notification"), so no due date."""
    if not case.sentences:
        return
    first_sentence = min(s.imposed_on for s in case.sentences)
    allocated = upto(case.allocations[0].allocated_on if case.allocations else None, as_of)
    yield check(ALLOC_1, None, arises_on=first_sentence, done_on=allocated,
                detail="Allocated." if allocated else "Sentenced but not yet allocated to a provider and officer.")

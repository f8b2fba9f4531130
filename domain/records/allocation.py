"""Allocation rules: ALLOC-1, ALLOC-2, ALLOC-3 (PF "Allocation of Probation Provider";
"Managing RoSH"; "Transfers").

ALLOC-4 (a transfer sets a plan review due) is derived from the allocation history by the
standards report (PLAN-5), so it needs no write of its own here.
"""

from __future__ import annotations

from datetime import date

from domain.core.case import Case, rosh_as_of
from domain.core.checks import not_in_future, text_present
from domain.core.enums import Provider, RoshLevel
from domain.core.errors import ErrorCode, Violation, breaks, invalid
from domain.core.parameters import param
from domain.core.recording import rationale_given
from domain.core.registry import Section, standard
from domain.records.commands import AllocateCase, OfficerDetails, TransferCase
from domain.staff.model import normalise_code

ALLOC_2 = standard("ALLOC-2", Section.ALLOCATION, "The identity of the responsible officer is clear at all times",
                   source="PF Allocation of Probation Provider", enforced=True,
                   rule="Once allocated a case always has exactly one responsible officer; a transfer replaces the officer "
                        "in one write and the history of allocations is kept; a case is never left without an officer.")
ALLOC_3 = standard("ALLOC-3", Section.ALLOCATION, "RoSH HIGH or above is managed by the NPS",
                   source="PF Managing RoSH; Risk Management", parameters=("ALLOC_3_NPS_FROM",), enforced=True,
                   rule="Allocating or transferring a case whose current RoSH is HIGH or VERY_HIGH to a CRC is refused "
                        "(ROSH_REQUIRES_NPS).")
ALLOC_4 = standard("ALLOC-4", Section.ALLOCATION, "Clarity during a transfer; the plan is reviewed after it",
                   source="PF Transfers", covered_by=("PLAN-5",),
                   rule="At any point in a transfer it is clear who manages the case (a transfer is one write), and the "
                        "plan is reviewed after a transfer: a transfer sets PLAN-5 due.")


def officer_identified(officer: OfficerDetails | None, path: tuple[str, ...] = ("officer",)) -> list[Violation]:
    """ALLOC-2: the identity of the responsible officer is clear at all times, so an allocation
    or transfer always names one, by staff code (the name comes from the staff directory:
    domain.staff.directory resolves the code before the case is changed)."""
    if officer is None:
        return [breaks(ALLOC_2, path, "the responsible officer must be named; a case cannot be left without an officer.")]
    return text_present(officer.code, (*path, "code"), "Officer code", 50)


def rosh_requires_nps(case: Case, provider: Provider, on: date) -> list[Violation]:
    """ALLOC-3: where the RoSH is HIGH or above the case must be managed by the NPS. Judged on the
    allocation's own date (REC-1): the assessment in force that day, so an allocation entered late
    is held to what was known when it was made (a later rise is RISK-2's to escalate)."""
    rosh = rosh_as_of(case, on)
    threshold = RoshLevel(param("ALLOC_3_NPS_FROM"))
    if provider is Provider.CRC and rosh is not None and rosh.level.at_least(threshold):
        return [breaks(ALLOC_3, ("provider",),
                       f"the RoSH on {on.isoformat()} is {rosh.level.value} (assessed {rosh.assessed_on.isoformat()}); "
                       "a case at HIGH or above must be managed by the NPS, not a CRC.",
                       ErrorCode.ROSH_REQUIRES_NPS)]
    return []


def can_allocate(case: Case, command: AllocateCase, today: date) -> list[Violation]:
    """ALLOC-1: the first allocation to a provider and responsible officer, with its rationale
    (REC-2: PF "Officers are still able to use their professional discretion to decide whether a
    case should be managed by the NPS or CRC"; "The considerations taken into account in making a
    decision on the management of the offender are recorded"). The GraphQL input requires it (a missing one
    never reaches here); a blank one, or a command built elsewhere without one, is this user error."""
    errors = [*officer_identified(command.officer),
              *not_in_future(command.allocated_on, today, ("allocatedOn",), "Allocation date"),
              *rosh_requires_nps(case, command.provider, command.allocated_on),
              *rationale_given(command.rationale, "An allocation")]
    if case.allocation is not None:
        # ALLOC-2's refusals share its code (one standard, one kind of refusal, one code: issue 16.7).
        errors.append(breaks(ALLOC_2, ("crn",), f"case {case.crn} is already allocated to {case.allocation.officer.name} "
                                                f"({case.allocation.provider.value}); use transferCase so the history is kept."))
    return errors


def can_transfer(case: Case, command: TransferCase, today: date) -> list[Violation]:
    """ALLOC-2 (never without an officer, history kept), ALLOC-3, REC-2 (rationale required)."""
    errors = [*officer_identified(command.officer),
              *not_in_future(command.transferred_on, today, ("transferredOn",), "Transfer date"),
              *rosh_requires_nps(case, command.provider, command.transferred_on),
              *rationale_given(command.rationale, "A transfer")]
    current = case.allocation
    if current is None:
        errors.append(invalid(("crn",), f"Case {case.crn} is not allocated yet; allocate it with allocateCase first."))
        return errors
    if command.transferred_on < current.allocated_on:
        errors.append(invalid(("transferredOn",),
                              f"The transfer date cannot be before the current allocation ({current.allocated_on.isoformat()})."))
    if (command.officer is not None and normalise_code(command.officer.code) == normalise_code(current.officer.code)
        and command.provider is current.provider):
        errors.append(invalid(("officer", "code"), "The case is already managed by this officer and provider."))
    return errors

"""Records of the case itself: the offender, allocations, offences and requirements."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.enums import (
    AllocationKind,
    Gender,
    OffenceCategory,
    Provider,
    RequirementStatus,
    RequirementType,
)


class Offender(Model):
    forename: str
    surname: str
    date_of_birth: date
    gender: Gender
    pnc_number: str | None = None


class Officer(Model):
    code: str
    name: str


class Allocation(Model):
    """One entry of the allocation history (ALLOC-1, ALLOC-2). The current allocation is the
    last entry: a transfer appends a new one, it never edits or removes the old."""

    kind: AllocationKind
    provider: Provider
    officer: Officer
    allocated_on: date
    rationale: str | None = None
    recorded: Recorded


class Offence(Model):
    description: str
    category: OffenceCategory
    committed_on: date


class RequirementVariation(Model):
    """A court's variation or termination of a requirement: what changed, from what, and why."""

    varied_on: date
    previous: dict[str, int | bool | str | None]
    changes: dict[str, int | bool | str | None]
    terminated: bool = False
    rationale: str
    recorded: Recorded


class Requirement(Model):
    """A requirement of a community order/SSO or a condition of a licence/PSS, with the
    parameters its type takes (REQ-*)."""

    id: str = Field(default_factory=new_id)
    type: RequirementType
    hours: int | None = None
    days: int | None = None
    length_months: int | None = None
    consent_given: bool | None = None
    alcohol_dependent: bool | None = None
    programme: str | None = None
    details: str | None = None
    status: RequirementStatus = RequirementStatus.ACTIVE
    # REQ-UPW-3: a court may extend a community order to let unpaid work be completed.
    completion_due_extended_to: date | None = None
    variations: list[RequirementVariation] = Field(default_factory=list)
    recorded: Recorded

"""Records of the case itself: the offender, allocations, offences and requirements."""

from __future__ import annotations

from datetime import date
from enum import Enum

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


class DrugTestResult(str, Enum):
    POSITIVE = "POSITIVE"
    NEGATIVE = "NEGATIVE"
    REFUSED = "REFUSED"


class DrugTest(Model):
    """A drug test under a drug testing condition (licence/PSS) or a drug rehabilitation
    requirement (CO/SSO: "DRRs – which includes drug testing"). REQ-DRG-1: a positive result is
    information, never a failure to comply by itself; a refusal to provide a sample is an apparent
    failure (``failure_id``), for the officer to decide."""

    id: str = Field(default_factory=new_id)
    tested_on: date
    result: DrugTestResult
    substances: list[str] = Field(default_factory=list)
    notes: str | None = None
    failure_id: str | None = None
    recorded: Recorded


class NotificationKind(str, Enum):
    START = "START"
    END = "END"


class PoliceNotification(Model):
    """NOTIFY-1 (start) / NOTIFY-2 (termination): the written notice to the police of an
    exclusion or prohibition (the offender's name, its length and scope), or of the end of a
    requirement."""

    id: str = Field(default_factory=new_id)
    kind: NotificationKind
    notified_on: date
    police_recipient: str
    in_writing: bool
    contact_for_non_compliance: str | None = None
    other_stakeholders: list[str] = Field(default_factory=list)
    offender_notified: bool | None = None
    recorded: Recorded


class CriterionResult(Model):
    """One eligibility criterion as it stood at a referral (REQ-PRG-1)."""

    requires: str
    source: str
    met: bool
    explanation: str


class ProgrammeReferral(Model):
    """A referral of a programme requirement/condition to a catalogue programme, with the
    eligibility found on the referral date (REQ-PRG-1)."""

    id: str = Field(default_factory=new_id)
    programme_code: str
    referred_on: date
    confirmations: list[str] = Field(default_factory=list)
    suitability_confirmed: bool
    rationale: str
    status: str
    criteria: list[CriterionResult] = Field(default_factory=list)
    detail: str
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
    # REQ-AAMR-1 (IB): "an Alcohol Treatment Requirement recommended"; "so long as the offence is alcohol related".
    alcohol_treatment_recommended: bool | None = None
    alcohol_related_offence: bool | None = None
    # REQ-DRG-2: the statutory safeguards, in the PF's words (see domain.records.requirements).
    drug_misuse_factor_in_offending: bool | None = None
    dependent_or_propensity: bool | None = None
    dependency_treatable: bool | None = None
    treatment_arrangements_possible: bool | None = None
    status: RequirementStatus = RequirementStatus.ACTIVE
    # REQ-UPW-3: a court may extend a community order to let unpaid work be completed.
    completion_due_extended_to: date | None = None
    variations: list[RequirementVariation] = Field(default_factory=list)
    programme_referrals: list[ProgrammeReferral] = Field(default_factory=list)
    drug_tests: list[DrugTest] = Field(default_factory=list)
    police_notifications: list[PoliceNotification] = Field(default_factory=list)
    recorded: Recorded

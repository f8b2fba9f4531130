"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: opening a case, sentences and requirements, allocation, caseload queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.core.enums import Gender, OffenceCategory, Provider, RequirementType, RoshLevel, SentenceType
from domain.records.model import DrugTestResult, NotificationKind
from domain.records.programmes import Confirmation


@dataclass(frozen=True)
class OffenderDetails:
    forename: str
    surname: str
    date_of_birth: date
    gender: Gender
    pnc_number: str | None = None


@dataclass(frozen=True)
class CreateCase:
    offender: OffenderDetails
    crn: str | None = None


@dataclass(frozen=True)
class OffenceDetails:
    description: str
    category: OffenceCategory
    committed_on: date


@dataclass(frozen=True)
class RequirementDetails:
    type: RequirementType
    hours: int | None = None
    days: int | None = None
    length_months: int | None = None
    consent_given: bool | None = None
    alcohol_dependent: bool | None = None
    programme: str | None = None
    details: str | None = None
    alcohol_treatment_recommended: bool | None = None
    alcohol_related_offence: bool | None = None
    drug_misuse_factor_in_offending: bool | None = None
    dependent_or_propensity: bool | None = None
    dependency_treatable: bool | None = None
    treatment_arrangements_possible: bool | None = None


@dataclass(frozen=True)
class AddSentence:
    crn: str
    type: SentenceType
    imposed_on: date
    length_months: int
    offence: OffenceDetails
    requirements: tuple[RequirementDetails, ...] = ()
    release_date: date | None = None
    custodial_term_months: int | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class OfficerDetails:
    """The officer an allocation names, by staff code. The name is read from the staff directory;
    a name sent as well must agree with it (domain.staff.rules.allocatable)."""

    code: str
    name: str | None = None


@dataclass(frozen=True)
class AllocateCase:
    crn: str
    provider: Provider
    officer: OfficerDetails
    allocated_on: date
    rationale: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class TransferCase:
    crn: str
    provider: Provider
    officer: OfficerDetails | None
    transferred_on: date
    rationale: str
    expected_version: int | None = None


@dataclass(frozen=True)
class CaseQuery:
    """A caseload filter (the GraphQL ``CaseFilter``). ``overdue_as_of`` set means: only cases
    with at least one standard overdue on that day."""

    officer_code: str | None = None
    provider: Provider | None = None
    rosh_levels: tuple[RoshLevel, ...] | None = None
    overdue_as_of: date | None = None
    not_overdue_as_of: date | None = None
    tiers: tuple[str, ...] | None = None
    # Visibility (domain.policy): None = every provider; a tuple = only these (None inside: unallocated).
    providers: tuple[Provider | None, ...] | None = None
    # Token subject of the viewer: restricted cases are kept to those that list it.
    viewer: str | None = None
    # System runs only (tier recalculation): restricted cases too, whoever the viewer.
    include_restricted: bool = False
    # Caseload views: only cases with an undischarged duty whose deadline is on or before this day.
    due_by: date | None = None
    # Person search (domain.records.search): name prefixes as search keys, exact date of birth,
    # PNC number in its standard form.
    surname_prefix: str | None = None
    forename_prefix: str | None = None
    date_of_birth: date | None = None
    pnc_number: str | None = None


class CaseOrder(str, Enum):
    """The order of a page of cases: by CRN, or by the soonest deadline pending (then CRN)."""

    CRN = "CRN"
    NEXT_DUE = "NEXT_DUE"


# Requirements in delivery: programme referral, drug tests, police notifications ----------------

@dataclass(frozen=True)
class ReferToProgramme:
    """REQ-PRG-1: refer a programme requirement/condition to a catalogue programme; eligibility is
    evaluated on ``referred_on``. ``programme`` defaults to the one the court named."""

    crn: str
    sentence_id: str
    requirement_id: str
    referred_on: date
    suitability_confirmed: bool
    rationale: str
    programme: str | None = None
    confirmations: tuple[Confirmation, ...] = ()
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordDrugTestResult:
    """REQ-DRG-1: a drug test's result under a drug testing condition or a DRR."""

    crn: str
    sentence_id: str
    requirement_id: str
    tested_on: date
    result: DrugTestResult
    substances: tuple[str, ...] = ()
    notes: str | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordPoliceNotification:
    """NOTIFY-1 / NOTIFY-2: the police told in writing of a requirement's start or end."""

    crn: str
    sentence_id: str
    requirement_id: str
    kind: NotificationKind
    notified_on: date
    police_recipient: str
    in_writing: bool
    contact_for_non_compliance: str | None = None
    other_stakeholders: tuple[str, ...] = ()
    offender_notified: bool | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None

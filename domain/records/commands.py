"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: opening a case, sentences and requirements, allocation, caseload queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.enums import Gender, OffenceCategory, Provider, RequirementType, RoshLevel, SentenceType


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
    code: str
    name: str


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
    # Person search (domain.records.search): name prefixes as search keys, exact date of birth,
    # PNC number in its standard form.
    surname_prefix: str | None = None
    forename_prefix: str | None = None
    date_of_birth: date | None = None
    pnc_number: str | None = None

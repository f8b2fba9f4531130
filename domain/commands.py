"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from domain.enums import (
    AppointmentKind,
    AppointmentOutcome,
    BreachOutcome,
    Gender,
    MappaCategory,
    MappaLevel,
    NoteKind,
    OffenceCategory,
    Provider,
    RequirementType,
    RoshLevel,
    SafeguardingAgency,
    SafeguardingKind,
    SentenceType,
)
from domain.tiering import ComplexityFactor, Need, NeedSeverity, ProblemLevel


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
class RecordRoshAssessment:
    crn: str
    level: RoshLevel
    assessed_on: date
    rationale: str
    risk_to_children: RoshLevel | None = None
    risk_to_public: RoshLevel | None = None
    risk_to_known_adult: RoshLevel | None = None
    risk_to_staff: RoshLevel | None = None
    reoffending_score: Decimal | None = None
    serious_recidivism_score: Decimal | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterMappa:
    crn: str
    category: MappaCategory
    level: MappaLevel
    registered_on: date
    visor_recorded: bool
    visor_reference: str | None = None
    review_due_on: date | None = None
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


@dataclass(frozen=True)
class RecordAppointment:
    crn: str
    sentence_id: str
    kind: AppointmentKind
    face_to_face: bool
    date: date
    outcome: AppointmentOutcome | None = None
    requirement_id: str | None = None
    notes: str | None = None
    notes_kind: NoteKind | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class PlanObjectiveDetails:
    description: str
    targets_risk_to_children: bool = False


@dataclass(frozen=True)
class RecordPlan:
    crn: str
    sentence_id: str
    completed_on: date
    rosh_level_identified: RoshLevel | None
    objectives: tuple[PlanObjectiveDetails, ...]
    risk_management_plan: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class ReviewPlan:
    crn: str
    sentence_id: str
    reviewed_on: date
    reason: str
    summary: str
    expected_version: int | None = None


@dataclass(frozen=True)
class ReferToApprovedPremises:
    crn: str
    sentence_id: str
    referred_on: date
    premises: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class CompleteEvaluation:
    crn: str
    sentence_id: str
    completed_on: date
    summary: str
    expected_version: int | None = None


@dataclass(frozen=True)
class TerminateSentence:
    crn: str
    sentence_id: str
    terminated_on: date
    reason: str
    agencies_notified: tuple[str, ...]
    continuing_restrictions_explained: bool
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordUnpaidWorkSession:
    crn: str
    sentence_id: str
    requirement_id: str
    date: date
    minutes_worked: int
    education_training_employment_minutes: int = 0
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordRarActivityDay:
    crn: str
    sentence_id: str
    requirement_id: str
    date: date
    description: str
    expected_version: int | None = None


@dataclass(frozen=True)
class VaryRequirement:
    """A court varies (changes parameters of) or terminates a requirement."""

    crn: str
    sentence_id: str
    requirement_id: str
    varied_on: date
    rationale: str
    terminate: bool = False
    hours: int | None = None
    days: int | None = None
    length_months: int | None = None
    details: str | None = None
    extend_completion_to: date | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class ExplanationDetails:
    received_on: date
    received_by: str
    details: str


@dataclass(frozen=True)
class DecideFailureToComply:
    crn: str
    sentence_id: str
    failure_id: str
    acceptable: bool
    rationale: str
    explanation: ExplanationDetails | None = None
    correction_reason: str | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class IssueWarning:
    crn: str
    sentence_id: str
    issued_on: date
    final: bool
    rationale: str
    offender_response: str | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class InitiateBreach:
    crn: str
    sentence_id: str
    initiated_on: date
    rationale: str
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordBreachOutcome:
    crn: str
    sentence_id: str
    decided_on: date
    outcome: BreachOutcome
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecommendRecall:
    crn: str
    sentence_id: str
    decided_at: datetime
    emergency: bool
    rationale: str
    nps_endorsed: bool = False
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordRecallReportSent:
    crn: str
    sentence_id: str
    sent_at: datetime
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordReRelease:
    crn: str
    sentence_id: str
    released_on: date
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RecordAddressChange:
    crn: str
    changed_on: date
    permanent: bool
    permission_sought: bool
    emergency: bool
    details: str
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class DeregisterMappa:
    crn: str
    deregistered_on: date
    reason: str
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterSafeguarding:
    crn: str
    kind: SafeguardingKind
    started_on: date
    review_on: date | None = None
    referred_to: SafeguardingAgency | None = None
    referred_on: date | None = None
    details: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class EndSafeguarding:
    crn: str
    safeguarding_id: str
    ended_on: date
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterComplexityFactor:
    crn: str
    factor: ComplexityFactor
    started_on: date
    ended_on: date | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordNeedsAssessment:
    crn: str
    assessed_on: date
    needs: tuple[tuple[Need, NeedSeverity], ...]
    expected_version: int | None = None
    parenting_responsibilities: bool | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None


@dataclass(frozen=True)
class RecordEmergencyAction:
    crn: str
    occurred_at: datetime
    action: str
    manager_informed_at: datetime | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordManagerInformed:
    """RISK-3: when the manager was informed of an emergency action recorded earlier."""

    crn: str
    emergency_action_id: str
    informed_at: datetime
    expected_version: int | None = None


@dataclass(frozen=True)
class RestrictCase:
    """Restrict a case to an allow-list of staff (token subjects); an empty list lifts the restriction."""

    crn: str
    allowed_subjects: tuple[str, ...]
    expected_version: int | None = None

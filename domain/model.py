"""The case document as the domain sees it: one aggregate per case.

Everything a rule decides on lives in the case it changes, so every command is one
single-document write guarded by the version it read (DESIGN.md, Documents). History is
appended, never edited: allocations, assessments and registrations are added and superseded.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field

from domain.enums import (
    AllocationKind,
    AppointmentKind,
    AppointmentOutcome,
    BreachOutcome,
    FailureStatus,
    Gender,
    MappaCategory,
    MappaLevel,
    NoteKind,
    OffenceCategory,
    Provider,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SafeguardingAgency,
    SafeguardingKind,
    SentenceStatus,
    SentenceType,
)
from domain.tiering import (
    ChangeLevel,
    ComplexityFactor,
    Need,
    NeedSeverity,
    ProblemLevel,
    ProtectLevel,
)


def new_id() -> str:
    return uuid4().hex


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Actor(Model):
    """Who made a write: the token's subject and display name."""

    subject: str
    name: str


class Recorded(Model):
    """When and by whom a record was written (REC-1: the time it was recorded, beside the date
    it happened)."""

    by: Actor
    at: datetime


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


class Note(Model):
    """A contact note, marked as fact or opinion (REC-3)."""

    kind: NoteKind
    text: str


class Appointment(Model):
    """A contact with the offender. ``outcome`` None: arranged, not yet happened."""

    id: str = Field(default_factory=new_id)
    kind: AppointmentKind
    face_to_face: bool
    date: date
    outcome: AppointmentOutcome | None = None
    requirement_id: str | None = None
    notes: Note | None = None
    recorded: Recorded


class Explanation(Model):
    """ENF-1: whether, when and by whom an explanation was received, and what it said."""

    received_on: date
    received_by: str
    details: str


class FailureDecision(Model):
    """ENF-1: the officer's decision on whether a failure is acceptable, with its rationale
    (REC-2). Never edited: a correction is a new decision that says why it supersedes."""

    acceptable: bool
    decided_on: date
    rationale: str
    explanation: Explanation | None = None
    correction_reason: str | None = None
    recorded: Recorded


class FailureToComply(Model):
    """An apparent failure to comply (ENF-1), created by a failure outcome of an appointment or
    by an unpermitted change of address (ENF-6). Nothing is ever deleted."""

    id: str = Field(default_factory=new_id)
    date: date
    appointment_id: str | None = None
    requirement_id: str | None = None
    outcome: AppointmentOutcome | None = None
    reason: str | None = None
    decisions: list[FailureDecision] = Field(default_factory=list)
    recorded: Recorded

    @property
    def decision(self) -> FailureDecision | None:
        """The decision in force: the latest recorded."""
        return self.decisions[-1] if self.decisions else None

    @property
    def status(self) -> FailureStatus:
        decision = self.decision
        if decision is None:
            return FailureStatus.AWAITING_DECISION
        return FailureStatus.ACCEPTABLE if decision.acceptable else FailureStatus.UNACCEPTABLE


class ComplianceWarning(Model):
    """A warning (ENF-3, LIC-3), with the offender's response when given (ENF-1)."""

    id: str = Field(default_factory=new_id)
    issued_on: date
    final: bool
    rationale: str
    offender_response: str | None = None
    recorded: Recorded


class Breach(Model):
    """Breach proceedings (ENF-4), with the court's outcome (ENF-5) and any referral to the NPS (ENF-7)."""

    id: str = Field(default_factory=new_id)
    initiated_on: date
    rationale: str
    referred_to_nps: bool = False
    referral_reason: str | None = None
    outcome: BreachOutcome | None = None
    outcome_on: date | None = None
    recorded: Recorded


class Recall(Model):
    """A recommendation to recall (LIC-1, LIC-2, LIC-5), its report and the re-release (LIC-4)."""

    id: str = Field(default_factory=new_id)
    decided_at: datetime
    emergency: bool
    rationale: str
    nps_endorsed: bool = False
    report_sent_at: datetime | None = None
    rereleased_on: date | None = None
    recorded: Recorded


class AddressChange(Model):
    """A change of address (ENF-6)."""

    id: str = Field(default_factory=new_id)
    changed_on: date
    permanent: bool
    permission_sought: bool
    emergency: bool
    details: str
    recorded: Recorded


class IdempotencyRecord(Model):
    """A processed mutation, so a retry with the same key gets the first result (not a second write)."""

    key: str
    operation: str
    record_ids: list[str]
    at: datetime


class PlanObjective(Model):
    description: str
    targets_risk_to_children: bool = False


class Plan(Model):
    """A sentence plan (PLAN-1, PLAN-2, PLAN-4)."""

    id: str = Field(default_factory=new_id)
    completed_on: date
    rosh_level_identified: RoshLevel
    risk_management_plan: str | None = None
    objectives: list[PlanObjective]
    recorded: Recorded


class PlanReview(Model):
    """A review of the plan (PLAN-5)."""

    id: str = Field(default_factory=new_id)
    reviewed_on: date
    reason: str
    summary: str
    recorded: Recorded


class ApprovedPremisesReferral(Model):
    """AP-1: a referral to Approved Premises, due at least three months before release."""

    id: str = Field(default_factory=new_id)
    referred_on: date
    premises: str | None = None
    recorded: Recorded


class Evaluation(Model):
    """END-1: the evaluation of the plan's objectives at the end of the sentence."""

    completed_on: date
    summary: str
    recorded: Recorded


class Termination(Model):
    """END-2: the sentence ended, with the agencies notified."""

    terminated_on: date
    reason: str
    agencies_notified: list[str]
    continuing_restrictions_explained: bool
    recorded: Recorded


class UnpaidWorkSession(Model):
    """REQ-UPW-4: a session of unpaid work; minutes asked for and minutes credited are both kept."""

    id: str = Field(default_factory=new_id)
    requirement_id: str
    date: date
    minutes_worked: int
    education_training_employment_minutes: int = 0
    credited_minutes: int
    credited_education_training_employment_minutes: int
    recorded: Recorded


class RarActivityDay(Model):
    """A rehabilitation activity day delivered under a RAR (REQ-RAR-1)."""

    id: str = Field(default_factory=new_id)
    requirement_id: str
    date: date
    description: str
    recorded: Recorded


class Sentence(Model):
    id: str = Field(default_factory=new_id)
    type: SentenceType
    imposed_on: date
    length_months: int
    release_date: date | None = None
    custodial_term_months: int | None = None
    end_date: date
    offence: Offence
    requirements: list[Requirement] = Field(default_factory=list)
    status: SentenceStatus = SentenceStatus.ACTIVE
    appointments: list[Appointment] = Field(default_factory=list)
    failures: list[FailureToComply] = Field(default_factory=list)
    plans: list[Plan] = Field(default_factory=list)
    plan_reviews: list[PlanReview] = Field(default_factory=list)
    approved_premises_referrals: list[ApprovedPremisesReferral] = Field(default_factory=list)
    evaluation: Evaluation | None = None
    termination: Termination | None = None
    unpaid_work_sessions: list[UnpaidWorkSession] = Field(default_factory=list)
    rar_activity_days: list[RarActivityDay] = Field(default_factory=list)
    warnings: list[ComplianceWarning] = Field(default_factory=list)
    breaches: list[Breach] = Field(default_factory=list)
    recalls: list[Recall] = Field(default_factory=list)
    recorded: Recorded

    def failure(self, failure_id: str) -> FailureToComply | None:
        return next((f for f in self.failures if f.id == failure_id), None)

    def requirement(self, requirement_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)


class RoshAssessment(Model):
    """One risk of serious harm assessment (RISK-1): the overall level, the level by group, the
    likelihood-of-reoffending scores (exact percentages), the assessor (``recorded.by``), date and
    rationale. Kept as history; the current one is the latest by date (ties: the last recorded)."""

    id: str = Field(default_factory=new_id)
    level: RoshLevel
    risk_to_children: RoshLevel | None = None
    risk_to_public: RoshLevel | None = None
    risk_to_known_adult: RoshLevel | None = None
    risk_to_staff: RoshLevel | None = None
    reoffending_score: Decimal | None = None
    serious_recidivism_score: Decimal | None = None
    assessed_on: date
    rationale: str
    recorded: Recorded


class MappaRegistration(Model):
    id: str = Field(default_factory=new_id)
    category: MappaCategory
    level: MappaLevel
    registered_on: date
    visor_recorded: bool
    visor_reference: str | None = None
    review_due_on: date | None = None
    deregistered_on: date | None = None
    deregistration_reason: str | None = None
    recorded: Recorded


class SafeguardingConcern(Model):
    """SAFE-1: a time-bounded safeguarding registration with the referral made, to whom and when."""

    id: str = Field(default_factory=new_id)
    kind: SafeguardingKind
    started_on: date
    review_on: date | None = None
    ended_on: date | None = None
    referred_to: SafeguardingAgency | None = None
    referred_on: date | None = None
    details: str | None = None
    recorded: Recorded

    def active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or self.ended_on > day)


class ComplexityRegistration(Model):
    """A complexity factor registered on the case (TIER-1), time-bounded."""

    id: str = Field(default_factory=new_id)
    factor: ComplexityFactor
    started_on: date
    ended_on: date | None = None
    recorded: Recorded


class NeedsAssessment(Model):
    """Criminogenic needs and their severity (TIER-1 change level)."""

    id: str = Field(default_factory=new_id)
    assessed_on: date
    needs: dict[Need, NeedSeverity]
    # The OASys answers behind hmpps-tier's additional factors for women (6.9, 11.2, 11.4); None: not answered.
    parenting_responsibilities: bool | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None
    recorded: Recorded


class EmergencyAction(Model):
    """RISK-3: immediate action on an immediate risk, and when a manager was informed (which is
    recorded later, as soon as possible after the event)."""

    id: str = Field(default_factory=new_id)
    occurred_at: datetime
    action: str
    manager_informed_at: datetime | None = None
    recorded: Recorded


class TierCalculation(Model):
    """TIER-1: one stored calculation with its inputs, breakdown, rule version and reason."""

    id: str = Field(default_factory=new_id)
    tier: str
    protect: ProtectLevel
    change: ChangeLevel
    provisional: bool
    protect_points: int
    change_points: int
    breakdown: dict[str, int]
    explanation: list[str]
    inputs: dict[str, Any]
    rule_version: str
    reason: str
    calculated_at: datetime
    # Provisional parts (domain.tiering): the levels still possible and the missing inputs behind them.
    range: str | None = None
    possible_protect: list[ProtectLevel] = Field(default_factory=list)
    possible_change: list[ChangeLevel] = Field(default_factory=list)
    missing_inputs: list[dict[str, Any]] = Field(default_factory=list)
    unsupervised: bool = False
    case_version: int = 1  # the case version written with it: orders the history exactly


class Case(Model):
    id: str = Field(default_factory=new_id)
    crn: str
    version: int = 1
    offender: Offender
    allocations: list[Allocation] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    rosh_assessments: list[RoshAssessment] = Field(default_factory=list)
    mappa_registrations: list[MappaRegistration] = Field(default_factory=list)
    safeguarding: list[SafeguardingConcern] = Field(default_factory=list)
    address_changes: list[AddressChange] = Field(default_factory=list)
    complexity_factors: list[ComplexityRegistration] = Field(default_factory=list)
    needs_assessments: list[NeedsAssessment] = Field(default_factory=list)
    emergency_actions: list[EmergencyAction] = Field(default_factory=list)
    tier: TierCalculation | None = None
    idempotency: list[IdempotencyRecord] = Field(default_factory=list)
    # A restricted case exists only for the staff (token subjects) on this list; None: unrestricted.
    restricted_to: list[str] | None = None
    # VIC-2 only: per sentence, the earliest day victim contact was offered. Nothing about any
    # victim is held here (VIC-3): the records themselves live in the victims collection.
    victim_contact_offered: dict[str, date] = Field(default_factory=dict)
    created: Recorded
    updated: Recorded

    @property
    def allocation(self) -> Allocation | None:
        """The current allocation (ALLOC-2: exactly one officer once allocated)."""
        return self.allocations[-1] if self.allocations else None

    @property
    def rosh(self) -> RoshAssessment | None:
        """The current RoSH: the latest assessment by date; on the same date, the last recorded."""
        if not self.rosh_assessments:
            return None
        indexed = list(enumerate(self.rosh_assessments))
        return max(indexed, key=lambda pair: (pair[1].assessed_on, pair[0]))[1]

    @property
    def mappa(self) -> MappaRegistration | None:
        """The current MAPPA registration: the latest not deregistered, if any."""
        live = [m for m in self.mappa_registrations if m.deregistered_on is None]
        if not live:
            return None
        indexed = list(enumerate(live))
        return max(indexed, key=lambda pair: (pair[1].registered_on, pair[0]))[1]

    def sentence(self, sentence_id: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sentence_id), None)

"""The case aggregate: one document per case.

Everything a rule decides on lives in the case it changes, so every command is one
single-document write guarded by the version it read (docs/design.md, Documents). History is
appended, never edited: allocations, assessments and registrations are added and superseded.
The records each capability keeps live in its own ``model`` module; this module assembles them."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.enums import SentenceStatus, SentenceType
from domain.delivery.model import (
    Appointment,
    ApprovedPremisesReferral,
    EmploymentSpell,
    Evaluation,
    Plan,
    PlanReview,
    PriorityOffenderPeriod,
    RarActivityDay,
    ResettlementStatus,
    Termination,
    UnpaidWorkSession,
)
from domain.enforcement.model import AddressChange, Breach, ComplianceWarning, FailureToComply, Recall
from domain.records.model import Allocation, Offence, Offender, Requirement
from domain.risk.model import (
    ComplexityRegistration,
    EmergencyAction,
    MappaRegistration,
    NeedsAssessment,
    RoshAssessment,
    SafeguardingConcern,
    TierCalculation,
)


class IdempotencyRecord(Model):
    """A processed mutation, so a retry with the same key gets the first result (not a second write).
    ``record_ids`` locate what it created (an id, or ``@path`` for a record without one);
    ``fingerprint`` is a hash of the command, so a reuse of the key with other input is refused."""

    key: str
    operation: str
    record_ids: list[str]
    at: datetime
    fingerprint: str | None = None
    subject: str | None = None


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
    resettlement: list[ResettlementStatus] = Field(default_factory=list)
    employment_spells: list[EmploymentSpell] = Field(default_factory=list)
    recorded: Recorded

    def failure(self, failure_id: str) -> FailureToComply | None:
        return next((f for f in self.failures if f.id == failure_id), None)

    def requirement(self, requirement_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)


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
    # PLAN-3: Prolific and other Priority Offender designations, oldest first.
    priority_offender_periods: list[PriorityOffenderPeriod] = Field(default_factory=list)
    tier: TierCalculation | None = None
    idempotency: list[IdempotencyRecord] = Field(default_factory=list)
    # A restricted case exists only for the staff (token subjects) on this list; None: unrestricted.
    restricted_to: list[str] | None = None
    # VIC-2 only: per sentence, the earliest day victim contact was offered. Nothing about any
    # victim is held here (VIC-3): the records themselves live in the victims collection.
    victim_contact_offered: dict[str, date] = Field(default_factory=dict)
    # VIC-1 only: per sentence, the earliest day discretionary contact was decided not appropriate
    # (the decision and its reason live in the victims collection).
    victim_contact_not_appropriate: dict[str, date] = Field(default_factory=dict)
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


def rosh_as_of(case: Case, as_of: date) -> RoshAssessment | None:
    """The RoSH assessment current on ``as_of``: the latest by date (ties: the last recorded)."""
    dated = [(a.assessed_on, i, a) for i, a in enumerate(case.rosh_assessments) if a.assessed_on <= as_of]
    return max(dated, key=lambda t: (t[0], t[1]))[2] if dated else None


def rosh_history(case: Case, as_of: date) -> list[RoshAssessment]:
    """The assessments made by ``as_of``, in the order they took effect."""
    dated = sorted(((a.assessed_on, i, a) for i, a in enumerate(case.rosh_assessments) if a.assessed_on <= as_of),
                   key=lambda t: (t[0], t[1]))
    return [a for _, _, a in dated]


def commencement(case: Case, sentence: Sentence) -> date | None:
    """When supervision of the sentence starts: allocation to the responsible officer for a
    CO/SSO (not before the sentence), release for a licence or PSS. None until known."""
    if sentence.type.is_post_release:
        return sentence.release_date
    if not case.allocations:
        return None
    return max(case.allocations[0].allocated_on, sentence.imposed_on)

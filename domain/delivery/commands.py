"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: appointments, plans, referrals, completion, unpaid work, RAR days, variations,
accommodation and employment outcomes, and Prolific and other Priority Offender designations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.core.enums import AppointmentKind, AppointmentOutcome, NoteKind, RoshLevel
from domain.delivery.vocabulary import (
    AccommodationStatus,
    ChangeRequestedBy,
    EmploymentKind,
    EmploymentStatus,
    Pathway,
    SupervisionPoint,
    UnaddressedReason,
)


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
    # The day it was arranged (REC-1's own date); None: today, or the appointment's day if that is earlier.
    arranged_on: date | None = None


@dataclass(frozen=True)
class RecordAppointmentOutcome:
    """The outcome of an arranged appointment, recorded later (on or after its day)."""

    crn: str
    sentence_id: str
    appointment_id: str
    outcome: AppointmentOutcome
    notes: str | None = None
    notes_kind: NoteKind | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class CancelAppointment:
    crn: str
    sentence_id: str
    appointment_id: str
    cancelled_on: date
    requested_by: ChangeRequestedBy
    rationale: str
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class RearrangeAppointment:
    crn: str
    sentence_id: str
    appointment_id: str
    new_date: date
    rearranged_on: date
    requested_by: ChangeRequestedBy
    rationale: str
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class PlanObjectiveDetails:
    description: str
    targets_risk_to_children: bool = False
    pathway: Pathway | None = None


@dataclass(frozen=True)
class NeedDetails:
    pathway: Pathway
    required: str | None = None
    unaddressed_reason: UnaddressedReason | None = None


@dataclass(frozen=True)
class RecordPlan:
    crn: str
    sentence_id: str
    completed_on: date
    rosh_level_identified: RoshLevel | None
    objectives: tuple[PlanObjectiveDetails, ...]
    risk_management_plan: str | None = None
    expected_version: int | None = None
    needs_identified: tuple[NeedDetails, ...] = ()


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
class RecordResettlementStatus:
    crn: str
    sentence_id: str
    point: SupervisionPoint
    assessed_on: date
    accommodation: AccommodationStatus
    employment: EmploymentStatus
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordEmploymentSpell:
    crn: str
    sentence_id: str
    kind: EmploymentKind
    started_on: date
    ended_on: date | None = None
    details: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class EndEmploymentSpell:
    crn: str
    sentence_id: str
    spell_id: str
    ended_on: date
    expected_version: int | None = None


@dataclass(frozen=True)
class SetPriorityOffender:
    """Designate the case a Prolific and other Priority Offender from ``effective_on``, or end the
    designation on that day (``priority_offender`` False)."""

    crn: str
    priority_offender: bool
    effective_on: date
    rationale: str
    expected_version: int | None = None

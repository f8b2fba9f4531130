"""Delivery records on a sentence: appointments, plans and reviews, Approved Premises referrals,
unpaid work sessions, RAR activity days, the evaluation and the termination; accommodation and
employment at the start and end of supervision; and, on the case, Prolific and other Priority
Offender designations (PLAN-3).

Every record carries the date it happened (its own date) beside ``recorded`` (when and by whom it
was written, REC-1); rules and statuses read the own date."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.calendar import LONDON
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


class Note(Model):
    """A contact note, marked as fact or opinion (REC-3)."""

    kind: NoteKind
    text: str


class AppointmentChange(Model):
    """An arranged appointment cancelled or rearranged: on what day, at whose request and why
    (REC-2). A rearrangement names the appointment that replaces it."""

    changed_on: date
    requested_by: ChangeRequestedBy
    rationale: str
    replacement_id: str | None = None
    recorded: Recorded


class Appointment(Model):
    """A contact with the offender: arranged (``arranged_on``, its own date) for ``date``; its
    ``outcome`` None until recorded (``outcome_recorded``: when and by whom, REC-1)."""

    id: str = Field(default_factory=new_id)
    kind: AppointmentKind
    face_to_face: bool
    date: date
    outcome: AppointmentOutcome | None = None
    requirement_id: str | None = None
    notes: Note | None = None
    recorded: Recorded
    # None only on appointments stored before arrangements were dated: see ``arranged_day``.
    arranged_on: date | None = None
    outcome_recorded: Recorded | None = None
    outcome_notes: Note | None = None
    change: AppointmentChange | None = None
    rearranged_from: str | None = None

    @property
    def arranged_day(self) -> date:
        """The day it was arranged: as recorded, or (older records) the day it was written down,
        but never after the appointment itself."""
        if self.arranged_on is not None:
            return self.arranged_on
        return min(self.recorded.at.astimezone(LONDON).date(), self.date)

    @property
    def outcome_stamp(self) -> Recorded | None:
        """When and by whom the outcome was recorded (None while there is none)."""
        if self.outcome is None:
            return None
        return self.outcome_recorded or self.recorded

    def withdrawn_by(self, as_of: date) -> bool:
        """Whether, by ``as_of``, the arrangement no longer stands: cancelled, or rearranged at the
        service's request. (Rearranged at the offender's request it still stands as the officer's
        arrangement: PF "using flexibility with the timing and location of appointments".)"""
        change = self.change
        if change is None or change.changed_on > as_of:
            return False
        return change.replacement_id is None or change.requested_by is ChangeRequestedBy.SERVICE


class PlanObjective(Model):
    description: str
    targets_risk_to_children: bool = False
    # The RRDP pathway it addresses; None for an objective that addresses none (e.g. the punitive
    # or restrictive part of the sentence).
    pathway: Pathway | None = None


class IdentifiedNeed(Model):
    """A need the plan identifies (PF: a plan includes "the needs of the offender"), on an RRDP
    pathway, with what is required to meet it; when no objective addresses it, why not (PLAN-6)."""

    pathway: Pathway
    required: str | None = None
    unaddressed_reason: UnaddressedReason | None = None


class Plan(Model):
    """A sentence plan (PLAN-1, PLAN-2, PLAN-4, PLAN-6)."""

    id: str = Field(default_factory=new_id)
    completed_on: date
    rosh_level_identified: RoshLevel
    risk_management_plan: str | None = None
    objectives: list[PlanObjective]
    needs_identified: list[IdentifiedNeed] = Field(default_factory=list)
    recorded: Recorded

    def addressing(self, pathway: Pathway) -> list[PlanObjective]:
        """The objectives of this plan that address a pathway."""
        return [o for o in self.objectives if o.pathway is pathway]


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


class ResettlementStatus(Model):
    """Accommodation and employment at the start or the end of supervision (the RRDP's outcome
    measures), as established on ``assessed_on``. A later record for the same point corrects it."""

    id: str = Field(default_factory=new_id)
    point: SupervisionPoint
    assessed_on: date
    accommodation: AccommodationStatus
    employment: EmploymentStatus
    recorded: Recorded


class EmploymentSpell(Model):
    """A spell of employment or vocational training (RRDP: unemployed offenders "that find and keep
    employment or vocational training for 4 weeks or more during supervision")."""

    id: str = Field(default_factory=new_id)
    kind: EmploymentKind
    started_on: date
    ended_on: date | None = None
    details: str | None = None
    recorded: Recorded
    ended_recorded: Recorded | None = None


class PriorityOffenderPeriod(Model):
    """A period in which the case is designated a Prolific and other Priority Offender (PPO) under
    the local scheme (selection is local: PF "offenders who meet the local criteria"). Set and
    cleared with a rationale (REC-2); ``ended_on`` None while it lasts."""

    id: str = Field(default_factory=new_id)
    started_on: date
    rationale: str
    recorded: Recorded
    ended_on: date | None = None
    end_rationale: str | None = None
    ended_recorded: Recorded | None = None

    def active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or self.ended_on > day)

"""Delivery records on a sentence: appointments, plans and reviews, Approved Premises referrals,
unpaid work sessions, RAR activity days, the evaluation and the termination."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.enums import AppointmentKind, AppointmentOutcome, NoteKind, RoshLevel


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

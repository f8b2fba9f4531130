"""Enforcement records: failures to comply and their decisions, warnings, breaches, recalls and
changes of address (ENF-*, LIC-*)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.enums import AppointmentOutcome, BreachOutcome, FailureStatus


class Explanation(Model):
    """ENF-1: whether, when and by whom an explanation was received, and what it said."""

    received_on: date
    received_by: str
    details: str


class EmergencyMove(Model):
    """ENF-6: the officer's "balanced decision" on an emergency move made without prior
    permission: was the change outside the offender's control, and is breach action warranted."""

    outside_offenders_control: bool
    breach_action_warranted: bool


class FailureDecision(Model):
    """ENF-1: the officer's decision on whether a failure is acceptable, with its rationale
    (REC-2). Never edited: a correction is a new decision that says why it supersedes.
    ``decided_on`` is the decision's own date (REC-1: ``recorded.at`` may be later)."""

    acceptable: bool
    decided_on: date
    rationale: str
    explanation: Explanation | None = None
    correction_reason: str | None = None
    emergency_move: EmergencyMove | None = None
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


class BreachAddition(Model):
    """A failure to comply after breach was laid, added to the pending breach for the court
    (ENF-3: the enforcement action for that failure; ENF-5: dealt with by the court's outcome)."""

    id: str = Field(default_factory=new_id)
    failure_id: str
    added_on: date
    rationale: str
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
    outcome_recorded: Recorded | None = None
    additions: list[BreachAddition] = Field(default_factory=list)
    recorded: Recorded


class Recall(Model):
    """A recommendation to recall (LIC-1, LIC-2, LIC-5), its report and the re-release (LIC-4)."""

    id: str = Field(default_factory=new_id)
    decided_at: datetime
    emergency: bool
    rationale: str
    nps_endorsed: bool = False
    report_sent_at: datetime | None = None
    # Who recorded the sending, and when. None with a ``report_sent_at``: written before receipt was
    # kept, when recordRecallReportSent meant "the report reached the NPS/NOMS" (see
    # ``compliance.report_received_at``).
    report_sent_recorded: Recorded | None = None
    # LIC-2 is met on receipt by the Public Protection Casework Section, not on sending (PF).
    report_received_at: datetime | None = None
    report_recorded: Recorded | None = None
    rereleased_on: date | None = None
    recorded: Recorded


class AddressChange(Model):
    """A change of address (ENF-6). ``permission_granted``: prior permission was given (by the
    officer or the court) before the move; ``permission_sought`` is kept as the client said it
    (older clients send only that), but seeking permission is not having it."""

    id: str = Field(default_factory=new_id)
    changed_on: date
    permanent: bool
    permission_sought: bool = False
    permission_granted: bool = False
    emergency: bool
    details: str
    recorded: Recorded

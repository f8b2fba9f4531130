"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: decisions on failures, warnings, breach, recall, changes of address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.core.enums import BreachOutcome


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
    decided_on: date | None = None  # default: today
    expected_version: int | None = None
    idempotency_key: str | None = None


@dataclass(frozen=True)
class AddFailureToBreach:
    crn: str
    sentence_id: str
    failure_id: str
    rationale: str
    added_on: date | None = None  # default: today
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
class RecordRecallReportReceived:
    crn: str
    sentence_id: str
    received_at: datetime
    sent_at: datetime | None = None
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
class EmergencyMoveDecision:
    """ENF-6: the officer's balanced decision on an emergency move without prior permission."""

    outside_offenders_control: bool
    breach_action_warranted: bool
    rationale: str
    decided_on: date | None = None  # default: today


@dataclass(frozen=True)
class RecordAddressChange:
    crn: str
    changed_on: date
    permanent: bool
    emergency: bool
    details: str
    permission_granted: bool | None = None
    permission_sought: bool | None = None  # deprecated: seeking permission is not having it
    emergency_decision: EmergencyMoveDecision | None = None
    expected_version: int | None = None
    idempotency_key: str | None = None

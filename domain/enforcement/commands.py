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

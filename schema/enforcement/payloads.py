"""Payloads of enforcement mutations."""

from __future__ import annotations

import strawberry

from schema.common import CLIENT_ID, UserError
from schema.enforcement.types import Breach, FailureToComply, Recall, Warning
from schema.records.types import Case


@strawberry.type(description="Result of decideFailureToComply.")
class DecideFailureToComplyPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    failure_to_comply: FailureToComply | None = strawberry.field(description="The failure with its decisions; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of issueWarning.")
class IssueWarningPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    warning: Warning | None = strawberry.field(description="The warning; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of initiateBreach, addFailureToBreach or recordBreachOutcome.")
class BreachPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    breach: Breach | None = strawberry.field(description="The breach; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of recommendRecall, recordRecallReportSent, recordRecallReportReceived or recordReRelease.")
class RecallPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    recall: Recall | None = strawberry.field(description="The recall; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of recordAddressChange.")
class RecordAddressChangePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    failures_to_comply: list[FailureToComply] = strawberry.field(description="Failures to comply the move created (ENF-6), awaiting decision.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)

"""Payloads of the case record's mutations."""

from __future__ import annotations

import strawberry

from domain.core.unit_of_work import Outcome
from schema.common import UserError
from schema.records.types import Allocation, Case, Sentence


def case_of(outcome: Outcome) -> Case | None:
    return Case.of(outcome.case) if outcome.case is not None and outcome.ok else None


@strawberry.type(description="Result of createCase.")
class CreateCasePayload:
    case: Case | None = strawberry.field(description="The new case; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of addSentence.")
class AddSentencePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    sentence: Sentence | None = strawberry.field(description="The new sentence; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of allocateCase.")
class AllocateCasePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    allocation: Allocation | None = strawberry.field(description="The new allocation; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of transferCase.")
class TransferCasePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    allocation: Allocation | None = strawberry.field(description="The new allocation entry; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

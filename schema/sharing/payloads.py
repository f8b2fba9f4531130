"""Payloads of sharing mutations."""

from __future__ import annotations

import strawberry

from schema.common import UserError
from schema.records.types import Case
from schema.sharing.types import VictimContactDecisionRecord, VictimRecord


@strawberry.type(description="Result of restrictCase.")
class RestrictCasePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordVictim: no case is returned, so nothing about the victim reaches a case view.")
class RecordVictimPayload:
    victim: VictimRecord | None = strawberry.field(description="The record; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordVictimContactDecision: no case is returned (VIC-3).")
class RecordVictimContactDecisionPayload:
    decision: VictimContactDecisionRecord | None = strawberry.field(description="The decision; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

"""Payloads of risk mutations."""

from __future__ import annotations

import strawberry

from schema.common import UserError
from schema.records.types import Case
from schema.risk.types import MappaRegistration, RoshAssessment


@strawberry.type(description="Result of recordRoshAssessment.")
class RecordRoshAssessmentPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    assessment: RoshAssessment | None = strawberry.field(description="The new assessment; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of registerMappa.")
class RegisterMappaPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    registration: MappaRegistration | None = strawberry.field(description="The new registration; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of a risk mutation (deregisterMappa, registerSafeguarding, endSafeguarding, registerComplexityFactor, recordNeedsAssessment, recordEmergencyAction, recordManagerInformed).")
class RiskPayload:
    case: Case | None = strawberry.field(description="The case as written, with its recalculated tier; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

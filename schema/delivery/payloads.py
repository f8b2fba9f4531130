"""Payloads of delivery mutations."""

from __future__ import annotations

import strawberry

from schema.common import UserError
from schema.delivery.types import (
    Appointment,
    ApprovedPremisesReferral,
    EmploymentSpell,
    Evaluation,
    Plan,
    PlanReview,
    PriorityOffenderPeriod,
    RarActivityDay,
    ResettlementStatus,
    Termination,
    UnpaidWorkSession,
)
from schema.enforcement.types import FailureToComply
from schema.records.types import Case, Requirement


@strawberry.type(description="Result of recordAppointment.")
class RecordAppointmentPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    appointment: Appointment | None = strawberry.field(description="The appointment; null when rejected.")
    failure_to_comply: FailureToComply | None = strawberry.field(description="The failure to comply a failure outcome created, awaiting decision.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description="The idempotency key sent, echoed.")


@strawberry.type(description="Result of recordPlan.")
class RecordPlanPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    plan: Plan | None = strawberry.field(description="The plan; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of reviewPlan.")
class ReviewPlanPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    review: PlanReview | None = strawberry.field(description="The review; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of referToApprovedPremises.")
class ReferToApprovedPremisesPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    referral: ApprovedPremisesReferral | None = strawberry.field(description="The referral (see `onTime` for AP-1); null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of completeEvaluation.")
class CompleteEvaluationPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    evaluation: Evaluation | None = strawberry.field(description="The evaluation; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of terminateSentence.")
class TerminateSentencePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    termination: Termination | None = strawberry.field(description="The termination; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordUnpaidWorkSession.")
class RecordUnpaidWorkSessionPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    session: UnpaidWorkSession | None = strawberry.field(description="The session with the minutes credited; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordRarActivityDay.")
class RecordRarActivityDayPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    activity_day: RarActivityDay | None = strawberry.field(description="The activity day; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of varyRequirement.")
class VaryRequirementPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    requirement: Requirement | None = strawberry.field(description="The requirement as varied; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordAppointmentOutcome.")
class RecordAppointmentOutcomePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    appointment: Appointment | None = strawberry.field(description="The appointment with its outcome; null when rejected.")
    failure_to_comply: FailureToComply | None = strawberry.field(description="The failure to comply a failure outcome created, awaiting decision.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description="The idempotency key sent, echoed.")


@strawberry.type(description="Result of cancelAppointment.")
class CancelAppointmentPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    appointment: Appointment | None = strawberry.field(description="The cancelled appointment; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description="The idempotency key sent, echoed.")


@strawberry.type(description="Result of rearrangeAppointment.")
class RearrangeAppointmentPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    appointment: Appointment | None = strawberry.field(description="The original appointment, now recording the change; null when rejected.")
    replacement: Appointment | None = strawberry.field(description="The appointment arranged in its place; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description="The idempotency key sent, echoed.")


@strawberry.type(description="Result of recordResettlementStatus.")
class RecordResettlementStatusPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    status: ResettlementStatus | None = strawberry.field(description="The status recorded; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordEmploymentSpell and endEmploymentSpell.")
class EmploymentSpellPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    spell: EmploymentSpell | None = strawberry.field(description="The spell; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of setPriorityOffender.")
class SetPriorityOffenderPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    designation: PriorityOffenderPeriod | None = strawberry.field(description="The designation started or ended; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

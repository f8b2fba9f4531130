"""Mutation payloads: every one has ``userErrors`` and, where a case is touched, ``case``
(null when the mutation was rejected)."""

from __future__ import annotations

import strawberry

from domain.errors import Violation
from domain.use_cases import Outcome
from schema import enums
from schema.types import (
    Allocation,
    Appointment,
    ApprovedPremisesReferral,
    Breach,
    Case,
    Evaluation,
    FailureToComply,
    MappaRegistration,
    Plan,
    PlanReview,
    RarActivityDay,
    Recall,
    Requirement,
    RoshAssessment,
    Sentence,
    Termination,
    UnpaidWorkSession,
    VictimRecord,
    Warning,
)


@strawberry.type(description="An expected failure: validation, a rule violation, a conflict, not found, not permitted. "
                             "Nothing is written when a mutation returns any.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path into the input, e.g. [\"input\", \"requirements\", \"0\", \"hours\"]; null when the whole input is refused.")
    code: enums.UserErrorCode = strawberry.field(description="Stable code to branch on.")
    message: str = strawberry.field(description="Human-readable explanation, naming the standard where one applies.")
    standard: str | None = strawberry.field(description="Rule ID from STANDARDS.md when a national standard is the reason.")

    @classmethod
    def of(cls, violation: Violation) -> "UserError":
        return cls(field=["input", *violation.field] if violation.field else None,
                   code=enums.to_graphql(violation.code, enums.UserErrorCode),
                   message=violation.message, standard=violation.standard)


def user_errors(outcome: Outcome) -> list[UserError]:
    return [UserError.of(v) for v in outcome.errors]


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


CLIENT_ID = "The idempotency key sent, echoed."


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


@strawberry.type(description="Result of initiateBreach or recordBreachOutcome.")
class BreachPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    breach: Breach | None = strawberry.field(description="The breach; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of recommendRecall, recordRecallReportSent or recordReRelease.")
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


@strawberry.type(description="Result of a risk mutation (deregisterMappa, registerSafeguarding, endSafeguarding, registerComplexityFactor, recordNeedsAssessment, recordEmergencyAction, recordManagerInformed).")
class RiskPayload:
    case: Case | None = strawberry.field(description="The case as written, with its recalculated tier; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of restrictCase.")
class RestrictCasePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of recordVictim: no case is returned, so nothing about the victim reaches a case view.")
class RecordVictimPayload:
    victim: VictimRecord | None = strawberry.field(description="The record; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

"""Resolvers of delivery: appointments, plans, referrals, completion, unpaid work, RAR days and variations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.delivery import use_cases as delivery
from resolvers.common import INPUT, call, keyed, remember
from schema.common import RecordStamp, user_errors
from schema.context import Context
from schema.delivery.inputs import (
    CompleteEvaluationInput,
    RecordAppointmentInput,
    RecordPlanInput,
    RecordRarActivityDayInput,
    RecordUnpaidWorkSessionInput,
    ReferToApprovedPremisesInput,
    ReviewPlanInput,
    TerminateSentenceInput,
    VaryRequirementInput,
)
from schema.delivery.payloads import (
    CompleteEvaluationPayload,
    RecordAppointmentPayload,
    RecordPlanPayload,
    RecordRarActivityDayPayload,
    RecordUnpaidWorkSessionPayload,
    ReferToApprovedPremisesPayload,
    ReviewPlanPayload,
    TerminateSentencePayload,
    VaryRequirementPayload,
)
from schema.delivery.types import (
    Appointment,
    ApprovedPremisesReferral,
    Evaluation,
    Plan,
    PlanReview,
    RarActivityDay,
    Termination,
    UnpaidWorkSession,
)
from schema.enforcement.types import FailureToComply
from schema.records.payloads import case_of
from schema.records.types import Requirement


@strawberry.type(description="Record the delivery of a sentence.")
class DeliveryMutation:
    @strawberry.mutation(description="Record an appointment (arranged, or with its outcome). A failure outcome creates a "
                                     "failure to comply awaiting decision; APPT-1, APPT-2 and IND-1 are met by attended ones.")
    async def record_appointment(self, info: strawberry.Info[Context],
                                 input: Annotated[RecordAppointmentInput, strawberry.argument(description=INPUT)]
                                 ) -> RecordAppointmentPayload:
        outcome = await delivery.record_appointment(*call(info, input))
        remember(info, outcome)
        appointment, failure = outcome.created if outcome.ok else (None, None)
        crn, sentence_id = (outcome.case.crn, input.to_domain().sentence_id) if outcome.ok else (None, None)
        return RecordAppointmentPayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            appointment=Appointment.of(crn, sentence_id, appointment) if appointment else None,
            failure_to_comply=FailureToComply.of(crn, sentence_id, failure) if failure else None)

    @strawberry.mutation(description="Record a sentence plan: PLAN-1 (present RoSH identified; a risk management plan at "
                                     "MEDIUM or above), PLAN-2 (an objective on risk to children at MEDIUM or above), "
                                     "PLAN-4 (pre-release no more than 12 weeks before release).")
    async def record_plan(self, info: strawberry.Info[Context],
                          input: Annotated[RecordPlanInput, strawberry.argument(description=INPUT)]) -> RecordPlanPayload:
        outcome = await delivery.record_plan(*call(info, input))
        remember(info, outcome)
        return RecordPlanPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                 plan=Plan.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record a plan review (PLAN-5): clears a review set due by a RoSH change or a transfer.")
    async def review_plan(self, info: strawberry.Info[Context],
                          input: Annotated[ReviewPlanInput, strawberry.argument(description=INPUT)]) -> ReviewPlanPayload:
        outcome = await delivery.review_plan(*call(info, input))
        remember(info, outcome)
        review = outcome.created
        return ReviewPlanPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                 review=PlanReview(reviewed_on=review.reviewed_on, reason=review.reason,
                                                   summary=review.summary, recorded=RecordStamp.of(review.recorded))
                                 if outcome.ok else None)

    @strawberry.mutation(description="Record an Approved Premises referral (AP-1): accepted whenever made, NOT_MET when less "
                                     "than three months before release.")
    async def refer_to_approved_premises(self, info: strawberry.Info[Context],
                                         input: Annotated[ReferToApprovedPremisesInput, strawberry.argument(description=INPUT)]
                                         ) -> ReferToApprovedPremisesPayload:
        command = input.to_domain()
        outcome = await delivery.refer_to_approved_premises(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        referral = (ApprovedPremisesReferral.of(outcome.case.sentence(command.sentence_id), outcome.created)
                    if outcome.ok else None)
        return ReferToApprovedPremisesPayload(case=case_of(outcome), user_errors=user_errors(outcome), referral=referral)

    @strawberry.mutation(description="Complete the end-of-sentence evaluation (END-1): no earlier than eight weeks before "
                                     "the sentence ends (EVALUATION_TOO_EARLY).")
    async def complete_evaluation(self, info: strawberry.Info[Context],
                                  input: Annotated[CompleteEvaluationInput, strawberry.argument(description=INPUT)]
                                  ) -> CompleteEvaluationPayload:
        outcome = await delivery.complete_evaluation(*call(info, input))
        remember(info, outcome)
        return CompleteEvaluationPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                         evaluation=Evaluation(completed_on=outcome.created.completed_on,
                                                               summary=outcome.created.summary) if outcome.ok else None)

    @strawberry.mutation(description="Terminate a sentence, recording the agencies notified (END-2).")
    async def terminate_sentence(self, info: strawberry.Info[Context],
                                 input: Annotated[TerminateSentenceInput, strawberry.argument(description=INPUT)]
                                 ) -> TerminateSentencePayload:
        outcome = await delivery.terminate_sentence(*call(info, input))
        remember(info, outcome)
        return TerminateSentencePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                        termination=Termination.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record an unpaid work session (REQ-UPW-4): education, training and employment count "
                                     "for at most 30% of the hours; credit never exceeds the hours remaining.")
    async def record_unpaid_work_session(self, info: strawberry.Info[Context],
                                         input: Annotated[RecordUnpaidWorkSessionInput, strawberry.argument(description=INPUT)]
                                         ) -> RecordUnpaidWorkSessionPayload:
        command = input.to_domain()
        outcome = await delivery.record_unpaid_work_session(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        session = UnpaidWorkSession.of(outcome.case.crn, command.sentence_id, outcome.created) if outcome.ok else None
        return RecordUnpaidWorkSessionPayload(case=case_of(outcome), user_errors=user_errors(outcome), session=session)

    @strawberry.mutation(description="Record a RAR activity day (REQ-RAR-1): never more days than the maximum the court set.")
    async def record_rar_activity_day(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordRarActivityDayInput, strawberry.argument(description=INPUT)]
                                      ) -> RecordRarActivityDayPayload:
        command = input.to_domain()
        outcome = await delivery.record_rar_activity_day(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        day = RarActivityDay.of(outcome.case.crn, command.sentence_id, outcome.created) if outcome.ok else None
        return RecordRarActivityDayPayload(case=case_of(outcome), user_errors=user_errors(outcome), activity_day=day)

    @strawberry.mutation(description="Record a court's variation or termination of a requirement; the varied requirement "
                                     "passes the same REQ-* rules as a new one.")
    async def vary_requirement(self, info: strawberry.Info[Context],
                               input: Annotated[VaryRequirementInput, strawberry.argument(description=INPUT)]
                               ) -> VaryRequirementPayload:
        outcome = await delivery.vary_requirement(*call(info, input))
        remember(info, outcome)
        requirement = None
        if outcome.ok:
            sentence = outcome.case.sentence(input.to_domain().sentence_id)
            requirement = Requirement.of(outcome.case.crn, sentence, outcome.created)
        return VaryRequirementPayload(case=case_of(outcome), user_errors=user_errors(outcome), requirement=requirement)

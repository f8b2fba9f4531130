"""Resolvers of delivery: appointments (arranged, outcome, cancelled, moved), plans, referrals, completion,
unpaid work, RAR days, variations, accommodation and employment outcomes, priority offender designations."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.delivery import use_cases as delivery
from resolvers.common import INPUT, call, keyed, remember
from schema.common import user_errors
from schema.context import Context
from schema.delivery.inputs import (
    CancelAppointmentInput,
    CompleteEvaluationInput,
    EndEmploymentSpellInput,
    RearrangeAppointmentInput,
    RecordAppointmentInput,
    RecordAppointmentOutcomeInput,
    RecordEmploymentSpellInput,
    RecordPlanInput,
    RecordRarActivityDayInput,
    RecordResettlementStatusInput,
    RecordUnpaidWorkSessionInput,
    ReferToApprovedPremisesInput,
    ReviewPlanInput,
    SetPriorityOffenderInput,
    TerminateSentenceInput,
    VaryRequirementInput,
)
from schema.delivery.payloads import (
    CancelAppointmentPayload,
    CompleteEvaluationPayload,
    EmploymentSpellPayload,
    RearrangeAppointmentPayload,
    RecordAppointmentOutcomePayload,
    RecordAppointmentPayload,
    RecordPlanPayload,
    RecordRarActivityDayPayload,
    RecordResettlementStatusPayload,
    RecordUnpaidWorkSessionPayload,
    ReferToApprovedPremisesPayload,
    ReviewPlanPayload,
    SetPriorityOffenderPayload,
    TerminateSentencePayload,
    VaryRequirementPayload,
)
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
from schema.records.payloads import case_of
from schema.records.types import Requirement


def _appointment(outcome, sentence_id: str, appointment) -> Appointment | None:
    """The GraphQL appointment for one the use case wrote (None when refused or when there is none)."""
    return Appointment.of(outcome.case.crn, sentence_id, appointment) if outcome.ok and appointment else None


@strawberry.type(description="Record the delivery of a sentence.")
class DeliveryMutation:
    @strawberry.mutation(description="Record an appointment: arranged (a day, no outcome; `arrangedOn` its own date), or with "
                                     "its outcome once its day has come. A failure outcome creates a failure to comply awaiting "
                                     "decision. APPT-1/APPT-2 are met by a face-to-face appointment arranged in time whether or "
                                     "not it is attended; IND-1 by an attended induction.")
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
        return ReviewPlanPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                 review=PlanReview.of(outcome.created) if outcome.ok else None)

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
                                         evaluation=Evaluation.of(outcome.created) if outcome.ok else None)

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

    @strawberry.mutation(description="Record the outcome of an arranged appointment, on or after its day (REC-1: marked late "
                                     "when recorded after it). A failure outcome creates a failure to comply awaiting decision, "
                                     "as recordAppointment does.")
    async def record_appointment_outcome(self, info: strawberry.Info[Context],
                                         input: Annotated[RecordAppointmentOutcomeInput, strawberry.argument(description=INPUT)]
                                         ) -> RecordAppointmentOutcomePayload:
        command = input.to_domain()
        outcome = await delivery.record_appointment_outcome(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        appointment, failure = outcome.created if outcome.ok else (None, None)
        return RecordAppointmentOutcomePayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            appointment=_appointment(outcome, command.sentence_id, appointment),
            failure_to_comply=FailureToComply.of(outcome.case.crn, command.sentence_id, failure) if failure else None)

    @strawberry.mutation(description="Cancel an arranged appointment, recording who asked and why (REC-2). A cancelled "
                                     "appointment no longer counts for APPT-1/APPT-2.")
    async def cancel_appointment(self, info: strawberry.Info[Context],
                                 input: Annotated[CancelAppointmentInput, strawberry.argument(description=INPUT)]
                                 ) -> CancelAppointmentPayload:
        command = input.to_domain()
        outcome = await delivery.cancel_appointment(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        return CancelAppointmentPayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            appointment=_appointment(outcome, command.sentence_id, outcome.created))

    @strawberry.mutation(description="Move an arranged appointment to another day, recording who asked and why (REC-2): the "
                                     "original keeps the change and a replacement is arranged. Moved at the offender's "
                                     "request, the original still counts for APPT-1/APPT-2; moved by the service, only the "
                                     "replacement does.")
    async def rearrange_appointment(self, info: strawberry.Info[Context],
                                    input: Annotated[RearrangeAppointmentInput, strawberry.argument(description=INPUT)]
                                    ) -> RearrangeAppointmentPayload:
        command = input.to_domain()
        outcome = await delivery.rearrange_appointment(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        original, replacement = outcome.created if outcome.ok else (None, None)
        return RearrangeAppointmentPayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            appointment=_appointment(outcome, command.sentence_id, original),
            replacement=_appointment(outcome, command.sentence_id, replacement))

    @strawberry.mutation(description="Record accommodation and employment at the start or the end of supervision (the RRDP's "
                                     "outcome measures, summarised in `standardsReport.outcomes`).")
    async def record_resettlement_status(self, info: strawberry.Info[Context],
                                         input: Annotated[RecordResettlementStatusInput, strawberry.argument(description=INPUT)]
                                         ) -> RecordResettlementStatusPayload:
        outcome = await delivery.record_resettlement_status(*call(info, input))
        remember(info, outcome)
        return RecordResettlementStatusPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                               status=ResettlementStatus.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record a spell of employment or vocational training (the RRDP employment measure counts "
                                     "one found during supervision and kept for 4 weeks or more).")
    async def record_employment_spell(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordEmploymentSpellInput, strawberry.argument(description=INPUT)]
                                      ) -> EmploymentSpellPayload:
        command = input.to_domain()
        outcome = await delivery.record_employment_spell(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        spell = None
        if outcome.ok:
            spell = EmploymentSpell.of(outcome.case.crn, outcome.case.sentence(command.sentence_id), outcome.created,
                                       info.context.clock.today())
        return EmploymentSpellPayload(case=case_of(outcome), user_errors=user_errors(outcome), spell=spell)

    @strawberry.mutation(description="Record the last day of a spell of employment or vocational training.")
    async def end_employment_spell(self, info: strawberry.Info[Context],
                                   input: Annotated[EndEmploymentSpellInput, strawberry.argument(description=INPUT)]
                                   ) -> EmploymentSpellPayload:
        outcome = await delivery.end_employment_spell(*call(info, input))
        remember(info, outcome)
        spell = None
        if outcome.ok:
            sentence, ended = outcome.created
            spell = EmploymentSpell.of(outcome.case.crn, sentence, ended, info.context.clock.today())
        return EmploymentSpellPayload(case=case_of(outcome), user_errors=user_errors(outcome), spell=spell)

    @strawberry.mutation(description="Designate the case a Prolific and other Priority Offender, or end the designation, with "
                                     "a rationale (REC-2). A designation in force at commencement brings PLAN-3's 5-working-day "
                                     "measure (RoSH assessment and plan).")
    async def set_priority_offender(self, info: strawberry.Info[Context],
                                    input: Annotated[SetPriorityOffenderInput, strawberry.argument(description=INPUT)]
                                    ) -> SetPriorityOffenderPayload:
        outcome = await delivery.set_priority_offender(*call(info, input))
        remember(info, outcome)
        return SetPriorityOffenderPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                          designation=PriorityOffenderPeriod.of(outcome.created) if outcome.ok else None)

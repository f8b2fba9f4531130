"""Mutation root: each resolver builds a command from its input, awaits the use case and maps
the outcome to its payload."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.common import remember
from schema.context import Context
from schema.inputs import (
    AddSentenceInput,
    AllocateCaseInput,
    CompleteEvaluationInput,
    CreateCaseInput,
    DecideFailureToComplyInput,
    DeregisterMappaInput,
    EndSafeguardingInput,
    InitiateBreachInput,
    IssueWarningInput,
    RecommendRecallInput,
    RecordAddressChangeInput,
    RecordAppointmentInput,
    RecordBreachOutcomeInput,
    RecordEmergencyActionInput,
    RecordManagerInformedInput,
    RecordNeedsAssessmentInput,
    RecordPlanInput,
    RecordRarActivityDayInput,
    RecordRecallReportSentInput,
    RecordReReleaseInput,
    RecordRoshAssessmentInput,
    RecordUnpaidWorkSessionInput,
    RecordVictimInput,
    ReferToApprovedPremisesInput,
    RegisterComplexityFactorInput,
    RegisterMappaInput,
    RegisterSafeguardingInput,
    RestrictCaseInput,
    ReviewPlanInput,
    TerminateSentenceInput,
    TransferCaseInput,
    VaryRequirementInput,
)
from schema.payloads import (
    AddSentencePayload,
    AllocateCasePayload,
    BreachPayload,
    CompleteEvaluationPayload,
    CreateCasePayload,
    DecideFailureToComplyPayload,
    IssueWarningPayload,
    RecallPayload,
    RecordAddressChangePayload,
    RecordAppointmentPayload,
    RecordPlanPayload,
    RecordRarActivityDayPayload,
    RecordRoshAssessmentPayload,
    RecordUnpaidWorkSessionPayload,
    RecordVictimPayload,
    ReferToApprovedPremisesPayload,
    RegisterMappaPayload,
    RestrictCasePayload,
    ReviewPlanPayload,
    RiskPayload,
    TerminateSentencePayload,
    TransferCasePayload,
    VaryRequirementPayload,
    case_of,
    user_errors,
)
from schema.types import (
    Allocation,
    Appointment,
    ApprovedPremisesReferral,
    Breach,
    Evaluation,
    FailureToComply,
    MappaRegistration,
    Plan,
    PlanReview,
    RarActivityDay,
    RecordStamp,
    Requirement,
    RoshAssessment,
    Sentence,
    Termination,
    UnpaidWorkSession,
    VictimRecord,
    Warning,
    recall_of,
)

INPUT = "The mutation's input."


@strawberry.type(description="Change the case record. Every mutation writes all or nothing.")
class Mutation:
    @strawberry.mutation(description="Open a case for an offender. The CRN is generated when not given; a duplicate is refused.")
    async def create_case(self, info: strawberry.Info[Context],
                          input: Annotated[CreateCaseInput, strawberry.argument(description=INPUT)]) -> CreateCasePayload:
        outcome = await info.context.service.create_case(info.context.principal, input.to_domain())
        remember(info, outcome)
        return CreateCasePayload(case=case_of(outcome), user_errors=user_errors(outcome))

    @strawberry.mutation(description="Add a sentence with its offence and requirements. Shape and REQ-* rules are checked; "
                                     "if any requirement fails, nothing is written.")
    async def add_sentence(self, info: strawberry.Info[Context],
                           input: Annotated[AddSentenceInput, strawberry.argument(description=INPUT)]) -> AddSentencePayload:
        outcome = await info.context.service.add_sentence(info.context.principal, input.to_domain())
        remember(info, outcome)
        return AddSentencePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                  sentence=Sentence.of(outcome.case.crn, outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Allocate an unallocated case to a provider and responsible officer (ALLOC-1, ALLOC-3).")
    async def allocate_case(self, info: strawberry.Info[Context],
                            input: Annotated[AllocateCaseInput, strawberry.argument(description=INPUT)]) -> AllocateCasePayload:
        outcome = await info.context.service.allocate_case(info.context.principal, input.to_domain())
        remember(info, outcome)
        return AllocateCasePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   allocation=Allocation.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Transfer a case to another officer and/or provider in one write, keeping the history "
                                     "(ALLOC-2, ALLOC-3, ALLOC-4: sets a plan review due). A rationale is required.")
    async def transfer_case(self, info: strawberry.Info[Context],
                            input: Annotated[TransferCaseInput, strawberry.argument(description=INPUT)]) -> TransferCasePayload:
        outcome = await info.context.service.transfer_case(info.context.principal, input.to_domain())
        remember(info, outcome)
        return TransferCasePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   allocation=Allocation.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record a RoSH assessment (RISK-1); the latest by date becomes the current RoSH.")
    async def record_rosh_assessment(self, info: strawberry.Info[Context],
                                     input: Annotated[RecordRoshAssessmentInput, strawberry.argument(description=INPUT)]
                                     ) -> RecordRoshAssessmentPayload:
        outcome = await info.context.service.record_rosh_assessment(info.context.principal, input.to_domain())
        remember(info, outcome)
        return RecordRoshAssessmentPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                           assessment=RoshAssessment.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Register the case under MAPPA (MAPPA-1); supersedes any current registration.")
    async def register_mappa(self, info: strawberry.Info[Context],
                             input: Annotated[RegisterMappaInput, strawberry.argument(description=INPUT)]) -> RegisterMappaPayload:
        outcome = await info.context.service.register_mappa(info.context.principal, input.to_domain())
        remember(info, outcome)
        return RegisterMappaPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                    registration=MappaRegistration.of(outcome.created) if outcome.ok else None)

    # National standards I: delivery, planning and completion ---------------------------------

    @strawberry.mutation(description="Record an appointment (arranged, or with its outcome). A failure outcome creates a "
                                     "failure to comply awaiting decision; APPT-1, APPT-2 and IND-1 are met by attended ones.")
    async def record_appointment(self, info: strawberry.Info[Context],
                                 input: Annotated[RecordAppointmentInput, strawberry.argument(description=INPUT)]
                                 ) -> RecordAppointmentPayload:
        outcome = await info.context.service.record_appointment(info.context.principal, input.to_domain())
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
        outcome = await info.context.service.record_plan(info.context.principal, input.to_domain())
        remember(info, outcome)
        return RecordPlanPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                 plan=Plan.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record a plan review (PLAN-5): clears a review set due by a RoSH change or a transfer.")
    async def review_plan(self, info: strawberry.Info[Context],
                          input: Annotated[ReviewPlanInput, strawberry.argument(description=INPUT)]) -> ReviewPlanPayload:
        outcome = await info.context.service.review_plan(info.context.principal, input.to_domain())
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
        outcome = await info.context.service.refer_to_approved_premises(info.context.principal, command)
        remember(info, outcome)
        referral = (ApprovedPremisesReferral.of(outcome.case.sentence(command.sentence_id), outcome.created)
                    if outcome.ok else None)
        return ReferToApprovedPremisesPayload(case=case_of(outcome), user_errors=user_errors(outcome), referral=referral)

    @strawberry.mutation(description="Complete the end-of-sentence evaluation (END-1): no earlier than eight weeks before "
                                     "the sentence ends (EVALUATION_TOO_EARLY).")
    async def complete_evaluation(self, info: strawberry.Info[Context],
                                  input: Annotated[CompleteEvaluationInput, strawberry.argument(description=INPUT)]
                                  ) -> CompleteEvaluationPayload:
        outcome = await info.context.service.complete_evaluation(info.context.principal, input.to_domain())
        remember(info, outcome)
        return CompleteEvaluationPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                         evaluation=Evaluation(completed_on=outcome.created.completed_on,
                                                               summary=outcome.created.summary) if outcome.ok else None)

    @strawberry.mutation(description="Terminate a sentence, recording the agencies notified (END-2).")
    async def terminate_sentence(self, info: strawberry.Info[Context],
                                 input: Annotated[TerminateSentenceInput, strawberry.argument(description=INPUT)]
                                 ) -> TerminateSentencePayload:
        outcome = await info.context.service.terminate_sentence(info.context.principal, input.to_domain())
        remember(info, outcome)
        return TerminateSentencePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                        termination=Termination.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Record an unpaid work session (REQ-UPW-4): education, training and employment count "
                                     "for at most 30% of the hours; credit never exceeds the hours remaining.")
    async def record_unpaid_work_session(self, info: strawberry.Info[Context],
                                         input: Annotated[RecordUnpaidWorkSessionInput, strawberry.argument(description=INPUT)]
                                         ) -> RecordUnpaidWorkSessionPayload:
        command = input.to_domain()
        outcome = await info.context.service.record_unpaid_work_session(info.context.principal, command)
        remember(info, outcome)
        session = UnpaidWorkSession.of(outcome.case.crn, command.sentence_id, outcome.created) if outcome.ok else None
        return RecordUnpaidWorkSessionPayload(case=case_of(outcome), user_errors=user_errors(outcome), session=session)

    @strawberry.mutation(description="Record a RAR activity day (REQ-RAR-1): never more days than the maximum the court set.")
    async def record_rar_activity_day(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordRarActivityDayInput, strawberry.argument(description=INPUT)]
                                      ) -> RecordRarActivityDayPayload:
        command = input.to_domain()
        outcome = await info.context.service.record_rar_activity_day(info.context.principal, command)
        remember(info, outcome)
        day = RarActivityDay.of(outcome.case.crn, command.sentence_id, outcome.created) if outcome.ok else None
        return RecordRarActivityDayPayload(case=case_of(outcome), user_errors=user_errors(outcome), activity_day=day)

    @strawberry.mutation(description="Record a court's variation or termination of a requirement; the varied requirement "
                                     "passes the same REQ-* rules as a new one.")
    async def vary_requirement(self, info: strawberry.Info[Context],
                               input: Annotated[VaryRequirementInput, strawberry.argument(description=INPUT)]
                               ) -> VaryRequirementPayload:
        outcome = await info.context.service.vary_requirement(info.context.principal, input.to_domain())
        remember(info, outcome)
        requirement = None
        if outcome.ok:
            sentence = outcome.case.sentence(input.to_domain().sentence_id)
            requirement = Requirement.of(outcome.case.crn, sentence, outcome.created)
        return VaryRequirementPayload(case=case_of(outcome), user_errors=user_errors(outcome), requirement=requirement)

    # National standards II: enforcement -------------------------------------------------------

    @strawberry.mutation(description="Record the explanation and the decision on a failure to comply (ENF-1, REC-2). A second "
                                     "decision is a correction that supersedes the first and says why.")
    async def decide_failure_to_comply(self, info: strawberry.Info[Context],
                                       input: Annotated[DecideFailureToComplyInput, strawberry.argument(description=INPUT)]
                                       ) -> DecideFailureToComplyPayload:
        command = input.to_domain()
        outcome = await info.context.service.decide_failure_to_comply(info.context.principal, command)
        remember(info, outcome)
        return DecideFailureToComplyPayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            failure_to_comply=FailureToComply.of(outcome.case.crn, command.sentence_id, outcome.created)
            if outcome.ok and outcome.created else None)

    @strawberry.mutation(description="Issue a warning (ENF-3). Refused with BREACH_REQUIRED when the 2nd (CO/SSO) or 3rd (PSS) "
                                     "unacceptable failure in 12 months requires breach (ENF-4); a final licence warning "
                                     "needs the SENIOR_MANAGER role (LIC-3).")
    async def issue_warning(self, info: strawberry.Info[Context],
                            input: Annotated[IssueWarningInput, strawberry.argument(description=INPUT)]) -> IssueWarningPayload:
        outcome = await info.context.service.issue_warning(info.context.principal, input.to_domain())
        remember(info, outcome)
        warning = outcome.created if outcome.ok else None
        return IssueWarningPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   client_mutation_id=input.client_mutation_id,
                                   warning=Warning(issued_on=warning.issued_on, final=warning.final,
                                                   rationale=warning.rationale, offender_response=warning.offender_response,
                                                   recorded=RecordStamp.of(warning.recorded)) if warning else None)

    @strawberry.mutation(description="Initiate breach proceedings (ENF-4). The sentence becomes BREACHED; ENF-7 referral to "
                                     "the NPS is recorded when it applies.")
    async def initiate_breach(self, info: strawberry.Info[Context],
                              input: Annotated[InitiateBreachInput, strawberry.argument(description=INPUT)]) -> BreachPayload:
        command = input.to_domain()
        outcome = await info.context.service.initiate_breach(info.context.principal, command)
        return _breach_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record the court's outcome of breach (ENF-5): ORDER_CONTINUED returns the sentence to "
                                     "ACTIVE and spends earlier warnings; ORDER_REVOKED terminates it.")
    async def record_breach_outcome(self, info: strawberry.Info[Context],
                                    input: Annotated[RecordBreachOutcomeInput, strawberry.argument(description=INPUT)]
                                    ) -> BreachPayload:
        command = input.to_domain()
        outcome = await info.context.service.record_breach_outcome(info.context.principal, command)
        return _breach_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record the decision to recommend recall (LIC-1). The sentence becomes RECALLED; the "
                                     "report is due 24 hours later, 2 in an emergency (LIC-2).")
    async def recommend_recall(self, info: strawberry.Info[Context],
                               input: Annotated[RecommendRecallInput, strawberry.argument(description=INPUT)]) -> RecallPayload:
        outcome = await info.context.service.recommend_recall(info.context.principal, input.to_domain())
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record that the recall report reached the NPS/NOMS (LIC-2).")
    async def record_recall_report_sent(self, info: strawberry.Info[Context],
                                        input: Annotated[RecordRecallReportSentInput, strawberry.argument(description=INPUT)]
                                        ) -> RecallPayload:
        outcome = await info.context.service.record_recall_report_sent(info.context.principal, input.to_domain())
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record re-release after recall (LIC-4): earlier warnings and failures are spent.")
    async def record_re_release(self, info: strawberry.Info[Context],
                                input: Annotated[RecordReReleaseInput, strawberry.argument(description=INPUT)]) -> RecallPayload:
        outcome = await info.context.service.record_rerelease(info.context.principal, input.to_domain())
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record a change of address (ENF-6); it may create failures to comply awaiting decision.")
    async def record_address_change(self, info: strawberry.Info[Context],
                                    input: Annotated[RecordAddressChangeInput, strawberry.argument(description=INPUT)]
                                    ) -> RecordAddressChangePayload:
        outcome = await info.context.service.record_address_change(info.context.principal, input.to_domain())
        remember(info, outcome)
        failures = []
        if outcome.ok:
            created = {f.id for f in outcome.created[1:] if f is not None}
            failures = [FailureToComply.of(outcome.case.crn, s.id, f) for s in outcome.case.sentences
                        for f in s.failures if f.id in created]
        return RecordAddressChangePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                          failures_to_comply=failures, client_mutation_id=input.client_mutation_id)


    # Risk, MAPPA, safeguarding and tiering ----------------------------------------------------

    @strawberry.mutation(description="Restrict a case to an allow-list of staff (SENIOR_MANAGER or ADMIN): to everyone else it "
                                     "does not exist. An empty list lifts the restriction.")
    async def restrict_case(self, info: strawberry.Info[Context],
                            input: Annotated[RestrictCaseInput, strawberry.argument(description=INPUT)]) -> RestrictCasePayload:
        outcome = await info.context.service.restrict_case(info.context.principal, input.to_domain())
        remember(info, outcome)
        return RestrictCasePayload(case=case_of(outcome), user_errors=user_errors(outcome))

    @strawberry.mutation(description="Record a victim (VICTIM_LIAISON_OFFICER only): stored apart from the case (VIC-3); the "
                                     "case learns only whether contact was offered in time (VIC-2).")
    async def record_victim(self, info: strawberry.Info[Context],
                            input: Annotated[RecordVictimInput, strawberry.argument(description=INPUT)]) -> RecordVictimPayload:
        outcome = await info.context.service.record_victim(info.context.principal, input.to_domain())
        return RecordVictimPayload(victim=VictimRecord.of(outcome.created) if outcome.ok else None,
                                   user_errors=user_errors(outcome))

    @strawberry.mutation(description="End the current MAPPA registration (history kept); the tier is recalculated.")
    async def deregister_mappa(self, info: strawberry.Info[Context],
                               input: Annotated[DeregisterMappaInput, strawberry.argument(description=INPUT)]) -> RiskPayload:
        return _risk_payload(info, await info.context.service.deregister_mappa(info.context.principal, input.to_domain()))

    @strawberry.mutation(description="Register a safeguarding concern with its referral (SAFE-1); the tier is recalculated.")
    async def register_safeguarding(self, info: strawberry.Info[Context],
                                    input: Annotated[RegisterSafeguardingInput, strawberry.argument(description=INPUT)]
                                    ) -> RiskPayload:
        return _risk_payload(info, await info.context.service.register_safeguarding(info.context.principal, input.to_domain()))

    @strawberry.mutation(description="End a safeguarding registration; the tier is recalculated.")
    async def end_safeguarding(self, info: strawberry.Info[Context],
                               input: Annotated[EndSafeguardingInput, strawberry.argument(description=INPUT)]) -> RiskPayload:
        return _risk_payload(info, await info.context.service.end_safeguarding(info.context.principal, input.to_domain()))

    @strawberry.mutation(description="Register a complexity factor (TIER-1); the tier is recalculated.")
    async def register_complexity_factor(self, info: strawberry.Info[Context],
                                         input: Annotated[RegisterComplexityFactorInput, strawberry.argument(description=INPUT)]
                                         ) -> RiskPayload:
        return _risk_payload(info, await info.context.service.register_complexity_factor(info.context.principal,
                                                                                              input.to_domain()))

    @strawberry.mutation(description="Record a needs assessment (TIER-1 change level); the tier is recalculated.")
    async def record_needs_assessment(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordNeedsAssessmentInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await info.context.service.record_needs_assessment(info.context.principal,
                                                                                           input.to_domain()))

    @strawberry.mutation(description="Record an emergency action on an immediate risk and when a manager was informed (RISK-3).")
    async def record_emergency_action(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordEmergencyActionInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await info.context.service.record_emergency_action(info.context.principal,
                                                                                           input.to_domain()))

    @strawberry.mutation(description="Record when the manager was informed of an emergency action (RISK-3: as soon as possible after the event).")
    async def record_manager_informed(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordManagerInformedInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await info.context.service.record_manager_informed(info.context.principal,
                                                                                           input.to_domain()))


def _breach_payload(info, outcome, client_mutation_id: str | None) -> BreachPayload:
    remember(info, outcome)
    return BreachPayload(case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=client_mutation_id,
                         breach=Breach.of(outcome.created) if outcome.ok and outcome.created is not None else None)


def _recall_payload(info, outcome, client_mutation_id: str | None) -> RecallPayload:
    remember(info, outcome)
    return RecallPayload(case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=client_mutation_id,
                         recall=recall_of(outcome.created) if outcome.ok and outcome.created is not None else None)


def _risk_payload(info, outcome) -> RiskPayload:
    remember(info, outcome)
    return RiskPayload(case=case_of(outcome), user_errors=user_errors(outcome))

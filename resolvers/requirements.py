"""Resolvers of requirements in delivery: the programme catalogue, referral to a programme
(REQ-PRG-1), drug test results (REQ-DRG-1) and police notifications (NOTIFY-1, NOTIFY-2)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.records import use_cases as records
from domain.records import views as record_views
from resolvers.common import INPUT, call, keyed, remember
from schema.common import user_errors
from schema.context import Context
from schema.enforcement.types import FailureToComply
from schema.permissions import CanReadCases
from schema.records.payloads import case_of
from schema.records.requirement_inputs import (
    RecordDrugTestResultInput,
    RecordDrugTestResultPayload,
    RecordPoliceNotificationInput,
    RecordPoliceNotificationPayload,
    ReferToProgrammeInput,
    ReferToProgrammePayload,
)
from schema.records.requirement_types import DrugTest, PoliceNotification, Programme, ProgrammeReferral
from schema.records.types import Requirement


@strawberry.type(description="Read the programme catalogue.")
class RequirementsQuery:
    @strawberry.field(description="Every programme the sources name (REQ-PRG-1), with only the criteria they state, where "
                                  "they are delivered, and whether a requirement can be referred to them.",
                      permission_classes=[CanReadCases])
    def programme_catalogue(self) -> list[Programme]:
        return [Programme.of(p) for p in record_views.catalogue()]


@strawberry.type(description="Record what happens under a requirement.")
class RequirementsMutation:
    @strawberry.mutation(description="Refer a programme requirement/condition to a catalogue programme (REQ-PRG-1): eligibility "
                                     "is checked on the referral date, and refused with the criteria that fail.")
    async def refer_to_programme(self, info: strawberry.Info[Context],
                                 input: Annotated[ReferToProgrammeInput, strawberry.argument(description=INPUT)]
                                 ) -> ReferToProgrammePayload:
        command = input.to_domain()
        outcome = await records.refer_to_programme(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        if not outcome.ok:
            return ReferToProgrammePayload(case=None, requirement=None, referral=None, user_errors=user_errors(outcome),
                                           client_mutation_id=input.client_mutation_id)
        sentence = outcome.case.sentence(command.sentence_id)
        requirement = sentence.requirement(command.requirement_id)
        return ReferToProgrammePayload(case=case_of(outcome), requirement=Requirement.of(outcome.case.crn, sentence, requirement),
                                       referral=ProgrammeReferral.of(outcome.created), user_errors=[],
                                       client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(description="Record a drug test result (REQ-DRG-1). A positive result never creates a failure to comply "
                                     "on its own; a refusal to provide a sample creates an apparent failure awaiting decision.")
    async def record_drug_test_result(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordDrugTestResultInput, strawberry.argument(description=INPUT)]
                                      ) -> RecordDrugTestResultPayload:
        command = input.to_domain()
        outcome = await records.record_drug_test_result(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        if not outcome.ok:
            return RecordDrugTestResultPayload(case=None, drug_test=None, failure_to_comply=None, user_errors=user_errors(outcome),
                                               client_mutation_id=input.client_mutation_id)
        test, failure = outcome.created
        crn = outcome.case.crn
        return RecordDrugTestResultPayload(
            case=case_of(outcome), drug_test=DrugTest.of(crn, command.sentence_id, test),
            failure_to_comply=FailureToComply.of(crn, command.sentence_id, failure) if failure else None, user_errors=[],
            client_mutation_id=input.client_mutation_id)

    @strawberry.mutation(description="Record a notification to the police of a requirement's start (NOTIFY-1) or end (NOTIFY-2).")
    async def record_police_notification(self, info: strawberry.Info[Context],
                                         input: Annotated[RecordPoliceNotificationInput, strawberry.argument(description=INPUT)]
                                         ) -> RecordPoliceNotificationPayload:
        outcome = await records.record_police_notification(*call(info, input))
        remember(info, outcome)
        return RecordPoliceNotificationPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                               notification=PoliceNotification.of(outcome.created) if outcome.ok else None,
                                               client_mutation_id=input.client_mutation_id)

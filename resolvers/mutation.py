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
    CreateCaseInput,
    RecordRoshAssessmentInput,
    RegisterMappaInput,
    TransferCaseInput,
)
from schema.payloads import (
    AddSentencePayload,
    AllocateCasePayload,
    CreateCasePayload,
    RecordRoshAssessmentPayload,
    RegisterMappaPayload,
    TransferCasePayload,
    case_of,
    user_errors,
)
from schema.types import Allocation, MappaRegistration, RoshAssessment, Sentence

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

"""Resolvers of enforcement: decisions on failures, warnings, breach, recall and changes of address."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.enforcement import use_cases as enforcement
from resolvers.common import INPUT, call, keyed, remember
from schema.common import user_errors
from schema.context import Context
from schema.enforcement.inputs import (
    AddFailureToBreachInput,
    DecideFailureToComplyInput,
    InitiateBreachInput,
    IssueWarningInput,
    RecommendRecallInput,
    RecordAddressChangeInput,
    RecordBreachOutcomeInput,
    RecordRecallReportReceivedInput,
    RecordRecallReportSentInput,
    RecordReReleaseInput,
)
from schema.enforcement.payloads import (
    BreachPayload,
    DecideFailureToComplyPayload,
    IssueWarningPayload,
    RecallPayload,
    RecordAddressChangePayload,
)
from schema.enforcement.types import Breach, FailureToComply, Warning, recall_of
from schema.records.payloads import case_of


@strawberry.type(description="Enforce a sentence.")
class EnforcementMutation:
    @strawberry.mutation(description="Record the explanation and the decision on a failure to comply (ENF-1, REC-2), on its "
                                     "own `decidedOn` (default today). A second decision is a correction that supersedes the "
                                     "first and says why. Until it is decided, ENF-3/LIC-1's clock runs from the failure.")
    async def decide_failure_to_comply(self, info: strawberry.Info[Context],
                                       input: Annotated[DecideFailureToComplyInput, strawberry.argument(description=INPUT)]
                                       ) -> DecideFailureToComplyPayload:
        command = input.to_domain()
        outcome = await enforcement.decide_failure_to_comply(keyed(info, input, command), info.context.principal, command)
        remember(info, outcome)
        return DecideFailureToComplyPayload(
            case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=input.client_mutation_id,
            failure_to_comply=FailureToComply.of(outcome.case.crn, command.sentence_id, outcome.created)
            if outcome.ok and outcome.created else None)

    @strawberry.mutation(description="Issue a warning (ENF-3), judged on what was known on its `issuedOn`. Refused with "
                                     "BREACH_REQUIRED when the 2nd (CO/SSO) or 3rd (PSS) unacceptable failure in 12 months "
                                     "requires breach (ENF-4); on a licence with a live warning the new one is the second and "
                                     "final warning, needs the SENIOR_MANAGER role and is recorded as final (LIC-3).")
    async def issue_warning(self, info: strawberry.Info[Context],
                            input: Annotated[IssueWarningInput, strawberry.argument(description=INPUT)]) -> IssueWarningPayload:
        outcome = await enforcement.issue_warning(*call(info, input))
        remember(info, outcome)
        warning = outcome.created if outcome.ok else None
        return IssueWarningPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   client_mutation_id=input.client_mutation_id,
                                   warning=Warning.of(warning) if warning else None)

    @strawberry.mutation(description="Initiate breach proceedings (ENF-4). The sentence becomes BREACHED; ENF-7 referral to "
                                     "the NPS is recorded when it applies.")
    async def initiate_breach(self, info: strawberry.Info[Context],
                              input: Annotated[InitiateBreachInput, strawberry.argument(description=INPUT)]) -> BreachPayload:
        command = input.to_domain()
        outcome = await enforcement.initiate_breach(keyed(info, input, command), info.context.principal, command)
        return _breach_payload(info, outcome, command.sentence_id, input.client_mutation_id)

    @strawberry.mutation(description="Add a failure to comply that happened after breach was laid to the breach awaiting the "
                                     "court: the enforcement action for it (ENF-3), dealt with by the court's outcome (ENF-5).")
    async def add_failure_to_breach(self, info: strawberry.Info[Context],
                                    input: Annotated[AddFailureToBreachInput, strawberry.argument(description=INPUT)]
                                    ) -> BreachPayload:
        command = input.to_domain()
        outcome = await enforcement.add_failure_to_breach(keyed(info, input, command), info.context.principal, command)
        return _breach_payload(info, outcome, command.sentence_id, input.client_mutation_id)

    @strawberry.mutation(description="Record the court's outcome of breach (ENF-5): ORDER_CONTINUED (and, on post-sentence "
                                     "supervision, COMMITTED_TO_CUSTODY) returns the sentence to ACTIVE and spends earlier "
                                     "warnings; ORDER_REVOKED terminates it.")
    async def record_breach_outcome(self, info: strawberry.Info[Context],
                                    input: Annotated[RecordBreachOutcomeInput, strawberry.argument(description=INPUT)]
                                    ) -> BreachPayload:
        command = input.to_domain()
        outcome = await enforcement.record_breach_outcome(keyed(info, input, command), info.context.principal, command)
        return _breach_payload(info, outcome, command.sentence_id, input.client_mutation_id)

    @strawberry.mutation(description="Record the decision to recommend recall (LIC-1). The sentence becomes RECALLED; the "
                                     "report is due 24 hours later, 2 in an emergency (LIC-2).")
    async def recommend_recall(self, info: strawberry.Info[Context],
                               input: Annotated[RecommendRecallInput, strawberry.argument(description=INPUT)]) -> RecallPayload:
        outcome = await enforcement.recommend_recall(*call(info, input))
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record that the recall report was sent. LIC-2 is met when the Public Protection "
                                     "Casework Section receives it: record that with recordRecallReportReceived.")
    async def record_recall_report_sent(self, info: strawberry.Info[Context],
                                        input: Annotated[RecordRecallReportSentInput, strawberry.argument(description=INPUT)]
                                        ) -> RecallPayload:
        outcome = await enforcement.record_recall_report_sent(*call(info, input))
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record that the Public Protection Casework Section received the recall report (LIC-2: "
                                     "met when received within 24 hours of the decision, 2 in an emergency).")
    async def record_recall_report_received(self, info: strawberry.Info[Context],
                                            input: Annotated[RecordRecallReportReceivedInput,
                                                             strawberry.argument(description=INPUT)]) -> RecallPayload:
        outcome = await enforcement.record_recall_report_received(*call(info, input))
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record re-release after recall (LIC-4): earlier warnings and failures are spent.")
    async def record_re_release(self, info: strawberry.Info[Context],
                                input: Annotated[RecordReReleaseInput, strawberry.argument(description=INPUT)]) -> RecallPayload:
        outcome = await enforcement.record_rerelease(*call(info, input))
        return _recall_payload(info, outcome, input.client_mutation_id)

    @strawberry.mutation(description="Record a change of address (ENF-6); a permanent move without prior permission granted "
                                     "creates failures to comply, decided by the officer's balanced decision in an emergency, "
                                     "otherwise awaiting decision.")
    async def record_address_change(self, info: strawberry.Info[Context],
                                    input: Annotated[RecordAddressChangeInput, strawberry.argument(description=INPUT)]
                                    ) -> RecordAddressChangePayload:
        outcome = await enforcement.record_address_change(*call(info, input))
        remember(info, outcome)
        failures = []
        if outcome.ok:
            created = {f.id for f in outcome.created[1:] if f is not None}
            failures = [FailureToComply.of(outcome.case.crn, s.id, f) for s in outcome.case.sentences
                        for f in s.failures if f.id in created]
        return RecordAddressChangePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                          failures_to_comply=failures, client_mutation_id=input.client_mutation_id)


def _breach_payload(info, outcome, sentence_id: str, client_mutation_id: str | None) -> BreachPayload:
    remember(info, outcome)
    return BreachPayload(case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=client_mutation_id,
                         breach=Breach.of(outcome.case.crn, sentence_id, outcome.created)
                         if outcome.ok and outcome.created is not None else None)


def _recall_payload(info, outcome, client_mutation_id: str | None) -> RecallPayload:
    remember(info, outcome)
    return RecallPayload(case=case_of(outcome), user_errors=user_errors(outcome), client_mutation_id=client_mutation_id,
                         recall=recall_of(outcome.created) if outcome.ok and outcome.created is not None else None)

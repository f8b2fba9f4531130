"""Resolvers of sharing: the partner view, victim records and restricting a case."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.sharing import partner as domain_sharing
from domain.sharing import use_cases as sharing
from resolvers.common import INPUT, BadArgument, Forbidden, call, remember
from schema import enums
from schema.common import user_errors
from schema.context import Context
from schema.permissions import CanReadSharedRisk, CanReadVictims
from schema.records.payloads import case_of
from schema.sharing.inputs import RecordVictimContactDecisionInput, RecordVictimInput, RestrictCaseInput
from schema.sharing.payloads import RecordVictimContactDecisionPayload, RecordVictimPayload, RestrictCasePayload
from schema.sharing.types import (
    SharedRiskResult,
    SharedRiskSummary,
    SharingPolicy,
    VictimContactDecisionRecord,
    VictimRecord,
)


@strawberry.type(description="Read what may be shared.")
class SharingQuery:
    @strawberry.field(description="Partner view (PARTNER only): the shared risk summary of a case, for a stated purpose "
                                  "(REC-4). Null alike when there is no such case, the CRN is malformed, the case is outside your "
                                  "agency's row filter or it is restricted; for many CRNs use `sharedRiskSummaries`. "
                                  "Every call, allowed or refused, is audited.",
                      permission_classes=[CanReadSharedRisk])
    async def shared_risk_summary(self, info: strawberry.Info[Context],
                                  crn: Annotated[str, strawberry.argument(description="Case reference number.")],
                                  purpose: Annotated[enums.SharingPurpose, strawberry.argument(description="Why you need it (REC-4).")],
                                  ) -> SharedRiskSummary | None:
        result = await sharing.shared_risk_summary(info.context.uow, info.context.principal,
                                                   crn, enums.to_domain(purpose, domain_sharing.SharingPurpose))
        if isinstance(result, domain_sharing.Refusal):
            if result.looks_absent:
                return None
            raise Forbidden(result.reason)
        return SharedRiskSummary.of(result) if result is not None else None

    @strawberry.field(description="Partner view for a batch (PARTNER only): the shared risk summaries of up to 100 CRNs for one "
                                  "stated purpose (REC-4), one result per CRN in the order asked. A summary is null alike for "
                                  "an unknown, malformed, out-of-scope or restricted CRN. More than 100 CRNs is refused "
                                  "(`extensions.code` BAD_USER_INPUT); a purpose your agency does not hold refuses the whole "
                                  "batch (FORBIDDEN). Every CRN asked for is audited, allowed or refused.")
    async def shared_risk_summaries(self, info: strawberry.Info[Context],
                                    crns: Annotated[list[str], strawberry.argument(description="Case reference numbers, at most 100; repeats are answered (and audited) each time.")],
                                    purpose: Annotated[enums.SharingPurpose, strawberry.argument(description="Why you need them (REC-4).")],
                                    ) -> list[SharedRiskResult]:
        results = await sharing.shared_risk_summaries(info.context.uow, info.context.principal, crns,
                                                      enums.to_domain(purpose, domain_sharing.SharingPurpose))
        if isinstance(results, sharing.BatchTooLarge):
            raise BadArgument(f"`crns` names {results.size} CRNs; at most {results.maximum} may be asked for in one request.",
                              maximum=results.maximum)
        if isinstance(results, domain_sharing.Refusal):
            raise Forbidden(CanReadSharedRisk.message if results == sharing.ROLE_REFUSED else results.reason)
        return [SharedRiskResult(crn=crn, summary=None if isinstance(result, domain_sharing.Refusal)
                                 else SharedRiskSummary.of(result)) for crn, result in zip(crns, results, strict=True)]

    @strawberry.field(description="What your agency may ask for (PARTNER only): the purposes it may state, the fields it "
                                  "receives and which cases exist for it, in words.",
                      permission_classes=[CanReadSharedRisk])
    def sharing_policy(self, info: strawberry.Info[Context]) -> SharingPolicy:
        principal = info.context.principal
        rules = sharing.sharing_policy(principal)
        if rules is None:
            raise Forbidden("Your token names no partner agency.")
        return SharingPolicy.of(principal.agency, rules)

    @strawberry.field(description="Victim records of a case (VICTIM_LIAISON_OFFICER only; VIC-3).",
                      permission_classes=[CanReadVictims])
    async def victims(self, info: strawberry.Info[Context],
                      crn: Annotated[str, strawberry.argument(description="The offender's case.")]) -> list[VictimRecord]:
        return [VictimRecord.of(r) for r in await sharing.victims_of(info.context.uow, info.context.principal, crn)]

    @strawberry.field(description="Victim contact decisions of a case, with their reasons (VICTIM_LIAISON_OFFICER only; VIC-1, VIC-3).",
                      permission_classes=[CanReadVictims])
    async def victim_contact_decisions(self, info: strawberry.Info[Context],
                                       crn: Annotated[str, strawberry.argument(description="The offender's case.")]
                                       ) -> list[VictimContactDecisionRecord]:
        found = await sharing.victim_contact_decisions_of(info.context.uow, info.context.principal, crn)
        return [VictimContactDecisionRecord.of(r) for r in found]


@strawberry.type(description="Restrict cases and record victims.")
class SharingMutation:
    @strawberry.mutation(description="Restrict a case to an allow-list of staff (SENIOR_MANAGER or ADMIN): to everyone else it "
                                     "does not exist. An empty list lifts the restriction.")
    async def restrict_case(self, info: strawberry.Info[Context],
                            input: Annotated[RestrictCaseInput, strawberry.argument(description=INPUT)]) -> RestrictCasePayload:
        outcome = await sharing.restrict_case(*call(info, input))
        remember(info, outcome)
        return RestrictCasePayload(case=case_of(outcome), user_errors=user_errors(outcome))

    @strawberry.mutation(description="Record a victim (VICTIM_LIAISON_OFFICER only): stored apart from the case (VIC-3); the "
                                     "case learns only whether contact was offered in time (VIC-2).")
    async def record_victim(self, info: strawberry.Info[Context],
                            input: Annotated[RecordVictimInput, strawberry.argument(description=INPUT)]) -> RecordVictimPayload:
        outcome = await sharing.record_victim(*call(info, input))
        return RecordVictimPayload(victim=VictimRecord.of(outcome.created) if outcome.ok else None,
                                   user_errors=user_errors(outcome))

    @strawberry.mutation(description="Close victim contact for a sentence (VICTIM_LIAISON_OFFICER only; VIC-1): contact offered, or "
                                     "a decision that discretionary contact is not appropriate, with the reason. The reason is "
                                     "stored apart from the case (VIC-3); the case learns only the kind of decision and its date.")
    async def record_victim_contact_decision(self, info: strawberry.Info[Context],
                                             input: Annotated[RecordVictimContactDecisionInput, strawberry.argument(description=INPUT)]
                                             ) -> RecordVictimContactDecisionPayload:
        outcome = await sharing.record_victim_contact_decision(*call(info, input))
        return RecordVictimContactDecisionPayload(
            decision=VictimContactDecisionRecord.of(outcome.created) if outcome.ok else None,
            user_errors=user_errors(outcome))

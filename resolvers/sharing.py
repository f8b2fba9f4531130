"""Resolvers of sharing: the partner view, victim records and restricting a case."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.sharing import partner as domain_sharing
from domain.sharing import use_cases as sharing
from resolvers.common import INPUT, Forbidden, call, remember
from schema import enums
from schema.common import user_errors
from schema.context import Context
from schema.permissions import CanReadSharedRisk, CanReadVictims
from schema.records.payloads import case_of
from schema.sharing.inputs import RecordVictimInput, RestrictCaseInput
from schema.sharing.payloads import RecordVictimPayload, RestrictCasePayload
from schema.sharing.types import SharedRiskSummary, VictimRecord


@strawberry.type(description="Read what may be shared.")
class SharingQuery:
    @strawberry.field(description="Partner view (PARTNER only): the shared risk summary of a case, for a stated purpose "
                                  "(REC-4). Null when the case is outside your agency's row filter (or does not exist). "
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

    @strawberry.field(description="Victim records of a case (VICTIM_LIAISON_OFFICER only; VIC-3).",
                      permission_classes=[CanReadVictims])
    async def victims(self, info: strawberry.Info[Context],
                      crn: Annotated[str, strawberry.argument(description="The offender's case.")]) -> list[VictimRecord]:
        return [VictimRecord.of(r) for r in await sharing.victims_of(info.context.uow, info.context.principal, crn)]


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

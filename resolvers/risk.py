"""Resolvers of risk: RoSH, MAPPA, safeguarding, complexity factors, needs and emergency actions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.risk import use_cases as risk
from resolvers.common import INPUT, call, remember
from schema.common import user_errors
from schema.context import Context
from schema.records.payloads import case_of
from schema.risk.inputs import (
    DeregisterMappaInput,
    EndSafeguardingInput,
    RecordEmergencyActionInput,
    RecordManagerInformedInput,
    RecordNeedsAssessmentInput,
    RecordRoshAssessmentInput,
    RegisterComplexityFactorInput,
    RegisterMappaInput,
    RegisterSafeguardingInput,
)
from schema.risk.payloads import RecordRoshAssessmentPayload, RegisterMappaPayload, RiskPayload
from schema.risk.types import MappaRegistration, RoshAssessment


@strawberry.type(description="Record risk of serious harm, MAPPA, safeguarding and tier inputs.")
class RiskMutation:
    @strawberry.mutation(description="Record a RoSH assessment (RISK-1); the latest by date becomes the current RoSH.")
    async def record_rosh_assessment(self, info: strawberry.Info[Context],
                                     input: Annotated[RecordRoshAssessmentInput, strawberry.argument(description=INPUT)]
                                     ) -> RecordRoshAssessmentPayload:
        outcome = await risk.record_rosh_assessment(*call(info, input))
        remember(info, outcome)
        return RecordRoshAssessmentPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                           assessment=RoshAssessment.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Register the case under MAPPA (MAPPA-1); supersedes any current registration.")
    async def register_mappa(self, info: strawberry.Info[Context],
                             input: Annotated[RegisterMappaInput, strawberry.argument(description=INPUT)]) -> RegisterMappaPayload:
        outcome = await risk.register_mappa(*call(info, input))
        remember(info, outcome)
        return RegisterMappaPayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                    registration=MappaRegistration.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="End the current MAPPA registration (history kept); the tier is recalculated.")
    async def deregister_mappa(self, info: strawberry.Info[Context],
                               input: Annotated[DeregisterMappaInput, strawberry.argument(description=INPUT)]) -> RiskPayload:
        return _risk_payload(info, await risk.deregister_mappa(*call(info, input)))

    @strawberry.mutation(description="Register a safeguarding concern with its referral (SAFE-1); the tier is recalculated.")
    async def register_safeguarding(self, info: strawberry.Info[Context],
                                    input: Annotated[RegisterSafeguardingInput, strawberry.argument(description=INPUT)]
                                    ) -> RiskPayload:
        return _risk_payload(info, await risk.register_safeguarding(*call(info, input)))

    @strawberry.mutation(description="End a safeguarding registration; the tier is recalculated.")
    async def end_safeguarding(self, info: strawberry.Info[Context],
                               input: Annotated[EndSafeguardingInput, strawberry.argument(description=INPUT)]) -> RiskPayload:
        return _risk_payload(info, await risk.end_safeguarding(*call(info, input)))

    @strawberry.mutation(description="Register a complexity factor (TIER-1); the tier is recalculated.")
    async def register_complexity_factor(self, info: strawberry.Info[Context],
                                         input: Annotated[RegisterComplexityFactorInput, strawberry.argument(description=INPUT)]
                                         ) -> RiskPayload:
        return _risk_payload(info, await risk.register_complexity_factor(*call(info, input)))

    @strawberry.mutation(description="Record a needs assessment (TIER-1 change level); the tier is recalculated.")
    async def record_needs_assessment(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordNeedsAssessmentInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await risk.record_needs_assessment(*call(info, input)))

    @strawberry.mutation(description="Record an emergency action on an immediate risk and when a manager was informed (RISK-3).")
    async def record_emergency_action(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordEmergencyActionInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await risk.record_emergency_action(*call(info, input)))


    @strawberry.mutation(description="Record when the manager was informed of an emergency action (RISK-3: as soon as possible after the event).")
    async def record_manager_informed(self, info: strawberry.Info[Context],
                                      input: Annotated[RecordManagerInformedInput, strawberry.argument(description=INPUT)]
                                      ) -> RiskPayload:
        return _risk_payload(info, await risk.record_manager_informed(*call(info, input)))


def _risk_payload(info, outcome) -> RiskPayload:
    remember(info, outcome)
    return RiskPayload(case=case_of(outcome), user_errors=user_errors(outcome))

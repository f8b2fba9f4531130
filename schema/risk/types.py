"""GraphQL types of risk: RoSH, MAPPA, safeguarding, complexity, needs, emergency actions and tiers."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from domain.core.base import recorded_late
from domain.risk import model as risk_model
from schema import enums, ids
from schema.common import Node, RecordStamp


@strawberry.type(description="A risk of serious harm assessment (RISK-1). Kept as history.")
class RoshAssessment:
    level: enums.RoshLevel = strawberry.field(description="Overall RoSH level (the highest of the levels by group).")
    risk_to_children: enums.RoshLevel | None = strawberry.field(description="RoSH to children, recorded separately (PLAN-2).")
    risk_to_public: enums.RoshLevel | None = strawberry.field(description="RoSH to the public.")
    risk_to_known_adult: enums.RoshLevel | None = strawberry.field(description="RoSH to a known adult.")
    risk_to_staff: enums.RoshLevel | None = strawberry.field(description="RoSH to staff.")
    reoffending_score: Decimal | None = strawberry.field(description="Likelihood of reoffending, an exact percentage (TIER-1 change points).")
    serious_recidivism_score: Decimal | None = strawberry.field(description="Likelihood of serious reoffending, an exact percentage (TIER-1 protect points).")
    assessed_on: date = strawberry.field(description="Date of the assessment.")
    rationale: str = strawberry.field(description="The assessor's rationale (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it (the assessor) and when.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened (its `assessedOn`); accepted all the same, never refused for lateness.")

    @classmethod
    def of(cls, assessment: risk_model.RoshAssessment) -> "RoshAssessment":
        return cls(level=enums.to_graphql(assessment.level, enums.RoshLevel),
                   risk_to_children=enums.to_graphql(assessment.risk_to_children, enums.RoshLevel),
                   risk_to_public=enums.to_graphql(assessment.risk_to_public, enums.RoshLevel),
                   risk_to_known_adult=enums.to_graphql(assessment.risk_to_known_adult, enums.RoshLevel),
                   risk_to_staff=enums.to_graphql(assessment.risk_to_staff, enums.RoshLevel),
                   reoffending_score=assessment.reoffending_score,
                   serious_recidivism_score=assessment.serious_recidivism_score,
                   assessed_on=assessment.assessed_on, rationale=assessment.rationale,
                   recorded=RecordStamp.of(assessment.recorded),
                   recorded_late=recorded_late(assessment.assessed_on, assessment.recorded))


@strawberry.type(description="A MAPPA registration (MAPPA-1). Kept as history.")
class MappaRegistration:
    category: enums.MappaCategory = strawberry.field(description="MAPPA category 1-4.")
    level: enums.MappaLevel = strawberry.field(description="MAPPA management level 1-3.")
    registered_on: date = strawberry.field(description="Date registered.")
    visor_recorded: bool = strawberry.field(description="Whether the case is recorded on ViSOR (mandatory for MAPPA cases).")
    visor_reference: str | None = strawberry.field(description="The ViSOR record reference; without it MAPPA-1 is NOT_MET.")
    review_due_on: date | None = strawberry.field(description="When the registration is next reviewed.")
    deregistered_on: date | None = strawberry.field(description="Date deregistered or superseded, if it has been.")
    deregistration_reason: str | None = strawberry.field(description="Why it ended.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened (its `registeredOn`); accepted all the same, never refused for lateness.")

    @classmethod
    def of(cls, registration: risk_model.MappaRegistration) -> "MappaRegistration":
        return cls(category=enums.to_graphql(registration.category, enums.MappaCategory),
                   level=enums.to_graphql(registration.level, enums.MappaLevel),
                   registered_on=registration.registered_on, visor_recorded=registration.visor_recorded,
                   visor_reference=registration.visor_reference, review_due_on=registration.review_due_on,
                   deregistered_on=registration.deregistered_on,
                   deregistration_reason=registration.deregistration_reason, recorded=RecordStamp.of(registration.recorded),
                   recorded_late=recorded_late(registration.registered_on, registration.recorded))


@strawberry.type(description="A safeguarding registration (SAFE-1), time-bounded, with the referral made.")
class SafeguardingConcern(Node):
    kind: enums.SafeguardingKind = strawberry.field(description="Kind of concern.")
    started_on: date = strawberry.field(description="Start of the registration.")
    review_on: date | None = strawberry.field(description="When it is next reviewed.")
    ended_on: date | None = strawberry.field(description="End of the registration; null while it is active.")
    referred_to: enums.SafeguardingAgency | None = strawberry.field(description="Where the concern was referred.")
    referred_on: date | None = strawberry.field(description="When it was referred.")
    details: str | None = strawberry.field(description="What the concern is.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened (its `startedOn`); accepted all the same, never refused for lateness.")

    @classmethod
    def of(cls, crn: str, concern: risk_model.SafeguardingConcern) -> "SafeguardingConcern":
        return cls(id=strawberry.ID(ids.encode("SafeguardingConcern", crn, concern.id)),
                   kind=enums.to_graphql(concern.kind, enums.SafeguardingKind), started_on=concern.started_on,
                   review_on=concern.review_on, ended_on=concern.ended_on,
                   referred_to=enums.to_graphql(concern.referred_to, enums.SafeguardingAgency),
                   referred_on=concern.referred_on, details=concern.details,
                   recorded_late=recorded_late(concern.started_on, concern.recorded))


@strawberry.type(description="A complexity factor registered on the case (TIER-1).")
class ComplexityRegistration:
    factor: enums.ComplexityFactor = strawberry.field(description="The factor.")
    started_on: date = strawberry.field(description="From.")
    ended_on: date | None = strawberry.field(description="To, if it has ended.")


@strawberry.type(description="A need and its severity.")
class NeedScore:
    need: enums.Need = strawberry.field(description="The need area.")
    severity: enums.NeedSeverity = strawberry.field(description="Its severity.")


@strawberry.type(description="A needs assessment (TIER-1 change level).")
class NeedsAssessment:
    assessed_on: date = strawberry.field(description="When assessed.")
    needs: list[NeedScore] = strawberry.field(description="Needs and severities.")


@strawberry.type(description="An emergency action on an immediate risk (RISK-3).")
class EmergencyAction:
    occurred_at: datetime = strawberry.field(description="When the risk arose and action was taken.")
    action: str = strawberry.field(description="What was done.")
    manager_informed_at: datetime = strawberry.field(description="When a manager was informed.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")


@strawberry.type(description="Points behind a tier.")
class TierPoints:
    name: str = strawberry.field(description="What scored: rosh, seriousRecidivism, mappa, complexity, needs, reoffending, iom.")
    points: int = strawberry.field(description="Points.")


@strawberry.type(description="What a tier was calculated from (stored with it).")
class TierInputs:
    rosh: enums.RoshLevel | None = strawberry.field(description="Current RoSH; null if none (protect MISSING).")
    serious_recidivism_score: Decimal | None = strawberry.field(description="Serious recidivism percentage.")
    mappa_level: enums.MappaLevel | None = strawberry.field(description="Current MAPPA level.")
    complexity_factors: list[enums.ComplexityFactor] = strawberry.field(description="Active complexity factors.")
    reoffending_score: Decimal | None = strawberry.field(description="Likelihood of reoffending percentage.")
    needs: list[NeedScore] | None = strawberry.field(description="Needs; null if never assessed (change PROVISIONAL).")
    mandate_for_change: bool = strawberry.field(description="A live sentence that is not only restrictive requirements and unpaid work.")


@strawberry.type(description="A tier calculation (TIER-1): stored with its inputs, points, rule version and reason.")
class TierCalculation:
    tier: str = strawberry.field(description="Protect letter and change digit, e.g. B2; ? for a missing protect level.")
    protect_level: enums.ProtectLevel = strawberry.field(description="Protect level.")
    change_level: enums.ChangeLevel = strawberry.field(description="Change level.")
    provisional: bool = strawberry.field(description="Some input is missing; see `explanation`.")
    protect_points: int = strawberry.field(description="Protect points.")
    change_points: int = strawberry.field(description="Change points.")
    breakdown: list[TierPoints] = strawberry.field(description="Points by component.")
    explanation: list[str] = strawberry.field(description="How the tier was reached, in words.")
    inputs: TierInputs = strawberry.field(description="What it was calculated from.")
    rule_version: str = strawberry.field(description="The tiering rules used.")
    reason: str = strawberry.field(description="What change prompted the calculation.")
    calculated_at: datetime = strawberry.field(description="When.")

    @classmethod
    def of(cls, calculation: risk_model.TierCalculation) -> "TierCalculation":
        raw = calculation.inputs

        def decimal(value):
            return Decimal(value) if value is not None else None

        return cls(tier=calculation.tier, protect_level=enums.to_graphql(calculation.protect, enums.ProtectLevel),
                   change_level=enums.to_graphql(calculation.change, enums.ChangeLevel),
                   provisional=calculation.provisional, protect_points=calculation.protect_points,
                   change_points=calculation.change_points,
                   breakdown=[TierPoints(name=k, points=v) for k, v in calculation.breakdown.items()],
                   explanation=list(calculation.explanation),
                   inputs=TierInputs(
                       rosh=enums.RoshLevel[raw["rosh"]] if raw.get("rosh") else None,
                       serious_recidivism_score=decimal(raw.get("seriousRecidivismScore")),
                       mappa_level=enums.MappaLevel[raw["mappaLevel"]] if raw.get("mappaLevel") else None,
                       complexity_factors=[enums.ComplexityFactor[f] for f in raw.get("complexityFactors", [])],
                       reoffending_score=decimal(raw.get("reoffendingScore")),
                       needs=[NeedScore(need=enums.Need[n], severity=enums.NeedSeverity[v]) for n, v in raw["needs"].items()]
                       if raw.get("needs") is not None else None,
                       mandate_for_change=bool(raw.get("mandateForChange"))),
                   rule_version=calculation.rule_version, reason=calculation.reason,
                   calculated_at=calculation.calculated_at)

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
    deregistered_on: date | None = strawberry.field(description="The day it was deregistered or superseded (not current from that day); null while current.")
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
    started_on: date = strawberry.field(description="First day of the registration (inclusive).")
    review_on: date | None = strawberry.field(description="When it is next reviewed.")
    ended_on: date | None = strawberry.field(description="The day the registration ended: not active on that day or after (unlike a period's last day such as `Sentence.endDate`); null while it is active.")
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
    started_on: date = strawberry.field(description="First day it applies (inclusive).")
    ended_on: date | None = strawberry.field(description="The day it ended: no longer applies on that day or after; null while it applies.")


@strawberry.type(description="A need and its severity.")
class NeedScore:
    need: enums.Need = strawberry.field(description="The need area.")
    severity: enums.NeedSeverity = strawberry.field(description="Its severity.")


@strawberry.type(description="A needs assessment (TIER-1 change level).")
class NeedsAssessment:
    assessed_on: date = strawberry.field(description="When assessed.")
    needs: list[NeedScore] = strawberry.field(description="Needs and severities.")
    parenting_responsibilities: bool | None = strawberry.field(default=None, description="OASys 6.9 parenting or caring responsibilities; null if not answered (a factor for women).")
    impulsivity: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.2 impulsivity; null if not answered (a factor for women).")
    temper_control: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.4 temper control; null if not answered (a factor for women).")


@strawberry.type(description="An emergency action on an immediate risk (RISK-3).")
class EmergencyAction(Node):
    occurred_at: datetime = strawberry.field(description="When the risk arose and action was taken.")
    action: str = strawberry.field(description="What was done.")
    manager_informed_at: datetime | None = strawberry.field(description="When a manager was informed; null until recorded (recordManagerInformed).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, action: risk_model.EmergencyAction) -> "EmergencyAction":
        return cls(id=strawberry.ID(ids.encode("EmergencyAction", crn, action.id)), occurred_at=action.occurred_at,
                   action=action.action, manager_informed_at=action.manager_informed_at,
                   recorded=RecordStamp.of(action.recorded))


@strawberry.type(description="Points behind a tier.")
class TierPoints:
    name: str = strawberry.field(description="What scored: rosh, seriousRecidivism, mappa, complexity, additionalFactorsForWomen, "
                                             "needs, reoffending, iom (a missing input has no entry).")
    points: int = strawberry.field(description="Points.")


@strawberry.type(description="What a tier was calculated from (stored with it).")
class TierInputs:
    rosh: enums.RoshLevel | None = strawberry.field(description="Current RoSH; null if none.")
    serious_recidivism_score: Decimal | None = strawberry.field(description="Serious recidivism (RSR) percentage; 999.99 is OASys's \"no score\".")
    mappa_level: enums.MappaLevel | None = strawberry.field(description="Current MAPPA level.")
    complexity_factors: list[enums.ComplexityFactor] = strawberry.field(description="Active complexity factors.")
    reoffending_score: Decimal | None = strawberry.field(description="Likelihood of reoffending percentage.")
    needs: list[NeedScore] | None = strawberry.field(description="Needs; null if never assessed.")
    mandate_for_change: bool = strawberry.field(description="A live sentence that is not only restrictive requirements and unpaid work.")
    active_sentence: bool = strawberry.field(description="A sentence not terminated; without one the tier is N/A.")
    unsupervised: bool = strawberry.field(description="Every live sentence is a CO/SSO with no active requirement left (suffix S).")
    female: bool | None = strawberry.field(description="Whether the additional factors for women apply; null if the gender is not known.")
    previous_enforcement: bool = strawberry.field(description="A breach or recall on a sentence live or ended within the last year.")
    parenting_responsibilities: bool | None = strawberry.field(description="OASys 6.9 from the latest needs assessment; null if not answered.")
    impulsivity: enums.ProblemLevel | None = strawberry.field(description="OASys 11.2 from the latest needs assessment; null if not answered.")
    temper_control: enums.ProblemLevel | None = strawberry.field(description="OASys 11.4 from the latest needs assessment; null if not answered.")


@strawberry.type(description="The level a tier would have at one value of a missing input.")
class TierOutcome:
    value: str = strawberry.field(description="The input's value, e.g. HIGH, YES, or a run of points such as \"0–9 points\".")
    levels: str = strawberry.field(description="The level(s) it gives, e.g. \"B\" or \"A–B\" while another input is missing too.")


@strawberry.type(description="A missing input that could change the tier, with the level at each of its possible values.")
class TierMissingInput:
    input: enums.TierInput = strawberry.field(description="What is missing.")
    axis: enums.TierAxis = strawberry.field(description="Which level it bears on.")
    outcomes: list[TierOutcome] = strawberry.field(description="The level at each possible value.")


def _enum_or_none(graphql_enum, name):
    return graphql_enum[name] if name else None


@strawberry.type(description="A tier calculation (TIER-1): stored with its inputs, points, rule version and reason.")
class TierCalculation:
    tier: str = strawberry.field(description="Protect letter and change digit, e.g. B2; ? for a level a missing input "
                                             "leaves open (see `range`); suffix S when unsupervised; N/A without an active sentence.")
    protect_level: enums.ProtectLevel = strawberry.field(description="Protect level.")
    change_level: enums.ChangeLevel = strawberry.field(description="Change level.")
    provisional: bool = strawberry.field(description="A missing input could change the tier; see `range` and `missingInputs`.")
    range: str | None = strawberry.field(description="The possible levels and what is missing, e.g. \"A–D, RoSH missing\"; null when determined.")
    possible_protect_levels: list[enums.ProtectLevel] = strawberry.field(description="Every protect level the missing inputs allow (one when determined).")
    possible_change_levels: list[enums.ChangeLevel] = strawberry.field(description="Every change level the missing inputs allow (one when determined).")
    missing_inputs: list[TierMissingInput] = strawberry.field(description="Missing inputs that could change the tier; a missing input that cannot is only explained.")
    unsupervised: bool = strawberry.field(description="Under sentence but not supervised (suffix S).")
    protect_points: int = strawberry.field(description="Protect points from the known inputs.")
    change_points: int = strawberry.field(description="Change points from the known inputs.")
    breakdown: list[TierPoints] = strawberry.field(description="Points by component.")
    explanation: list[str] = strawberry.field(description="How the tier was reached, in words.")
    inputs: TierInputs = strawberry.field(description="What it was calculated from.")
    rule_version: str = strawberry.field(description="The tiering rules that produced it, e.g. hmpps-tier-v2.2026.")
    reason: str = strawberry.field(description="What prompted the calculation: the use case that changed an input, "
                                               "RULES_CHANGED, or Scheduled recalculation.")
    calculated_at: datetime = strawberry.field(description="When.")

    @classmethod
    def of(cls, calculation: risk_model.TierCalculation) -> "TierCalculation":
        raw = calculation.inputs

        def decimal(value):
            return Decimal(value) if value is not None else None

        return cls(tier=calculation.tier, protect_level=enums.to_graphql(calculation.protect, enums.ProtectLevel),
                   change_level=enums.to_graphql(calculation.change, enums.ChangeLevel),
                   provisional=calculation.provisional, range=calculation.range,
                   possible_protect_levels=[enums.to_graphql(p, enums.ProtectLevel) for p in calculation.possible_protect],
                   possible_change_levels=[enums.to_graphql(c, enums.ChangeLevel) for c in calculation.possible_change],
                   missing_inputs=[TierMissingInput(input=enums.TierInput[m["input"]], axis=enums.TierAxis[m["axis"]],
                                                    outcomes=[TierOutcome(value=o["value"], levels=o["levels"])
                                                              for o in m["outcomes"]])
                                   for m in calculation.missing_inputs],
                   unsupervised=calculation.unsupervised, protect_points=calculation.protect_points,
                   change_points=calculation.change_points,
                   breakdown=[TierPoints(name=k, points=v) for k, v in calculation.breakdown.items()],
                   explanation=list(calculation.explanation),
                   inputs=TierInputs(
                       rosh=_enum_or_none(enums.RoshLevel, raw.get("rosh")),
                       serious_recidivism_score=decimal(raw.get("seriousRecidivismScore")),
                       mappa_level=_enum_or_none(enums.MappaLevel, raw.get("mappaLevel")),
                       complexity_factors=[enums.ComplexityFactor[f] for f in raw.get("complexityFactors", [])],
                       reoffending_score=decimal(raw.get("reoffendingScore")),
                       needs=[NeedScore(need=enums.Need[n], severity=enums.NeedSeverity[v]) for n, v in raw["needs"].items()]
                       if raw.get("needs") is not None else None,
                       mandate_for_change=bool(raw.get("mandateForChange")),
                       active_sentence=bool(raw.get("activeSentence", True)),
                       unsupervised=bool(raw.get("unsupervised")),
                       female=raw.get("female"),
                       previous_enforcement=bool(raw.get("previousEnforcement")),
                       parenting_responsibilities=raw.get("parentingResponsibilities"),
                       impulsivity=_enum_or_none(enums.ProblemLevel, raw.get("impulsivity")),
                       temper_control=_enum_or_none(enums.ProblemLevel, raw.get("temperControl"))),
                   rule_version=calculation.rule_version, reason=calculation.reason,
                   calculated_at=calculation.calculated_at)

"""GraphQL inputs of risk and their conversion to domain commands."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from domain.core import enums as d
from domain.risk import commands as c
from domain.risk import tiering as t
from schema import enums
from schema.common import EXPECTED_VERSION, MutationInput, local_id


@strawberry.input(description="A RoSH assessment (RISK-1).")
class RecordRoshAssessmentInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    level: enums.RoshLevel = strawberry.field(description="Overall RoSH level.")
    assessed_on: date = strawberry.field(description="Date of assessment (not in the future).")
    rationale: str = strawberry.field(description="The assessor's rationale (REC-2, not blank).")
    risk_to_children: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to children, if assessed.")
    risk_to_public: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to the public, if assessed.")
    risk_to_known_adult: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to a known adult, if assessed.")
    risk_to_staff: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to staff, if assessed.")
    reoffending_score: Decimal | None = strawberry.field(default=None, description="Likelihood of reoffending: a percentage 0-100, at most two decimals, exact.")
    serious_recidivism_score: Decimal | None = strawberry.field(default=None, description="Likelihood of serious reoffending: a percentage 0-100, at most two decimals, exact.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordRoshAssessment:
        return c.RecordRoshAssessment(crn=self.crn, level=enums.to_domain(self.level, d.RoshLevel),
                                      assessed_on=self.assessed_on, rationale=self.rationale,
                                      risk_to_children=enums.to_domain(self.risk_to_children, d.RoshLevel),
                                      risk_to_public=enums.to_domain(self.risk_to_public, d.RoshLevel),
                                      risk_to_known_adult=enums.to_domain(self.risk_to_known_adult, d.RoshLevel),
                                      risk_to_staff=enums.to_domain(self.risk_to_staff, d.RoshLevel),
                                      reoffending_score=self.reoffending_score,
                                      serious_recidivism_score=self.serious_recidivism_score,
                                      expected_version=self.expected_version)


@strawberry.input(description="A MAPPA registration (MAPPA-1); supersedes the current one.")
class RegisterMappaInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    category: enums.MappaCategory = strawberry.field(description="MAPPA category.")
    level: enums.MappaLevel = strawberry.field(description="MAPPA level.")
    registered_on: date = strawberry.field(description="Date of registration (not in the future).")
    visor_recorded: bool = strawberry.field(description="Whether the case is recorded on ViSOR.")
    visor_reference: str | None = strawberry.field(default=None, description="The ViSOR record reference (MAPPA-1: NOT_MET without one).")
    review_due_on: date | None = strawberry.field(default=None, description="When the registration is next reviewed.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterMappa:
        return c.RegisterMappa(crn=self.crn, category=enums.to_domain(self.category, d.MappaCategory),
                               level=enums.to_domain(self.level, d.MappaLevel), registered_on=self.registered_on,
                               visor_recorded=self.visor_recorded, visor_reference=self.visor_reference,
                               review_due_on=self.review_due_on, expected_version=self.expected_version)


@strawberry.input(description="End the current MAPPA registration (MAPPA-1; history kept).")
class DeregisterMappaInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    deregistered_on: date = strawberry.field(description="Date deregistered.")
    reason: str = strawberry.field(description="Why (not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.DeregisterMappa:
        return c.DeregisterMappa(crn=self.crn, deregistered_on=self.deregistered_on, reason=self.reason,
                                 expected_version=self.expected_version)


@strawberry.input(description="A safeguarding registration (SAFE-1): time-bounded, with the referral made and to whom.")
class RegisterSafeguardingInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    kind: enums.SafeguardingKind = strawberry.field(description="Kind of concern.")
    started_on: date = strawberry.field(description="Start of the registration.")
    review_on: date | None = strawberry.field(default=None, description="When it is next reviewed.")
    referred_to: enums.SafeguardingAgency | None = strawberry.field(default=None, description="Where it was referred (with referredOn).")
    referred_on: date | None = strawberry.field(default=None, description="When it was referred (with referredTo).")
    details: str | None = strawberry.field(default=None, description="What the concern is.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterSafeguarding:
        return c.RegisterSafeguarding(crn=self.crn, kind=enums.to_domain(self.kind, d.SafeguardingKind),
                                      started_on=self.started_on, review_on=self.review_on,
                                      referred_to=enums.to_domain(self.referred_to, d.SafeguardingAgency),
                                      referred_on=self.referred_on, details=self.details,
                                      expected_version=self.expected_version)


@strawberry.input(description="End a safeguarding registration.")
class EndSafeguardingInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    safeguarding_id: strawberry.ID = strawberry.field(description="Global ID of the registration.")
    ended_on: date = strawberry.field(description="Date it ended.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.EndSafeguarding:
        return c.EndSafeguarding(crn=self.crn, safeguarding_id=local_id(self.safeguarding_id, "SafeguardingConcern", self.crn),
                                 ended_on=self.ended_on, expected_version=self.expected_version)


@strawberry.input(description="Register a complexity factor (TIER-1).")
class RegisterComplexityFactorInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    factor: enums.ComplexityFactor = strawberry.field(description="The factor.")
    started_on: date = strawberry.field(description="From.")
    ended_on: date | None = strawberry.field(default=None, description="To, if known.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterComplexityFactor:
        return c.RegisterComplexityFactor(crn=self.crn, factor=enums.to_domain(self.factor, t.ComplexityFactor),
                                          started_on=self.started_on, ended_on=self.ended_on,
                                          expected_version=self.expected_version)


@strawberry.input(description="A need and its severity.")
class NeedScoreInput:
    need: enums.Need = strawberry.field(description="The need area.")
    severity: enums.NeedSeverity = strawberry.field(description="Its severity.")


@strawberry.input(description="A needs assessment (TIER-1 change level).")
class RecordNeedsAssessmentInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    assessed_on: date = strawberry.field(description="When assessed.")
    needs: list[NeedScoreInput] = strawberry.field(description="Each need area assessed, once.")
    parenting_responsibilities: bool | None = strawberry.field(default=None, description="OASys 6.9: parenting or caring responsibilities (a factor for women); omit if not answered.")
    impulsivity: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.2 impulsivity (a factor for women); omit if not answered.")
    temper_control: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.4 temper control (a factor for women); omit if not answered.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordNeedsAssessment:
        return c.RecordNeedsAssessment(crn=self.crn, assessed_on=self.assessed_on,
                                       needs=tuple((enums.to_domain(n.need, t.Need), enums.to_domain(n.severity, t.NeedSeverity))
                                                   for n in self.needs), expected_version=self.expected_version,
                                       parenting_responsibilities=self.parenting_responsibilities,
                                       impulsivity=enums.to_domain(self.impulsivity, t.ProblemLevel),
                                       temper_control=enums.to_domain(self.temper_control, t.ProblemLevel))


@strawberry.input(description="An emergency action on an immediate risk (RISK-3).")
class RecordEmergencyActionInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    occurred_at: datetime = strawberry.field(description="When the risk arose and action was taken (with offset).")
    action: str = strawberry.field(description="What was done (not blank).")
    manager_informed_at: datetime | None = strawberry.field(default=None, description="When a manager was informed (with offset; not before the event). Omit it if not yet: record it later with recordManagerInformed.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordEmergencyAction:
        return c.RecordEmergencyAction(crn=self.crn, occurred_at=self.occurred_at, action=self.action,
                                       manager_informed_at=self.manager_informed_at, expected_version=self.expected_version)


@strawberry.input(description="When the manager was informed of an emergency action recorded earlier (RISK-3).")
class RecordManagerInformedInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    emergency_action_id: strawberry.ID = strawberry.field(description="Global ID of the emergency action.")
    informed_at: datetime = strawberry.field(description="When the manager was informed (with offset; not before the event, not in the future).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordManagerInformed:
        return c.RecordManagerInformed(crn=self.crn,
                                       emergency_action_id=local_id(self.emergency_action_id, "EmergencyAction", self.crn),
                                       informed_at=self.informed_at, expected_version=self.expected_version)

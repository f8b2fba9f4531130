"""Use cases of risk: RoSH assessments, MAPPA, safeguarding, complexity factors, needs,
emergency actions and the tier history."""

from __future__ import annotations

from datetime import date

from domain.core import policy
from domain.core.case import Case
from domain.core.checks import not_in_future
from domain.core.errors import ErrorCode, Violation, invalid
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, Rejected, UnitOfWork, reject_if
from domain.records.commands import CaseQuery
from domain.risk import commands as c
from domain.risk import derivation
from domain.risk import rules as risk_rules
from domain.risk.model import (
    ComplexityRegistration,
    EmergencyAction,
    MappaRegistration,
    NeedsAssessment,
    RoshAssessment,
    SafeguardingConcern,
    TierCalculation,
)


async def record_rosh_assessment(uow: UnitOfWork, principal: Principal, command: c.RecordRoshAssessment) -> Outcome:
    def change(case: Case, today: date) -> RoshAssessment:
        reject_if(risk_rules.rosh_assessment(command, today))
        assessment = RoshAssessment(level=command.level, risk_to_children=command.risk_to_children,
                                    risk_to_public=command.risk_to_public,
                                    risk_to_known_adult=command.risk_to_known_adult,
                                    risk_to_staff=command.risk_to_staff, reoffending_score=command.reoffending_score,
                                    serious_recidivism_score=command.serious_recidivism_score,
                                    assessed_on=command.assessed_on, rationale=command.rationale.strip(),
                                    recorded=uow.stamp(principal))
        case.rosh_assessments.append(assessment)
        return assessment

    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="record_rosh_assessment")


async def register_mappa(uow: UnitOfWork, principal: Principal, command: c.RegisterMappa) -> Outcome:
    def change(case: Case, today: date) -> MappaRegistration:
        reject_if(risk_rules.mappa_registration(case, command, today))
        current = case.mappa
        if current is not None:  # superseded: history kept, nothing edited away
            current.deregistered_on = command.registered_on
            current.deregistration_reason = "Superseded by a new registration"
        registration = MappaRegistration(category=command.category, level=command.level,
                                         registered_on=command.registered_on, visor_recorded=command.visor_recorded,
                                         visor_reference=command.visor_reference.strip() if command.visor_reference else None,
                                         review_due_on=command.review_due_on, recorded=uow.stamp(principal))
        case.mappa_registrations.append(registration)
        return registration

    return await uow.update(principal, command.crn, command.expected_version, change, operation="register_mappa")


async def deregister_mappa(uow: UnitOfWork, principal: Principal, command: c.DeregisterMappa) -> Outcome:
    def change(case: Case, today: date) -> MappaRegistration:
        reject_if(risk_rules.mappa_deregistration(case, command, today))
        current = case.mappa
        current.deregistered_on = command.deregistered_on
        current.deregistration_reason = command.reason.strip()
        return current

    return await uow.update(principal, command.crn, command.expected_version, change, operation="deregister_mappa")


async def register_safeguarding(uow: UnitOfWork, principal: Principal, command: c.RegisterSafeguarding) -> Outcome:
    def change(case: Case, today: date) -> SafeguardingConcern:
        reject_if(risk_rules.safeguarding(command, today))
        concern = SafeguardingConcern(kind=command.kind, started_on=command.started_on, review_on=command.review_on,
                                      referred_to=command.referred_to, referred_on=command.referred_on,
                                      details=command.details.strip() if command.details else None,
                                      recorded=uow.stamp(principal))
        case.safeguarding.append(concern)
        return concern

    return await uow.update(principal, command.crn, command.expected_version, change, operation="register_safeguarding")


async def end_safeguarding(uow: UnitOfWork, principal: Principal, command: c.EndSafeguarding) -> Outcome:
    def change(case: Case, today: date) -> SafeguardingConcern:
        concern = next((s for s in case.safeguarding if s.id == command.safeguarding_id), None)
        if concern is None:
            raise Rejected([Violation(ErrorCode.NOT_FOUND, "The case has no such safeguarding registration.",
                                      ("safeguardingId",))])
        errors = not_in_future(command.ended_on, today, ("endedOn",), "End date")
        if concern.ended_on is not None:
            errors.append(invalid(("safeguardingId",), f"It ended on {concern.ended_on.isoformat()}."))
        if command.ended_on < concern.started_on:
            errors.append(invalid(("endedOn",), "It cannot end before it started."))
        reject_if(errors)
        concern.ended_on = command.ended_on
        return concern

    return await uow.update(principal, command.crn, command.expected_version, change, operation="end_safeguarding")


async def register_complexity_factor(uow: UnitOfWork, principal: Principal, command: c.RegisterComplexityFactor) -> Outcome:
    def change(case: Case, today: date) -> ComplexityRegistration:
        reject_if(risk_rules.complexity_factor(command, today))
        registration = ComplexityRegistration(factor=command.factor, started_on=command.started_on,
                                              ended_on=command.ended_on, recorded=uow.stamp(principal))
        case.complexity_factors.append(registration)
        return registration

    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="register_complexity_factor")


async def record_needs_assessment(uow: UnitOfWork, principal: Principal, command: c.RecordNeedsAssessment) -> Outcome:
    def change(case: Case, today: date) -> NeedsAssessment:
        reject_if(risk_rules.needs_assessment(command, today))
        assessment = NeedsAssessment(assessed_on=command.assessed_on, needs=dict(command.needs),
                                     parenting_responsibilities=command.parenting_responsibilities,
                                     impulsivity=command.impulsivity, temper_control=command.temper_control,
                                     recorded=uow.stamp(principal))
        case.needs_assessments.append(assessment)
        return assessment

    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="record_needs_assessment")


async def record_emergency_action(uow: UnitOfWork, principal: Principal, command: c.RecordEmergencyAction) -> Outcome:
    def change(case: Case, today: date) -> EmergencyAction:
        reject_if(risk_rules.emergency_action(command, uow.clock.now()))
        action = EmergencyAction(occurred_at=command.occurred_at, action=command.action.strip(),
                                 manager_informed_at=command.manager_informed_at, recorded=uow.stamp(principal))
        case.emergency_actions.append(action)
        return action

    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="record_emergency_action")


async def record_manager_informed(uow: UnitOfWork, principal: Principal, command: c.RecordManagerInformed) -> Outcome:
    """RISK-3: the manager was informed of an emergency action recorded earlier."""

    def change(case: Case, today: date) -> EmergencyAction:
        action, errors = risk_rules.manager_informed(case, command, uow.clock.now())
        reject_if(errors)
        action.manager_informed_at = command.informed_at
        return action

    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="record_manager_informed")


async def recalculate_tiers(uow: UnitOfWork, principal: Principal, batch: int = 200) -> dict[str, int]:
    """TIER-1: recalculate every case's tier (restricted cases too) after a rule version change or
    as time moves its inputs; a case whose tier would not change is not written. Administrators
    only. Returns counts: cases read, recalculated, failed."""
    counts = {"cases": 0, "recalculated": 0, "failed": 0}
    if not (policy.allows(principal, policy.Operation.WRITE_CASE) and policy.provider_scope(principal) is None):
        await uow.refuse(principal, "recalculate_tiers", "only administrators recalculate every tier")
        return counts
    after = None
    while True:
        page = await uow.cases.find(CaseQuery(include_restricted=True), batch, after)
        for case in page:
            counts["cases"] += 1
            if derivation.recalculate(case, "", uow.clock.now(), uow.clock.today()) is None:
                continue
            outcome = await uow.update(principal, case.crn, None, lambda draft, today: None,
                                       operation="recalculate_tiers", check_policy=False,
                                       reason=derivation.recalculation_reason(case))
            counts["recalculated" if outcome.ok else "failed"] += 1
        if len(page) < batch:
            return counts
        after = page[-1].crn


async def tier_history(uow: UnitOfWork, case: Case) -> list[TierCalculation]:
    return await uow.tiers.history(case.id) if uow.tiers is not None else ([case.tier] if case.tier else [])

"""Rules for risk records: RoSH assessments (RISK-1), MAPPA (MAPPA-1), safeguarding (SAFE-1),
complexity factors and needs (TIER-1), emergency actions (RISK-3)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.core.case import Case
from domain.core.checks import has_offset, not_in_future, text_present
from domain.core.errors import ErrorCode, Violation, breaks, invalid
from domain.core.registry import Section, standard
from domain.risk.commands import (
    DeregisterMappa,
    RecordEmergencyAction,
    RecordManagerInformed,
    RecordNeedsAssessment,
    RecordRoshAssessment,
    RegisterComplexityFactor,
    RegisterMappa,
    RegisterSafeguarding,
)
from domain.risk.model import EmergencyAction
from domain.risk.tiering import RSR_NO_SCORE

RISK_1 = standard("RISK-1", Section.RISK, "Each RoSH assessment records level, date, assessor and rationale",
                  source="PF Managing RoSH", enforced=True,
                  rule="Assessments are kept as history; the overall level is not below any group's level; the current "
                       "one drives ALLOC-3, PLAN-1, PLAN-5 and TIER-1.")
RISK_3 = standard("RISK-3", Section.RISK,
                  "Emergency action on an immediate risk recorded, and the manager informed as soon as possible after",
                  source="PF Managing RoSH", enforced=True, monitored=True,
                  rule="An emergency action is recorded first; the time a manager was informed (never before the event, "
                       "never in the future) may be recorded later. DUE until then, with no deadline (\"as soon as "
                       "possible after the event\").")
SAFE_1 = standard("SAFE-1", Section.SAFEGUARDING, "Safeguarding concerns identified early and shared",
                  source="PF Safeguarding", enforced=True,
                  rule="Safeguarding concerns are time-bounded registrations with the referral made, to whom and when.")

HUNDRED = Decimal(100)


def score(value: Decimal | None, path: tuple[str, ...], no_score_marker: Decimal | None = None) -> list[Violation]:
    """A percentage, exact, 0 to 100 with at most two decimal places (or the marker OASys uses
    for "no score", where it has one)."""
    if value is None or (no_score_marker is not None and value.is_finite() and value == no_score_marker):
        return []
    if not value.is_finite() or not Decimal(0) <= value <= HUNDRED:
        return [invalid(path, "A score is a percentage from 0 to 100.")]
    if value.as_tuple().exponent < -2:
        return [invalid(path, "A score has at most two decimal places.")]
    return []


def rosh_assessment(command: RecordRoshAssessment, today: date) -> list[Violation]:
    errors = list(not_in_future(command.assessed_on, today, ("assessedOn",), "Assessment date"))
    if not command.rationale or not command.rationale.strip():
        errors.append(breaks(RISK_1, ("rationale",), "a RoSH assessment records its rationale (REC-2)."))
    errors += score(command.reoffending_score, ("reoffendingScore",))
    # OASys writes 999.99 when no RSR score could be calculated: accepted, and scored as no score.
    errors += score(command.serious_recidivism_score, ("seriousRecidivismScore",), RSR_NO_SCORE)
    groups = (command.risk_to_children, command.risk_to_public, command.risk_to_known_adult, command.risk_to_staff)
    by_group = [g for g in groups if g is not None]
    highest = max(by_group, key=lambda g: g.rank) if by_group else None
    if highest is not None and (highest.rank > command.level.rank
                                or (len(by_group) == len(groups) and highest.rank != command.level.rank)):
        errors.append(breaks(RISK_1, ("level",), f"the overall RoSH is the highest of the levels by group "
                                                   f"({highest.value}), not {command.level.value}."))
    return errors


def mappa_registration(case: Case, command: RegisterMappa, today: date) -> list[Violation]:
    errors = list(not_in_future(command.registered_on, today, ("registeredOn",), "Registration date"))
    if command.visor_reference is not None:
        errors += text_present(command.visor_reference, ("visorReference",), "ViSOR reference", 50)
        if not command.visor_recorded:
            errors.append(invalid(("visorRecorded",), "A ViSOR reference means the case is recorded on ViSOR."))
    if command.review_due_on is not None and command.review_due_on <= command.registered_on:
        errors.append(invalid(("reviewDueOn",), "The review falls after the registration."))
    current = case.mappa
    if current is not None and command.registered_on < current.registered_on:
        errors.append(invalid(("registeredOn",), f"The current MAPPA registration is dated "
                                                 f"{current.registered_on.isoformat()}; a new one cannot be earlier."))
    return errors


def mappa_deregistration(case: Case, command: DeregisterMappa, today: date) -> list[Violation]:
    errors = [*not_in_future(command.deregistered_on, today, ("deregisteredOn",), "Deregistration date"),
              *text_present(command.reason, ("reason",), "Reason")]
    current = case.mappa
    if current is None:
        errors.append(invalid(("crn",), "The case has no current MAPPA registration."))
    elif command.deregistered_on < current.registered_on:
        errors.append(invalid(("deregisteredOn",), "Deregistration cannot predate the registration."))
    return errors


def safeguarding(command: RegisterSafeguarding, today: date) -> list[Violation]:
    """SAFE-1: time-bounded, with the referral made and to whom."""
    errors = list(not_in_future(command.started_on, today, ("startedOn",), "Start date"))
    if command.review_on is not None and command.review_on <= command.started_on:
        errors.append(invalid(("reviewOn",), "The review falls after the start."))
    if (command.referred_to is None) != (command.referred_on is None):
        errors.append(breaks(SAFE_1, ("referredOn",) if command.referred_on is None else ("referredTo",),
                             "a referral records both to whom and when it was made."))
    if command.referred_on is not None:
        errors += not_in_future(command.referred_on, today, ("referredOn",), "Referral date")
    if command.details is not None:
        errors += text_present(command.details, ("details",), "Details")
    return errors


def complexity_factor(command: RegisterComplexityFactor, today: date) -> list[Violation]:
    errors = list(not_in_future(command.started_on, today, ("startedOn",), "Start date"))
    if command.ended_on is not None and command.ended_on <= command.started_on:
        errors.append(invalid(("endedOn",), "The end falls after the start."))
    return errors


def needs_assessment(command: RecordNeedsAssessment, today: date) -> list[Violation]:
    errors = list(not_in_future(command.assessed_on, today, ("assessedOn",), "Assessment date"))
    seen = set()
    for index, (need, _) in enumerate(command.needs):
        if need in seen:
            errors.append(invalid(("needs", str(index), "need"), f"{need.value} is given twice."))
        seen.add(need)
    return errors


def _informed(occurred_at: datetime, informed_at: datetime, now: datetime, path: tuple[str, ...]) -> list[Violation]:
    """RISK-3: the manager is informed after the event ("as soon as possible after"), never
    before it, and not in the future."""
    if informed_at > now:
        return [invalid(path, "The manager cannot have been informed in the future.")]
    if informed_at < occurred_at:
        return [breaks(RISK_3, path, "the manager is informed after the event, not before it.")]
    return []


def emergency_action(command: RecordEmergencyAction, now: datetime) -> list[Violation]:
    """RISK-3: the action is recorded first; when the manager was informed may come with it or
    later (``manager_informed``)."""
    errors = [*has_offset(command.occurred_at, ("occurredAt",)), *text_present(command.action, ("action",), "Action taken")]
    if command.manager_informed_at is not None:
        errors += has_offset(command.manager_informed_at, ("managerInformedAt",))
    if errors:
        return errors
    if command.occurred_at > now:
        return [invalid(("occurredAt",), "The event cannot be in the future.")]
    if command.manager_informed_at is not None:
        errors += _informed(command.occurred_at, command.manager_informed_at, now, ("managerInformedAt",))
    return errors


def manager_informed(case: Case, command: RecordManagerInformed, now: datetime) -> tuple[EmergencyAction | None, list[Violation]]:
    """RISK-3: the time the manager was informed of an emergency action already recorded, once."""
    action = next((a for a in case.emergency_actions if a.id == command.emergency_action_id), None)
    if action is None:
        return None, [Violation(ErrorCode.NOT_FOUND, "The case has no such emergency action.", ("emergencyActionId",))]
    errors = has_offset(command.informed_at, ("informedAt",))
    if errors:
        return action, errors
    if action.manager_informed_at is not None:
        return action, [invalid(("emergencyActionId",), f"The manager was already recorded as informed at "
                                                        f"{action.manager_informed_at.isoformat()}.")]
    return action, _informed(action.occurred_at, command.informed_at, now, ("informedAt",))

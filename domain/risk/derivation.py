"""Risk: tier inputs from the case (TIER-1), and the checks of RISK-2 and MAPPA-1.

Interpretations (recorded in the closing note):
- Mandate for change (hmpps-tier): a live licence or PSS, or a live community sentence that is
  not only restrictive requirements and unpaid work. Restrictive: curfew, exclusion, prohibited
  activity, residence, alcohol abstinence monitoring.
- Complexity factors: registered factors plus active safeguarding registrations mapped onto
  hmpps-tier's factors, plus RISK_TO_CHILDREN when RoSH to children is MEDIUM or above.
- RISK-2: a HIGH or VERY_HIGH assessment made while a CRC manages the case is due until a transfer
  to the NPS; if the risk is reassessed below HIGH first, the item lapses (de-escalation). No due
  date: the source says "without delay".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from domain.core.case import Case
from domain.core.enums import Provider, RequirementStatus, RequirementType, RoshLevel, SentenceStatus
from domain.risk import tiering
from domain.risk.model import TierCalculation

RESTRICTIVE = frozenset({RequirementType.CURFEW, RequirementType.EXCLUSION, RequirementType.PROHIBITED_ACTIVITY,
                         RequirementType.RESIDENCE, RequirementType.ALCOHOL_ABSTINENCE_MONITORING})


def mandate_for_change(case: Case) -> bool:
    for sentence in case.sentences:
        if sentence.status is SentenceStatus.TERMINATED:
            continue
        if sentence.type.is_post_release:
            return True
        kinds = {r.type for r in sentence.requirements if r.status is RequirementStatus.ACTIVE}
        if not kinds <= (RESTRICTIVE | {RequirementType.UNPAID_WORK}):
            return True
    return False


def tier_inputs(case: Case, today: date) -> tiering.TierInputs:
    rosh = case.rosh
    mappa = case.mappa
    needs = max(enumerate(case.needs_assessments), key=lambda p: (p[1].assessed_on, p[0]))[1].needs \
        if case.needs_assessments else None
    registered = [c.factor for c in case.complexity_factors
                  if c.started_on <= today and (c.ended_on is None or c.ended_on > today)]
    safeguarding = [s.kind for s in case.safeguarding if s.active_on(today)]
    return tiering.TierInputs(
        rosh=rosh.level if rosh else None,
        serious_recidivism_score=rosh.serious_recidivism_score if rosh else None,
        mappa_level=mappa.level if mappa else None,
        complexity_factors=tiering.complexity_from(safeguarding, registered, rosh.risk_to_children if rosh else None),
        reoffending_score=rosh.reoffending_score if rosh else None,
        needs=dict(needs) if needs is not None else None,
        mandate_for_change=mandate_for_change(case))


def inputs_record(inputs: tiering.TierInputs) -> dict:
    """The inputs as stored with a calculation (JSON-safe, order-independent)."""
    return {
        "rosh": inputs.rosh.value if inputs.rosh else None,
        "seriousRecidivismScore": str(inputs.serious_recidivism_score) if inputs.serious_recidivism_score is not None else None,
        "mappaLevel": inputs.mappa_level.value if inputs.mappa_level else None,
        "complexityFactors": sorted(f.value for f in inputs.complexity_factors),
        "reoffendingScore": str(inputs.reoffending_score) if inputs.reoffending_score is not None else None,
        "needs": {n.value: s.value for n, s in sorted(inputs.needs.items())} if inputs.needs is not None else None,
        "mandateForChange": inputs.mandate_for_change,
    }


def recalculate(case: Case, reason: str, now: datetime, today: date) -> TierCalculation | None:
    """A new calculation when any input changed since the stored one (None when nothing did)."""
    inputs = tier_inputs(case, today)
    record = inputs_record(inputs)
    if case.tier is not None and case.tier.inputs == record and case.tier.rule_version == tiering.RULE_VERSION:
        return None
    result = tiering.calculate(inputs)
    return TierCalculation(tier=result.tier, protect=result.protect, change=result.change, provisional=result.provisional,
                           protect_points=result.protect_points, change_points=result.change_points,
                           breakdown=dict(result.breakdown), explanation=list(result.explanation), inputs=record,
                           rule_version=result.rule_version, reason=reason, calculated_at=now)


def provider_on(case: Case, day: date) -> Provider | None:
    current = [a for a in case.allocations if a.allocated_on <= day]
    return current[-1].provider if current else None


def risk_2_events(case: Case, as_of: date) -> Iterable[tuple[date, date | None, str]]:
    """(escalated on, transferred to the NPS on or None, detail) for each escalation on a CRC case."""
    assessments = sorted(((a.assessed_on, i, a) for i, a in enumerate(case.rosh_assessments) if a.assessed_on <= as_of),
                         key=lambda t: (t[0], t[1]))
    open_since: date | None = None
    for day, _, assessment in assessments:
        high = assessment.level.at_least(RoshLevel.HIGH)
        if open_since is None and high and provider_on(case, day) is Provider.CRC:
            open_since = day
        elif open_since is not None and not high:
            open_since = None  # de-escalated before the transfer: the referral lapses
    if open_since is None:
        return
    transfer = next((a.allocated_on for a in case.allocations
                     if a.allocated_on >= open_since and a.allocated_on <= as_of and a.provider is Provider.NPS), None)
    yield open_since, transfer, ("Transferred to the NPS." if transfer else
                                 "RoSH HIGH or above on a CRC case: refer to the NPS and transfer without delay.")

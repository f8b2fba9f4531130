"""Risk: tier inputs from the case (TIER-1), and the checks of RISK-2 and MAPPA-1.

Interpretations (recorded in the closing note):
- Mandate for change (hmpps-tier): a live licence or PSS, or a live community sentence that is
  not only restrictive requirements and unpaid work. Restrictive: curfew, exclusion, prohibited
  activity, residence, alcohol abstinence monitoring.
- Complexity factors: active registered factors plus active safeguarding registrations mapped
  onto hmpps-tier's factors. Historic registrations (ended complexity factors and safeguarding,
  deregistered or superseded MAPPA) do not count (hmpps-tier MAS-431). RoSH to children adds
  nothing (rule version hmpps-tier-v2.2026, divergence 3 in ``domain.tiering``).
- Live sentence: any sentence not TERMINATED (the same test as the mandate for change). No live
  sentence: the tier is N/A.
- Unsupervised ("S"): a live sentence, and every live sentence is a CO/SSO with no active
  requirement left.
- Female: gender FEMALE; NOT_KNOWN is a missing input; MALE and OTHER are not female (as
  hmpps-tier counts every gender but "female").
- Previous enforcement activity: a breach initiated or a recall decided, by today, on a sentence
  that is live or ended within the last year (hmpps-tier: breach or recall on "an active and
  less-than-a-year conviction"), whatever its outcome.
- Women's factor answers come from the latest needs assessment; none recorded: unknown.
- RISK-2: a HIGH or VERY_HIGH assessment made while a CRC manages the case is due until a transfer
  to the NPS; if the risk is reassessed below HIGH first, the item lapses (de-escalation). No due
  date: the source says "without delay".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from domain.core.calendar import LONDON
from domain.core.case import Case, Sentence
from domain.core.dates import add_months
from domain.core.enums import Gender, Provider, RequirementStatus, RequirementType, RoshLevel, SentenceStatus
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


def live_sentences(case: Case) -> list[Sentence]:
    return [s for s in case.sentences if s.status is not SentenceStatus.TERMINATED]


def ended_on(sentence: Sentence) -> date | None:
    """When a terminated sentence ended: its termination, or the breach outcome that ended it."""
    if sentence.status is not SentenceStatus.TERMINATED:
        return None
    if sentence.termination is not None:
        return sentence.termination.terminated_on
    return max((b.outcome_on for b in sentence.breaches if b.outcome_on is not None), default=None)


def unsupervised(case: Case) -> bool:
    live = live_sentences(case)
    return bool(live) and all(s.type.is_community and not any(r.status is RequirementStatus.ACTIVE for r in s.requirements)
                              for s in live)


def previous_enforcement(case: Case, today: date) -> bool:
    year_ago = add_months(today, -12)
    for sentence in case.sentences:
        ended = ended_on(sentence)
        if sentence.status is SentenceStatus.TERMINATED and (ended is None or ended < year_ago):
            continue
        if any(b.initiated_on <= today for b in sentence.breaches) or \
                any(r.decided_at.astimezone(LONDON).date() <= today for r in sentence.recalls):
            return True
    return False


FEMALE = {Gender.FEMALE: True, Gender.MALE: False, Gender.OTHER: False, Gender.NOT_KNOWN: None}


def tier_inputs(case: Case, today: date) -> tiering.TierInputs:
    rosh = case.rosh
    mappa = case.mappa
    latest = max(enumerate(case.needs_assessments), key=lambda p: (p[1].assessed_on, p[0]))[1] \
        if case.needs_assessments else None
    registered = [c.factor for c in case.complexity_factors
                  if c.started_on <= today and (c.ended_on is None or c.ended_on > today)]
    safeguarding = [s.kind for s in case.safeguarding if s.active_on(today)]
    return tiering.TierInputs(
        rosh=rosh.level if rosh else None,
        serious_recidivism_score=rosh.serious_recidivism_score if rosh else None,
        mappa_level=mappa.level if mappa else None,
        complexity_factors=tiering.complexity_from(safeguarding, registered),
        reoffending_score=rosh.reoffending_score if rosh else None,
        needs=dict(latest.needs) if latest is not None else None,
        mandate_for_change=mandate_for_change(case),
        active_sentence=bool(live_sentences(case)),
        unsupervised=unsupervised(case),
        female=FEMALE[case.offender.gender],
        previous_enforcement=previous_enforcement(case, today),
        parenting_responsibilities=latest.parenting_responsibilities if latest is not None else None,
        impulsivity=latest.impulsivity if latest is not None else None,
        temper_control=latest.temper_control if latest is not None else None)


def _value(item):
    return item.value if item is not None and hasattr(item, "value") else item


def inputs_record(inputs: tiering.TierInputs) -> dict:
    """The inputs as stored with a calculation (JSON-safe, order-independent)."""
    return {
        "rosh": _value(inputs.rosh),
        "seriousRecidivismScore": str(inputs.serious_recidivism_score) if inputs.serious_recidivism_score is not None else None,
        "mappaLevel": _value(inputs.mappa_level),
        "complexityFactors": sorted(f.value for f in inputs.complexity_factors),
        "reoffendingScore": str(inputs.reoffending_score) if inputs.reoffending_score is not None else None,
        "needs": {n.value: s.value for n, s in sorted(inputs.needs.items())} if inputs.needs is not None else None,
        "mandateForChange": inputs.mandate_for_change,
        "activeSentence": inputs.active_sentence,
        "unsupervised": inputs.unsupervised,
        "female": inputs.female,
        "previousEnforcement": inputs.previous_enforcement,
        "parentingResponsibilities": inputs.parenting_responsibilities,
        "impulsivity": _value(inputs.impulsivity),
        "temperControl": _value(inputs.temper_control),
    }


RULES_CHANGED = "RULES_CHANGED"
SCHEDULED = "Scheduled recalculation"


def recalculation_reason(case: Case) -> str:
    """Why a recalculation not prompted by a write is due: the rules changed, or time moved an
    input (a registration ended, enforcement aged past a year)."""
    return RULES_CHANGED if case.tier is None or case.tier.rule_version != tiering.RULE_VERSION else SCHEDULED


def recalculate(case: Case, reason: str, now: datetime, today: date) -> TierCalculation | None:
    """A new calculation when any input or the rule version changed since the stored one (None
    when nothing did)."""
    inputs = tier_inputs(case, today)
    record = inputs_record(inputs)
    if case.tier is not None and case.tier.inputs == record and case.tier.rule_version == tiering.RULE_VERSION:
        return None
    result = tiering.calculate(inputs)
    return TierCalculation(tier=result.tier, protect=result.protect, change=result.change, provisional=result.provisional,
                           protect_points=result.protect_points, change_points=result.change_points,
                           breakdown=dict(result.breakdown), explanation=list(result.explanation), inputs=record,
                           rule_version=result.rule_version, reason=reason, calculated_at=now, range=result.range,
                           possible_protect=list(result.possible_protect), possible_change=list(result.possible_change),
                           missing_inputs=[{"input": m.input.value, "axis": m.axis.value,
                                            "outcomes": [{"value": v, "levels": levels} for v, levels in m.outcomes]}
                                           for m in result.missing_inputs],
                           unsupervised=result.unsupervised)


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

"""TIER-1: a tier from risk of harm and likelihood of reoffending, so "resources follow risk"
(RRDP Offender Management; JI note 4).

Based on the UK probation service's published model (ministryofjustice/hmpps-tier): a protect
level A-D from points for risk of harm, MAPPA and complexity, and a change level 0-3 from points
for needs, likelihood of reoffending and IOM. Differences, on purpose:
- Bands are exact and gap-free: every score falls in exactly one half-open band over Decimal
  (hmpps-tier's RSR bands 3.00-6.99 and 7.00-99.99 leave 6.99 < x < 7.00 and x > 99.99 with no
  points).
- Missing inputs never silently give the lowest tier: without a RoSH assessment the protect level
  is MISSING; without a needs assessment the change level is PROVISIONAL (hmpps-tier's choice of
  level 2 is kept, and said). A tier with a missing part is reported as such.
- Every calculation carries its inputs, a points breakdown and the rule version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from domain.core.enums import MappaLevel, RoshLevel
from domain.core.registry import Section, standard

TIER_1 = standard("TIER-1", Section.TIERING, "Cases are tiered by risk of harm and likelihood of reoffending",
                  source="RRDP Offender Management; JI note 4 (\"resources follow risk\"); hmpps-tier", enforced=True,
                  rule="The tier is recalculated whenever an input changes and stored with its inputs, points and rule version.")

RULE_VERSION = "TIER-1/2026-11 (hmpps-tier protect/change model, exact bands)"


class Need(str, Enum):
    ACCOMMODATION = "ACCOMMODATION"
    EDUCATION_TRAINING_AND_EMPLOYABILITY = "EDUCATION_TRAINING_AND_EMPLOYABILITY"
    RELATIONSHIPS = "RELATIONSHIPS"
    LIFESTYLE_AND_ASSOCIATES = "LIFESTYLE_AND_ASSOCIATES"
    DRUG_MISUSE = "DRUG_MISUSE"
    ALCOHOL_MISUSE = "ALCOHOL_MISUSE"
    THINKING_AND_BEHAVIOUR = "THINKING_AND_BEHAVIOUR"
    ATTITUDES = "ATTITUDES"


class NeedSeverity(str, Enum):
    NO_NEED = "NO_NEED"
    STANDARD = "STANDARD"
    SEVERE = "SEVERE"


class ComplexityFactor(str, Enum):
    IOM_NOMINAL = "IOM_NOMINAL"
    MENTAL_HEALTH = "MENTAL_HEALTH"
    ATTEMPTED_SUICIDE_OR_SELF_HARM = "ATTEMPTED_SUICIDE_OR_SELF_HARM"
    VULNERABILITY_ISSUE = "VULNERABILITY_ISSUE"
    CHILD_CONCERNS = "CHILD_CONCERNS"
    CHILD_PROTECTION = "CHILD_PROTECTION"
    RISK_TO_CHILDREN = "RISK_TO_CHILDREN"
    PUBLIC_INTEREST = "PUBLIC_INTEREST"
    ADULT_AT_RISK = "ADULT_AT_RISK"
    STREET_GANGS = "STREET_GANGS"
    TERRORISM = "TERRORISM"


class ProtectLevel(str, Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"
    MISSING = "MISSING"


class ChangeLevel(str, Enum):
    ZERO = "0"
    ONE = "1"
    TWO = "2"
    THREE = "3"


# Points tables (hmpps-tier ProtectLevelCalculator / ChangeLevelCalculator).
ROSH_POINTS = {RoshLevel.LOW: 0, RoshLevel.MEDIUM: 10, RoshLevel.HIGH: 20, RoshLevel.VERY_HIGH: 30}
MAPPA_POINTS = {MappaLevel.LEVEL_1: 5, MappaLevel.LEVEL_2: 30, MappaLevel.LEVEL_3: 30}
COMPLEXITY_POINTS_EACH = 2  # each distinct factor, IOM excluded (it counts for change)
NEED_WEIGHTING = {Need.THINKING_AND_BEHAVIOUR: 2, Need.ATTITUDES: 2}  # others 1
SEVERITY_SCORE = {NeedSeverity.NO_NEED: 0, NeedSeverity.STANDARD: 1, NeedSeverity.SEVERE: 2}
IOM_CHANGE_POINTS = 2

# Half-open bands [lower, next lower): exact over Decimal and with no gaps.
SERIOUS_RECIDIVISM_BANDS: tuple[tuple[Decimal, int], ...] = ((Decimal("0"), 0), (Decimal("3"), 10), (Decimal("7"), 20))
PROTECT_BANDS: tuple[tuple[int, ProtectLevel], ...] = ((0, ProtectLevel.D), (10, ProtectLevel.C), (20, ProtectLevel.B),
                                                        (30, ProtectLevel.A))
CHANGE_BANDS: tuple[tuple[int, ChangeLevel], ...] = ((0, ChangeLevel.ONE), (10, ChangeLevel.TWO), (20, ChangeLevel.THREE))


def band(value, bands):
    """The label of the half-open band holding ``value``: the last band whose lower bound is <= value."""
    chosen = None
    for lower, label in bands:
        if value >= lower:
            chosen = label
    if chosen is None:
        raise ValueError(f"{value} is below the lowest band")
    return chosen


@dataclass(frozen=True)
class TierInputs:
    rosh: RoshLevel | None
    serious_recidivism_score: Decimal | None
    mappa_level: MappaLevel | None
    complexity_factors: frozenset[ComplexityFactor]
    reoffending_score: Decimal | None
    needs: dict[Need, NeedSeverity] | None
    mandate_for_change: bool


@dataclass(frozen=True)
class TierResult:
    protect: ProtectLevel
    change: ChangeLevel
    provisional: bool
    protect_points: int
    change_points: int
    breakdown: dict[str, int] = field(default_factory=dict)
    explanation: tuple[str, ...] = ()
    rule_version: str = RULE_VERSION

    @property
    def tier(self) -> str:
        return f"{self.protect.value}{self.change.value}" if self.protect is not ProtectLevel.MISSING else f"?{self.change.value}"


def calculate(inputs: TierInputs) -> TierResult:
    notes: list[str] = []
    breakdown: dict[str, int] = {}
    if inputs.rosh is None:
        protect, protect_points = ProtectLevel.MISSING, 0
        notes.append("No RoSH assessment: the protect level is MISSING, not assumed to be D.")
    else:
        rosh_points = ROSH_POINTS[inputs.rosh]
        rsr_points = band(inputs.serious_recidivism_score, SERIOUS_RECIDIVISM_BANDS) \
            if inputs.serious_recidivism_score is not None else 0
        mappa_points = MAPPA_POINTS.get(inputs.mappa_level, 0) if inputs.mappa_level else 0
        complexity = sorted(f.value for f in inputs.complexity_factors if f is not ComplexityFactor.IOM_NOMINAL)
        complexity_points = COMPLEXITY_POINTS_EACH * len(complexity)
        breakdown.update({"rosh": rosh_points, "seriousRecidivism": rsr_points, "mappa": mappa_points,
                          "complexity": complexity_points})
        protect_points = max(rosh_points, rsr_points) + mappa_points + complexity_points
        protect = band(protect_points, PROTECT_BANDS)
        notes.append(f"Protect {protect.value}: max(RoSH {rosh_points}, serious recidivism {rsr_points}) + MAPPA "
                     f"{mappa_points} + complexity {complexity_points} ({', '.join(complexity) or 'none'}) = {protect_points}.")
    provisional = inputs.rosh is None
    if not inputs.mandate_for_change:
        change, change_points = ChangeLevel.ZERO, 0
        notes.append("Change 0: no mandate for change (only restrictive requirements or unpaid work).")
    elif inputs.needs is None:
        change, change_points, provisional = ChangeLevel.TWO, 0, True
        notes.append("Change 2 PROVISIONAL: no needs assessment on record (hmpps-tier's default, flagged here).")
    else:
        needs_points = sum(NEED_WEIGHTING.get(need, 1) * SEVERITY_SCORE[severity] for need, severity in inputs.needs.items())
        reoffending_points = int(inputs.reoffending_score // 10) if inputs.reoffending_score is not None else 0
        iom_points = IOM_CHANGE_POINTS if ComplexityFactor.IOM_NOMINAL in inputs.complexity_factors else 0
        breakdown.update({"needs": needs_points, "reoffending": reoffending_points, "iom": iom_points})
        change_points = needs_points + reoffending_points + iom_points
        change = band(change_points, CHANGE_BANDS)
        if inputs.reoffending_score is None:
            provisional = True
            notes.append("No likelihood-of-reoffending score: PROVISIONAL (scored as 0 points).")
        notes.append(f"Change {change.value}: needs {needs_points} + reoffending {reoffending_points} + IOM {iom_points} "
                     f"= {change_points}.")
    return TierResult(protect, change, provisional, protect_points, change_points, breakdown, tuple(notes))


def complexity_from(safeguarding_kinds: Iterable, registered: Iterable[ComplexityFactor], children_rosh: RoshLevel | None
                    ) -> frozenset[ComplexityFactor]:
    """Complexity factors from active registrations: safeguarding kinds map onto hmpps-tier's
    factors, and a RoSH to children of MEDIUM or above is RISK_TO_CHILDREN."""
    mapping = {"CHILD_PROTECTION": ComplexityFactor.CHILD_PROTECTION, "CHILD_CONCERNS": ComplexityFactor.CHILD_CONCERNS,
               "ADULT_AT_RISK": ComplexityFactor.ADULT_AT_RISK, "OFFENDER_AT_RISK": ComplexityFactor.VULNERABILITY_ISSUE}
    factors = {mapping[k.value] for k in safeguarding_kinds if k.value in mapping} | set(registered)
    if children_rosh is not None and children_rosh.at_least(RoshLevel.MEDIUM):
        factors.add(ComplexityFactor.RISK_TO_CHILDREN)
    return frozenset(factors)

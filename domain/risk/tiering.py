"""TIER-1: a tier from risk of harm and likelihood of reoffending, so "resources follow risk"
(RRDP Offender Management; JI note 4).

Rule version ``hmpps-tier-v2.2026``: the protect/change model of the UK probation service's
tiering service (github.com/ministryofjustice/hmpps-tier) as it runs on its main branch today
(read at commit affac98aa31db76f1856de066cb9a65e54c43cee, 2026-08-17), with the divergences
listed below. It replaces ``TIER-1/2026-11``, which followed hmpps-tier's first scoring version
(Level A from 30 points), superseded there by MAS-422 on 2021-05-28.

Protect level (``service/calculation/ProtectLevelCalculator.kt``):
  max(RoSH points, serious-recidivism (RSR) points) + MAPPA + complexity + additional factors for
  women; A from 150 points (``LEVEL_A_LOWER_THRESHOLD``), B 20-149, C 10-19, D under 10.
  RoSH: LOW 0, MEDIUM 10, HIGH 20, VERY_HIGH 150. MAPPA: level 1 5, levels 2 and 3 150
  (MAS-422: either alone is Level A; lesser factors cannot add up to A any more).
  RSR (``domain/enums/RsrThresholds.kt``): 3 to under 7 = 10, 7 to 100 = 20, otherwise 0; an
  absent score and OASys's "no score" marker 999.99 score 0 (``calculateRSRScore.6.2.feature``).
  Complexity: 2 points for each distinct active registered factor (IOM excluded: it counts for
  change). Additional factors for women (``service/calculation/AdditionalFactorsForWomen.kt``),
  women only, 2 points each: parenting responsibilities (OASys 6.9 answered yes); impulsivity
  (11.2) or temper control (11.4) a problem (counted once, however many); previous enforcement
  activity, i.e. a breach or recall on a sentence that is live or ended within the last year.
Change level (``service/calculation/ChangeLevelCalculator.kt``): 0 without a mandate for change
  (only restrictive requirements and unpaid work); otherwise needs + reoffending + IOM, 3 from
  20 points, 2 from 10, else 1. Needs: severity (none 0, standard 1, severe 2) times the need's
  weighting (thinking and behaviour 2, attitudes 2, financial management and emotional
  well-being 0, the rest 1). Reoffending: the OGRS percentage divided by 10, rounded down.
  IOM nominal: 2.
Suffix "S": the person is under sentence but not supervised (``model/TierDto.kt``).
No active sentence: the tier is N/A (hmpps-tier's current tier: ``NOT_SUPERVISED``).
Historic registrations do not count (MAS-431: hmpps-tier drops ``HREG`` registrations); here an
ended or deregistered registration is historic (``domain.risk``).

Divergences, on purpose:
1. Exact RSR bands. hmpps-tier compares with ``BigDecimal(99.99)`` and ``BigDecimal(6.99)``,
   built from binary doubles (99.98999..., 6.99000...02), so a score of 99.99 or 100 scores 0 and
   one between 6.99... and 7.00 scores 0. Here the bands are half-open over Decimal with no gap:
   [3, 7) = 10, [7, 100] = 20; only 999.99 (OASys "no score") and an absent score score 0.
2. A missing input makes a tier provisional only when it could change it, and never defaults to
   the lowest value. hmpps-tier scores a missing RoSH as LOW, a missing OGRS as 0, unanswered
   women's questions as 0 and a missing needs assessment as change level 2. Here every possible
   value of each missing input is tried: if the level is the same for all (MAPPA 2 or 3 fixes A
   whatever the RoSH), it is determined; otherwise it is MISSING, the possible levels are listed
   (``range``, e.g. "A-D, RoSH missing") with the level at each value of each missing input. The
   points reported are those of the known inputs. (hmpps-tier's own current tier treats a
   missing RoSH as provisional too: ``ProvisionalStatusCalculator.kt``.) A gender recorded as
   NOT_KNOWN is a missing input for the women's factors; OTHER counts as not female, as
   hmpps-tier counts every gender other than "female".
3. RoSH to children no longer adds a RISK_TO_CHILDREN complexity factor (the previous version
   did): hmpps-tier counts RISK_TO_CHILDREN only as a registration, and no source document of
   this project supports deriving it from the RoSH. It stays a factor that can be registered.
4. "S" is derived from the case: every live sentence is a community order or SSO with no active
   requirement left (under sentence, nothing left to supervise). hmpps-tier sets it from a
   Delius registration (code "PRC") recording the operational policy of suspending supervision
   in the final third of a sentence, which no source document of this project describes.
5. No active sentence: N/A for the whole tier. hmpps-tier's protect/change score for such a case
   is still calculated (protect level with change 0: ``NoSentenceTest.kt``); its current tier
   says NOT_SUPERVISED, which this version follows.
6. Needs severities are recorded as severities; hmpps-tier derives them from OASys question scores
   with section thresholds (and SAN-assessment thresholds), which this project does not hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from itertools import product

from domain.core.enums import MappaLevel, RoshLevel
from domain.core.registry import Section, standard

TIER_1 = standard("TIER-1", Section.TIERING, "Cases are tiered by risk of harm and likelihood of reoffending",
                  source="RRDP Offender Management; JI note 4 (\"resources follow risk\"); hmpps-tier", enforced=True,
                  rule="The tier is recalculated whenever an input changes and stored with its inputs, points and rule version.")

RULE_VERSION = "hmpps-tier-v2.2026"
SUPERSEDED_RULE_VERSIONS = ("TIER-1/2026-11 (hmpps-tier protect/change model, exact bands)",)


class Need(str, Enum):
    ACCOMMODATION = "ACCOMMODATION"
    EDUCATION_TRAINING_AND_EMPLOYABILITY = "EDUCATION_TRAINING_AND_EMPLOYABILITY"
    RELATIONSHIPS = "RELATIONSHIPS"
    LIFESTYLE_AND_ASSOCIATES = "LIFESTYLE_AND_ASSOCIATES"
    DRUG_MISUSE = "DRUG_MISUSE"
    ALCOHOL_MISUSE = "ALCOHOL_MISUSE"
    THINKING_AND_BEHAVIOUR = "THINKING_AND_BEHAVIOUR"
    ATTITUDES = "ATTITUDES"
    FINANCIAL_MANAGEMENT_AND_INCOME = "FINANCIAL_MANAGEMENT_AND_INCOME"
    EMOTIONAL_WELL_BEING = "EMOTIONAL_WELL_BEING"


class NeedSeverity(str, Enum):
    NO_NEED = "NO_NEED"
    STANDARD = "STANDARD"
    SEVERE = "SEVERE"


class ProblemLevel(str, Enum):
    """An OASys problem answer (0 no problems, 1 some, 2 significant)."""

    NO_PROBLEMS = "NO_PROBLEMS"
    SOME_PROBLEMS = "SOME_PROBLEMS"
    SIGNIFICANT_PROBLEMS = "SIGNIFICANT_PROBLEMS"


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
    MISSING = "MISSING"  # not determined: a missing input could change it (see ``possible_protect``)
    NOT_APPLICABLE = "NOT_APPLICABLE"  # no active sentence


class ChangeLevel(str, Enum):
    ZERO = "0"
    ONE = "1"
    TWO = "2"
    THREE = "3"
    MISSING = "MISSING"
    NOT_APPLICABLE = "NOT_APPLICABLE"


class TierInput(str, Enum):
    """An input that can be missing."""

    ROSH = "ROSH"
    GENDER = "GENDER"
    PARENTING_RESPONSIBILITIES = "PARENTING_RESPONSIBILITIES"
    IMPULSIVITY_AND_TEMPER_CONTROL = "IMPULSIVITY_AND_TEMPER_CONTROL"
    NEEDS_ASSESSMENT = "NEEDS_ASSESSMENT"
    REOFFENDING_SCORE = "REOFFENDING_SCORE"


class Axis(str, Enum):
    PROTECT = "PROTECT"
    CHANGE = "CHANGE"


INPUT_LABELS = {TierInput.ROSH: "RoSH", TierInput.GENDER: "gender",
                TierInput.PARENTING_RESPONSIBILITIES: "parenting responsibilities answer",
                TierInput.IMPULSIVITY_AND_TEMPER_CONTROL: "impulsivity and temper control answers",
                TierInput.NEEDS_ASSESSMENT: "needs assessment", TierInput.REOFFENDING_SCORE: "reoffending score"}

# Points tables (hmpps-tier, see the module docstring for the file of each).
LEVEL_A_THRESHOLD = 150
ROSH_POINTS = {RoshLevel.LOW: 0, RoshLevel.MEDIUM: 10, RoshLevel.HIGH: 20, RoshLevel.VERY_HIGH: LEVEL_A_THRESHOLD}
MAPPA_POINTS = {MappaLevel.LEVEL_1: 5, MappaLevel.LEVEL_2: LEVEL_A_THRESHOLD, MappaLevel.LEVEL_3: LEVEL_A_THRESHOLD}
COMPLEXITY_POINTS_EACH = 2  # each distinct factor, IOM excluded (it counts for change)
WOMENS_FACTOR_POINTS = 2  # each of parenting, self-control (impulsivity or temper), breach or recall
NEED_WEIGHTING = {Need.THINKING_AND_BEHAVIOUR: 2, Need.ATTITUDES: 2,
                  Need.FINANCIAL_MANAGEMENT_AND_INCOME: 0, Need.EMOTIONAL_WELL_BEING: 0}  # others 1
SEVERITY_SCORE = {NeedSeverity.NO_NEED: 0, NeedSeverity.STANDARD: 1, NeedSeverity.SEVERE: 2}
PROBLEM_SCORE = {ProblemLevel.NO_PROBLEMS: 0, ProblemLevel.SOME_PROBLEMS: 1, ProblemLevel.SIGNIFICANT_PROBLEMS: 2}
IOM_CHANGE_POINTS = 2
RSR_NO_SCORE = Decimal("999.99")  # OASys: no RSR score could be calculated
MAX_REOFFENDING_POINTS = 10  # a percentage of 100, divided by 10


def need_weighting(need: Need) -> int:
    return NEED_WEIGHTING.get(need, 1)


MAX_NEEDS_POINTS = sum(need_weighting(n) * SEVERITY_SCORE[NeedSeverity.SEVERE] for n in Need)

# Half-open bands [lower, next lower): exact over Decimal and with no gaps.
SERIOUS_RECIDIVISM_BANDS: tuple[tuple[Decimal, int], ...] = ((Decimal("0"), 0), (Decimal("3"), 10), (Decimal("7"), 20))
PROTECT_BANDS: tuple[tuple[int, ProtectLevel], ...] = ((0, ProtectLevel.D), (10, ProtectLevel.C), (20, ProtectLevel.B),
                                                       (LEVEL_A_THRESHOLD, ProtectLevel.A))
CHANGE_BANDS: tuple[tuple[int, ChangeLevel], ...] = ((0, ChangeLevel.ONE), (10, ChangeLevel.TWO), (20, ChangeLevel.THREE))
PROTECT_ORDER = (ProtectLevel.A, ProtectLevel.B, ProtectLevel.C, ProtectLevel.D)
CHANGE_ORDER = (ChangeLevel.ZERO, ChangeLevel.ONE, ChangeLevel.TWO, ChangeLevel.THREE)


def band(value, bands):
    """The label of the half-open band holding ``value``: the last band whose lower bound is <= value."""
    chosen = None
    for lower, label in bands:
        if value >= lower:
            chosen = label
    if chosen is None:
        raise ValueError(f"{value} is below the lowest band")
    return chosen


def serious_recidivism_points(score: Decimal | None) -> int:
    """RSR points; an absent score or the 999.99 marker is no score (0 points)."""
    if score is None or score == RSR_NO_SCORE:
        return 0
    return band(score, SERIOUS_RECIDIVISM_BANDS)


def reoffending_points(score: Decimal) -> int:
    return int(score // 10)


def needs_points(needs: dict[Need, NeedSeverity]) -> int:
    return sum(need_weighting(need) * SEVERITY_SCORE[severity] for need, severity in needs.items())


@dataclass(frozen=True)
class TierInputs:
    rosh: RoshLevel | None
    serious_recidivism_score: Decimal | None
    mappa_level: MappaLevel | None
    complexity_factors: frozenset[ComplexityFactor]
    reoffending_score: Decimal | None
    needs: dict[Need, NeedSeverity] | None
    mandate_for_change: bool
    active_sentence: bool = True
    unsupervised: bool = False
    female: bool | None = False  # None: gender not known
    previous_enforcement: bool = False
    parenting_responsibilities: bool | None = None  # None: not answered (or no needs assessment)
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None


@dataclass(frozen=True)
class MissingInput:
    """A missing input that could change the tier, and the level at each of its possible values
    (with any other missing input still unknown)."""

    input: TierInput
    axis: Axis
    outcomes: tuple[tuple[str, str], ...]  # (value, level or levels it gives)


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
    possible_protect: tuple[ProtectLevel, ...] = ()
    possible_change: tuple[ChangeLevel, ...] = ()
    missing_inputs: tuple[MissingInput, ...] = ()
    unsupervised: bool = False

    @property
    def tier(self) -> str:
        if self.protect is ProtectLevel.NOT_APPLICABLE:
            return "N/A"
        protect = self.protect.value if self.protect in PROTECT_ORDER else "?"
        change = self.change.value if self.change in CHANGE_ORDER else "?"
        return f"{protect}{change}{'S' if self.unsupervised else ''}"

    @property
    def range(self) -> str | None:
        """The possible levels and what is missing, e.g. "A–D, RoSH missing"; None when determined."""
        parts = []
        for axis, possible in ((Axis.PROTECT, self.possible_protect), (Axis.CHANGE, self.possible_change)):
            if len(possible) > 1:
                names = [INPUT_LABELS[m.input] for m in self.missing_inputs if m.axis is axis]
                parts.append(f"{render_levels(possible)}, {' and '.join(names)} missing")
        return "; ".join(parts) or None


def render_levels(levels: Iterable[ProtectLevel | ChangeLevel]) -> str:
    """"C", "A–D" for a contiguous run, "A, C" otherwise (in band order: A before D, 0 before 3)."""
    chosen = list(levels)
    order = PROTECT_ORDER if chosen and chosen[0] in PROTECT_ORDER else CHANGE_ORDER
    ordered = sorted(chosen, key=order.index)
    indexes = [order.index(level) for level in ordered]
    if len(ordered) > 1 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{ordered[0].value}–{ordered[-1].value}"
    return ", ".join(level.value for level in ordered)


# Unknown inputs are enumerated: each is a list of (label, value), its zero-point value first.
Unknown = tuple[TierInput, Sequence[tuple[str, object]]]


@dataclass(frozen=True)
class Resolved:
    possible: tuple
    missing: tuple[MissingInput, ...]
    irrelevant: tuple[TierInput, ...]


def resolve(axis: Axis, unknowns: Sequence[Unknown], level_of: Callable[[dict], Enum], order: Sequence) -> Resolved:
    """Try every combination of the unknown inputs' values: the levels they can give, and which
    inputs could change the level (two combinations differing only in that input give different
    levels), with the level(s) at each of its values."""
    names = [name for name, _ in unknowns]
    combos = list(product(*[range(len(values)) for _, values in unknowns]))
    levels = {combo: level_of({name: unknowns[i][1][index][1] for i, (name, index) in enumerate(zip(names, combo))})
              for combo in combos}
    possible = tuple(sorted(set(levels.values()), key=order.index))
    missing, irrelevant = [], []
    for i, (name, values) in enumerate(unknowns):
        groups: dict[tuple, set] = {}
        for combo, level in levels.items():
            groups.setdefault(combo[:i] + combo[i + 1:], set()).add(level)
        if not any(len(group) > 1 for group in groups.values()):
            irrelevant.append(name)
            continue
        outcomes = [(label, render_levels({level for combo, level in levels.items() if combo[i] == index}))
                    for index, (label, _) in enumerate(values)]
        missing.append(MissingInput(name, axis, _merge_runs(outcomes)))
    return Resolved(possible, tuple(missing), tuple(irrelevant))


def _merge_runs(outcomes: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Consecutive point values with the same outcome as one run: ("0–9 points", "1")."""
    if not outcomes or not outcomes[0][0].endswith(" points"):
        return tuple(outcomes)
    merged: list[tuple[str, str, str]] = []
    for label, result in outcomes:
        value = label.removesuffix(" points")
        if merged and merged[-1][2] == result:
            merged[-1] = (merged[-1][0], value, result)
        else:
            merged.append((value, value, result))
    return tuple((f"{first} points" if first == last else f"{first}–{last} points", result)
                 for first, last, result in merged)


ROSH_VALUES = tuple((level.value, level) for level in (RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH, RoshLevel.VERY_HIGH))
YES_NO = (("NO", False), ("YES", True))


def _self_control(inputs: TierInputs) -> bool | None:
    """Impulsivity or temper control a problem: counted once. None when it could still be."""
    answers = [inputs.impulsivity, inputs.temper_control]
    if any(a is not None and PROBLEM_SCORE[a] > 0 for a in answers):
        return True
    return False if all(a is not None for a in answers) else None


def womens_points(female: bool, parenting: bool, self_control: bool, previous_enforcement: bool) -> int:
    if not female:
        return 0
    return WOMENS_FACTOR_POINTS * (int(parenting) + int(self_control) + int(previous_enforcement))


def _protect(inputs: TierInputs) -> tuple[Resolved, int, dict[str, int], str]:
    rsr = serious_recidivism_points(inputs.serious_recidivism_score)
    mappa = MAPPA_POINTS.get(inputs.mappa_level, 0) if inputs.mappa_level else 0
    complexity = sorted(f.value for f in inputs.complexity_factors if f is not ComplexityFactor.IOM_NOMINAL)
    complexity_points = COMPLEXITY_POINTS_EACH * len(complexity)
    self_control = _self_control(inputs)
    known = {TierInput.ROSH: inputs.rosh, TierInput.GENDER: inputs.female,
             TierInput.PARENTING_RESPONSIBILITIES: inputs.parenting_responsibilities,
             TierInput.IMPULSIVITY_AND_TEMPER_CONTROL: self_control}
    candidates = {TierInput.ROSH: ROSH_VALUES, TierInput.GENDER: (("NOT_FEMALE", False), ("FEMALE", True)),
                  TierInput.PARENTING_RESPONSIBILITIES: YES_NO,
                  TierInput.IMPULSIVITY_AND_TEMPER_CONTROL: (("NO_PROBLEMS", False), ("SOME_OR_SIGNIFICANT_PROBLEMS", True))}
    unknowns = [(name, candidates[name]) for name, value in known.items() if value is None]

    def points(values: dict) -> tuple[int, int]:
        merged = {**known, **values}
        rosh = ROSH_POINTS[merged[TierInput.ROSH]]
        women = womens_points(merged[TierInput.GENDER], merged[TierInput.PARENTING_RESPONSIBILITIES],
                              merged[TierInput.IMPULSIVITY_AND_TEMPER_CONTROL], inputs.previous_enforcement)
        return rosh, max(rosh, rsr) + mappa + complexity_points + women

    resolved = resolve(Axis.PROTECT, unknowns, lambda values: band(points(values)[1], PROTECT_BANDS), PROTECT_ORDER)
    zero = {name: values[0][1] for name, values in unknowns}
    rosh_points, total = points(zero)
    women = total - max(rosh_points, rsr) - mappa - complexity_points
    breakdown = {"rosh": rosh_points} if inputs.rosh is not None else {}
    breakdown.update({"seriousRecidivism": rsr, "mappa": mappa, "complexity": complexity_points,
                      "additionalFactorsForWomen": women})
    rosh_text = f"RoSH {rosh_points}" if inputs.rosh is not None else "RoSH missing"
    note = (f"max({rosh_text}, serious recidivism {rsr}) + MAPPA {mappa} + complexity {complexity_points} "
            f"({', '.join(complexity) or 'none'}) + additional factors for women {women} = {total}")
    return resolved, total, breakdown, note


def _change(inputs: TierInputs) -> tuple[Resolved, int, dict[str, int], str]:
    iom = IOM_CHANGE_POINTS if ComplexityFactor.IOM_NOMINAL in inputs.complexity_factors else 0
    known = {TierInput.NEEDS_ASSESSMENT: needs_points(inputs.needs) if inputs.needs is not None else None,
             TierInput.REOFFENDING_SCORE: reoffending_points(inputs.reoffending_score)
             if inputs.reoffending_score is not None else None}
    ranges = {TierInput.NEEDS_ASSESSMENT: MAX_NEEDS_POINTS, TierInput.REOFFENDING_SCORE: MAX_REOFFENDING_POINTS}
    unknowns = [(name, tuple((f"{p} points", p) for p in range(ranges[name] + 1)))
                for name, value in known.items() if value is None]

    def total(values: dict) -> int:
        merged = {**known, **values}
        return merged[TierInput.NEEDS_ASSESSMENT] + merged[TierInput.REOFFENDING_SCORE] + iom

    resolved = resolve(Axis.CHANGE, unknowns, lambda values: band(total(values), CHANGE_BANDS), CHANGE_ORDER)
    points = total({name: 0 for name, _ in unknowns})
    breakdown = {key: value for key, value in (("needs", known[TierInput.NEEDS_ASSESSMENT]),
                                               ("reoffending", known[TierInput.REOFFENDING_SCORE])) if value is not None}
    breakdown["iom"] = iom
    needs_text = f"needs {known[TierInput.NEEDS_ASSESSMENT]}" if inputs.needs is not None else "needs assessment missing"
    reoffending_text = (f"reoffending {known[TierInput.REOFFENDING_SCORE]}" if inputs.reoffending_score is not None
                        else "reoffending score missing")
    return resolved, points, breakdown, f"{needs_text} + {reoffending_text} + IOM {iom} = {points}"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe(axis_name: str, resolved: Resolved, note: str) -> list[str]:
    if len(resolved.possible) == 1:
        lines = [f"{axis_name} {resolved.possible[0].value}: {note}."]
    else:
        lines = [f"{axis_name} not determined ({render_levels(resolved.possible)}): points from the known inputs: {note}."]
        for missing in resolved.missing:
            outcomes = ", ".join(f"{value} → {levels}" for value, levels in missing.outcomes)
            lines.append(f"{_sentence_case(INPUT_LABELS[missing.input])} missing: {outcomes}.")
    quiet = {TierInput.PARENTING_RESPONSIBILITIES, TierInput.IMPULSIVITY_AND_TEMPER_CONTROL}
    for name in resolved.irrelevant:
        if name not in quiet:
            lines.append(f"{_sentence_case(INPUT_LABELS[name])} missing, but it cannot change the {axis_name.lower()} level.")
    return lines


def calculate(inputs: TierInputs) -> TierResult:
    if not inputs.active_sentence:
        return TierResult(ProtectLevel.NOT_APPLICABLE, ChangeLevel.NOT_APPLICABLE, False, 0, 0, {},
                          ("N/A: no active sentence, so the person is not tiered (hmpps-tier: NOT_SUPERVISED).",))
    protect, protect_points, breakdown, protect_note = _protect(inputs)
    notes = _describe("Protect", protect, protect_note)
    if not inputs.mandate_for_change:
        change = Resolved((ChangeLevel.ZERO,), (), ())
        change_points = 0
        breakdown = {**breakdown}
        notes.append("Change 0: no mandate for change (only restrictive requirements or unpaid work).")
    else:
        change, change_points, change_breakdown, change_note = _change(inputs)
        breakdown = {**breakdown, **change_breakdown}
        notes += _describe("Change", change, change_note)
    if inputs.unsupervised:
        notes.append("S: every live sentence is a community order or SSO with no active requirement left "
                     "(under sentence, not supervised).")
    protect_level = protect.possible[0] if len(protect.possible) == 1 else ProtectLevel.MISSING
    change_level = change.possible[0] if len(change.possible) == 1 else ChangeLevel.MISSING
    return TierResult(protect_level, change_level, len(protect.possible) > 1 or len(change.possible) > 1,
                      protect_points, change_points, breakdown, tuple(notes), RULE_VERSION,
                      protect.possible, change.possible, protect.missing + change.missing, inputs.unsupervised)


SAFEGUARDING_FACTORS = {"CHILD_PROTECTION": ComplexityFactor.CHILD_PROTECTION,
                        "CHILD_CONCERNS": ComplexityFactor.CHILD_CONCERNS,
                        "ADULT_AT_RISK": ComplexityFactor.ADULT_AT_RISK,
                        "OFFENDER_AT_RISK": ComplexityFactor.VULNERABILITY_ISSUE}


def complexity_from(safeguarding_kinds: Iterable, registered: Iterable[ComplexityFactor]) -> frozenset[ComplexityFactor]:
    """Complexity factors from active registrations: registered factors, and active safeguarding
    kinds mapped onto hmpps-tier's factors (each distinct factor counts once)."""
    factors = {SAFEGUARDING_FACTORS[k.value] for k in safeguarding_kinds if k.value in SAFEGUARDING_FACTORS}
    return frozenset(factors | set(registered))

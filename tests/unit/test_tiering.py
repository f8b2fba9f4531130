"""TIER-1 (rule version hmpps-tier-v2.2026): every points table at its band boundaries, exact
Decimal RSR bands, the additional factors for women, and missing inputs that make a tier
provisional only when they could change it. Translations of hmpps-tier's own scenarios are in
test_tiering_hmpps_scenarios.py."""

from decimal import Decimal

import pytest

from domain.core.enums import MappaLevel, RoshLevel, SafeguardingKind
from domain.risk.tiering import (
    CHANGE_BANDS,
    PROTECT_BANDS,
    RULE_VERSION,
    Axis,
    ChangeLevel,
    ComplexityFactor,
    Need,
    NeedSeverity,
    ProblemLevel,
    ProtectLevel,
    TierInput,
    TierInputs,
    band,
    calculate,
    complexity_from,
    render_levels,
)

P = ProtectLevel
C = ChangeLevel
SOME, NONE = ProblemLevel.SOME_PROBLEMS, ProblemLevel.NO_PROBLEMS


def inputs(**overrides) -> TierInputs:
    base = dict(rosh=RoshLevel.LOW, serious_recidivism_score=None, mappa_level=None, complexity_factors=frozenset(),
                reoffending_score=Decimal("0"), needs={}, mandate_for_change=True)
    return TierInputs(**{**base, **overrides})


def factors(count: int) -> frozenset[ComplexityFactor]:
    return frozenset([f for f in ComplexityFactor if f is not ComplexityFactor.IOM_NOMINAL][:count])


@pytest.mark.parametrize("rosh, level, points", [
    (RoshLevel.LOW, P.D, 0), (RoshLevel.MEDIUM, P.C, 10), (RoshLevel.HIGH, P.B, 20), (RoshLevel.VERY_HIGH, P.A, 150)])
def test_tier_1_rosh_points_and_protect_levels(rosh, level, points):
    result = calculate(inputs(rosh=rosh))
    assert (result.protect, result.protect_points, result.breakdown["rosh"]) == (level, points, points)


@pytest.mark.parametrize("score, points", [
    (None, 0), ("0", 0), ("2.99", 0), ("2.999999", 0), ("3", 10), ("3.00", 10), ("6.99", 10), ("6.995", 10),
    ("6.9999", 10), ("7", 20), ("7.00", 20), ("99.99", 20), ("99.995", 20), ("100", 20), ("999.99", 0)])
def test_tier_1_serious_recidivism_bands_are_exact_and_gap_free_and_999_99_is_no_score(score, points):
    value = Decimal(score) if score is not None else None
    assert calculate(inputs(serious_recidivism_score=value)).breakdown["seriousRecidivism"] == points


@pytest.mark.parametrize("rosh, score, points", [
    (RoshLevel.MEDIUM, "7", 20), (RoshLevel.HIGH, "22", 20), (RoshLevel.VERY_HIGH, "7", 150), (RoshLevel.HIGH, "3", 20)])
def test_tier_1_risk_points_are_the_higher_of_rosh_and_serious_recidivism(rosh, score, points):
    assert calculate(inputs(rosh=rosh, serious_recidivism_score=Decimal(score))).protect_points == points


@pytest.mark.parametrize("mappa, points, level", [(None, 0, P.D), (MappaLevel.LEVEL_1, 5, P.D),
                                                  (MappaLevel.LEVEL_2, 150, P.A), (MappaLevel.LEVEL_3, 150, P.A)])
def test_tier_1_mappa_points_levels_2_and_3_alone_are_level_a(mappa, points, level):
    result = calculate(inputs(mappa_level=mappa))
    assert (result.breakdown["mappa"], result.protect) == (points, level)


@pytest.mark.parametrize("count, points, level", [(4, 8, P.D), (5, 10, P.C), (10, 20, P.B)])
def test_tier_1_complexity_two_points_each_distinct_factor(count, points, level):
    result = calculate(inputs(complexity_factors=factors(count)))
    assert (result.protect_points, result.protect) == (points, level)


@pytest.mark.parametrize("points, level", [(0, P.D), (9, P.D), (10, P.C), (19, P.C), (20, P.B), (149, P.B), (150, P.A),
                                           (152, P.A)])
def test_tier_1_protect_band_boundaries(points, level):
    assert band(points, PROTECT_BANDS) is level


def test_tier_1_lesser_factors_no_longer_add_up_to_level_a():
    """MAS-422: HIGH (20) + MAPPA 1 (5) + three complexity factors (6) = 31 was A; now B."""
    result = calculate(inputs(rosh=RoshLevel.HIGH, mappa_level=MappaLevel.LEVEL_1, complexity_factors=factors(3)))
    assert (result.protect_points, result.protect, result.rule_version) == (31, P.B, RULE_VERSION)


# (female, parenting, impulsivity, temper control, previous enforcement) -> additional factors for women
@pytest.mark.parametrize("female, parenting, impulsivity, temper, enforcement, points", [
    (True, True, NONE, NONE, False, 2),
    (True, False, SOME, NONE, False, 2),
    (True, False, NONE, SOME, False, 2),
    (True, False, SOME, ProblemLevel.SIGNIFICANT_PROBLEMS, False, 2),  # self-control counts once
    (True, True, SOME, SOME, False, 4),
    (True, False, NONE, NONE, True, 2),  # breach or recall
    (True, True, SOME, SOME, True, 6),
    (True, False, NONE, NONE, False, 0),
    (False, True, SOME, SOME, True, 0),  # men score none of them
])
def test_tier_1_additional_factors_for_women(female, parenting, impulsivity, temper, enforcement, points):
    result = calculate(inputs(female=female, parenting_responsibilities=parenting, impulsivity=impulsivity,
                              temper_control=temper, previous_enforcement=enforcement))
    assert result.breakdown["additionalFactorsForWomen"] == points and not result.provisional


def test_tier_1_additional_factors_for_women_move_d_to_c():
    """9 points (MAPPA 1 + two factors) + breach or recall (2) = 11: C."""
    result = calculate(inputs(mappa_level=MappaLevel.LEVEL_1, complexity_factors=factors(2), female=True,
                              parenting_responsibilities=False, impulsivity=NONE, temper_control=NONE,
                              previous_enforcement=True))
    assert (result.protect_points, result.protect) == (11, P.C)


@pytest.mark.parametrize("points, level", [(0, C.ONE), (9, C.ONE), (10, C.TWO), (19, C.TWO), (20, C.THREE), (21, C.THREE)])
def test_tier_1_change_band_boundaries(points, level):
    assert band(points, CHANGE_BANDS) is level


@pytest.mark.parametrize("need, severity, points", [
    (Need.ACCOMMODATION, NeedSeverity.STANDARD, 1), (Need.ACCOMMODATION, NeedSeverity.SEVERE, 2),
    (Need.THINKING_AND_BEHAVIOUR, NeedSeverity.STANDARD, 2), (Need.ATTITUDES, NeedSeverity.SEVERE, 4),
    (Need.FINANCIAL_MANAGEMENT_AND_INCOME, NeedSeverity.SEVERE, 0), (Need.EMOTIONAL_WELL_BEING, NeedSeverity.SEVERE, 0),
    (Need.DRUG_MISUSE, NeedSeverity.NO_NEED, 0)])
def test_tier_1_needs_weighting(need, severity, points):
    assert calculate(inputs(needs={need: severity})).breakdown["needs"] == points


@pytest.mark.parametrize("score, points", [("0", 0), ("9.99", 0), ("10", 1), ("49.99", 4), ("50", 5), ("59", 5),
                                           ("99.99", 9), ("100", 10)])
def test_tier_1_reoffending_points_are_the_percentage_over_ten_rounded_down(score, points):
    assert calculate(inputs(reoffending_score=Decimal(score))).breakdown["reoffending"] == points


def test_tier_1_every_need_severe_scores_twenty():
    result = calculate(inputs(needs=dict.fromkeys(Need, NeedSeverity.SEVERE)))
    assert (result.change_points, result.change) == (20, C.THREE)


def test_tier_1_iom_counts_for_change_not_protect():
    result = calculate(inputs(complexity_factors=frozenset({ComplexityFactor.IOM_NOMINAL})))
    assert result.breakdown["iom"] == 2 and result.breakdown["complexity"] == 0


def test_tier_1_no_mandate_for_change_is_zero_even_without_a_needs_assessment():
    result = calculate(inputs(mandate_for_change=False, needs=None, reoffending_score=None))
    assert result.change is C.ZERO and not result.provisional and result.tier == "D0"


def test_tier_1_no_active_sentence_is_not_applicable():
    result = calculate(inputs(active_sentence=False, mappa_level=MappaLevel.LEVEL_2, rosh=None))
    assert (result.tier, result.protect, result.change, result.provisional) == ("N/A", P.NOT_APPLICABLE,
                                                                                C.NOT_APPLICABLE, False)


def test_tier_1_unsupervised_adds_the_s_suffix():
    result = calculate(inputs(rosh=RoshLevel.HIGH, unsupervised=True))
    assert result.tier == "B1S" and result.unsupervised


def test_tier_1_missing_rosh_does_not_matter_when_mappa_fixes_level_a():
    result = calculate(inputs(rosh=None, mappa_level=MappaLevel.LEVEL_2))
    assert (result.tier, result.protect, result.provisional, result.range) == ("A1", P.A, False, None)
    assert result.missing_inputs == () and "rosh" not in result.breakdown
    assert any("RoSH missing, but it cannot change the protect level" in line for line in result.explanation)


def test_tier_1_missing_rosh_gives_the_level_at_each_possible_value():
    result = calculate(inputs(rosh=None, mappa_level=MappaLevel.LEVEL_1, complexity_factors=factors(2)))
    assert (result.tier, result.protect, result.provisional, result.protect_points) == ("?1", P.MISSING, True, 9)
    assert result.possible_protect == (P.A, P.B, P.C, P.D) and result.range == "A–D, RoSH missing"
    [missing] = result.missing_inputs
    assert (missing.input, missing.axis) == (TierInput.ROSH, Axis.PROTECT)
    assert missing.outcomes == (("LOW", "D"), ("MEDIUM", "C"), ("HIGH", "B"), ("VERY_HIGH", "A"))


def test_tier_1_missing_rosh_with_serious_recidivism_20_is_a_or_b():
    result = calculate(inputs(rosh=None, serious_recidivism_score=Decimal("23")))
    assert result.range == "A–B, RoSH missing" and result.missing_inputs[0].outcomes[:3] == (
        ("LOW", "B"), ("MEDIUM", "B"), ("HIGH", "B"))


def test_tier_1_missing_needs_assessment_is_a_range_never_level_2_by_default():
    result = calculate(inputs(needs=None, reoffending_score=Decimal("21")))
    assert (result.tier, result.change, result.provisional) == ("D?", C.MISSING, True)
    assert result.possible_change == (C.ONE, C.TWO, C.THREE) and result.range == "1–3, needs assessment missing"
    [missing] = result.missing_inputs
    assert missing.outcomes == (("0–7 points", "1"), ("8–17 points", "2"), ("18–20 points", "3"))


@pytest.mark.parametrize("needs, expected, provisional", [
    (dict.fromkeys(Need, NeedSeverity.SEVERE), C.THREE, False),  # 20 already: OGRS cannot change it
    ({Need.ACCOMMODATION: NeedSeverity.SEVERE}, C.MISSING, True),  # 2 + 0..10: 1 or 2
])
def test_tier_1_missing_reoffending_score_is_provisional_only_when_it_could_change_the_level(needs, expected, provisional):
    result = calculate(inputs(needs=needs, reoffending_score=None))
    assert (result.change, result.provisional) == (expected, provisional)
    if provisional:
        assert result.range == "1–2, reoffending score missing"


def test_tier_1_gender_not_known_is_a_missing_input_only_where_the_womens_factors_could_count():
    base = dict(mappa_level=MappaLevel.LEVEL_1, complexity_factors=factors(2), female=None, parenting_responsibilities=False,
                impulsivity=NONE, temper_control=NONE)
    assert calculate(inputs(**base, previous_enforcement=False)).provisional is False
    result = calculate(inputs(**base, previous_enforcement=True))
    assert result.range == "C–D, gender missing"
    assert result.missing_inputs[0].outcomes == (("NOT_FEMALE", "D"), ("FEMALE", "C"))


def test_tier_1_unanswered_womens_questions_are_unknown_not_zero():
    result = calculate(inputs(female=True, complexity_factors=factors(4)))  # 8 points known
    assert result.range == "C–D, parenting responsibilities answer and impulsivity and temper control answers missing"
    assert {m.input for m in result.missing_inputs} == {TierInput.PARENTING_RESPONSIBILITIES,
                                                        TierInput.IMPULSIVITY_AND_TEMPER_CONTROL}


def test_tier_1_one_answered_problem_settles_self_control():
    result = calculate(inputs(female=True, parenting_responsibilities=True, impulsivity=SOME, temper_control=None))
    assert result.breakdown["additionalFactorsForWomen"] == 4 and not result.provisional


def test_tier_1_both_levels_missing():
    result = calculate(inputs(rosh=None, needs=None))
    assert result.tier == "??" and result.range == "A–D, RoSH missing; 1–3, needs assessment missing"


def test_tier_1_a_full_example_has_an_explainable_breakdown():
    result = calculate(inputs(rosh=RoshLevel.HIGH, mappa_level=MappaLevel.LEVEL_1,
                              complexity_factors=frozenset({ComplexityFactor.CHILD_PROTECTION}),
                              needs={Need.ATTITUDES: NeedSeverity.SEVERE, Need.ACCOMMODATION: NeedSeverity.STANDARD},
                              reoffending_score=Decimal("45.5")))
    assert result.protect_points == 27 and result.change_points == 9
    assert result.breakdown == {"rosh": 20, "seriousRecidivism": 0, "mappa": 5, "complexity": 2,
                                "additionalFactorsForWomen": 0, "needs": 5, "reoffending": 4, "iom": 0}
    assert result.tier == "B1" and not result.provisional and result.range is None
    assert result.explanation[0].startswith("Protect B: max(RoSH 20, serious recidivism 0) + MAPPA 5")


@pytest.mark.parametrize("levels, text", [([P.A], "A"), ([P.D, P.B, P.C], "B–D"), ([P.A, P.C], "A, C"),
                                          ([C.THREE, C.ONE], "1, 3"), ([C.ONE, C.TWO], "1–2")])
def test_tier_1_levels_render_as_runs(levels, text):
    assert render_levels(levels) == text


def test_complexity_from_safeguarding_counts_each_factor_once_and_rosh_to_children_adds_nothing():
    found = complexity_from([SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.DOMESTIC_ABUSE],
                            [ComplexityFactor.STREET_GANGS, ComplexityFactor.CHILD_PROTECTION])
    assert found == {ComplexityFactor.CHILD_PROTECTION, ComplexityFactor.STREET_GANGS}

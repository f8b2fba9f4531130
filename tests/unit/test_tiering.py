"""TIER-1 tables at every band boundary, each input missing in turn, exact Decimal bands."""

from decimal import Decimal

import pytest

from domain.core.enums import MappaLevel, RoshLevel
from domain.risk.tiering import (
    PROTECT_BANDS,
    ChangeLevel,
    ComplexityFactor,
    Need,
    NeedSeverity,
    ProtectLevel,
    TierInputs,
    band,
    calculate,
    complexity_from,
)


def inputs(**overrides) -> TierInputs:
    base = dict(rosh=RoshLevel.LOW, serious_recidivism_score=None, mappa_level=None, complexity_factors=frozenset(),
                reoffending_score=Decimal("0"), needs={}, mandate_for_change=True)
    return TierInputs(**{**base, **overrides})


@pytest.mark.parametrize("rosh, level, points", [
    (RoshLevel.LOW, ProtectLevel.D, 0), (RoshLevel.MEDIUM, ProtectLevel.C, 10),
    (RoshLevel.HIGH, ProtectLevel.B, 20), (RoshLevel.VERY_HIGH, ProtectLevel.A, 30)])
def test_tier_1_rosh_points_and_protect_bands(rosh, level, points):
    result = calculate(inputs(rosh=rosh))
    assert (result.protect, result.protect_points) == (level, points)


@pytest.mark.parametrize("score, points", [
    ("0", 0), ("2.99", 0), ("2.999999", 0), ("3", 10), ("3.00", 10), ("6.99", 10), ("6.995", 10), ("6.9999", 10),
    ("7", 20), ("99.99", 20), ("99.995", 20), ("100", 20)])
def test_tier_1_serious_recidivism_bands_are_exact_and_gap_free(score, points):
    assert calculate(inputs(serious_recidivism_score=Decimal(score))).breakdown["seriousRecidivism"] == points


def test_tier_1_risk_points_take_the_higher_of_rosh_and_serious_recidivism():
    assert calculate(inputs(rosh=RoshLevel.MEDIUM, serious_recidivism_score=Decimal("7"))).protect_points == 20
    assert calculate(inputs(rosh=RoshLevel.VERY_HIGH, serious_recidivism_score=Decimal("7"))).protect_points == 30


@pytest.mark.parametrize("mappa, points", [(None, 0), (MappaLevel.LEVEL_1, 5), (MappaLevel.LEVEL_2, 30), (MappaLevel.LEVEL_3, 30)])
def test_tier_1_mappa_points(mappa, points):
    assert calculate(inputs(mappa_level=mappa)).breakdown["mappa"] == points


@pytest.mark.parametrize("factors, protect_points, protect", [
    (4, 8, ProtectLevel.D), (5, 10, ProtectLevel.C),  # 9 -> 10 is the C boundary
])
def test_tier_1_complexity_two_points_each(factors, protect_points, protect):
    chosen = frozenset(list(ComplexityFactor)[1:1 + factors])  # skip IOM
    result = calculate(inputs(complexity_factors=chosen))
    assert (result.protect_points, result.protect) == (protect_points, protect)


@pytest.mark.parametrize("points, level", [(9, ProtectLevel.D), (10, ProtectLevel.C), (19, ProtectLevel.C),
                                           (20, ProtectLevel.B), (29, ProtectLevel.B), (30, ProtectLevel.A)])
def test_tier_1_protect_band_boundaries(points, level):
    assert band(points, PROTECT_BANDS) is level


@pytest.mark.parametrize("needs_points, reoffending, level", [
    (9, "0", ChangeLevel.ONE), (10, "0", ChangeLevel.TWO), (19, "0", ChangeLevel.TWO), (20, "0", ChangeLevel.THREE),
    (0, "99.9", ChangeLevel.ONE), (0, "100", ChangeLevel.TWO), (5, "49.99", ChangeLevel.ONE), (5, "50", ChangeLevel.TWO)])
def test_tier_1_change_bands(needs_points, reoffending, level):
    severe = dict.fromkeys([Need.ACCOMMODATION, Need.RELATIONSHIPS, Need.DRUG_MISUSE, Need.ALCOHOL_MISUSE,
                            Need.LIFESTYLE_AND_ASSOCIATES, Need.EDUCATION_TRAINING_AND_EMPLOYABILITY], NeedSeverity.SEVERE)
    needs = {}
    remaining = needs_points
    for need in [Need.THINKING_AND_BEHAVIOUR, Need.ATTITUDES]:  # weighting 2, severe = 4
        if remaining >= 4:
            needs[need], remaining = NeedSeverity.SEVERE, remaining - 4
    for need in severe:
        if remaining >= 2:
            needs[need], remaining = NeedSeverity.SEVERE, remaining - 2
        elif remaining == 1:
            needs[need], remaining = NeedSeverity.STANDARD, 0
    result = calculate(inputs(needs=needs, reoffending_score=Decimal(reoffending)))
    assert result.breakdown["needs"] == needs_points
    assert result.change is level


def test_tier_1_iom_counts_for_change_not_protect():
    result = calculate(inputs(complexity_factors=frozenset({ComplexityFactor.IOM_NOMINAL})))
    assert result.breakdown["iom"] == 2 and result.breakdown["complexity"] == 0


def test_tier_1_missing_rosh_is_missing_not_d():
    result = calculate(inputs(rosh=None))
    assert result.protect is ProtectLevel.MISSING and result.provisional and result.tier.startswith("?")


def test_tier_1_missing_needs_is_provisional_change_two():
    result = calculate(inputs(needs=None))
    assert result.change is ChangeLevel.TWO and result.provisional


def test_tier_1_missing_reoffending_score_is_provisional():
    assert calculate(inputs(reoffending_score=None)).provisional


def test_tier_1_no_mandate_for_change_is_zero():
    assert calculate(inputs(mandate_for_change=False, needs=None)).change is ChangeLevel.ZERO


def test_tier_1_a_full_example_has_an_explainable_breakdown():
    result = calculate(inputs(rosh=RoshLevel.HIGH, mappa_level=MappaLevel.LEVEL_1,
                              complexity_factors=frozenset({ComplexityFactor.CHILD_PROTECTION}),
                              needs={Need.ATTITUDES: NeedSeverity.SEVERE, Need.ACCOMMODATION: NeedSeverity.STANDARD},
                              reoffending_score=Decimal("45.5")))
    assert result.protect_points == 27 and result.change_points == 9
    assert result.breakdown == {"rosh": 20, "seriousRecidivism": 0, "mappa": 5, "complexity": 2, "needs": 5,
                                "reoffending": 4, "iom": 0}
    assert result.tier == "B1" and not result.provisional


def test_complexity_from_safeguarding_and_child_risk():
    from domain.core.enums import SafeguardingKind

    factors = complexity_from([SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.DOMESTIC_ABUSE],
                              [ComplexityFactor.STREET_GANGS], RoshLevel.MEDIUM)
    assert factors == {ComplexityFactor.CHILD_PROTECTION, ComplexityFactor.STREET_GANGS, ComplexityFactor.RISK_TO_CHILDREN}

"""TIER-1: the written form of a tier, which the caseload filter accepts (domain.risk.tier_codes)."""

import pytest

from domain.risk import tier_codes
from domain.risk.tiering import ChangeLevel, ProtectLevel, TierResult


@pytest.mark.parametrize("code", ["A0", "A1S", "B2", "C3", "D0S", "?2", "A?", "??", "??S", "N/A"])
def test_tier_1_tier_codes_are_accepted(code):
    assert tier_codes.is_tier_code(code)


@pytest.mark.parametrize("code", ["Z9", "E1", "B4", "b2", "B2 ", " B2", "B", "2", "B2SS", "n/a", "NA", "", "A1s"])
def test_tier_1_other_text_is_not_a_tier(code):
    assert not tier_codes.is_tier_code(code)


def test_tier_1_every_tier_the_calculation_writes_is_a_tier_code():
    for protect in ProtectLevel:
        for change in ChangeLevel:
            for unsupervised in (False, True):
                result = TierResult(protect=protect, change=change, provisional=False, protect_points=0,
                                    change_points=0, unsupervised=unsupervised)
                assert tier_codes.is_tier_code(result.tier), result.tier


def test_tier_1_the_values_that_are_not_tiers_are_named_in_order():
    assert tier_codes.not_tier_codes(["B2", "Z9", "N/A", "b1"]) == ["Z9", "b1"]

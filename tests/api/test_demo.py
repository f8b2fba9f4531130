"""The run command's demo cases load through the use cases (so every rule applies to them) and
show the standards at work."""

from api.demo import DEMO_ACTOR, load_demo_cases
from domain.records import use_cases as records
from domain.records.commands import CaseQuery


async def test_demo_cases_load_and_show_a_mix_of_standards(uow, clock):
    loaded = await load_demo_cases(uow, clock)
    assert loaded == ["D000001", "D000002", "D000003", "D000004", "D000005", "D000006", "D000007"]
    report = await records.standards_report(uow, DEMO_ACTOR, CaseQuery(), clock.today())
    assert report.cases == 7
    states = {state for _, _, counts in report.rows() for state, n in counts.items() if n}
    assert len(states) >= 3, states


async def test_every_demo_tier_is_explained_by_its_breakdown_and_rule_version(uow, clock):
    from domain.risk.tiering import RULE_VERSION

    tiers = {}
    for crn in await load_demo_cases(uow, clock):
        tier = (await records.get(uow, DEMO_ACTOR, crn)).tier
        points = tier.breakdown
        assert tier.rule_version == RULE_VERSION and tier.explanation
        assert tier.protect_points == (max(points.get("rosh", 0), points["seriousRecidivism"]) + points["mappa"]
                                       + points["complexity"] + points["additionalFactorsForWomen"])
        assert tier.change_points == points.get("needs", 0) + points.get("reoffending", 0) + points.get("iom", 0)
        assert (tier.range is not None) is tier.provisional
        tiers[crn] = (tier.tier, tier.range)
    assert tiers == {"D000001": ("D1", None), "D000002": ("B2", None), "D000003": ("A2", None),
                     "D000004": ("??", "A–D, RoSH missing; 1–3, needs assessment and reoffending score missing"),
                     "D000005": ("C1", None), "D000006": ("C0", None), "D000007": ("B1", None)}

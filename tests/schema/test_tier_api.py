"""TIER-1 (hmpps-tier-v2.2026) through GraphQL: ranges and missing inputs, the women's-factor
answers on the needs assessment, the rule version on every history entry, recalculation after a
rule version change (use case and CLI), and RSR's "no score" marker."""

from datetime import datetime

from api.__main__ import main
from api.settings import Settings
from api.tiers import recalculate_all
from domain.core.calendar import LONDON
from domain.core.ports import FixedClock
from domain.risk import tiering
from domain.risk import use_cases as risk
from tests.conftest import ADD_SENTENCE, MAPPA, ROSH, community_order_input, create_case

CRN = "X123456"
TIER = """query($crn: String!) { case(crn: $crn) { tier { tier protectLevel changeLevel provisional range
    possibleProtectLevels possibleChangeLevels unsupervised protectPoints changePoints ruleVersion reason
    missingInputs { input axis outcomes { value levels } } breakdown { name points } explanation
    inputs { female previousEnforcement parentingResponsibilities impulsivity temperControl activeSentence unsupervised } }
    tierHistory { tier ruleVersion reason } } }"""
NEEDS = """mutation($input: RecordNeedsAssessmentInput!) { recordNeedsAssessment(input: $input) {
    case { needsAssessments { parentingResponsibilities impulsivity temperControl } tier { tier } }
    userErrors { field code message } } }"""
RAR_ORDER = {"requirements": [{"type": "REHABILITATION_ACTIVITY", "days": 10}]}


async def tier(gql, crn=CRN):
    return (await gql(TIER, {"crn": crn}))["case"]


async def order(gql, crn=CRN, **overrides):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(crn, **{**RAR_ORDER, **overrides})})
    assert data["addSentence"]["userErrors"] == []


async def test_tier_1_missing_rosh_and_needs_give_a_range_then_mappa_fixes_protect_a(gql):
    await create_case(gql, CRN)
    await order(gql)
    found = (await tier(gql))["tier"]
    assert (found["tier"], found["protectLevel"], found["changeLevel"], found["provisional"]) == ("??", "MISSING", "MISSING", True)
    assert found["range"] == "A–D, RoSH missing; 1–3, needs assessment and reoffending score missing"
    assert found["possibleProtectLevels"] == ["A", "B", "C", "D"] and found["possibleChangeLevels"] == ["ONE", "TWO", "THREE"]
    rosh = next(m for m in found["missingInputs"] if m["input"] == "ROSH")
    assert rosh["axis"] == "PROTECT" and rosh["outcomes"][-1] == {"value": "VERY_HIGH", "levels": "A"}
    await gql(MAPPA, {"input": {"crn": CRN, "category": "CATEGORY_2", "level": "LEVEL_2", "registeredOn": "2026-11-03",
                                "visorRecorded": True, "visorReference": "V1"}})
    found = (await tier(gql))["tier"]
    # A case that was ?n only because RoSH was missing: MAPPA level 2 is A whatever the RoSH.
    assert (found["tier"], found["protectLevel"]) == ("A?", "A")
    assert found["range"] == "1–3, needs assessment and reoffending score missing"
    assert [m["input"] for m in found["missingInputs"]] == ["NEEDS_ASSESSMENT", "REOFFENDING_SCORE"]
    data = await gql(NEEDS, {"input": {"crn": CRN, "assessedOn": "2026-11-04", "needs": []}})
    assert data["recordNeedsAssessment"]["case"]["tier"]["tier"] == "A?"  # OGRS still missing: 0-10 points, 1 or 2
    assert (await tier(gql))["tier"]["range"] == "1–2, reoffending score missing"
    await gql(ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-11-05", "rationale": "r",
                               "reoffendingScore": "21"}})
    found = (await tier(gql))["tier"]
    assert (found["tier"], found["provisional"], found["range"], found["missingInputs"]) == ("A1", False, None, [])
    assert found["ruleVersion"] == tiering.RULE_VERSION


async def test_tier_1_womens_answers_are_recorded_and_score_for_a_woman(gql):
    await create_case(gql, CRN, gender="FEMALE")
    await order(gql)
    await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-05", "rationale": "r",
                               "reoffendingScore": "10"}})
    data = await gql(NEEDS, {"input": {"crn": CRN, "assessedOn": "2026-11-06", "needs": [],
                                       "parentingResponsibilities": True, "impulsivity": "SOME_PROBLEMS",
                                       "temperControl": "NO_PROBLEMS"}})
    assert data["recordNeedsAssessment"]["userErrors"] == []
    assert data["recordNeedsAssessment"]["case"]["needsAssessments"] == [
        {"parentingResponsibilities": True, "impulsivity": "SOME_PROBLEMS", "temperControl": "NO_PROBLEMS"}]
    found = (await tier(gql))["tier"]
    assert {b["name"]: b["points"] for b in found["breakdown"]}["additionalFactorsForWomen"] == 4
    assert found["tier"] == "D1" and found["inputs"]["female"] is True and found["inputs"]["impulsivity"] == "SOME_PROBLEMS"


async def test_tier_1_unanswered_womens_questions_leave_a_range(gql):
    await create_case(gql, CRN, gender="FEMALE")
    await order(gql)
    for factor in ("MENTAL_HEALTH", "STREET_GANGS", "TERRORISM", "ADULT_AT_RISK"):  # 8 points
        await gql("""mutation($input: RegisterComplexityFactorInput!) { registerComplexityFactor(input: $input) {
            userErrors { field } } }""", {"input": {"crn": CRN, "factor": factor, "startedOn": "2026-11-02"}})
    await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-05", "rationale": "r",
                               "reoffendingScore": "10"}})
    await gql(NEEDS, {"input": {"crn": CRN, "assessedOn": "2026-11-06", "needs": []}})
    found = (await tier(gql))["tier"]
    assert found["tier"] == "?1" and found["range"].startswith("C–D, parenting responsibilities answer")


async def test_tier_1_no_active_sentence_is_n_a_and_every_history_entry_names_its_rule_version(gql):
    await create_case(gql, CRN)
    found = await tier(gql)
    assert found["tier"]["tier"] == "N/A" and found["tier"]["inputs"]["activeSentence"] is False
    await order(gql)
    found = await tier(gql)
    assert [h["ruleVersion"] for h in found["tierHistory"]] == [tiering.RULE_VERSION] * 2
    assert [h["reason"] for h in found["tierHistory"]] == ["add sentence", "Case opened"]


async def stale(store, crn):
    """A stored case whose tier was produced by the superseded rule version."""
    case = await store.cases.get(crn)
    case.tier = case.tier.model_copy(update={"rule_version": tiering.SUPERSEDED_RULE_VERSIONS[0]})
    assert await store.cases.replace(case, expected_version=case.version)


async def test_tier_1_rule_version_change_recalculates_every_case_with_reason_rules_changed(gql, uow, store, admin):
    for crn in ("A000001", "B000002", "C000003"):
        await create_case(gql, crn)
        await order(gql, crn)
    await gql("""mutation { restrictCase(input: {crn: "C000003", allowedSubjects: ["someone-else"]}) { userErrors { code } } }""")
    for crn in ("A000001", "C000003"):
        await stale(store, crn)
    counts = await risk.recalculate_tiers(uow, admin)
    assert counts == {"cases": 3, "recalculated": 2, "failed": 0}  # the restricted case too
    history = (await tier(gql, "A000001"))["tierHistory"]
    assert history[0] == {"tier": "??", "ruleVersion": tiering.RULE_VERSION, "reason": "RULES_CHANGED"}
    assert (await risk.recalculate_tiers(uow, admin))["recalculated"] == 0  # nothing changed since


async def test_tier_1_recalculation_is_for_administrators_only(gql, uow, store, practitioner):
    await create_case(gql, CRN)
    await stale(store, CRN)
    assert await risk.recalculate_tiers(uow, practitioner) == {"cases": 0, "recalculated": 0, "failed": 0}
    assert (await store.cases.get(CRN)).tier.rule_version != tiering.RULE_VERSION


async def test_tier_1_cli_recalculates_through_the_same_use_case(gql, store):
    await create_case(gql, CRN)
    await stale(store, CRN)
    clock = FixedClock(datetime(2026, 11, 21, 9, tzinfo=LONDON))
    assert await recalculate_all(Settings(), clock, store=store) == {"cases": 1, "recalculated": 1, "failed": 0}
    assert (await store.cases.get(CRN)).tier.reason == "RULES_CHANGED"


def test_tier_1_cli_command_runs_and_reports_its_counts(capsys, monkeypatch):
    monkeypatch.delenv("MONGODB_URI", raising=False)
    main(["tiers", "recalculate"])  # on an (empty) embedded store
    captured = capsys.readouterr()
    assert f"Rule version {tiering.RULE_VERSION}: 0 cases read, 0 recalculated, 0 failed." in captured.out
    assert "empty embedded store" in captured.err


async def test_tier_1_rsr_no_score_marker_is_accepted_and_scores_nothing(gql):
    await create_case(gql, CRN)
    await order(gql)
    ok = await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-05", "rationale": "r",
                                    "seriousRecidivismScore": "999.99"}})
    assert ok["recordRoshAssessment"]["userErrors"] == []
    assert {b["name"]: b["points"] for b in (await tier(gql))["tier"]["breakdown"]}["seriousRecidivism"] == 0
    for bad in ("999.98", "100.01", "1000"):
        refused = await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-05", "rationale": "r",
                                             "seriousRecidivismScore": bad}})
        assert refused["recordRoshAssessment"]["userErrors"][0]["field"] == ["input", "seriousRecidivismScore"]

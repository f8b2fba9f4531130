"""Tighter types (issue 16.5): inputs a rule always requires are required by the schema, a tier filter
value that is not a tier is refused, Decimal has one written form both ways, and the error-code enum
is named UserErrorCode as the contract says."""

import pytest

from tests.conftest import ALLOCATE, ROSH, TRANSFER, community_order_input, create_case
from tests.schema.test_bad_inputs import snapshot

CRN = "X123456"
CASES = """query($tiers: [String!]) { cases(first: 10, filter: { tiers: $tiers }) { totalCount edges { node { crn } } } }"""
SCORES = """query { case(crn: "X123456") { rosh { reoffendingScore seriousRecidivismScore }
                                      tier { inputs { reoffendingScore seriousRecidivismScore } } } }"""


async def refused_by_the_schema(gql, store, mutation, variables) -> list:
    """The operation is refused before it runs: a top-level error, no data, nothing written."""
    before = await snapshot(store)
    result = await gql(mutation, variables, expect_errors=True)
    assert result["data"] is None
    assert await snapshot(store) == before
    return result["errors"]


@pytest.fixture
async def allocated(gql):
    await create_case(gql, CRN)
    data = await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1"},
                                          "allocatedOn": "2026-11-10", "rationale": "Allocated by RoSH band"}})
    assert data["allocateCase"]["userErrors"] == []
    return CRN


async def test_alloc_2_a_transfer_without_an_officer_is_refused_by_the_schema(gql, store, allocated):
    for variables in ({"crn": CRN, "provider": "NPS", "officer": None, "transferredOn": "2026-11-12",
                       "rationale": "Officer left"},
                      {"crn": CRN, "provider": "NPS", "transferredOn": "2026-11-12", "rationale": "Officer left"}):
        [error] = await refused_by_the_schema(gql, store, TRANSFER, {"input": variables})
        assert "officer" in error.message and error.extensions["code"] == "BAD_USER_INPUT"


async def test_rec_2_an_allocation_without_a_rationale_is_refused_by_the_schema_and_a_blank_one_by_the_rule(gql, store):
    await create_case(gql, CRN)
    base = {"crn": CRN, "provider": "NPS", "officer": {"code": "N1"}, "allocatedOn": "2026-11-10"}
    [error] = await refused_by_the_schema(gql, store, ALLOCATE, {"input": base})
    assert "required field 'rationale'" in error.message and error.extensions["code"] == "BAD_USER_INPUT"
    blank = await gql(ALLOCATE, {"input": {**base, "rationale": "  "}})
    assert [(e["field"], e["code"], e["standard"]) for e in blank["allocateCase"]["userErrors"]] == [
        (["input", "rationale"], "STANDARD_VIOLATION", "REC-2")]


async def test_plan_1_the_rosh_level_identified_is_required_by_the_schema(gql):
    result = await gql("""query { __type(name: "RecordPlanInput") { inputFields { name type { kind ofType { name } } } } }""")
    fields = {f["name"]: f["type"] for f in result["__type"]["inputFields"]}
    assert fields["roshLevelIdentified"] == {"kind": "NON_NULL", "ofType": {"name": "RoshLevel"}}


@pytest.mark.parametrize("tiers", [["Z9"], ["b2"], ["B2", "B4"], ["E1"], ["B2 "], ["NA"], [""]])
async def test_tier_1_a_filter_value_that_is_not_a_tier_is_a_user_error(gql, tiers):
    await create_case(gql, CRN)
    result = await gql(CASES, {"tiers": tiers}, expect_errors=True)
    [error] = result["errors"]
    assert error.extensions["code"] == "BAD_USER_INPUT"
    assert "filter.tiers" in error.message and "not a tier" in error.message
    assert result["data"] is None


async def test_tier_1_every_form_of_tier_code_is_accepted_by_the_filter(gql):
    await create_case(gql, CRN)  # no sentence: N/A
    data = await gql(CASES, {"tiers": ["N/A", "A1S", "B2", "D0", "?2", "A?", "??"]})
    assert [e["node"]["crn"] for e in data["cases"]["edges"]] == [CRN] and data["cases"]["totalCount"] == 1
    assert (await gql(CASES, {"tiers": ["B2"]}))["cases"]["totalCount"] == 0


async def record_scores(gql, reoffending, serious):
    from tests.conftest import ADD_SENTENCE
    await gql(ADD_SENTENCE, {"input": community_order_input(CRN)})
    return await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "riskToChildren": "LOW", "assessedOn": "2026-11-02",
                                      "rationale": "Assessed", "reoffendingScore": reoffending,
                                      "seriousRecidivismScore": serious}})


async def test_tier_1_a_decimal_is_a_string_both_ways(gql):
    await create_case(gql, CRN)
    data = await record_scores(gql, "45.50", "999.99")
    assert data["recordRoshAssessment"]["userErrors"] == []
    read = (await gql(SCORES))["case"]
    assert read["rosh"] == {"reoffendingScore": "45.50", "seriousRecidivismScore": "999.99"}
    assert read["tier"]["inputs"] == {"reoffendingScore": "45.50", "seriousRecidivismScore": "999.99"}


async def test_tier_1_a_number_is_still_read_by_its_decimal_text_never_through_a_float(gql):
    await create_case(gql, CRN)
    data = await record_scores(gql, 12.34, 7)  # deprecated form: JSON numbers
    assert data["recordRoshAssessment"]["userErrors"] == []
    assert (await gql(SCORES))["case"]["rosh"] == {"reoffendingScore": "12.34", "seriousRecidivismScore": "7"}


@pytest.mark.parametrize("value", ["NaN", "Infinity", "1e2", "12,5", "", True, "4.5.1"])
async def test_a_decimal_that_is_not_plain_decimal_text_is_refused_before_anything_runs(gql, store, value):
    await create_case(gql, CRN)
    before = await snapshot(store)
    result = await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "riskToChildren": "LOW", "assessedOn": "2026-11-02",
                                        "rationale": "Assessed", "reoffendingScore": value}}, expect_errors=True)
    [error] = result["errors"]
    assert "Decimal" in error.message and error.extensions["code"] == "BAD_USER_INPUT" and result["data"] is None
    assert await snapshot(store) == before


async def test_the_error_code_enum_is_named_user_error_code_as_the_contract_says(gql):
    result = await gql("""query { __type(name: "UserError") { fields { name type { ofType { name kind } } } }
                                  old: __type(name: "ErrorCode") { name } }""")
    code = next(f for f in result["__type"]["fields"] if f["name"] == "code")
    assert code["type"]["ofType"] == {"name": "UserErrorCode", "kind": "ENUM"}
    assert result["old"] is None


async def test_tier_1_a_decimal_literal_in_the_document_reads_the_same_as_a_variable(gql):
    from tests.conftest import ADD_SENTENCE
    await create_case(gql, CRN)
    await gql(ADD_SENTENCE, {"input": community_order_input(CRN)})
    for literal, stored in (('"45.50"', "45.50"), ("12.34", "12.34")):
        data = await gql("""mutation { recordRoshAssessment(input: { crn: "X123456", level: LOW, riskToChildren: LOW,
            assessedOn: "2026-11-02", rationale: "Assessed", reoffendingScore: %s }) { userErrors { code } } }""" % literal)
        assert data["recordRoshAssessment"]["userErrors"] == []
        assert (await gql(SCORES))["case"]["rosh"]["reoffendingScore"] == stored

"""Every error in one round (issue 16.7): a mutation reports its shape and rule violations together,
and one standard's refusal of one kind always carries one code."""

from tests.conftest import ADD_SENTENCE, ALLOCATE, community_order_input, create_case
from tests.schema.test_bad_inputs import assert_refused

CRN = "X123456"


def found(errors):
    return sorted((tuple(e["field"] or ()), e["code"], e["standard"]) for e in errors)


async def test_req_upw_1_is_reported_beside_another_requirements_shape_error(gql, store):
    # The example: only the CURFEW shape error came back; REQ-UPW-1 appeared after resubmitting.
    await create_case(gql, CRN)
    errors = await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(
        CRN, requirements=[{"type": "UNPAID_WORK", "hours": 10}, {"type": "CURFEW"}])},
        field=["input", "requirements", "0", "hours"], code="STANDARD_VIOLATION", standard="REQ-UPW-1")
    assert found(errors) == [
        (("input", "requirements", "0", "hours"), "STANDARD_VIOLATION", "REQ-UPW-1"),
        (("input", "requirements", "1", "hours"), "INVALID_INPUT", None),
        (("input", "requirements", "1", "lengthMonths"), "INVALID_INPUT", None),
    ]


async def test_req_exc_1_and_a_sentence_shape_error_come_in_one_round(gql, store):
    await create_case(gql, CRN)
    errors = await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(
        CRN, lengthMonths=40, requirements=[{"type": "EXCLUSION", "lengthMonths": 30, "details": "Leeds"}])},
        field=["input", "lengthMonths"], code="INVALID_INPUT")
    assert (("input", "requirements", "0", "lengthMonths"), "STANDARD_VIOLATION", "REQ-EXC-1") in found(errors)


async def test_req_upw_1_a_requirement_with_a_shape_error_is_not_also_judged_by_the_rules(gql, store):
    await create_case(gql, CRN)
    errors = await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(
        CRN, requirements=[{"type": "UNPAID_WORK", "hours": 10, "days": 3}])},
        field=["input", "requirements", "0", "days"], code="INVALID_INPUT")
    assert found(errors) == [(("input", "requirements", "0", "days"), "INVALID_INPUT", None)]


async def test_alloc_2_allocating_an_allocated_case_is_a_standard_violation_like_its_other_refusals(gql, store):
    await create_case(gql, CRN)
    allocate = {"crn": CRN, "provider": "NPS", "officer": {"code": "N1"}, "allocatedOn": "2026-11-10",
                "rationale": "Allocated by RoSH band"}
    assert (await gql(ALLOCATE, {"input": allocate}))["allocateCase"]["userErrors"] == []
    errors = await assert_refused(gql, store, ALLOCATE, {"input": {**allocate, "officer": {"code": "N2"}}},
                                  field=["input", "crn"], code="STANDARD_VIOLATION", standard="ALLOC-2")
    assert all(e["code"] == "STANDARD_VIOLATION" for e in errors if e["standard"] == "ALLOC-2")

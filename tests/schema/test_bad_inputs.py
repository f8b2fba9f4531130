"""Every bad input gets a clear user error pointing at the field (or, for what GraphQL itself
types, a validation error) and writes nothing."""

import pytest

from tests.conftest import (
    ADD_SENTENCE,
    ALLOCATE,
    CREATE_CASE,
    ROSH,
    TRANSFER,
    community_order_input,
    create_case,
    everything,
    offender_input,
)


async def snapshot(store) -> dict[str, list[dict]]:
    """Every document of every collection (cases, audit, claims, tier history, victims, officers...):
    "nothing written" compares these before and after, so a stray audit event or claim counts too."""
    return await everything(store)


@pytest.fixture
async def existing(gql):
    await create_case(gql, "X123456")
    return "X123456"


async def assert_refused(gql, store, mutation, variables, *, field, code, standard=None):
    before = await snapshot(store)
    data = await gql(mutation, variables)
    payload = next(iter(data.values()))
    assert payload["case"] is None
    errors = payload["userErrors"]
    assert {"field": field, "code": code, "standard": standard} in [
        {k: e[k] for k in ("field", "code", "standard")} for e in errors], errors
    assert all(e["message"] for e in errors)
    assert await snapshot(store) == before, "a refused mutation must write nothing"
    return errors


@pytest.mark.parametrize("crn", ["x123456", "X12345", "X1234567", "AB12345", " X123456", "123456X"])
async def test_malformed_crn_is_refused(gql, store, crn):
    await assert_refused(gql, store, CREATE_CASE, {"input": {"crn": crn, "offender": offender_input()}},
                         field=["input", "crn"], code="INVALID_INPUT")


async def test_duplicate_crn_is_refused(gql, store, existing):
    await assert_refused(gql, store, CREATE_CASE, {"input": {"crn": existing, "offender": offender_input(forename="Other")}},
                         field=["input", "crn"], code="DUPLICATE")


async def test_blank_forename_is_refused(gql, store):
    await assert_refused(gql, store, CREATE_CASE, {"input": {"crn": "X000001", "offender": offender_input(forename="  ")}},
                         field=["input", "offender", "forename"], code="INVALID_INPUT")


async def test_unknown_enum_value_is_a_graphql_validation_error_and_writes_nothing(gql, store, existing):
    before = await snapshot(store)
    result = await gql(ADD_SENTENCE, {"input": community_order_input(existing, type="COMMUNITY_SERVICE")},
                       expect_errors=True)
    assert result["data"] is None
    assert "COMMUNITY_SERVICE" in result["errors"][0].message
    assert await snapshot(store) == before


async def test_missing_offence_is_a_graphql_validation_error_and_writes_nothing(gql, store, existing):
    before = await snapshot(store)
    variables = community_order_input(existing)
    del variables["offence"]
    result = await gql(ADD_SENTENCE, {"input": variables}, expect_errors=True)
    assert "offence" in result["errors"][0].message
    assert await snapshot(store) == before


async def test_blank_offence_description_is_refused(gql, store, existing):
    offence = {"description": " ", "category": "ACQUISITIVE", "committedOn": "2026-08-01"}
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(existing, offence=offence)},
                         field=["input", "offence", "description"], code="INVALID_INPUT")


async def test_offence_after_sentence_is_refused(gql, store, existing):
    offence = {"description": "Theft", "category": "ACQUISITIVE", "committedOn": "2026-11-03"}
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(existing, offence=offence)},
                         field=["input", "offence", "committedOn"], code="INVALID_INPUT")


async def test_release_before_sentence_date_is_refused(gql, store, existing):
    variables = community_order_input(existing, type="LICENCE", imposedOn="2026-01-10", lengthMonths=24,
                                      custodialTermMonths=24, releaseDate="2026-01-09", requirements=[],
                                      offence={"description": "Robbery", "category": "ACQUISITIVE",
                                               "committedOn": "2025-06-01"})
    await assert_refused(gql, store, ADD_SENTENCE, {"input": variables},
                         field=["input", "releaseDate"], code="INVALID_INPUT")


async def test_transfer_dated_before_the_allocation_is_refused(gql, store, existing):
    await gql(ALLOCATE, {"input": {"crn": existing, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-10", "rationale": "Allocated by RoSH band"}})
    await assert_refused(gql, store, TRANSFER, {"input": {"crn": existing, "provider": "NPS",
                                                          "officer": {"code": "N2", "name": "Two"},
                                                          "transferredOn": "2026-11-09", "rationale": "Move"}},
                         field=["input", "transferredOn"], code="INVALID_INPUT")


async def test_missing_requirement_parameter_points_at_it_and_writes_nothing(gql, store, existing):
    requirements = [{"type": "UNPAID_WORK", "hours": 100}, {"type": "REHABILITATION_ACTIVITY"}]
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(existing, requirements=requirements)},
                         field=["input", "requirements", "1", "days"], code="INVALID_INPUT")


async def test_stale_expected_version_is_a_version_conflict_and_writes_nothing(gql, store, existing):
    await gql(ADD_SENTENCE, {"input": community_order_input(existing)})  # now at version 2
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(existing, expectedVersion=1)},
                         field=["input", "expectedVersion"], code="VERSION_CONFLICT")


async def test_mutation_on_unknown_crn_is_not_found(gql, store):
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input("Z999999")},
                         field=["input", "crn"], code="NOT_FOUND")


async def test_alloc_2_transfer_with_a_blank_officer_code_is_refused(gql, store, existing):
    # Without an officer at all the schema refuses it (tests/schema/test_tighter_types.py).
    await gql(ALLOCATE, {"input": {"crn": existing, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-10", "rationale": "Allocated by RoSH band"}})
    await assert_refused(gql, store, TRANSFER, {"input": {"crn": existing, "provider": "NPS", "officer": {"code": " "},
                                                          "transferredOn": "2026-11-12", "rationale": "Officer left"}},
                         field=["input", "officer", "code"], code="INVALID_INPUT")


async def test_rec_2_transfer_without_rationale_is_refused(gql, store, existing):
    await gql(ALLOCATE, {"input": {"crn": existing, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-10", "rationale": "Allocated by RoSH band"}})
    await assert_refused(gql, store, TRANSFER, {"input": {"crn": existing, "provider": "NPS",
                                                          "officer": {"code": "N2", "name": "Two"},
                                                          "transferredOn": "2026-11-12", "rationale": ""}},
                         field=["input", "rationale"], code="STANDARD_VIOLATION", standard="REC-2")


async def test_rosh_assessment_in_the_future_is_refused(gql, store, existing):
    await assert_refused(gql, store, ROSH, {"input": {"crn": existing, "level": "LOW", "assessedOn": "2026-11-21",
                                                      "rationale": "r"}},
                         field=["input", "assessedOn"], code="INVALID_INPUT")


async def test_one_bad_requirement_among_good_ones_writes_no_sentence(gql, store, existing):
    requirements = [{"type": "UNPAID_WORK", "hours": 100}, {"type": "EXCLUSION", "lengthMonths": 6}]
    errors = await assert_refused(gql, store, ADD_SENTENCE,
                                  {"input": community_order_input(existing, requirements=requirements)},
                                  field=["input", "requirements", "1", "details"], code="INVALID_INPUT")
    assert len(errors) == 1

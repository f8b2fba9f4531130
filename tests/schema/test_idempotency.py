"""Honest idempotency (docs/storage.md): every case-changing mutation takes ``clientMutationId``; a
retry with the same key and input replays the first result and writes nothing; the same key with
other input is IDEMPOTENCY_KEY_REUSED; keys expire by time, not by count; ``createCase`` refuses a
second case for a person already on record by PNC number (DUPLICATE_PERSON)."""

from datetime import timedelta

import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.settings import Settings
from domain.core.unit_of_work import MAX_IDEMPOTENCY_KEY_LENGTH
from tests.conftest import ADD_SENTENCE, ALLOCATE, CREATE_CASE, community_order_input, create_case, offender_input
from tests.repositories.test_partial_writes import everything

ALLOCATE_KEYED = """
mutation($input: AllocateCaseInput!) {
  allocateCase(input: $input) { case { version allocationHistory { officer { code } } }
                                allocation { officer { code } allocatedOn } userErrors { field code message } }
}"""
EVALUATE = """
mutation($input: CompleteEvaluationInput!) {
  completeEvaluation(input: $input) { case { version } evaluation { completedOn summary } userErrors { field code message } }
}"""
FACTOR = """
mutation($input: RegisterComplexityFactorInput!) {
  registerComplexityFactor(input: $input) { case { version complexityFactors { factor } } userErrors { field code message } }
}"""
CREATE_KEYED = """
mutation($input: CreateCaseInput!) {
  createCase(input: $input) { case { crn version offender { pncNumber } } userErrors { field code message } }
}"""


def allocation(key: str | None = "alloc-1", code: str = "N1") -> dict:
    return {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": code},
                      "allocatedOn": "2026-11-19", "rationale": "Nearest office", "clientMutationId": key}}


async def test_a_retry_with_the_same_key_and_input_replays_the_first_result(gql, store):
    await create_case(gql)
    first = (await gql(ALLOCATE_KEYED, allocation()))["allocateCase"]
    before = await everything(store)

    again = (await gql(ALLOCATE_KEYED, allocation()))["allocateCase"]

    assert first["userErrors"] == again["userErrors"] == []
    assert again["allocation"] == first["allocation"] and again["case"] == first["case"]
    assert await everything(store) == before, "a replay writes nothing (not even an audit event)"


async def test_a_record_without_an_id_is_replayed_too(gql):
    await create_case(gql)
    sentence = (await gql(ADD_SENTENCE, {"input": community_order_input(
        "X123456", imposedOn="2026-01-02", offence={"description": "Theft", "category": "ACQUISITIVE",
                                                    "committedOn": "2025-12-01"})}))
    sentence_id = sentence["addSentence"]["sentence"]["id"]
    variables = {"input": {"crn": "X123456", "sentenceId": sentence_id, "completedOn": "2026-11-20",
                           "summary": "Good progress.", "clientMutationId": "eval-1"}}
    first = (await gql(EVALUATE, variables))["completeEvaluation"]
    again = (await gql(EVALUATE, variables))["completeEvaluation"]
    assert first["userErrors"] == [] and again == first


async def test_the_same_key_with_different_input_is_refused_and_nothing_is_written(gql, store):
    await create_case(gql)
    await gql(ALLOCATE_KEYED, allocation())
    before = await everything(store)

    reused = (await gql(ALLOCATE_KEYED, allocation(code="N2")))["allocateCase"]

    assert [(e["code"], e["field"]) for e in reused["userErrors"]] == [("IDEMPOTENCY_KEY_REUSED", ["input", "clientMutationId"])]
    assert reused["case"] is None and reused["allocation"] is None
    assert await everything(store) == before


async def test_the_same_key_on_another_mutation_is_refused(gql):
    await create_case(gql)
    await gql(ALLOCATE_KEYED, allocation(key="k-1"))
    other = await gql(FACTOR, {"input": {"crn": "X123456", "factor": "MENTAL_HEALTH", "startedOn": "2026-11-01",
                                         "clientMutationId": "k-1"}})
    assert [e["code"] for e in other["registerComplexityFactor"]["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]


def factor(key: str) -> dict:
    return {"input": {"crn": "X123456", "factor": "MENTAL_HEALTH", "startedOn": "2026-11-01", "clientMutationId": key}}


async def test_keys_expire_by_time_not_by_count(gql, store, clock):
    await create_case(gql)
    first = (await gql(FACTOR, factor("first")))["registerComplexityFactor"]
    case = await store.cases.get("X123456")
    seen = case.idempotency[0]
    case.idempotency += [seen.model_copy(update={"key": f"other-{i}"}) for i in range(501)]  # past the old count
    case.version += 1
    assert await store.cases.replace(case, expected_version=case.version - 1)

    clock.set(clock.now() + timedelta(hours=23, minutes=59))
    retried = (await gql(FACTOR, factor("first")))["registerComplexityFactor"]
    assert retried["userErrors"] == [] and len(retried["case"]["complexityFactors"]) == 1
    assert retried["case"]["version"] == case.version, "within 24 hours: replayed, nothing written"

    clock.set(clock.now() + timedelta(minutes=2))
    expired = (await gql(FACTOR, factor("first")))["registerComplexityFactor"]
    assert expired["userErrors"] == [] and len(expired["case"]["complexityFactors"]) == 2
    stored = await store.cases.get("X123456")
    assert [r.key for r in stored.idempotency] == ["first"], "expired keys are dropped at the next write"
    assert first["case"]["version"] < expired["case"]["version"]


@pytest.mark.parametrize("key", ["", "k" * (MAX_IDEMPOTENCY_KEY_LENGTH + 1)])
async def test_a_key_outside_its_length_is_refused_and_nothing_is_written(gql, store, key):
    await create_case(gql)
    before = await everything(store)
    refused = (await gql(ALLOCATE_KEYED, allocation(key=key)))["allocateCase"]
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [("INVALID_INPUT", ["input", "clientMutationId"])]
    assert await everything(store) == before


async def test_the_window_is_a_setting_passed_into_the_unit_of_work():
    app = create_app(Settings(idempotency_window_hours=2, auth_jwt_secret="x" * 40))
    async with LifespanManager(app):
        assert app.state.uow.idempotency_window == timedelta(hours=2)


# createCase --------------------------------------------------------------------------------

def new_case(key: str | None = None, crn: str | None = None, **offender) -> dict:
    return {"input": {"crn": crn, "offender": offender_input(**offender), "clientMutationId": key}}


async def test_create_case_replays_a_retry_and_opens_one_case(gql, store):
    first = (await gql(CREATE_KEYED, new_case("open-1")))["createCase"]
    again = (await gql(CREATE_KEYED, new_case("open-1")))["createCase"]
    assert first["userErrors"] == [] and again == first
    assert await store.cases.collection.count_documents({}) == 1


async def test_create_case_refuses_a_reused_key_with_other_input(gql, store):
    await gql(CREATE_KEYED, new_case("open-1"))
    before = await everything(store)
    reused = (await gql(CREATE_KEYED, new_case("open-1", surname="Other", pncNumber=None)))["createCase"]
    assert [e["code"] for e in reused["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await everything(store) == before


async def test_a_second_case_for_a_person_on_record_names_the_existing_crn(gql, store):
    await gql(CREATE_CASE, new_case(crn="X123456", pncNumber="2010/0012345X"))
    before = await everything(store)

    second = (await gql(CREATE_CASE, new_case(crn="Y654321", pncNumber=" 2010/12345x ")))["createCase"]

    [error] = second["userErrors"]
    assert error["code"] == "DUPLICATE_PERSON" and error["field"] == ["input", "offender", "pncNumber"]
    assert "X123456" in error["message"]
    assert await everything(store) == before, "the refused case holds no claim"


async def test_a_second_case_for_a_person_the_caller_may_not_see_does_not_name_it(gql, practitioner):
    await gql(CREATE_CASE, new_case(crn="X123456", pncNumber="2010/0012345X"))
    await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "CRC", "officer": {"code": "C1"},
                                   "allocatedOn": "2026-11-19", "rationale": "CRC caseload"}})  # a CRC case: hidden from an NPS practitioner
    second = (await gql(CREATE_CASE, new_case(crn="Y654321", pncNumber="2010/0012345X"),
                        principal=practitioner))["createCase"]
    [error] = second["userErrors"]
    assert error["code"] == "DUPLICATE_PERSON" and "X123456" not in error["message"]


async def test_pnc_numbers_are_stored_in_the_standard_form_and_checked(gql):
    created = (await gql(CREATE_CASE, new_case(crn="X123456", pncNumber="2010/12345x")))["createCase"]
    assert created["case"]["offender"]["pncNumber"] == "2010/0012345X"
    malformed = (await gql(CREATE_CASE, new_case(crn="Y654321", pncNumber="not a pnc")))["createCase"]
    assert [(e["code"], e["field"]) for e in malformed["userErrors"]] == [("INVALID_INPUT", ["input", "offender", "pncNumber"])]


async def test_people_without_a_pnc_number_are_not_duplicates_of_each_other(gql):
    for crn in ("X123456", "Y654321"):
        created = (await gql(CREATE_CASE, new_case(crn=crn, pncNumber=None)))["createCase"]
        assert created["userErrors"] == []

"""The foundation's operations through ``schema.execute`` on the embedded store: create a case,
add a sentence, allocate, transfer, assess risk, register MAPPA, and read it all back."""

from domain.records import use_cases as records
from tests.conftest import (
    ADD_SENTENCE,
    ALLOCATE,
    CREATE_CASE,
    MAPPA,
    ROSH,
    TRANSFER,
    community_order_input,
    create_case,
    offender_input,
)

READ_CASE = """
query($crn: String!) {
  case(crn: $crn) {
    id crn version
    offender { forename surname dateOfBirth gender pncNumber }
    allocation { provider officer { code name } allocatedOn }
    sentences { id type imposedOn lengthMonths endDate status offence { category }
                requirements { id type hours days lengthMonths details status } }
    rosh { level assessedOn } mappa { category level visorRecorded }
    safeguarding { kind }
    created { bySubject byName at } updated { bySubject at }
  }
}"""


async def test_create_case_with_a_given_crn_and_read_it_back(gql):
    case = await create_case(gql, "X123456")
    assert case == {"crn": "X123456", "version": 1,
                    "offender": {"forename": "Alex", "surname": "Morgan", "dateOfBirth": "1990-05-17",
                                 "gender": "MALE", "pncNumber": "2010/0012345X"}}
    read = (await gql(READ_CASE, {"crn": "X123456"}))["case"]
    assert read["created"] == {"bySubject": "u-1", "byName": "Ada Admin", "at": "2026-11-20T10:00:00+00:00"}
    assert read["allocation"] is None and read["sentences"] == [] and read["rosh"] is None


async def test_create_case_generates_a_crn_when_absent(gql, uow):
    data = await gql(CREATE_CASE, {"input": {"offender": offender_input()}})
    crn = data["createCase"]["case"]["crn"]
    assert len(crn) == 7 and crn[0].isupper() and crn[1:].isdigit()
    assert (await records.get(uow, gql.principal, crn)) is not None


async def test_full_record_nested_round_trip(gql):
    await create_case(gql, "X123456")
    added = await gql(ADD_SENTENCE, {"input": community_order_input("X123456", requirements=[
        {"type": "UNPAID_WORK", "hours": 120},
        {"type": "EXCLUSION", "lengthMonths": 6, "details": "Leeds city centre"}])})
    assert added["addSentence"]["userErrors"] == []
    sentence = added["addSentence"]["sentence"]
    assert sentence["endDate"] == "2027-11-01"
    assert added["addSentence"]["case"]["version"] == 2

    allocated = await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "CRC",
                                               "officer": {"code": "C12A004", "name": "Priya Shah"},
                                               "allocatedOn": "2026-11-03", "rationale": "Allocated by RoSH band", "expectedVersion": 2}})
    assert allocated["allocateCase"]["userErrors"] == []
    assert allocated["allocateCase"]["case"]["allocation"] == {
        "provider": "CRC", "officer": {"code": "C12A004", "name": "Priya Shah"}, "allocatedOn": "2026-11-03"}

    rosh = await gql(ROSH, {"input": {"crn": "X123456", "level": "MEDIUM", "riskToChildren": "LOW",
                                      "assessedOn": "2026-11-04", "rationale": "Impulsive; no weapon."}})
    assert rosh["recordRoshAssessment"]["case"]["rosh"] == {"level": "MEDIUM", "riskToChildren": "LOW",
                                                            "assessedOn": "2026-11-04"}
    mappa = await gql(MAPPA, {"input": {"crn": "X123456", "category": "CATEGORY_2", "level": "LEVEL_1",
                                        "registeredOn": "2026-11-05", "visorRecorded": True}})
    assert mappa["registerMappa"]["userErrors"] == []

    read = (await gql(READ_CASE, {"crn": "X123456"}))["case"]
    assert read["version"] == 5
    assert [r["type"] for r in read["sentences"][0]["requirements"]] == ["UNPAID_WORK", "EXCLUSION"]
    assert read["sentences"][0]["requirements"][1]["details"] == "Leeds city centre"
    assert read["mappa"] == {"category": "CATEGORY_2", "level": "LEVEL_1", "visorRecorded": True}
    assert read["sentences"][0]["id"] == sentence["id"]


async def test_alloc_2_transfer_replaces_the_officer_in_one_write_and_keeps_history(gql):
    await create_case(gql, "X123456")
    await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-03", "rationale": "Allocated by RoSH band"}})
    data = await gql(TRANSFER, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N2", "name": "Two"},
                                          "transferredOn": "2026-11-10", "rationale": "Caseload balancing",
                                          "expectedVersion": 2}})
    payload = data["transferCase"]
    assert payload["userErrors"] == []
    assert payload["case"]["version"] == 3
    assert payload["case"]["allocation"]["officer"] == {"code": "N2", "name": "Two"}
    assert payload["case"]["allocation"]["kind"] == "TRANSFER"
    assert [(a["officer"]["code"], a["kind"]) for a in payload["case"]["allocationHistory"]] == [
        ("N1", "ALLOCATION"), ("N2", "TRANSFER")]


async def test_alloc_3_allocation_to_a_crc_refused_at_high_rosh(gql, uow):
    await create_case(gql, "X123456")
    await gql(ROSH, {"input": {"crn": "X123456", "level": "HIGH", "assessedOn": "2026-11-04", "rationale": "Weapons."}})
    data = await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "CRC", "officer": {"code": "C1", "name": "Cee"},
                                          "allocatedOn": "2026-11-05", "rationale": "Allocated by RoSH band"}})
    assert data["allocateCase"]["case"] is None
    [error] = data["allocateCase"]["userErrors"]
    assert error["code"] == "ROSH_REQUIRES_NPS" and error["standard"] == "ALLOC-3"
    assert error["field"] == ["input", "provider"]
    assert (await records.get(uow, gql.principal, "X123456")).allocations == []


async def test_the_latest_assessment_by_date_is_the_current_rosh(gql):
    await create_case(gql, "X123456")
    await gql(ROSH, {"input": {"crn": "X123456", "level": "HIGH", "assessedOn": "2026-11-10", "rationale": "a"}})
    data = await gql(ROSH, {"input": {"crn": "X123456", "level": "LOW", "assessedOn": "2026-11-01", "rationale": "late entry"}})
    assert data["recordRoshAssessment"]["case"]["rosh"]["level"] == "HIGH"


async def test_a_new_mappa_registration_supersedes_the_current_one(gql):
    await create_case(gql, "X123456")
    await gql(MAPPA, {"input": {"crn": "X123456", "category": "CATEGORY_1", "level": "LEVEL_1",
                                "registeredOn": "2026-11-01", "visorRecorded": True}})
    await gql(MAPPA, {"input": {"crn": "X123456", "category": "CATEGORY_1", "level": "LEVEL_2",
                                "registeredOn": "2026-11-05", "visorRecorded": True}})
    data = await gql("query { case(crn: \"X123456\") { mappa { level } mappaHistory { level deregisteredOn } } }")
    assert data["case"]["mappa"] == {"level": "LEVEL_2"}
    assert data["case"]["mappaHistory"] == [{"level": "LEVEL_1", "deregisteredOn": "2026-11-05"},
                                            {"level": "LEVEL_2", "deregisteredOn": None}]


async def test_unknown_crn_reads_as_null_not_an_error(gql):
    assert (await gql(READ_CASE, {"crn": "Z999999"})) == {"case": None}


async def test_node_refetches_case_sentence_and_requirement(gql):
    await create_case(gql, "X123456")
    added = await gql(ADD_SENTENCE, {"input": community_order_input("X123456")})
    case_read = await gql("query { case(crn: \"X123456\") { id sentences { id requirements { id } } } }")
    case_id = case_read["case"]["id"]
    sentence_id = case_read["case"]["sentences"][0]["id"]
    requirement_id = case_read["case"]["sentences"][0]["requirements"][0]["id"]
    assert sentence_id == added["addSentence"]["sentence"]["id"]
    query = """query($id: ID!) { node(id: $id) { __typename id
        ... on Case { crn } ... on Sentence { sentenceType: type } ... on Requirement { requirementType: type hours } } }"""
    assert (await gql(query, {"id": case_id}))["node"] == {"__typename": "Case", "id": case_id, "crn": "X123456"}
    assert (await gql(query, {"id": sentence_id}))["node"]["sentenceType"] == "COMMUNITY_ORDER"
    assert (await gql(query, {"id": requirement_id}))["node"] == {"__typename": "Requirement", "id": requirement_id,
                                                                  "requirementType": "UNPAID_WORK", "hours": 100}
    assert (await gql(query, {"id": "not-an-id"}))["node"] is None
    assert (await gql(query, {"id": "Q2FzZTpaOTk5OTk5"}))["node"] is None  # Case:Z999999

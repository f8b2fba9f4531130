"""Issue 16: ``viewer`` for every role, and the staff directory: maintained by ADMIN (every write,
and every refused one, audited), read in name-ordered pages, the source of the officer's name on
allocation and transfer, with codes compared case-insensitively everywhere."""

from __future__ import annotations

import pytest

from domain.core.enums import Agency, Provider, Role
from domain.core.principal import Principal
from tests.conftest import ALLOCATE, ROSH, TRANSFER, apart_from_audit, create_case, everything

VIEWER = "{ viewer { subject name roles provider staffCode agency officer { code name provider } } }"
REGISTER = """mutation($input: RegisterOfficerInput!) {
  registerOfficer(input: $input) { officer { code name provider active version created { bySubject } }
                                   userErrors { field code message } } }"""
UPDATE = """mutation($input: UpdateOfficerInput!) {
  updateOfficer(input: $input) { officer { code name provider active version } userErrors { field code message } } }"""
OFFICERS = """query($first: Int!, $after: String, $provider: Provider, $prefix: String, $all: Boolean) {
  officers(first: $first, after: $after, provider: $provider, nameStartsWith: $prefix, includeInactive: $all) {
    edges { cursor node { code name provider active } } pageInfo { hasNextPage endCursor } } }"""


def who(role: Role, **claims) -> Principal:
    return Principal(subject=f"{role.value.lower()}-1", name=role.value.title(), roles=frozenset({role}), **claims)


async def audit_of(store, operation: str) -> list[dict]:
    return [d async for d in store.database["audit"].find({"operation": operation}).sort("_id", 1)]


# viewer ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", list(Role))
async def test_every_role_reads_its_own_viewer(gql, role):
    claims = ({"agency": Agency.PRISON} if role is Role.PARTNER
              else {"provider": Provider.NPS, "staff_code": "n07a001"})
    data = await gql(VIEWER, principal=who(role, **claims))
    viewer = data["viewer"]
    assert (viewer["subject"], viewer["name"], viewer["roles"]) == (f"{role.value.lower()}-1", role.value.title(), [role.value])
    if role is Role.PARTNER:
        assert (viewer["agency"], viewer["provider"], viewer["staffCode"], viewer["officer"]) == ("PRISON", None, None, None)
    else:
        # The code in normal form, as allocations and the caseload filter hold it; the directory entry with it.
        assert (viewer["staffCode"], viewer["provider"], viewer["agency"]) == ("N07A001", "NPS", None)
        assert viewer["officer"] == {"code": "N07A001", "name": "Pat Practitioner", "provider": "NPS"}


async def test_a_viewer_whose_code_is_not_in_the_directory_has_no_entry(gql):
    data = await gql(VIEWER, principal=who(Role.PRACTITIONER, provider=Provider.CRC, staff_code="C99Z999"))
    assert data["viewer"]["staffCode"] == "C99Z999" and data["viewer"]["officer"] is None


# maintaining the directory --------------------------------------------------------------------

async def test_an_administrator_registers_an_officer_in_normal_form_and_it_is_audited(gql, store):
    data = await gql(REGISTER, {"input": {"code": " c77b001 ", "name": " Zoë Adams ", "provider": "CRC"}})
    assert data["registerOfficer"] == {"officer": {"code": "C77B001", "name": "Zoë Adams", "provider": "CRC", "active": True,
                                                   "version": 1, "created": {"bySubject": "u-1"}}, "userErrors": []}
    [event] = await audit_of(store, "register_officer")
    assert (event["kind"], event["target"], event["versionAfter"], event["actorSubject"]) == (
        "WRITE", "officer:C77B001", 1, "u-1")
    auditor = who(Role.AUDITOR)
    seen = await gql('{ auditEvents(first: 5) { edges { node { operation target } } } }', principal=auditor)
    assert {"operation": "register_officer", "target": "officer:C77B001"} in [
        e["node"] for e in seen["auditEvents"]["edges"]]


@pytest.mark.parametrize("variables, field, code", [
    ({"code": "n1", "name": "Another One", "provider": "NPS"}, ["input", "code"], "DUPLICATE"),  # N1, in another case
    ({"code": "N-1", "name": "Hyphen", "provider": "NPS"}, ["input", "code"], "INVALID_INPUT"),
    ({"code": "", "name": "Nobody", "provider": "NPS"}, ["input", "code"], "INVALID_INPUT"),
    ({"code": "N9", "name": "   ", "provider": "NPS"}, ["input", "name"], "INVALID_INPUT"),
    ({"code": "N9", "name": "x" * 201, "provider": "NPS"}, ["input", "name"], "INVALID_INPUT"),
])
async def test_a_bad_registration_is_a_user_error_and_writes_nothing(gql, store, variables, field, code):
    before = await everything(store)
    data = await gql(REGISTER, {"input": variables})
    payload = data["registerOfficer"]
    assert payload["officer"] is None and [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, code)]
    assert all(e["message"] for e in payload["userErrors"])
    assert await everything(store) == before


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
async def test_only_administrators_write_the_directory_and_refusals_are_audited(gql, store, role):
    before = await everything(store)
    caller = who(role, provider=Provider.NPS)
    registered = await gql(REGISTER, {"input": {"code": "N9", "name": "Nine", "provider": "NPS"}}, principal=caller)
    updated = await gql(UPDATE, {"input": {"code": "N1", "name": "Won"}}, principal=caller)
    for payload in (registered["registerOfficer"], updated["updateOfficer"]):
        assert payload["officer"] is None and [e["code"] for e in payload["userErrors"]] == ["FORBIDDEN"]
    after = await everything(store)
    assert apart_from_audit(after) == apart_from_audit(before)
    refusals = [(d["operation"], d["kind"], d["target"]) for d in after["audit"] if d not in before.get("audit", [])]
    assert refusals == [("register_officer", "REFUSAL", "officer:N9"), ("update_officer", "REFUSAL", "officer:N1")]


async def test_an_update_renames_marks_a_leaver_and_keeps_existing_allocations_as_they_were(gql, store):
    await create_case(gql, "X123456")
    await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N1"}, "allocatedOn": "2026-11-03", "rationale": "Nearest office"}})
    renamed = await gql(UPDATE, {"input": {"code": "n1", "name": "Una One", "expectedVersion": 1}})
    assert renamed["updateOfficer"] == {"officer": {"code": "N1", "name": "Una One", "provider": "NPS", "active": True,
                                                    "version": 2}, "userErrors": []}
    left = await gql(UPDATE, {"input": {"code": "N1", "active": False}})
    assert left["updateOfficer"]["officer"]["active"] is False and left["updateOfficer"]["officer"]["version"] == 3
    case = await gql('{ case(crn: "X123456") { allocation { officer { code name } } } }')
    assert case["case"]["allocation"]["officer"] == {"code": "N1", "name": "One"}  # as it was when allocated
    events = await audit_of(store, "update_officer")
    assert [(e["versionBefore"], e["versionAfter"], e["target"]) for e in events] == [(1, 2, "officer:N1"), (2, 3, "officer:N1")]


@pytest.mark.parametrize("variables, field, code", [
    ({"code": "N404", "name": "Nobody"}, ["input", "code"], "NOT_FOUND"),
    ({"code": "N1", "name": "Won", "expectedVersion": 7}, ["input", "expectedVersion"], "VERSION_CONFLICT"),
    ({"code": "N1", "name": "One"}, None, "INVALID_INPUT"),   # nothing to change
    ({"code": "N1", "name": " "}, ["input", "name"], "INVALID_INPUT"),
])
async def test_a_bad_update_is_a_user_error_and_writes_nothing(gql, store, variables, field, code):
    before = await everything(store)
    payload = (await gql(UPDATE, {"input": variables}))["updateOfficer"]
    assert payload["officer"] is None and [(e["field"], e["code"]) for e in payload["userErrors"]] == [(field, code)]
    assert await everything(store) == before


# reading the directory ------------------------------------------------------------------------

@pytest.fixture
async def more_officers(gql):
    for code, name, provider in (("N3", "José Álvarez", "NPS"), ("C2", "jo Bloggs", "CRC"), ("C3", "Joanna Price", "CRC")):
        await gql(REGISTER, {"input": {"code": code, "name": name, "provider": provider}})
    await gql(UPDATE, {"input": {"code": "C3", "active": False}})


async def names(gql, **variables) -> list[str]:
    data = await gql(OFFICERS, {"first": 100, **variables})
    return [e["node"]["name"] for e in data["officers"]["edges"]]


async def test_officers_are_listed_in_name_order_without_leavers(gql, more_officers):
    assert await names(gql) == ["Cee", "jo Bloggs", "José Álvarez", "One", "Pat Practitioner", "Priya Shah", "Two"]
    assert await names(gql, all=True) == ["Cee", "jo Bloggs", "Joanna Price", "José Álvarez", "One", "Pat Practitioner",
                                          "Priya Shah", "Two"]


@pytest.mark.parametrize("variables, expected", [
    ({"prefix": "jo"}, ["jo Bloggs", "José Álvarez"]),          # case-insensitive
    ({"prefix": "JOSE"}, ["José Álvarez"]),                       # accent-insensitive
    ({"prefix": "  p"}, ["Pat Practitioner", "Priya Shah"]),
    ({"prefix": "x"}, []),
    ({"prefix": ""}, ["Cee", "jo Bloggs", "José Álvarez", "One", "Pat Practitioner", "Priya Shah", "Two"]),
    ({"provider": "CRC"}, ["Cee", "jo Bloggs", "Priya Shah"]),
    ({"provider": "CRC", "prefix": "jo", "all": True}, ["jo Bloggs", "Joanna Price"]),
])
async def test_officers_filter_by_provider_and_name_prefix(gql, more_officers, variables, expected):
    assert await names(gql, **variables) == expected


async def test_officer_pages_follow_the_cursor_without_gaps_or_repeats(gql, more_officers):
    seen, after = [], None
    while True:
        data = (await gql(OFFICERS, {"first": 3, "after": after, "all": True}))["officers"]
        seen += [e["node"]["code"] for e in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            break
        after = data["pageInfo"]["endCursor"]
    assert seen == ["C1", "C2", "C3", "N3", "N1", "N07A001", "C12A004", "N2"]


@pytest.mark.parametrize("variables, message", [
    ({"first": 0}, "between 1 and 100"), ({"first": 101}, "between 1 and 100"),
    ({"first": 5, "after": "not-a-cursor"}, "not a cursor"),
    ({"first": 5, "after": "eyJ4IjogMX0"}, "not a cursor"),   # base64 JSON, but not ours
])
async def test_bad_officer_page_arguments_are_coded_errors(gql, variables, message):
    result = await gql(OFFICERS, variables, expect_errors=True)
    [error] = result["errors"]
    assert error.extensions["code"] == "BAD_USER_INPUT" and message in error.message


@pytest.mark.parametrize("role, allowed", [(Role.PRACTITIONER, True), (Role.SENIOR_MANAGER, True), (Role.AUDITOR, True),
                                           (Role.ADMIN, True), (Role.PARTNER, False), (Role.VICTIM_LIAISON_OFFICER, False)])
async def test_who_reads_the_directory(gql, role, allowed):
    result = await gql(OFFICERS, {"first": 5}, principal=who(role, provider=Provider.CRC), expect_errors=not allowed)
    if allowed:
        assert len(result["officers"]["edges"]) == 5
    else:
        assert [e.extensions["code"] for e in result["errors"]] == ["FORBIDDEN"]


# allocation reads the directory ---------------------------------------------------------------

async def test_alloc_2_allocation_takes_the_code_in_any_case_and_the_name_from_the_directory(gql, store):
    await create_case(gql, "X123456")
    data = await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "CRC", "officer": {"code": "c12a004"},
                                          "allocatedOn": "2026-11-03", "rationale": "Nearest office"}})
    assert data["allocateCase"]["userErrors"] == []
    assert data["allocateCase"]["case"]["allocation"]["officer"] == {"code": "C12A004", "name": "Priya Shah"}
    moved = await gql(TRANSFER, {"input": {"crn": "X123456", "provider": "CRC", "officer": {"code": "C1", "name": "CEE"},
                                           "transferredOn": "2026-11-10", "rationale": "Caseload balancing"}})
    assert moved["transferCase"]["userErrors"] == []
    assert moved["transferCase"]["case"]["allocation"]["officer"] == {"code": "C1", "name": "Cee"}


@pytest.mark.parametrize("officer, provider, expected", [
    ({"code": "N404"}, "NPS", [(["input", "officer", "code"], "NOT_FOUND")]),
    ({"code": "N1", "name": "Bob Bogus"}, "NPS", [(["input", "officer", "name"], "INVALID_INPUT")]),
    ({"code": "C1"}, "NPS", [(["input", "provider"], "INVALID_INPUT")]),
    ({"code": "N404"}, "CRC", [(["input", "officer", "code"], "NOT_FOUND")]),
])
async def test_an_allocation_to_an_officer_the_directory_does_not_confirm_writes_nothing(gql, store, officer, provider,
                                                                                         expected):
    await create_case(gql, "X123456")
    before = await everything(store)
    data = await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": provider, "officer": officer,
                                          "allocatedOn": "2026-11-03", "rationale": "Nearest office"}})
    payload = data["allocateCase"]
    assert payload["case"] is None and [(e["field"], e["code"]) for e in payload["userErrors"]] == expected
    assert await everything(store) == before


async def test_alloc_2_a_leaver_is_not_given_a_case_and_other_errors_come_in_the_same_round(gql, store):
    await create_case(gql, "X123456")
    await gql(UPDATE, {"input": {"code": "N2", "active": False}})
    await gql(ROSH, {"input": {"crn": "X123456", "level": "HIGH", "assessedOn": "2026-11-02", "rationale": "Weapons"}})
    data = await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N2"},
                                          "allocatedOn": "2026-12-01", "rationale": "Nearest office"}})
    assert [(e["field"], e["code"]) for e in data["allocateCase"]["userErrors"]] == [
        (["input", "allocatedOn"], "INVALID_INPUT"), (["input", "officer", "code"], "INVALID_INPUT")]


async def test_a_transfer_to_an_unknown_officer_writes_nothing(gql, store):
    await create_case(gql, "X123456")
    await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N1"}, "allocatedOn": "2026-11-03", "rationale": "Nearest office"}})
    before = await everything(store)
    data = await gql(TRANSFER, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "N404"},
                                          "transferredOn": "2026-11-10", "rationale": "Move"}})
    assert [(e["field"], e["code"]) for e in data["transferCase"]["userErrors"]] == [
        (["input", "officer", "code"], "NOT_FOUND")]
    assert await everything(store) == before


async def test_the_caseload_filter_and_standards_report_match_officer_codes_in_any_case(gql, store):
    await create_case(gql, "X123456")
    await gql(ALLOCATE, {"input": {"crn": "X123456", "provider": "NPS", "officer": {"code": "n07a001"},
                                   "allocatedOn": "2026-11-03", "rationale": "Nearest office"}})
    stored = await store.cases.collection.find_one({"crn": "X123456"})
    assert stored["current"]["officerCode"] == "N07A001"
    for code in ("N07A001", "n07a001", " N07a001 "):
        listed = await gql('query($code: String) { cases(first: 5, filter: {officerCode: $code}) { edges { node { crn } } } }',
                           {"code": code})
        assert [e["node"]["crn"] for e in listed["cases"]["edges"]] == ["X123456"], code
        report = await gql('query($code: String) { standardsReport(officerCode: $code) { casesExamined } }', {"code": code})
        assert report["standardsReport"]["casesExamined"] == 1

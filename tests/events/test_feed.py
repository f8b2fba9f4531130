"""Issue 12.2-12.4: the vocabulary a change produces, and who hears what in the replayable feed."""

from __future__ import annotations

from datetime import timedelta

from domain.core.enums import (
    Agency,
    MappaCategory,
    MappaLevel,
    Provider,
    Role,
    RoshLevel,
    SafeguardingKind,
)
from domain.core.principal import Principal
from domain.records import use_cases as records
from domain.records.commands import AllocateCase, OfficerDetails
from domain.risk import use_cases as risk
from domain.risk.commands import RecordRoshAssessment, RegisterMappa, RegisterSafeguarding
from domain.sharing import use_cases as sharing
from domain.sharing.commands import RestrictCase
from tests.conftest import TODAY, create_case

FEED = """
query($first: Int!, $after: String, $types: [EventType!], $crn: String) {
  events(first: $first, after: $after, types: $types, crn: $crn) {
    edges { cursor node { id type version occurredAt crn caseVersion detail } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def partner(agency: Agency) -> Principal:
    return Principal(subject=f"partner-{agency.value.lower()}", name=agency.value, roles=frozenset({Role.PARTNER}),
                     agency=agency)


def rosh(crn: str, level: RoshLevel, children: RoshLevel | None = None) -> RecordRoshAssessment:
    return RecordRoshAssessment(crn=crn, level=level, assessed_on=TODAY, rationale="Assessed at interview.",
                                risk_to_children=children)


async def feed(gql, principal=None, **variables) -> list[dict]:
    data = await gql(FEED, {"first": 100, **variables}, principal=principal)
    return [edge["node"] for edge in data["events"]["edges"]]


async def test_each_change_announces_its_event_with_a_small_detail(gql, uow, admin):
    await create_case(gql, "X123456")
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.HIGH))).ok
    assert (await risk.register_mappa(uow, admin, RegisterMappa(
        crn="X123456", category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_2, registered_on=TODAY,
        visor_recorded=True))).ok
    events = await feed(gql)
    types = [e["type"] for e in events]
    assert types[:2] == ["CASE_CREATED", "TIER_CHANGED"]
    assert "ROSH_CHANGED" in types and "MAPPA_REGISTERED" in types
    changed = next(e for e in events if e["type"] == "ROSH_CHANGED")
    assert changed["detail"] == {"from": None, "to": "HIGH"} and changed["version"] == 1 and changed["crn"] == "X123456"
    assert next(e for e in events if e["type"] == "MAPPA_REGISTERED")["detail"] == {"category": "CATEGORY_2",
                                                                                     "level": "LEVEL_2"}


async def test_a_consumer_that_was_down_resumes_from_its_last_cursor(gql, uow, admin):
    await create_case(gql, "X123456")
    first = await gql(FEED, {"first": 1})
    cursor = first["events"]["pageInfo"]["endCursor"]
    assert first["events"]["pageInfo"]["hasNextPage"] is True
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.LOW))).ok  # while it was away
    resumed = await gql(FEED, {"first": 100, "after": cursor})
    assert [e["node"]["type"] for e in resumed["events"]["edges"]][:2] == ["TIER_CHANGED", "ROSH_CHANGED"]
    last = resumed["events"]["pageInfo"]["endCursor"]
    caught_up = await gql(FEED, {"first": 10, "after": last})
    assert caught_up["events"]["edges"] == [] and caught_up["events"]["pageInfo"]["endCursor"] == last


async def test_a_cursor_that_is_not_ours_is_a_clear_argument_error(gql):
    result = await gql(FEED, {"first": 10, "after": "not-a-cursor"}, expect_errors=True)
    assert result["errors"][0].extensions["code"] == "BAD_USER_INPUT"
    result = await gql(FEED, {"first": 0}, expect_errors=True)
    assert "between 1 and" in result["errors"][0].message


async def test_staff_hear_only_the_cases_in_their_scope(gql, uow, admin, practitioner):
    await create_case(gql, "X123456")
    await create_case(gql, "X123457")
    assert (await records.allocate_case(uow, admin, AllocateCase(
        crn="X123457", provider=Provider.CRC, officer=OfficerDetails("C1", "Cee"), allocated_on=TODAY,
        rationale="Low risk: CRC."))).ok
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123457", RoshLevel.LOW))).ok
    heard = {(e["crn"], e["type"]) for e in await feed(gql, practitioner)}
    assert ("X123456", "CASE_CREATED") in heard and ("X123457", "CASE_CREATED") in heard  # unallocated then: NPS scope
    assert ("X123457", "ROSH_CHANGED") not in heard and ("X123457", "CASE_ALLOCATED") not in heard  # CRC's by then
    crc = Principal(subject="u-9", name="Cee", roles=frozenset({Role.PRACTITIONER}), provider=Provider.CRC)
    assert {(e["crn"], e["type"]) for e in await feed(gql, crc)} >= {("X123457", "ROSH_CHANGED")}


async def test_a_partner_hears_only_its_types_for_cases_in_its_row_filter_at_the_time(gql, uow, admin, store):
    await create_case(gql, "X123456")
    children = partner(Agency.CHILDREN_SERVICES)
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.MEDIUM))).ok  # outside its filter
    assert (await risk.register_safeguarding(uow, admin, RegisterSafeguarding(
        crn="X123456", kind=SafeguardingKind.CHILD_CONCERNS, started_on=TODAY - timedelta(days=1)))).ok  # inside now
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.HIGH))).ok
    assert (await risk.register_mappa(uow, admin, RegisterMappa(
        crn="X123456", category=MappaCategory.CATEGORY_1, level=MappaLevel.LEVEL_2, registered_on=TODAY,
        visor_recorded=True))).ok
    heard = await feed(gql, children)
    assert [e["type"] for e in heard] == ["SAFEGUARDING_REGISTERED", "ROSH_CHANGED"]
    assert heard[1]["detail"] == {"from": "MEDIUM", "to": "HIGH"}  # the earlier change was before it could hear
    assert all("MAPPA" not in e["type"] and "category" not in e["detail"] for e in heard)
    police = {e["type"] for e in await feed(gql, partner(Agency.POLICE))}
    assert {"MAPPA_REGISTERED", "ROSH_CHANGED"} <= police and not police & {"TIER_CHANGED", "CASE_CREATED"}
    audited = [d async for d in store.database.audit.find({"kind": "PARTNER_READ", "agency": "CHILDREN_SERVICES"})]
    assert len(audited) == 2 and {a["operation"] for a in audited} == {"events"}
    assert all(a["crn"] == "X123456" and a["target"].startswith("event:") for a in audited)
    assert ["eventType", "from", "to"] in [a["fieldsReturned"] for a in audited]


async def test_a_restricted_case_raises_no_partner_event_and_only_its_allow_list_hears_it(gql, uow, admin, practitioner):
    await create_case(gql, "X123456")
    assert (await sharing.restrict_case(uow, admin, RestrictCase(crn="X123456", allowed_subjects=("u-1",)))).ok
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.HIGH))).ok
    assert "ROSH_CHANGED" not in {e["type"] for e in await feed(gql, partner(Agency.POLICE))}
    other = Principal(subject="u-2", name="Other", roles=frozenset({Role.ADMIN}))
    assert "ROSH_CHANGED" not in {e["type"] for e in await feed(gql, other)}
    assert "ROSH_CHANGED" in {e["type"] for e in await feed(gql, admin)}  # u-1 is on the list


async def test_roles_that_hear_nothing_are_refused_and_audited(gql, store):
    victims = Principal(subject="v-1", name="Val", roles=frozenset({Role.VICTIM_LIAISON_OFFICER}))
    result = await gql(FEED, {"first": 10}, principal=victims, expect_errors=True)
    assert result["errors"][0].extensions["code"] == "FORBIDDEN"
    assert await store.database.audit.count_documents({"kind": "REFUSAL", "operation": "events"}) == 1

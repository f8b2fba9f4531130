"""Every read of a case by staff is audited, in bounded, batched form (domain.audit.reads)."""

from __future__ import annotations

from datetime import datetime, timezone

from domain.audit.events import AuditKind
from domain.audit.reads import MAX_CRNS_PER_EVENT, ReadLog
from domain.core.enums import Agency, Role
from domain.core.principal import Principal
from schema import ids
from tests.query_support import a_person, seed, seed_many

AUDITOR = Principal(subject="aud-1", name="Ann Auditor", roles=frozenset({Role.AUDITOR}))
AT = datetime(2026, 11, 20, 10, tzinfo=timezone.utc)


async def reads(store) -> list[dict]:
    return [d async for d in store.database["audit"].find({"kind": "READ"}).sort("_id", 1)]


async def test_a_caseload_page_is_one_audit_write_naming_every_case_shown(gql, store, monkeypatch):
    shown = await seed_many(store, 30)
    writes = []
    original = store.audit.append_many

    async def counting(events):
        writes.append(len(events))
        await original(events)
    monkeypatch.setattr(store.audit, "append_many", counting)
    await gql("{ cases(first: 30) { edges { node { crn } } } }")
    assert writes == [1]
    [event] = await reads(store)
    assert event["operation"] == "list_cases" and event["crns"] == shown and event["count"] == 30
    assert event["actorSubject"] == "u-1" and event["roles"] == ["ADMIN"]


async def test_each_operation_of_a_request_is_named_and_each_case_listed_once(gql, store):
    await seed(store, [a_person("A000001"), a_person("A000002")])
    await gql('{ a: case(crn: "A000001") { crn } b: case(crn: "A000001") { crn } '
              f'nodes(ids: ["{ids.encode("Case", "A000002")}", "x"]) {{ id }} '
              'cases(first: 5) { edges { node { crn } } } }')
    found = {e["operation"]: e["crns"] for e in await reads(store)}
    assert found == {"read_case": ["A000001"], "read_node": ["A000002"], "list_cases": ["A000001", "A000002"]}


async def test_nothing_shown_nothing_audited_and_hidden_cases_are_not_listed(gql, store, practitioner):
    from domain.core.enums import Provider
    await seed(store, [a_person("A000001", provider=Provider.CRC)])
    await gql('{ case(crn: "Z999999") { crn } }')
    await gql("{ cases(first: 5) { edges { node { crn } } } }", principal=practitioner)  # CRC case: not in NPS scope
    assert await reads(store) == []


async def test_partner_reads_are_audited_as_partner_reads_not_as_staff_reads():
    log = ReadLog()
    log.note("read_case", ["A000001"])
    partner = Principal(subject="p", name="Police", roles=frozenset({Role.PARTNER}), agency=Agency.POLICE)
    assert log.events(partner, AT) == []
    assert [e.kind for e in log.events(AUDITOR, AT)] == [AuditKind.READ]


def test_an_event_names_at_most_a_hundred_cases():
    log = ReadLog()
    log.note("list_cases", [f"A{i:06d}" for i in range(2 * MAX_CRNS_PER_EVENT + 1)])
    log.note("list_cases", ["A000000"])  # already noted
    events = log.events(AUDITOR, AT)
    assert [len(e.crns) for e in events] == [100, 100, 1] and events[2].crn == "A000200"
    assert events[0].crn is None  # a batch names its cases in crns


async def test_if_the_read_audit_cannot_be_written_nothing_is_shown(gql, store, monkeypatch):
    await seed(store, [a_person("A000001")])

    async def broken(events):
        raise RuntimeError("audit store down")
    monkeypatch.setattr(store.audit, "append_many", broken)
    result = await gql('{ case(crn: "A000001") { crn offender { surname } } }', expect_errors=True)
    assert result["data"] is None
    [error] = result["errors"]
    assert error.extensions == {"code": "INTERNAL_SERVER_ERROR"} and "audit" in error.message
    assert "audit store down" not in error.message


AUDIT = """query($crn: String, $first: Int, $last: Int, $after: String, $before: String) {
  auditEvents(crn: $crn, first: $first, last: $last, after: $after, before: $before) {
    totalCount edges { cursor node { kind operation crn crns } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""


async def test_an_auditor_finds_the_reads_of_a_case_and_pages_the_trail_both_ways(gql, store):
    await seed(store, [a_person("A000001"), a_person("A000002")])
    for _ in range(3):
        await gql("{ cases(first: 5) { edges { node { crn } } } }")
    await gql('{ case(crn: "A000002") { crn } }')
    about_one = (await gql(AUDIT, {"crn": "A000001", "first": 10}, principal=AUDITOR))["auditEvents"]
    assert about_one["totalCount"] == 3 and {e["node"]["operation"] for e in about_one["edges"]} == {"list_cases"}
    about_two = (await gql(AUDIT, {"crn": "A000002", "first": 10}, principal=AUDITOR))["auditEvents"]
    assert about_two["totalCount"] == 4 and about_two["edges"][0]["node"]["crn"] == "A000002"  # newest first
    page = (await gql(AUDIT, {"first": 2}, principal=AUDITOR))["auditEvents"]
    nxt = (await gql(AUDIT, {"first": 2, "after": page["pageInfo"]["endCursor"]}, principal=AUDITOR))["auditEvents"]
    assert nxt["pageInfo"]["hasPreviousPage"] is True
    back = (await gql(AUDIT, {"last": 2, "before": nxt["pageInfo"]["startCursor"]}, principal=AUDITOR))["auditEvents"]
    assert [e["cursor"] for e in back["edges"]] == [e["cursor"] for e in page["edges"]]
    assert back["pageInfo"]["hasNextPage"] is True and back["pageInfo"]["hasPreviousPage"] is False


async def test_a_malformed_audit_cursor_is_a_user_error(gql):
    for cursor in ("garbage", ids.encode("audit", "not-a-date", "x"), ids.encode("audit", "2026-11-20T10_00_00", "x")):
        result = await gql(AUDIT, {"first": 2, "after": cursor}, principal=AUDITOR, expect_errors=True)
        assert result["errors"][0].extensions == {"code": "BAD_USER_INPUT"}

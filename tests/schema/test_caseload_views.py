"""Caseload views: ``cases(orderBy: NEXT_DUE)``, ``CaseFilter.dueBy`` and ``Case.nextDue``, served by
the summary stored with each case and keyset-paged like the CRN order."""

import pytest

from tests.conftest import ADD_SENTENCE, ALLOCATE, community_order_input, create_case

PAGE = """
query($first: Int!, $after: String, $filter: CaseFilter, $order: CaseOrder) {
  cases(first: $first, after: $after, filter: $filter, orderBy: $order) {
    edges { cursor node { crn nextDue { standard state dueBy } } }
    pageInfo { hasNextPage endCursor }
  }
}"""

# Allocated on these days (a Monday to Friday week, and none): APPT-1/IND-1 fall due 5 working days later.
PLAN = [("A000001", "2026-11-19"), ("B000002", "2026-11-16"), ("C000003", None), ("D000004", "2026-11-18"),
        ("E000005", "2026-11-16")]


@pytest.fixture
async def caseload(gql):
    for crn, allocated in PLAN:
        await create_case(gql, crn)
        await gql(ADD_SENTENCE, {"input": community_order_input(crn, imposedOn="2026-11-10")})
        if allocated:
            data = await gql(ALLOCATE, {"input": {"crn": crn, "provider": "NPS", "officer": {"code": "N1"}, "rationale": "Nearest office",
                                                  "allocatedOn": allocated}})
            assert data["allocateCase"]["userErrors"] == []


async def page(gql, first=100, after=None, filter=None, order="NEXT_DUE"):
    data = await gql(PAGE, {"first": first, "after": after, "filter": filter, "order": order})
    return data["cases"]["edges"], data["cases"]["pageInfo"]


async def test_next_due_is_the_soonest_deadline_pending(gql, caseload):
    edges, _ = await page(gql, order="CRN")
    due = {e["node"]["crn"]: e["node"]["nextDue"] for e in edges}
    assert due["B000002"]["dueBy"] == "2026-11-23"  # Monday + 5 working days
    assert due["B000002"]["standard"] in {"APPT-1", "IND-1"} and due["B000002"]["state"] == "DUE"
    assert due["A000001"]["dueBy"] == "2026-11-26"
    # Unallocated: supervision has not started, so what is pending is the end of the order (the evaluation
    # and the unpaid work hours fall due on its last day; catalogue order breaks the tie)
    assert due["C000003"]["standard"] == "END-1" and due["C000003"]["dueBy"] == "2027-11-09"


async def test_next_due_order_is_soonest_first_then_crn(gql, caseload):
    edges, _ = await page(gql)
    assert [e["node"]["crn"] for e in edges] == ["B000002", "E000005", "D000004", "A000001", "C000003"]


async def test_next_due_pages_walk_the_caseload_without_gaps_or_repeats(gql, caseload):
    seen, after = [], None
    while True:
        edges, info = await page(gql, first=2, after=after)
        seen += [e["node"]["crn"] for e in edges]
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == ["B000002", "E000005", "D000004", "A000001", "C000003"]


async def test_due_by_keeps_the_cases_with_a_deadline_on_or_before_the_day(gql, caseload):
    edges, _ = await page(gql, filter={"dueBy": "2026-11-25"})
    assert [e["node"]["crn"] for e in edges] == ["B000002", "E000005", "D000004"]  # due the 23rd, 23rd and 25th
    day_before, _ = await page(gql, filter={"dueBy": "2026-11-22"}, order="CRN")
    assert day_before == []
    day_of, _ = await page(gql, filter={"dueBy": "2026-11-23"}, order="CRN")
    assert [e["node"]["crn"] for e in day_of] == ["B000002", "E000005"]


async def test_a_written_duty_leaves_the_next_due_view(gql, caseload):
    edges, _ = await page(gql, order="CRN", filter={"dueBy": "2026-11-23"})
    assert "B000002" in [e["node"]["crn"] for e in edges]
    sentence = (await gql('{ case(crn: "B000002") { sentences { id } } }'))["case"]["sentences"][0]["id"]
    recorded = await gql("""mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) { userErrors { code } } }""",
                         {"input": {"crn": "B000002", "sentenceId": sentence, "kind": "INDUCTION", "faceToFace": True,
                                    "date": "2026-11-17", "outcome": "ATTENDED_COMPLIED"}})
    assert recorded["recordAppointment"]["userErrors"] == []
    edges, _ = await page(gql, order="CRN", filter={"dueBy": "2026-11-23"})
    assert [e["node"]["crn"] for e in edges] == ["E000005"]


async def test_a_cursor_belongs_to_the_order_it_came_from(gql, caseload):
    _, crn_info = await page(gql, first=1, order="CRN")
    result = await gql(PAGE, {"first": 1, "after": crn_info["endCursor"], "order": "NEXT_DUE"}, expect_errors=True)
    assert "NEXT_DUE" in result["errors"][0].message
    _, due_info = await page(gql, first=1)
    result = await gql(PAGE, {"first": 1, "after": due_info["endCursor"], "order": "CRN"}, expect_errors=True)
    assert "not a cursor" in result["errors"][0].message

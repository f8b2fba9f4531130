"""``cases``: keyset cursor pagination over MongoDB, ``first`` required and capped, filters."""

import pytest

from tests.conftest import ALLOCATE, ROSH, create_case

LIST = """
query($first: Int!, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    edges { cursor node { crn } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}"""


async def crns(gql, first=100, after=None, filter=None):
    data = await gql(LIST, {"first": first, "after": after, "filter": filter})
    return [e["node"]["crn"] for e in data["cases"]["edges"]], data["cases"]["pageInfo"]


@pytest.fixture
async def caseload(gql):
    """Seven cases: three NPS with officer N1 (one HIGH RoSH), two CRC with officer C1, two unallocated."""
    plan = [("A000001", "NPS", "N1", "HIGH"), ("A000002", "NPS", "N1", None), ("B000003", "CRC", "C1", "LOW"),
            ("C000004", None, None, None), ("D000005", "NPS", "N1", "MEDIUM"), ("E000006", "CRC", "C1", None),
            ("F000007", None, None, "LOW")]
    for crn, provider, officer, rosh in plan:
        await create_case(gql, crn)
        if rosh:
            await gql(ROSH, {"input": {"crn": crn, "level": rosh, "assessedOn": "2026-11-01", "rationale": "r"}})
        if provider:
            await gql(ALLOCATE, {"input": {"crn": crn, "provider": provider, "officer": {"code": officer},
                                           "allocatedOn": "2026-11-02", "rationale": "Allocated by RoSH band"}})
    return [p[0] for p in plan]


async def test_pages_walk_the_whole_caseload_in_crn_order_without_gaps_or_repeats(gql, caseload):
    seen, after = [], None
    while True:
        page, info = await crns(gql, first=3, after=after)
        seen += page
        if not info["hasNextPage"]:
            break
        assert info["endCursor"] and len(page) == 3
        after = info["endCursor"]
    assert seen == sorted(caseload)


async def test_a_case_added_behind_the_cursor_does_not_shift_the_next_page(gql, caseload):
    first_page, info = await crns(gql, first=3)
    await create_case(gql, "A000000")  # sorts before everything already seen
    second_page, _ = await crns(gql, first=3, after=info["endCursor"])
    assert second_page == ["C000004", "D000005", "E000006"]
    assert not set(first_page) & set(second_page)


@pytest.mark.parametrize("first", [0, -1, 101])
async def test_first_is_capped_at_100_and_must_be_positive(gql, first):
    result = await gql(LIST, {"first": first}, expect_errors=True)
    assert "between 1 and 100" in result["errors"][0].message
    assert result["errors"][0].extensions["code"] == "BAD_USER_INPUT"


async def test_first_is_required(gql):
    result = await gql("query { cases { edges { cursor } } }", expect_errors=True)
    assert "first" in result["errors"][0].message


async def test_a_foreign_cursor_is_refused(gql):
    result = await gql(LIST, {"first": 5, "after": "bm9wZQ"}, expect_errors=True)
    assert "cursor" in result["errors"][0].message


@pytest.mark.parametrize("filter, expected", [
    ({"officerCode": "N1"}, ["A000001", "A000002", "D000005"]),
    ({"provider": "CRC"}, ["B000003", "E000006"]),
    ({"roshLevels": ["HIGH", "VERY_HIGH"]}, ["A000001"]),
    ({"roshLevels": ["LOW"]}, ["B000003", "F000007"]),
    ({"provider": "NPS", "roshLevels": ["MEDIUM", "HIGH"]}, ["A000001", "D000005"]),
    ({"officerCode": "nobody"}, []),
    ({"hasOverdueStandards": False}, ["A000001", "A000002", "B000003", "C000004", "D000005", "E000006", "F000007"]),
])
async def test_filters_combine_with_and(gql, caseload, filter, expected):
    page, _ = await crns(gql, filter=filter)
    assert page == expected


async def test_filtered_pages_follow_the_cursor(gql, caseload):
    page, info = await crns(gql, first=2, filter={"officerCode": "N1"})
    assert page == ["A000001", "A000002"] and info["hasNextPage"]
    page, info = await crns(gql, first=2, after=info["endCursor"], filter={"officerCode": "N1"})
    assert page == ["D000005"] and not info["hasNextPage"]


async def test_a_transfer_moves_the_case_between_officer_caseloads(gql, caseload):
    await gql("""mutation { transferCase(input: {crn: "A000002", provider: NPS, officer: {code: "N2", name: "Two"},
                 transferredOn: "2026-11-10", rationale: "Balancing"}) { userErrors { message } } }""")
    assert (await crns(gql, filter={"officerCode": "N1"}))[0] == ["A000001", "D000005"]
    assert (await crns(gql, filter={"officerCode": "N2"}))[0] == ["A000002"]

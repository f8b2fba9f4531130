"""Relay paging both ways, totalCount, nodes(ids:), and person search, through the schema."""

from __future__ import annotations

from datetime import date

import pytest

from domain.core.enums import Provider
from schema import ids
from tests.query_support import a_person, seed

PAGE = """query($first: Int, $after: String, $last: Int, $before: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount edges { cursor node { crn } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"""

CRNS = [f"A00000{i}" for i in range(1, 6)]


@pytest.fixture
async def five(store):
    await seed(store, [a_person(crn) for crn in CRNS])


def crns(data) -> list[str]:
    return [e["node"]["crn"] for e in data["cases"]["edges"]]


async def test_paging_forwards_says_what_lies_on_both_sides(gql, five):
    first = await gql(PAGE, {"first": 2})
    assert crns(first) == CRNS[:2] and first["cases"]["totalCount"] == 5
    info = first["cases"]["pageInfo"]
    assert info["hasNextPage"] is True and info["hasPreviousPage"] is False
    second = await gql(PAGE, {"first": 2, "after": info["endCursor"]})
    assert crns(second) == CRNS[2:4]
    assert second["cases"]["pageInfo"]["hasPreviousPage"] is True and second["cases"]["pageInfo"]["hasNextPage"] is True
    third = await gql(PAGE, {"first": 2, "after": second["cases"]["pageInfo"]["endCursor"]})
    assert crns(third) == CRNS[4:] and third["cases"]["pageInfo"]["hasNextPage"] is False


async def test_a_one_item_page_before_still_counts_as_a_previous_page(gql, five):
    one = await gql(PAGE, {"first": 1})
    nxt = await gql(PAGE, {"first": 1, "after": one["cases"]["pageInfo"]["endCursor"]})
    assert nxt["cases"]["pageInfo"]["hasPreviousPage"] is True


async def test_paging_backwards_with_last_and_before(gql, five):
    last = await gql(PAGE, {"last": 2})
    assert crns(last) == CRNS[3:]  # still in CRN order
    info = last["cases"]["pageInfo"]
    assert info["hasPreviousPage"] is True and info["hasNextPage"] is False
    earlier = await gql(PAGE, {"last": 2, "before": info["startCursor"]})
    assert crns(earlier) == CRNS[1:3]
    assert earlier["cases"]["pageInfo"]["hasNextPage"] is True and earlier["cases"]["pageInfo"]["hasPreviousPage"] is True
    first = await gql(PAGE, {"last": 2, "before": earlier["cases"]["pageInfo"]["startCursor"]})
    assert crns(first) == CRNS[:1] and first["cases"]["pageInfo"]["hasPreviousPage"] is False


async def test_both_cursors_page_within_a_range(gql, five):
    between = await gql(PAGE, {"first": 10, "after": ids.encode_cursor(CRNS[0]), "before": ids.encode_cursor(CRNS[4])})
    assert crns(between) == CRNS[1:4]


async def test_total_count_follows_the_filter_and_the_callers_scope(gql, store, practitioner):
    await seed(store, [a_person("B000001", provider=Provider.CRC), a_person("B000002"), a_person("B000003")])
    assert (await gql(PAGE, {"first": 1, "filter": {"provider": "CRC"}}))["cases"]["totalCount"] == 1
    assert (await gql(PAGE, {"first": 1}, principal=practitioner))["cases"]["totalCount"] == 2  # NPS scope


@pytest.mark.parametrize(("variables", "problem"), [
    ({"first": 2, "last": 2}, "not both"),
    ({}, "Send `first` or `last`"),
    ({"first": 0}, "`first` must be between 1 and 100"),
    ({"last": 101}, "`last` must be between 1 and 100"),
    ({"first": 2, "after": "garbage!"}, "`after` is not a cursor"),
    ({"last": 2, "before": ids.encode("cursor", "a", "b")}, "`before` is not a cursor"),
    ({"first": 2, "before": ids.encode("Case", "X123456")}, "`before` is not a cursor"),
    ({"first": 2, "filter": {"surname": "-- '"}}, "`filter.surname` needs at least one letter or digit"),
    ({"first": 2, "filter": {"forename": "a" * 101}}, "`filter.forename` at most 100 characters"),
    ({"first": 2, "filter": {"pncNumber": " "}}, "`filter.pncNumber` needs at least one letter or digit"),
])
async def test_bad_paging_and_search_arguments_are_user_errors_not_internal_ones(gql, five, variables, problem):
    result = await gql(PAGE, variables, expect_errors=True)
    [error] = result["errors"]
    assert error.extensions["code"] == "BAD_USER_INPUT" and problem in error.message


NODES = "query($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Case { crn } ... on Sentence { type } } }"


async def test_nodes_answers_each_id_in_order_with_null_where_there_is_nothing(gql, store):
    case = a_person("C000001")
    await seed(store, [case, a_person("C000002", provider=Provider.CRC)])
    sentence_id = ids.encode("Sentence", "C000001", case.sentences[0].id)
    asked = [ids.encode("Case", "C000002"), "not-an-id", sentence_id, ids.encode("Case", "Z999999"),
             ids.encode("Case", "C000001")]
    found = (await gql(NODES, {"ids": asked}))["nodes"]
    assert [n and (n.get("crn") or n.get("type")) for n in found] == ["C000002", None, "COMMUNITY_ORDER", None, "C000001"]


async def test_nodes_hides_what_the_caller_may_not_see_as_null(gql, store, practitioner):
    await seed(store, [a_person("C000002", provider=Provider.CRC)])
    assert (await gql(NODES, {"ids": [ids.encode("Case", "C000002")]}, principal=practitioner))["nodes"] == [None]


async def test_nodes_takes_at_most_a_hundred_ids(gql):
    result = await gql(NODES, {"ids": ["x"] * 101}, expect_errors=True)
    assert result["errors"][0].extensions["code"] == "BAD_USER_INPUT"


SEARCH = "query($filter: CaseFilter) { cases(first: 20, filter: $filter) { edges { node { crn } } totalCount } }"


@pytest.fixture
async def people(store):
    await seed(store, [
        a_person("P000001", surname="O'Brien", forename="Siobhán", pnc="2010/0012345X", born=date(1988, 3, 4)),
        a_person("P000002", surname="Ó Briain", forename="Seán", born=date(1988, 3, 4)),
        a_person("P000003", surname="Smith-Jones", forename="Zoë", born=date(1971, 12, 1)),
        a_person("P000004", surname="Brien", forename="Sean", pnc="1999/0000001A"),
    ])


@pytest.mark.parametrize(("filter", "expected"), [
    ({"surname": "obri"}, ["P000001", "P000002"]),
    ({"surname": "O'BRI"}, ["P000001", "P000002"]),
    ({"surname": "ó bri"}, ["P000001", "P000002"]),
    ({"surname": "brien"}, ["P000004"]),               # a prefix, not a substring
    ({"surname": "smith j"}, ["P000003"]),
    ({"surname": "smithjonesx"}, []),
    ({"forename": "sean"}, ["P000002", "P000004"]),
    ({"forename": "zoe"}, ["P000003"]),
    ({"forename": "SIOBHAN"}, ["P000001"]),
    ({"dateOfBirth": "1988-03-04"}, ["P000001", "P000002"]),
    ({"surname": "obri", "forename": "se"}, ["P000002"]),
    ({"surname": "obri", "dateOfBirth": "1988-03-04", "forename": "sio"}, ["P000001"]),
    ({"pncNumber": "2010/12345x"}, ["P000001"]),
    ({"pncNumber": " 2010 / 0012345X "}, ["P000001"]),
    ({"pncNumber": "2010/0012345"}, []),                # exact: no prefix match on a PNC number
    ({"pncNumber": "1999/1A"}, ["P000004"]),
])
async def test_person_search_by_name_prefix_date_of_birth_and_pnc_number(gql, people, filter, expected):
    data = await gql(SEARCH, {"filter": filter})
    assert [e["node"]["crn"] for e in data["cases"]["edges"]] == expected
    assert data["cases"]["totalCount"] == len(expected)


async def test_search_results_page_by_keyset_like_any_caseload(gql, people):
    first = await gql(PAGE, {"first": 1, "filter": {"surname": "obri"}})
    second = await gql(PAGE, {"first": 1, "after": first["cases"]["pageInfo"]["endCursor"], "filter": {"surname": "obri"}})
    assert crns(first) == ["P000001"] and crns(second) == ["P000002"]
    assert second["cases"]["pageInfo"]["hasNextPage"] is False


async def test_search_respects_the_callers_scope(gql, store, practitioner):
    await seed(store, [a_person("Q000001", surname="Hidden", provider=Provider.CRC)])
    assert (await gql(SEARCH, {"filter": {"surname": "hid"}}, principal=practitioner))["cases"]["edges"] == []

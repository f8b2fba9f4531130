"""The cost of an operation (resolvers.cost), computed on the real schema before anything runs."""

from __future__ import annotations

import pytest
from graphql import parse

from resolvers.common import MAX_PAGE
from resolvers.cost import INTROSPECTION_COST, MUTATION_WORK, WORK, operation_cost
from resolvers.root import schema

GRAPHQL = schema._schema
STANDARDS = WORK["Case.standards"] + 30  # the work, and 30 StandardStatus objects at most


def cost(document: str, variables=None, operation: str | None = None) -> int:
    return operation_cost(GRAPHQL, parse(document), operation, variables)


CASE_PAGE = "{ cases(first: 10) { edges { node { crn } } } }"


@pytest.mark.parametrize(("document", "expected"), [
    ("{ __typename }", 0),
    ('{ case(crn: "X123456") { crn version } }', 1 + 1),                       # the read, the object; scalars free
    ('{ case(crn: "X123456") { offender { surname } } }', 1 + 1 + 1),          # a nested object costs 1
    (CASE_PAGE, 2 + 1 + 10 * (1 + 1)),                                          # query, connection, 10 edges with a node
    ("{ cases(last: 4) { edges { node { crn } } pageInfo { hasNextPage } } }", 2 + 1 + 4 * 2 + 1),
    ("{ cases(first: 1) { totalCount } }", 2 + 1 + WORK["CaseConnection.totalCount"]),
    ('{ case(crn: "X123456") { standards { standard } } }', 1 + 1 + STANDARDS),
    ('{ case(crn: "X123456") { sentences { id } } }', 1 + 1 + 10 * 1),         # a list without paging: its maximum (10)
    ('{ case(crn: "X123456") { sentences { appointments { id } } } }', 2 + 10 * (1 + 50 * 1)),
    ('{ nodes(ids: ["a", "b", "c"]) { id } }', 3),
    ("{ standardsReport { asOf } }", WORK["Query.standardsReport"] + 1),
    ("{ __schema { types { name fields { name } } } }", INTROSPECTION_COST),
    ('mutation { createCase(input: {offender: {forename: "A", surname: "B", dateOfBirth: "1990-01-01", gender: MALE}}) '
     "{ case { crn } userErrors { code } } }", MUTATION_WORK + 1 + 1 + 10 * 1),
])
def test_the_cost_of_a_document(document, expected):
    assert cost(document) == expected


def test_first_is_read_from_the_variables_and_their_defaults():
    document = "query($n: Int) { cases(first: $n) { edges { node { crn } } } }"
    assert cost(document, {"n": 5}) == 2 + 1 + 5 * 2
    assert cost(document.replace("$n: Int", "$n: Int = 3"), {}) == 2 + 1 + 3 * 2
    assert cost(document, {}) == 2 + 1 + MAX_PAGE * 2          # not given: the most it could be
    assert cost(document, {"n": "lots"}) == 2 + 1 + MAX_PAGE * 2  # not a number: the most it could be


def test_a_page_larger_than_the_maximum_costs_the_maximum_and_the_resolver_refuses_it():
    assert cost("{ cases(first: 100000) { edges { node { crn } } } }") == 2 + 1 + MAX_PAGE * 2


def test_each_alias_and_each_spread_of_a_fragment_is_counted():
    fragment = "fragment F on Case { crn offender { surname } }"
    one = cost("{ cases(first: 10) { edges { node { ...F } } } } " + fragment)
    two = cost("{ a: cases(first: 10) { edges { node { ...F } } } b: cases(first: 10) { edges { node { ...F ...F } } } } "
               + fragment)
    assert one == 2 + 1 + 10 * (1 + 1 + 1)
    # Each spread is counted where it is spread: F twice in b's node counts its offender twice (GraphQL
    # merges the two, so this over-estimates; it never under-estimates).
    assert two == one + (2 + 1 + 10 * (1 + 1 + 2 * 1))


def test_skip_and_include_are_honoured_with_literals_and_variables():
    document = "query($no: Boolean!) { cases(first: 10) @skip(if: $no) { edges { node { crn } } } __typename }"
    assert cost(document, {"no": True}) == 0
    assert cost(document, {"no": False}) == 23
    assert cost('{ case(crn: "X") @include(if: false) { crn } }') == 0


def test_nodes_counts_its_ids_and_an_unknown_list_counts_the_maximum():
    assert cost("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["a"] * 7}) == 7
    assert cost("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {}) == MAX_PAGE


def test_the_operation_named_is_the_one_costed():
    document = '{ case(crn: "X") { crn } }'.replace("{ case", "query A { case") + " query B { standardsReport { asOf } }"
    assert cost(document, operation="A") == 2
    assert cost(document, operation="B") == 1001
    assert cost(document, operation=None) == 0  # no operation chosen: it will not run (validation refuses it)


def test_an_inline_fragment_on_an_interface_counts_every_type_condition():
    document = '{ node(id: "x") { id ... on Case { offender { surname } } ... on Sentence { offence { description } } } }'
    assert cost(document) == 1 + 1 + 1 + 1


@pytest.mark.parametrize("field", ["appointmentHistory", "failureToComplyHistory", "unpaidWorkSessionHistory",
                                   "rarActivityDayHistory", "planHistory", "planReviewHistory"])
def test_a_history_connection_is_priced_by_first(field):
    # query 1 + case 1 + 10 sentences x (sentence 1 + connection 1 + first x (edge 1 + node 1))
    page = '{ case(crn: "X123456") { sentences { %s(first: %d, from: "2026-01-01") { totalCount edges { node { __typename } } } } } }'
    assert cost(page % (field, 5)) == 2 + 10 * (1 + 1 + 5 * 2)
    assert cost(page % (field, 100)) == 2 + 10 * (1 + 1 + 100 * 2)
    nodes = '{ case(crn: "X123456") { sentences { %s(first: 3) { nodes { __typename } pageInfo { hasNextPage } } } } }'
    assert cost(nodes % field) == 2 + 10 * (1 + 1 + 3 * 1 + 1)


def test_a_history_page_size_from_a_variable_and_its_absence():
    document = 'query($n: Int!) { case(crn: "X123456") { sentences { appointmentHistory(first: $n) { nodes { id } } } } }'
    assert cost(document, {"n": 4}) == 2 + 10 * (1 + 1 + 4)
    assert cost(document, {}) == 2 + 10 * (1 + 1 + MAX_PAGE)  # not given: the most it could be

"""Documents that try to run something other than what they say."""

from __future__ import annotations

from tests.conftest import offender_input, token
from tests.query_support import counts

TWO = """
mutation First($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { code } } }
query Second { __typename }"""


async def test_two_operations_without_an_operation_name_is_an_error_and_runs_nothing(http):
    admin = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    body = (await http.post("/graphql", json={"query": TWO, "variables": {"input": {"offender": offender_input()}}},
                            headers=admin)).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "operationName" in body["errors"][0]["message"]
    assert not any((await counts(http.app.state.store)).values())  # nothing in any collection


async def test_naming_the_operation_runs_only_that_one(http):
    admin = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    body = (await http.post("/graphql", json={"query": TWO, "operationName": "Second",
                                              "variables": {"input": {"offender": offender_input()}}},
                            headers=admin)).json()
    assert body["data"] == {"__typename": "Query"} and "errors" not in body
    assert not any((await counts(http.app.state.store)).values())  # nothing in any collection


async def test_partners_cannot_introspect_even_through_fragments_or_aliases(http):
    partner = {"Authorization": f"Bearer {token(roles=['PARTNER'], agency='POLICE')}"}
    for query in ["{ s: __schema { types { name } } }", "query { ...F } fragment F on Query { __type(name: \"Case\") { name } }"]:
        body = (await http.post("/graphql", json={"query": query}, headers=partner)).json()
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"

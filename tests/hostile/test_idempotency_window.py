"""Idempotency (issue 11): after 500 other keyed writes to the case, a retry of the first key still
replays the first result and writes nothing (the window is a time, not a count per case). Real
writes over HTTP, as the attacker made them; tests/schema/test_idempotency.py covers the expiry."""

from __future__ import annotations

from tests.conftest import everything, offender_input, token

ADMIN = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
CREATE = "mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { code } } }"
NOTE = """mutation($input: RegisterComplexityFactorInput!) { registerComplexityFactor(input: $input) {
  case { version complexityFactors { factor } } userErrors { code } } }"""


def factor(key: str) -> dict:
    return {"input": {"crn": "X123456", "factor": "MENTAL_HEALTH", "startedOn": "2026-11-01", "clientMutationId": key}}


async def test_a_retry_after_five_hundred_other_keyed_writes_replays_and_writes_nothing(http):
    async def send(query, variables):
        return (await http.post("/graphql", json={"query": query, "variables": variables}, headers=ADMIN)).json()["data"]

    await send(CREATE, {"input": {"crn": "X123456", "offender": offender_input()}})
    first = (await send(NOTE, factor("first")))["registerComplexityFactor"]
    for i in range(500):
        assert (await send(NOTE, factor(f"other-{i}")))["registerComplexityFactor"]["userErrors"] == []
    before = await everything(http.app.state.store)
    retried = (await send(NOTE, factor("first")))["registerComplexityFactor"]
    assert retried["userErrors"] == [] and retried["case"]["version"] == first["case"]["version"] + 500
    after = await everything(http.app.state.store)
    assert {**after, "audit": before["audit"]} == before, "the retry wrote no second record"
    assert len(after["cases"][0]["complexity_factors"]) == 501

"""Nothing blocks the event loop for long: CPU-heavy reads give the loop a turn between bounded
pieces of work, and a query over its time budget is stopped with one clear error."""

from __future__ import annotations

import asyncio

from resolvers.root import schema
from schema.budget import Budget
from schema.context import Context, Loaders
from tests.query_support import app_with, bearer, counts, seed_many

HEAVY = """fragment Everything on Case {
  crn offender { surname } standards { standard state dueBy detail } compliance { failures nextAction { standard action dueBy } }
}
{ cases(first: 100) { totalCount edges { node { ...Everything } } } }"""


class Jumps:
    """A clock that moves on 60 seconds each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 60
        return self.now


async def test_a_query_over_its_budget_is_stopped_with_one_clear_error_and_nothing_written(gql, store):
    await seed_many(store, 5)
    before = await counts(store)
    context = Context(principal=gql.principal, uow=gql.uow, clock=gql.clock,
                      loaders=Loaders.for_principal(gql.uow, gql.principal), budget=Budget(clock=Jumps()))
    result = await schema.execute(HEAVY, context_value=context)
    assert result.data is None
    [error] = result.errors
    assert error.extensions == {"code": "TIME_BUDGET_EXCEEDED"}
    assert "time budget of 10 s" in error.message
    after = await counts(store)
    assert after == {**before, "audit": after["audit"]} and after["audit"] == before["audit"] + 1  # the read audit


async def test_the_standards_report_stops_at_its_budget_too(gql, store):
    await seed_many(store, 25)
    context = Context(principal=gql.principal, uow=gql.uow, clock=gql.clock,
                      loaders=Loaders.for_principal(gql.uow, gql.principal), budget=Budget(clock=Jumps()))
    result = await schema.execute("{ standardsReport { asOf } }", context_value=context)
    assert result.data is None and result.errors[0].extensions["code"] == "TIME_BUDGET_EXCEEDED"


async def test_mutations_are_never_stopped_half_way(gql, store):
    context = Context(principal=gql.principal, uow=gql.uow, clock=gql.clock,
                      loaders=Loaders.for_principal(gql.uow, gql.principal), budget=Budget(clock=Jumps()))
    result = await schema.execute('mutation { createCase(input: {crn: "X123456", offender: {forename: "A", surname: "B", '
                                  'dateOfBirth: "1990-01-01", gender: MALE}}) { case { standards { standard } } } }',
                                  context_value=context)
    assert result.errors is None and result.data["createCase"]["case"]["standards"] is not None


async def test_health_stays_answered_while_the_worst_query_runs(clock):
    async with app_with(clock) as client:
        await seed_many(client.app.state.store, 100)
        admin = bearer(roles=["ADMIN"])
        heavy = asyncio.create_task(client.post("/graphql", json={"query": HEAVY}, headers=admin))
        answered_while_heavy_ran = 0
        while not heavy.done():
            await asyncio.sleep(0)  # as a client waiting on its socket would: the heavy request gets its turns too
            live = await client.get("/health/live")
            assert live.status_code == 200
            if not heavy.done():
                answered_while_heavy_ran += 1
        body = (await heavy).json()
        assert "errors" not in body and len(body["data"]["cases"]["edges"]) == 100
        assert answered_while_heavy_ran >= 1

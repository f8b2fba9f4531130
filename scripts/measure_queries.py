"""Figures for docs/queries.md, never assertions in the test suite.

In one run, in one process, through the ASGI app (httpx's ASGI transport, no network):
1. requests per second for a full-case read with the limits as they were (depth and alias rules
   built per request, so the validation cache never hits) and as they are (built once), and the
   ratio; the validation cache's hits for each;
2. the worst query the limits allow: its cost, how long it ran, what it answered, and the longest
   time the event loop was held while it ran (a ticker waking every millisecond measures the gaps).

    .venv/bin/python scripts/measure_queries.py [CASES]     (default 2000)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from asgi_lifespan import LifespanManager  # noqa: E402
from strawberry.extensions import (  # noqa: E402
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.extensions.validation_cache import _get_validate_cache  # noqa: E402

import api.app  # noqa: E402
from api.settings import Settings  # noqa: E402
from domain.core.calendar import LONDON  # noqa: E402
from domain.core.ports import FixedClock  # noqa: E402
from resolvers import root  # noqa: E402
from tests.conftest import TEST_SECRET, token  # noqa: E402
from tests.query_support import a_person  # noqa: E402

FULL_CASE = """query Full($crn: String!) { case(crn: $crn) { crn version
  offender { forename surname dateOfBirth gender pncNumber } allocation { provider officer { code name } allocatedOn }
  sentences { id type imposedOn endDate status requirements { id type hours status }
    appointments { id date kind outcome } failuresToComply { id } compliance { failures countingFailureDates } }
  rosh { level } tier { tier } standards { standard state dueBy detail } compliance { failures live: liveWarnings }
  created { bySubject at } updated { bySubject at } } }"""


def schema_as_it_was(*, extensions=(), rules_once: bool = False, **_):
    """The extension list before this change: limiters passed as factories (a new rule class per
    request). ``rules_once``: the same list with only the fix (the rules created once)."""
    limiters = ([partial(AddValidationRules, root.limit_rules(root.MAX_DEPTH, root.MAX_ALIASES))] if rules_once else
                [partial(QueryDepthLimiter, max_depth=root.MAX_DEPTH), partial(MaxAliasesLimiter, max_alias_count=root.MAX_ALIASES)])
    return root.ReportingSchema(
        query=root.Query, mutation=root.Mutation,
        types=[root.Case, root.Sentence, root.Requirement, root.Appointment, root.FailureToComply,
               root.SafeguardingConcern, root.EmergencyAction],
        extensions=[root.GraphQLErrorCodes, *limiters, partial(MaxTokensLimiter, max_token_count=root.MAX_TOKENS),
                    partial(ParserCache, maxsize=root.CACHE_SIZE), partial(ValidationCache, maxsize=root.CACHE_SIZE),
                    root.MaskUnexpectedErrors, *extensions])


async def client_for(settings: Settings, clock, build=None):
    original = api.app.build_schema
    if build is not None:
        api.app.build_schema = build
    try:
        app = api.app.create_app(settings, clock=clock)
    finally:
        api.app.build_schema = original
    manager = LifespanManager(app)
    await manager.__aenter__()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://bench")
    return manager, client, app


async def seed(app, n: int) -> None:
    for i in range(n):
        await app.state.store.cases.add(a_person(f"B{i:06d}", surname=f"Case{i}", sentences=2))


async def throughput(settings, clock, build, requests: int) -> tuple[float, float, int]:
    manager, client, app = await client_for(settings, clock, build)
    await seed(app, 200)
    headers = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    cache = _get_validate_cache(root.CACHE_SIZE)
    cache.cache_clear()
    body = {"query": FULL_CASE, "variables": {"crn": "B000123"}, "operationName": "Full"}
    answer = await client.post("/graphql", json=body, headers=headers)
    assert "errors" not in answer.json(), answer.json()
    latencies = []
    started = time.perf_counter()
    for _ in range(requests):
        t = time.perf_counter()
        await client.post("/graphql", json=body, headers=headers)
        latencies.append(time.perf_counter() - t)
    elapsed = time.perf_counter() - started
    hits = cache.cache_info().hits
    await client.aclose()
    await manager.__aexit__(None, None, None)
    return requests / elapsed, statistics.median(latencies) * 1000, hits


def timed_call(method, calls):
    async def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return await method(*args, **kwargs)
        finally:
            calls.append((started, time.perf_counter()))
    return timed


async def worst(settings, clock, cases: int, query: str, label: str) -> None:
    manager, client, app = await client_for(settings, clock)
    await seed(app, cases)
    headers = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    gaps: list[tuple[float, float]] = []
    calls: list[tuple[float, float]] = []  # the embedded store's calls: synchronous (mongomock), they hold the loop
    running = True
    for repository in (app.state.store.cases, app.state.store.audit):
        for name in ("find", "count", "any_beyond", "get_many", "append_many"):
            if hasattr(repository, name):
                setattr(repository, name, timed_call(getattr(repository, name), calls))

    async def ticker():
        while running:
            t = time.perf_counter()
            await asyncio.sleep(0.001)
            gaps.append((t, time.perf_counter() - 0.001))

    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    started = time.perf_counter()
    answer = await client.post("/graphql", json={"query": query}, headers=headers)
    elapsed = time.perf_counter() - started
    running = False
    await tick
    body = answer.json()
    outcome = body["errors"][0]["extensions"]["code"] if body.get("errors") else "answered"
    longest = max(end - start for start, end in gaps)
    own = max((end - start for start, end in gaps if not any(a < end and b > start for a, b in calls)), default=0.0)
    slowest_call = max((b - a for a, b in calls), default=0.0)
    print(f"{label}: cost {body['extensions']['cost']['requested']} of {body['extensions']['cost']['limit']}, "
          f"{elapsed:.2f} s, {len(answer.content) / 1024:.0f} KiB, {outcome}; longest hold of the loop "
          f"{longest * 1000:.1f} ms; longest embedded-store call {slowest_call * 1000:.1f} ms ({len(calls)} calls); "
          f"longest hold by the service's own work {own * 1000:.1f} ms")
    await client.aclose()
    await manager.__aexit__(None, None, None)


async def main(cases: int) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    settings = Settings(auth_jwt_secret=TEST_SECRET, rate_limit=False)
    print(f"Python {sys.version.split()[0]}, one process, in-process ASGI\n")
    n = 600
    before = await throughput(settings, clock, schema_as_it_was, n)
    fixed = await throughput(settings, clock, partial(schema_as_it_was, rules_once=True), n)
    after = await throughput(settings, clock, None, n)
    print(f"full-case read, {n} requests each:\n  before (rules per request): {before[0]:.1f} req/s, p50 {before[1]:.1f} ms, "
          f"validation cache hits {before[2]}\n  the fix alone (rules once):  {fixed[0]:.1f} req/s, p50 {fixed[1]:.1f} ms, "
          f"hits {fixed[2]}: {fixed[0] / before[0]:.2f}x\n  as shipped (fix + cost, time budget, read audit, rate limit "
          f"off): {after[0]:.1f} req/s, p50 {after[1]:.1f} ms, hits {after[2]}: {after[0] / before[0]:.2f}x\n")
    reports = " ".join(f'r{i}: standardsReport(asOf: "2026-11-{i + 1:02d}") {{ asOf }}' for i in range(9))
    await worst(settings, clock, cases, "{ " + reports + " }", f"9 standardsReports over {cases} cases")
    page = ("{ cases(first: 100) { totalCount edges { node { crn standards { standard state dueBy } "
            "compliance { failures } } } } b: cases(first: 80) { edges { node { standards { standard } } } } }")
    await worst(settings, clock, cases, page, "180 cases with standards and compliance")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))

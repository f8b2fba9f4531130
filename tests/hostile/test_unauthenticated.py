"""Unauthenticated traffic costs almost nothing: the 401 never echoes what was sent; refusals are
audited in bounded form and aggregated per client address and window, so a flood cannot grow
the audit store or the service's memory without bound."""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.refusals import OTHER_SOURCES, RefusalAggregator
from api.settings import Settings
from tests.conftest import TEST_SECRET


def forged_token(alg: str) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return f"{part({'alg': alg, 'typ': 'JWT'})}.{part({'sub': 'x'})}.c2ln"


async def refusals(http) -> list[dict]:
    return await http.app.state.store.audit.collection.find({"kind": "REFUSAL"}).to_list(length=None)


async def test_a_60_kb_alg_is_neither_echoed_nor_stored(http):
    junk = "A" * 60_000
    response = await http.post("/graphql", json={"query": "{ __typename }"},
                               headers={"Authorization": f"Bearer {forged_token(junk)}"})
    assert response.status_code == 401 and junk[:50] not in response.text and len(response.content) < 300
    [event] = await refusals(http)
    assert junk[:50] not in json.dumps(event, default=str) and len(event["reason"]) < 100
    assert event["reason"].startswith("ALGORITHM_NOT_ACCEPTED from ") and event["count"] == 1


async def test_a_flood_from_one_address_is_one_event_at_once_and_one_with_the_count(http):
    for n in range(300):
        await http.post("/graphql", json={"query": "{ __typename }"},
                        headers={"Authorization": f"Bearer {forged_token('X' * (n + 1000))}"} if n % 2 else {})
    events = await refusals(http)
    assert len(events) == 1 and events[0]["count"] == 1  # the rest are counted, not written
    aggregator = http.app.state.refusals
    await aggregator.flush(everything=True)
    first, summary = sorted(await refusals(http), key=lambda e: e["_id"])
    assert summary["count"] == 299 and "299 more unauthenticated requests" in summary["reason"]
    assert "MISSING_TOKEN 149" in summary["reason"] and "ALGORITHM_NOT_ACCEPTED 150" in summary["reason"]
    assert len(aggregator.buckets) == 0
    assert await http.app.state.store.cases.collection.count_documents({}) == 0


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


async def test_each_window_is_its_own_event_and_sources_are_bounded():
    written, clock = [], Clock()

    async def record(event):
        written.append(event)
    aggregator = RefusalAggregator(record, lambda: datetime(2026, 11, 20, tzinfo=timezone.utc), window_seconds=60,
                                   max_sources=3, monotonic=clock)
    for source in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"):
        for _ in range(4):
            await aggregator.refuse(source, "MISSING_TOKEN")
    assert set(aggregator.buckets) == {"10.0.0.1", "10.0.0.2", "10.0.0.3", OTHER_SOURCES}  # bounded: 3 + one shared
    assert len(written) == 4
    clock.t = 61
    await aggregator.refuse("10.0.0.1", "TOKEN_EXPIRED")  # a new window: the old one is closed first
    assert [e.count for e in written[4:]] == [3, 1]
    await aggregator.flush()
    assert sorted(e.count for e in written[6:]) == [3, 3, 7]  # 10.0.0.2, .3, and the 8 - 1 from .4 and .5
    assert set(aggregator.buckets) == {"10.0.0.1"}
    await aggregator.refuse("x" * 10_000, "MISSING_TOKEN")
    assert max(len(s) for s in aggregator.buckets) == 64


@pytest.mark.parametrize("junk", ["Bearer " + "é" * 5000, "Basic " + "A" * 50_000, "Bearer a.b.c" + "\x7f" * 10])
async def test_no_401_echoes_the_authorization_header(http, junk):
    response = await http.post("/graphql", json={"query": "{ __typename }"}, headers={"Authorization": junk.encode()})
    assert response.status_code == 401 and len(response.content) < 300


async def test_many_addresses_cannot_grow_the_tracked_table(clock):
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, refusal_audit_max_sources=5), clock=clock)
    async with LifespanManager(app) as manager:
        for n in range(50):
            transport = httpx.ASGITransport(app=manager.app, client=(f"192.0.2.{n}", 1234))
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                assert (await client.post("/graphql", json={"query": "{ __typename }"})).status_code == 401
        assert len(app.state.refusals.buckets) == 6
        assert await app.state.store.audit.collection.count_documents({}) == 6

"""Figures for docs/events.md, never assertions in the test suite. On the embedded store (or the MongoDB at
MONGODB_URI, in throwaway databases ``measure-*``), in one process:

1. relay throughput: CASES cases each written WRITES times with the write's own drain switched off
   (so every outbox waits for the relay), then the relay's cycles timed until every outbox is empty:
   outbox entries moved per second and events stored per second;
2. write-to-delivery delay, the common path: a write (RoSH reassessment) timed from before the use
   case is called to the moment its ROSH_CHANGED is readable in the feed (the write's own drain moved
   it): median and p95;
3. write-to-delivery delay, relay only (the write's drain switched off, as after a fault): the background
   relay running every INTERVAL seconds; a reader polling the feed every 5 ms. Median and p95.

    .venv/bin/python scripts/measure_events.py [CASES] [WRITES] [INTERVAL]    (defaults 200 5 0.1)
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.core.calendar import LONDON  # noqa: E402
from domain.core.enums import Gender, Role, RoshLevel  # noqa: E402
from domain.core.ports import EventQuery, FixedClock  # noqa: E402
from domain.core.principal import Principal  # noqa: E402
from domain.core.unit_of_work import UnitOfWork  # noqa: E402
from domain.events.model import EventType  # noqa: E402
from domain.records import use_cases as records  # noqa: E402
from domain.records.commands import CreateCase, OffenderDetails  # noqa: E402
from domain.risk import use_cases as risk  # noqa: E402
from domain.risk.commands import RecordRoshAssessment  # noqa: E402
from repositories.factory import open_store  # noqa: E402

ADMIN = Principal(subject="measure", name="Measure", roles=frozenset({Role.ADMIN}))
LEVELS = [RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH, RoshLevel.VERY_HIGH]


class NoDrain:
    """The case repository with the write's own drain off: outboxes wait for the relay."""

    def __init__(self, inner) -> None:
        self.inner = inner

    async def drain(self, crn):
        return 0

    def __getattr__(self, name):
        return getattr(self.inner, name)


URI = os.environ.get("MONGODB_URI") or None  # set: measure on that MongoDB (throwaway databases measure-*)


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


async def opened(uow: UnitOfWork, n: int) -> list[str]:
    crns = []
    for i in range(n):
        outcome = await records.create_case(uow, ADMIN, CreateCase(offender=OffenderDetails(
            forename="Sam", surname=f"Reed{i}", date_of_birth=datetime(1990, 1, 1).date(), gender=Gender.MALE,
            pnc_number=None), crn=f"M{i:06d}"))
        assert outcome.ok, outcome.errors
        crns.append(outcome.case.crn)
    return crns


def rosh(crn: str, k: int) -> RecordRoshAssessment:
    """The k-th reassessment of a case: a different level from the (k-1)-th, so it is a ROSH_CHANGED."""
    return RecordRoshAssessment(crn=crn, level=LEVELS[k % len(LEVELS)], assessed_on=datetime(2026, 11, 20).date(),
                                rationale="Reassessed for the measurement.")


async def throughput(cases: int, writes: int) -> None:
    store = open_store(URI, "measure-throughput")
    await store.database.client.drop_database("measure-throughput")
    await store.ensure_indexes()
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, events=store.events)
    crns = await opened(uow, cases)
    quiet = UnitOfWork(NoDrain(store.cases), clock, store.tiers, store.audit, events=store.events)
    for k in range(writes):
        for crn in crns:
            assert (await risk.record_rosh_assessment(quiet, ADMIN, rosh(crn, k + 1))).ok
    events_before = await store.database.events.count_documents({})
    started = time.perf_counter()
    moved = 0
    while True:
        cycle = await store.relay.run_once()
        if cycle == 0:
            break
        moved += cycle
    elapsed = time.perf_counter() - started
    stored = await store.database.events.count_documents({}) - events_before
    print(f"1. relay throughput: {cases} cases x {writes} writes -> {moved} outbox entries ({stored} events) moved "
          f"in {elapsed:.2f} s: {moved / elapsed:,.0f} entries/s, {stored / elapsed:,.0f} events/s")
    store.close()


async def common_path(samples: int) -> None:
    store = open_store(URI, "measure-common")
    await store.database.client.drop_database("measure-common")
    await store.ensure_indexes()
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, events=store.events)
    crns = await opened(uow, 20)
    delays = []
    for k in range(samples):
        crn = crns[k % len(crns)]
        after = await store.events.latest_position()
        started = time.perf_counter()
        assert (await risk.record_rosh_assessment(uow, ADMIN, rosh(crn, k // len(crns) + 1))).ok
        while not await store.events.find(EventQuery(after=after, types=(EventType.ROSH_CHANGED,), crn=crn), 1):
            await asyncio.sleep(0)
        delays.append((time.perf_counter() - started) * 1000)
    print(f"2. write to delivery, common path (the write's own drain), {samples} writes: "
          f"median {statistics.median(delays):.1f} ms, p95 {p95(delays):.1f} ms (the write itself included)")
    store.close()


async def relay_only(samples: int, interval: float) -> None:
    store = open_store(URI, "measure-relay")
    await store.database.client.drop_database("measure-relay")
    await store.ensure_indexes()
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, events=store.events)
    crns = await opened(uow, 20)
    quiet = UnitOfWork(NoDrain(store.cases), clock, store.tiers, store.audit, events=store.events)
    loop = asyncio.create_task(store.relay.run(interval))
    delays = []
    try:
        for k in range(samples):
            crn = crns[k % len(crns)]
            after = await store.events.latest_position()
            started = time.perf_counter()
            assert (await risk.record_rosh_assessment(quiet, ADMIN, rosh(crn, k // len(crns) + 1))).ok
            while not await store.events.find(EventQuery(after=after, types=(EventType.ROSH_CHANGED,), crn=crn), 1):
                await asyncio.sleep(0.005)
            delays.append((time.perf_counter() - started) * 1000)
    finally:
        loop.cancel()
    print(f"3. write to delivery, relay only (EVENTS_RELAY_INTERVAL_SECONDS={interval}), {samples} writes: "
          f"median {statistics.median(delays):.1f} ms, p95 {p95(delays):.1f} ms")
    store.close()


async def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    writes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    await throughput(cases, writes)
    await common_path(200)
    await relay_only(100, interval)


if __name__ == "__main__":
    asyncio.run(main())

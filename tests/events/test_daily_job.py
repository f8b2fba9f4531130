"""Issue 12.5: the daily job re-derives what time alone changes: a standard that became OVERDUE is
announced (STANDARD_OVERDUE) and the stored summary refreshed; run twice, it announces once. The
in-process loop is leader-elected through a lease: one instance runs it per interval."""

from __future__ import annotations

from datetime import timedelta

from api.jobs import DailyJob, run_once
from repositories.leases import MongoLeases
from tests.conftest import ADD_SENTENCE, ALLOCATE, community_order_input, create_case


async def allocated_case(gql, crn: str = "B000002") -> None:
    # Allocated 2026-11-18: APPT-1 (first appointment) due by 2026-11-25, overdue from the day after.
    await create_case(gql, crn)
    await gql(ADD_SENTENCE, {"input": community_order_input(crn)})
    await gql(ALLOCATE, {"input": {"crn": crn, "provider": "NPS", "officer": {"code": "N2"},
                                   "allocatedOn": "2026-11-18", "rationale": "Allocated by RoSH band"}})


async def overdue_events(store) -> list[dict]:
    return [d async for d in store.database.events.find({"type": "STANDARD_OVERDUE"})]


async def test_a_standard_that_became_overdue_is_announced_once_and_the_summary_refreshed(gql, uow, store, clock):
    await allocated_case(gql)
    assert (await run_once(uow))["overdueEvents"] == 0  # nothing is overdue yet
    before = await store.database.cases.find_one({"crn": "B000002"})
    assert before["current"]["overdueFrom"] is not None and before["current"]["overdueFrom"] > "2026-11-20"

    clock.set(clock.now() + timedelta(days=10))
    first = await run_once(uow)
    events = await overdue_events(store)
    assert first["overdueEvents"] >= 1 and len(events) == first["overdueEvents"]
    assert "APPT-1" in {e["detail"]["standard"] for e in events}
    refreshed = await store.database.cases.find_one({"crn": "B000002"})
    assert refreshed["current"]["summary"]["asOf"] == clock.today().isoformat()
    assert refreshed["version"] == before["version"] + 1

    second = await run_once(uow)
    assert second == {"tiersRecalculated": 0, "casesRefreshed": 0, "overdueEvents": 0, "failed": 0}
    assert len(await overdue_events(store)) == len(events)
    assert (await store.database.cases.find_one({"crn": "B000002"}))["version"] == refreshed["version"]


async def test_one_instance_runs_the_job_per_interval(gql, uow, store, clock):
    await allocated_case(gql)
    leases = MongoLeases(store.database["leases"])
    first = DailyJob(uow, leases, timedelta(hours=24), owner="instance-a")
    second = DailyJob(uow, leases, timedelta(hours=24), owner="instance-b")
    assert await first.tick() is not None
    assert await second.tick() is None  # it ran less than a day ago
    held = await leases.acquire("daily-job", "instance-a", clock.now(), timedelta(minutes=30))
    assert await second.tick() is None  # and instance-a holds the lease
    await leases.release("daily-job", "instance-a", lastRunAt=held["lastRunAt"])
    clock.set(clock.now() + timedelta(hours=25))
    assert await second.tick() is not None

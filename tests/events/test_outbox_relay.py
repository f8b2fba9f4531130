"""Issue 12.1: the outbox is written with the change; the relay moves it; a fault between the two
loses nothing and a re-run stores nothing twice; two relays at once move each entry once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from domain.core.enums import RoshLevel
from domain.core.ports import EventQuery
from domain.risk import use_cases as risk
from domain.risk.commands import RecordRoshAssessment
from domain.core.unit_of_work import UnitOfWork
from repositories.outbox import OutboxRelay
from tests.conftest import TODAY, create_case


class CrashAfterCaseWrite:
    """The fault-injection seam: the case repository, whose write succeeds and then the process
    'dies' (raises) before anything else happens: no drain, no audit, no tier history."""

    def __init__(self, inner) -> None:
        self.inner = inner

    async def save(self, loaded, outbox=None):
        written = await self.inner.save(loaded, outbox)
        if written:
            raise ConnectionError("the process died after the case write")
        return written

    async def drain(self, crn):
        raise AssertionError("never reached: the process died first")

    def __getattr__(self, name):
        return getattr(self.inner, name)


class NoDrain(CrashAfterCaseWrite):
    """Writes normally but leaves every outbox to the background relay."""

    async def save(self, loaded, outbox=None):
        return await self.inner.save(loaded, outbox)

    async def drain(self, crn):
        return 0


def rosh(crn: str, level: RoshLevel, days_ago: int = 0) -> RecordRoshAssessment:
    return RecordRoshAssessment(crn=crn, level=level, assessed_on=TODAY - timedelta(days=days_ago),
                                rationale="Assessed at interview.")


async def counts(store, crn: str) -> dict[str, int]:
    db = store.database
    return {"events": await db.events.count_documents({"crn": crn}),
            "audit": await db.audit.count_documents({"crn": crn, "kind": "WRITE"}),
            "tiers": await db.tier_calculations.count_documents({"crn": crn}),
            "outbox": len((await db.cases.find_one({"crn": crn}))["outbox"])}


async def test_a_write_moves_its_outbox_at_once_in_the_common_path(gql, store):
    await create_case(gql, "X123456")
    after_create = await counts(store, "X123456")
    assert after_create == {"events": 2, "audit": 1, "tiers": 1, "outbox": 0}  # CASE_CREATED, TIER_CHANGED
    types = [d["type"] async for d in store.database.events.find({}).sort("position", 1)]
    assert types == ["CASE_CREATED", "TIER_CHANGED"]


async def test_a_fault_between_the_case_write_and_the_relay_loses_nothing_and_the_rerun_adds_nothing(
        gql, store, clock, admin):
    await create_case(gql, "X123456")
    before = await counts(store, "X123456")
    crashing = UnitOfWork(CrashAfterCaseWrite(store.cases), clock, store.tiers, store.audit)
    with pytest.raises(ConnectionError):
        await risk.record_rosh_assessment(crashing, admin, rosh("X123456", RoshLevel.HIGH))

    stored = await store.cases.get("X123456")
    assert stored.rosh.level is RoshLevel.HIGH  # the change was written
    pending = await counts(store, "X123456")
    assert pending["events"] == before["events"] and pending["audit"] == before["audit"]  # nothing moved yet
    assert pending["outbox"] >= 2  # ROSH_CHANGED and the audit event wait on the case

    relay = OutboxRelay(store.database, owner="next-run", now=clock.now)
    assert await relay.run_once() == pending["outbox"]
    moved = await counts(store, "X123456")
    assert moved["outbox"] == 0
    assert moved["audit"] == before["audit"] + 1
    assert await store.database.events.count_documents({"crn": "X123456", "type": "ROSH_CHANGED"}) == 1
    assert await relay.run_once() == 0
    assert await counts(store, "X123456") == moved


async def test_a_relay_that_dies_after_storing_is_taken_over_when_its_lease_expires(gql, store, clock, admin):
    await create_case(gql, "X123456")
    uow = UnitOfWork(NoDrain(store.cases), clock, store.tiers, store.audit)
    assert (await risk.record_rosh_assessment(uow, admin, rosh("X123456", RoshLevel.MEDIUM))).ok

    class DiesBeforeRemoving(OutboxRelay):
        async def _move(self, claimed):
            entries = claimed["outbox"]
            await self.targets[entries[0]["to"]].insert_one({**entries[0]["doc"], "_id": entries[0]["id"]})
            raise ConnectionError("died after storing one entry")

    dying = DiesBeforeRemoving(store.database, owner="dying", now=clock.now, lease_seconds=30)
    with pytest.raises(ConnectionError):
        await dying.run_once()
    other = OutboxRelay(store.database, owner="other", now=clock.now, lease_seconds=30)
    assert await other.run_once() == 0, "the case is leased to the relay that died"
    clock.set(clock.now() + timedelta(seconds=31))
    assert await other.run_once() > 0
    assert (await counts(store, "X123456"))["outbox"] == 0
    assert await store.database.events.count_documents({"crn": "X123456", "type": "ROSH_CHANGED"}) == 1


class Yielding:
    """A collection that yields to the event loop before every call, so two relays interleave."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __getattr__(self, name):
        attribute = getattr(self.inner, name)
        if not callable(attribute) or name == "find":
            return attribute

        async def call(*args, **kwargs):
            await asyncio.sleep(0)
            return await attribute(*args, **kwargs)
        return call


class YieldingDatabase:
    def __init__(self, inner) -> None:
        self.inner = inner

    def __getitem__(self, name):
        return Yielding(self.inner[name])


async def test_two_relays_at_once_move_each_entry_exactly_once(gql, store, clock, admin):
    crns = [f"X{n:06d}" for n in range(1, 13)]
    quiet = UnitOfWork(NoDrain(store.cases), clock, store.tiers, store.audit)
    for crn in crns:
        await create_case(gql, crn)
        for level in (RoshLevel.LOW, RoshLevel.HIGH):
            assert (await risk.record_rosh_assessment(quiet, admin, rosh(crn, level))).ok
    pending = sum([(await counts(store, crn))["outbox"] for crn in crns])
    first = OutboxRelay(YieldingDatabase(store.database), owner="a", now=clock.now)
    second = OutboxRelay(YieldingDatabase(store.database), owner="b", now=clock.now)

    moved = await asyncio.gather(first.run_once(), second.run_once())

    assert sum(moved) == pending and all(moved), "both relays worked, and between them moved everything once"
    positions = [d["position"] async for d in store.database.events.find({})]
    assert len(positions) == len(set(positions))
    for crn in crns:
        assert await store.database.events.count_documents({"crn": crn, "type": "ROSH_CHANGED"}) == 2
        assert (await counts(store, crn))["outbox"] == 0


async def test_the_feed_never_reads_past_a_batch_still_being_stored(gql, store, clock):
    await create_case(gql, "X123456")
    newest = await store.events.latest_position()
    await store.database.relay_reservations.insert_one(
        {"_id": "busy", "low": newest + 1, "until": (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()})
    await create_case(gql, "X123457")
    assert [e.crn for e in await store.events.find(EventQuery(after=0), 10)] == ["X123456", "X123456"]
    await store.database.relay_reservations.delete_one({"_id": "busy"})
    assert {e.crn for e in await store.events.find(EventQuery(after=newest), 10)} == {"X123457"}

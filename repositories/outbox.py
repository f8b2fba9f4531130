"""The relay: moves each case's ``outbox`` (written with the change, in the same update) into the
``events``, ``audit`` and ``tier_calculations`` collections (docs/events.md).

One case at a time, safely with several relays at once:
1. claim: one atomic ``find_one_and_update`` sets a lease ``relay: {owner, until}`` on a case whose
   outbox is not empty and whose lease is free, expired or already this relay's;
2. store: each entry is inserted under its own id (a duplicate key means an earlier run stored it:
   skipped), events with a feed position from a counter, under a reservation that holds the feed's
   horizon back until they are stored;
3. remove: ``$pull`` of exactly the ids moved (entries appended meanwhile stay), and the lease freed.
A relay that dies between 2 and 3 leaves the entries on the case; once its lease expires another
relay (or itself) claims the case, re-inserts (nothing twice: the ids) and removes them. The case's
``version`` is never touched, so moving an outbox never makes a client's ``expectedVersion`` stale."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from domain.events.outbox import Outbox
from repositories.audit import _stored as audit_document
from repositories.events import event_document

logger = logging.getLogger("probation.relay")
_UTC = timezone.utc
TARGETS = ("events", "audit", "tier_calculations")


def outbox_entries(outbox: Outbox | None, case_id: str, crn: str) -> list[dict[str, Any]]:
    """The outbox as stored on the case: ``{id, to, doc}`` per entry, ``doc`` already in its target's
    form (the audit event with the request id of the request that wrote it)."""
    if not outbox:
        return []
    entries = [{"id": e.id, "to": "events", "doc": event_document(e)} for e in outbox.events]
    entries += [{"id": e.id, "to": "audit", "doc": audit_document(e)} for e in outbox.audit]
    for calculation in outbox.tiers:
        document = calculation.model_dump(mode="json", exclude={"id"})
        entries.append({"id": calculation.id, "to": "tier_calculations", "doc": {**document, "_id": calculation.id,
                                                                                  "caseId": case_id, "crn": crn}})
    return entries


def _iso(at: datetime) -> str:
    return at.astimezone(_UTC).isoformat()


class OutboxRelay:
    """Moves outboxes; ``run_once`` is one cycle over every case with a pending outbox, ``drain`` one
    case (right after its write), ``run`` the background loop."""

    def __init__(self, database, *, owner: str | None = None, lease_seconds: float = 30.0, batch: int = 100,
                 now: Callable[[], datetime] | None = None) -> None:
        self.database = database
        self.cases = database["cases"]
        self.targets = {name: database[name] for name in TARGETS}
        self.counters = database["counters"]
        self.reservations = database["relay_reservations"]
        self.owner = owner or f"relay-{uuid.uuid4().hex[:12]}"
        self.lease = timedelta(seconds=lease_seconds)
        self.batch = batch
        self.now = now or (lambda: datetime.now(tz=_UTC))
        self.moved = asyncio.Event()  # set whenever events were stored (subscriptions wait on it)
        self.events_moved = 0

    def _claimable(self) -> dict[str, Any]:
        return {"outbox.id": {"$exists": True},
                "$or": [{"relay": None}, {"relay.until": {"$lte": _iso(self.now())}}, {"relay.owner": self.owner}]}

    async def _claim(self, conditions: dict[str, Any]) -> dict[str, Any] | None:
        return await self.cases.find_one_and_update(
            {**conditions, **self._claimable()},
            {"$set": {"relay": {"owner": self.owner, "until": _iso(self.now() + self.lease)}}},
            projection={"_id": 1, "crn": 1, "outbox": 1}, return_document=ReturnDocument.AFTER)

    async def pending(self) -> int:
        """Cases with outbox entries not moved yet (served by the ``outbox_id`` index): the backlog."""
        return await self.cases.count_documents({"outbox.id": {"$exists": True}})

    async def drain(self, crn: str) -> int:
        """Move one case's outbox now, if no other relay holds it."""
        claimed = await self._claim({"crn": crn})
        return await self._move(claimed) if claimed else 0

    async def run_once(self) -> int:
        """One cycle: claim and move cases with a pending outbox until none is left that this relay
        may claim (at most ``batch`` cases). Returns the entries moved."""
        moved = 0
        for _ in range(self.batch):
            claimed = await self._claim({})
            if claimed is None:
                break
            moved += await self._move(claimed)
        return moved

    async def _move(self, claimed: dict[str, Any]) -> int:
        entries = claimed.get("outbox") or []
        events = [e for e in entries if e["to"] == "events"]
        reservation = None
        if events:
            counter = await self.counters.find_one_and_update({"_id": "events"}, {"$inc": {"n": len(events)}},
                                                              upsert=True, return_document=ReturnDocument.AFTER)
            low = counter["n"] - len(events) + 1
            reservation = {"_id": f"{self.owner}:{uuid.uuid4().hex[:8]}", "low": low,
                           "until": _iso(self.now() + self.lease)}
            await self.reservations.insert_one(reservation)
            for offset, entry in enumerate(events):
                entry["doc"]["position"] = low + offset
        stored = 0
        try:
            for entry in entries:
                try:
                    await self.targets[entry["to"]].insert_one({**entry["doc"], "_id": entry["id"]})
                    stored += entry["to"] == "events"
                except DuplicateKeyError:
                    pass  # stored by an earlier run that did not get to remove it
            ids = [e["id"] for e in entries]
            pulled = await self.cases.update_one({"_id": claimed["_id"], "relay.owner": self.owner},
                                                 {"$pull": {"outbox": {"id": {"$in": ids}}}, "$unset": {"relay": ""}})
            if pulled.matched_count == 0:  # the lease was taken over meanwhile: still remove what is stored
                await self.cases.update_one({"_id": claimed["_id"]}, {"$pull": {"outbox": {"id": {"$in": ids}}}})
        finally:
            if reservation is not None:
                await self.reservations.delete_one({"_id": reservation["_id"]})
        if stored:
            self.events_moved += stored
            self.moved.set()
        return len(entries)

    async def wait_moved(self, timeout: float) -> None:
        """Until events were stored by this relay, or ``timeout`` seconds (events other instances
        stored are found by the next poll)."""
        try:
            await asyncio.wait_for(self.moved.wait(), timeout)
        except asyncio.TimeoutError:
            return
        finally:
            self.moved.clear()

    async def run(self, interval_seconds: float) -> None:
        """The background loop (the lifespan runs it): a cycle, then a pause."""
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001  (the database may be away: try again next cycle)
                logger.warning("Relay cycle failed; retrying in %ss", interval_seconds, exc_info=True)
            await asyncio.sleep(interval_seconds)

"""The ``events`` collection: append-only, written only by the relay (``repositories.outbox``),
keyed by the outbox entry id, in feed order by ``position`` (given by a counter as the relay stores
them). A relay holds a reservation in ``relay_reservations`` while it stores a batch; the feed
never reads past the lowest live reservation, so a reader that moved its cursor past an event can
never see an earlier-positioned one appear afterwards."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

from domain.core.ports import EventQuery
from domain.events.model import DomainEvent, EventType

_UTC = timezone.utc


def event_document(event: DomainEvent) -> dict[str, Any]:
    return {"_id": event.id, "type": event.type.value, "version": event.version,
            "occurredAt": event.occurred_at.astimezone(_UTC).isoformat(), "crn": event.crn, "caseId": event.case_id,
            "caseVersion": event.case_version, "detail": event.detail, "provider": event.provider,
            "restrictedTo": list(event.restricted_to) if event.restricted_to is not None else None,
            "partners": event.partners, "agencies": sorted(event.partners)}


def from_event_document(document: dict[str, Any]) -> DomainEvent:
    restricted = document.get("restrictedTo")
    return DomainEvent(id=document["_id"], type=EventType(document["type"]), version=document["version"],
                       occurred_at=datetime.fromisoformat(document["occurredAt"]), crn=document["crn"],
                       case_id=document["caseId"], case_version=document["caseVersion"], detail=document["detail"],
                       provider=document.get("provider"),
                       restricted_to=tuple(restricted) if restricted is not None else None,
                       partners=document.get("partners") or {}, position=document.get("position"))


def conditions(query: EventQuery, horizon: int | None) -> dict[str, Any]:
    position: dict[str, Any] = {"$gt": query.after or 0}
    if horizon is not None:
        position["$lte"] = horizon
    found: dict[str, Any] = {"position": position}
    if query.types is not None:
        found["type"] = {"$in": [t.value for t in query.types]}
    if query.crn is not None:
        found["crn"] = query.crn
    if not query.staff:
        found["agencies"] = query.agency
        return found
    if query.providers is not None:
        found["provider"] = {"$in": list(query.providers)}
    found["$or"] = [{"restrictedTo": None}, {"restrictedTo": query.viewer}]
    return found


class MongoEventStore:
    """Implements ``domain.ports.EventStore``."""

    def __init__(self, collection, reservations, now=None, relay=None) -> None:
        self.collection = collection
        self.reservations = reservations
        self.now = now or (lambda: datetime.now(tz=_UTC))
        self.relay = relay  # this process's relay: wakes subscriptions when it stores events

    async def wait_for_new(self, timeout: float) -> None:
        if self.relay is not None:
            await self.relay.wait_moved(timeout)
        else:
            await asyncio.sleep(timeout)

    async def horizon(self) -> int | None:
        """The last position a reader may see: just before the lowest live reservation (None: no limit)."""
        live = await self.reservations.find_one({"until": {"$gt": self.now().astimezone(_UTC).isoformat()}},
                                                sort=[("low", 1)])
        return live["low"] - 1 if live else None

    async def find(self, query: EventQuery, first: int) -> list[DomainEvent]:
        if query.types is not None and not query.types:
            return []
        cursor = self.collection.find(conditions(query, await self.horizon())).sort("position", 1).limit(first)
        return [from_event_document(d) async for d in cursor]

    async def latest_position(self) -> int:
        horizon = await self.horizon()
        found = {"position": {"$lte": horizon}} if horizon is not None else {}
        newest = await self.collection.find_one(found, {"position": 1}, sort=[("position", -1)])
        return newest["position"] if newest else 0

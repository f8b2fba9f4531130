"""The ``webhooks`` and ``webhook_deliveries`` collections. A delivery is keyed by webhook and event
(``<webhook id>:<event id>``), so the same event is queued once per webhook however often the
dispatcher reads the feed; a dispatcher claims a due delivery with an atomic update (a lease), so
two instances never send the same attempt."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from domain.events.model import EventType
from domain.events.webhooks import Delivery, DeliveryStatus, Webhook

_UTC = timezone.utc


def _iso(at: datetime) -> str:
    return at.astimezone(_UTC).isoformat()


def _webhook(document: dict[str, Any]) -> Webhook:
    return Webhook(id=document["_id"], agency=document["agency"], url=document["url"],
                   types=tuple(EventType(t) for t in document["types"]), secret=document["secret"],
                   created_at=datetime.fromisoformat(document["createdAt"]), created_by=document["createdBy"],
                   position=document.get("position", 0))


def _delivery(document: dict[str, Any]) -> Delivery:
    def when(name: str) -> datetime | None:
        return datetime.fromisoformat(document[name]) if document.get(name) else None

    return Delivery(id=document["_id"], webhook_id=document["webhookId"], agency=document["agency"],
                    event_id=document["eventId"], event_type=EventType(document["eventType"]), crn=document["crn"],
                    body=document["body"], status=DeliveryStatus(document["status"]), attempts=document["attempts"],
                    next_attempt_at=when("nextAttemptAt"), last_error=document.get("lastError"),
                    delivered_at=when("deliveredAt"), history=tuple(document.get("history", ())))


class MongoWebhookStore:
    def __init__(self, webhooks, deliveries) -> None:
        self.webhooks = webhooks
        self.deliveries = deliveries

    async def add(self, webhook: Webhook) -> None:
        await self.webhooks.insert_one({"_id": webhook.id, "agency": webhook.agency, "url": webhook.url,
                                        "types": [t.value for t in webhook.types], "secret": webhook.secret,
                                        "createdAt": _iso(webhook.created_at), "createdBy": webhook.created_by,
                                        "position": webhook.position})

    async def all(self) -> list[Webhook]:
        return [_webhook(d) async for d in self.webhooks.find({}).sort("_id", 1)]

    async def advance(self, webhook: Webhook, position: int) -> bool:
        """Move the webhook's feed position forward, guarded by the position read (False: another
        dispatcher moved it first; its deliveries are the same ones, keyed by event)."""
        result = await self.webhooks.update_one({"_id": webhook.id, "position": webhook.position},
                                                {"$set": {"position": position}})
        return result.matched_count == 1

    async def queue(self, delivery: Delivery, at: datetime) -> bool:
        try:
            await self.deliveries.insert_one({
                "_id": delivery.id, "webhookId": delivery.webhook_id, "agency": delivery.agency,
                "eventId": delivery.event_id, "eventType": delivery.event_type.value, "crn": delivery.crn,
                "body": delivery.body, "status": DeliveryStatus.PENDING.value, "attempts": 0,
                "nextAttemptAt": _iso(at), "queuedAt": _iso(at), "history": []})
        except DuplicateKeyError:
            return False
        return True

    async def claim_due(self, now: datetime, owner: str, lease: timedelta) -> Delivery | None:
        document = await self.deliveries.find_one_and_update(
            {"status": DeliveryStatus.PENDING.value, "nextAttemptAt": {"$lte": _iso(now)},
             "$or": [{"lease": None}, {"lease.until": {"$lte": _iso(now)}}]},
            {"$set": {"lease": {"owner": owner, "until": _iso(now + lease)}}},
            sort=[("nextAttemptAt", 1)], return_document=ReturnDocument.AFTER)
        return _delivery(document) if document else None

    async def finish(self, delivery: Delivery, owner: str, *, status: DeliveryStatus, attempts: int,
                     next_attempt_at: datetime | None, error: str | None, at: datetime) -> None:
        note = f"{_iso(at)} attempt {attempts}: {error or 'delivered'}"
        await self.deliveries.update_one(
            {"_id": delivery.id, "lease.owner": owner},
            {"$set": {"status": status.value, "attempts": attempts, "lastError": error,
                      "nextAttemptAt": _iso(next_attempt_at) if next_attempt_at else None,
                      **({"deliveredAt": _iso(at)} if status is DeliveryStatus.DELIVERED else {})},
             "$unset": {"lease": ""}, "$push": {"history": note}})

    async def find(self, agency: str | None, status: DeliveryStatus | None, first: int) -> list[Delivery]:
        conditions: dict[str, Any] = {}
        if agency is not None:
            conditions["agency"] = agency
        if status is not None:
            conditions["status"] = status.value
        cursor = self.deliveries.find(conditions).sort("queuedAt", -1).limit(first)
        return [_delivery(d) async for d in cursor]

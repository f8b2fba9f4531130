"""The ``leases`` collection: named leases for leader election (the daily job), one document per
name, taken with one atomic ``find_one_and_update`` (upsert): it matches only a free, expired or
already-held lease, and a lease another instance holds makes the upsert collide on ``_id``."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

_UTC = timezone.utc


def _iso(at: datetime) -> str:
    return at.astimezone(_UTC).isoformat()


class MongoLeases:
    def __init__(self, collection) -> None:
        self.collection = collection

    async def acquire(self, name: str, owner: str, now: datetime, ttl: timedelta) -> dict | None:
        """The lease document when ``owner`` now holds ``name`` until ``now + ttl``; None when another does."""
        try:
            return await self.collection.find_one_and_update(
                {"_id": name, "$or": [{"until": {"$lte": _iso(now)}}, {"owner": owner}]},
                {"$set": {"owner": owner, "until": _iso(now + ttl)}}, upsert=True, return_document=ReturnDocument.AFTER)
        except DuplicateKeyError:
            return None

    async def release(self, name: str, owner: str, **fields) -> None:
        """Free the lease (if still held by ``owner``), recording ``fields`` (e.g. when the job last ran)."""
        await self.collection.update_one({"_id": name, "owner": owner},
                                         {"$set": {"until": _iso(datetime.fromtimestamp(0, _UTC)), **fields}})

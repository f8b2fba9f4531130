"""The ``audit`` collection: append-only. This class has no update or delete, and nothing else
writes to the collection (REC-1, REC-4)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from domain.audit.events import AuditEvent, AuditKind
from domain.core.request_context import current_request_id


def to_document(event: AuditEvent) -> dict[str, Any]:
    return {"_id": event.id, "kind": event.kind.value, "at": event.at.isoformat(), "operation": event.operation,
            "actorSubject": event.actor_subject, "actorName": event.actor_name, "roles": list(event.roles),
            "agency": event.agency, "crn": event.crn, "versionBefore": event.version_before,
            "versionAfter": event.version_after, "purpose": event.purpose, "fieldsReturned": list(event.fields_returned),
            "reason": event.reason, "requestId": event.request_id or current_request_id(), "count": event.count,
            "target": event.target, **({"crns": list(event.crns)} if event.crns else {})}


def from_document(document: dict[str, Any]) -> AuditEvent:
    return AuditEvent(id=document["_id"], kind=AuditKind(document["kind"]), at=datetime.fromisoformat(document["at"]),
                      operation=document["operation"], actor_subject=document.get("actorSubject"),
                      actor_name=document.get("actorName"), roles=tuple(document.get("roles", [])),
                      agency=document.get("agency"), crn=document.get("crn"), version_before=document.get("versionBefore"),
                      version_after=document.get("versionAfter"), purpose=document.get("purpose"),
                      fields_returned=tuple(document.get("fieldsReturned", [])), reason=document.get("reason"),
                      request_id=document.get("requestId"), count=document.get("count"),
                      target=document.get("target"), crns=tuple(document.get("crns", ())))


_UTC = timezone.utc


def _stored(event: AuditEvent) -> dict[str, Any]:
    document = to_document(event)
    document["at"] = event.at.astimezone(_UTC).isoformat()
    return document


class MongoAuditLog:
    """Implements ``domain.ports.AuditLog``. Instants are stored as UTC ISO strings so that they
    sort as time; the keyset order is (at, _id) descending."""

    def __init__(self, collection) -> None:
        self.collection = collection

    async def append(self, event: AuditEvent) -> None:
        await self.collection.insert_one(_stored(event))

    async def append_many(self, events: Sequence[AuditEvent]) -> None:
        if events:
            await self.collection.insert_many([_stored(event) for event in events], ordered=True)

    @staticmethod
    def conditions(crn: str | None, actor: str | None, since: datetime | None, until: datetime | None) -> dict[str, Any]:
        """The filter; each branch is led by a field that leads an index (repositories.indexes)."""
        conditions: dict[str, Any] = {}
        if crn is not None:
            # One case: events about it alone (crn) and batched reads that name it (crns).
            conditions["$or"] = [{"crn": crn}, {"crns": crn}]
        if actor is not None:
            conditions["actorSubject"] = actor
        at: dict[str, str] = {}
        if since is not None:
            at["$gte"] = since.astimezone(_UTC).isoformat()
        if until is not None:
            at["$lt"] = until.astimezone(_UTC).isoformat()
        if at:
            conditions["at"] = at
        return conditions

    async def find(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None,
                   first: int, after: tuple[datetime, str] | None, *, before: tuple[datetime, str] | None = None,
                   backward: bool = False) -> list[AuditEvent]:
        conditions = self.conditions(crn, actor, since, until)
        keyset = []
        if after is not None:
            at_after = after[0].astimezone(_UTC).isoformat()
            keyset.append({"$or": [{"at": {"$lt": at_after}}, {"at": at_after, "_id": {"$lt": after[1]}}]})
        if before is not None:
            at_before = before[0].astimezone(_UTC).isoformat()
            keyset.append({"$or": [{"at": {"$gt": at_before}}, {"at": at_before, "_id": {"$gt": before[1]}}]})
        if keyset:
            conditions = {"$and": [conditions, *keyset]} if conditions else {"$and": keyset}
        direction = 1 if backward else -1
        cursor = self.collection.find(conditions).sort([("at", direction), ("_id", direction)]).limit(first)
        return [from_document(d) async for d in cursor]

    async def count(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None) -> int:
        return await self.collection.count_documents(self.conditions(crn, actor, since, until))

    async def any_beyond(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None,
                         position: tuple[datetime, str], *, newer: bool) -> bool:
        at = position[0].astimezone(_UTC).isoformat()
        side, inclusive = ("$gt", "$gte") if newer else ("$lt", "$lte")
        keyset = {"$or": [{"at": {side: at}}, {"at": at, "_id": {inclusive: position[1]}}]}
        conditions = self.conditions(crn, actor, since, until)
        found = await self.collection.find_one({"$and": [conditions, keyset]} if conditions else keyset, {"_id": 1})
        return found is not None

"""The ``victims`` collection (VIC-3): victim records apart from the case."""

from __future__ import annotations

from domain.sharing.victims import VictimRecord


class MongoVictimRepository:
    def __init__(self, collection) -> None:
        self.collection = collection

    async def add(self, record: VictimRecord) -> None:
        document = record.model_dump(mode="json", exclude={"id"})
        document["_id"] = record.id
        await self.collection.insert_one(document)

    async def for_case(self, crn: str) -> list[VictimRecord]:
        cursor = self.collection.find({"crn": crn}).sort("_id", 1)
        return [VictimRecord.model_validate({**{k: v for k, v in d.items() if k != "_id"}, "id": d["_id"]})
                async for d in cursor]

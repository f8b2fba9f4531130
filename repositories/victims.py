"""The ``victims`` collection (VIC-3): victim records, and the victim liaison officer's decisions on
discretionary contact (VIC-1), apart from the case. A decision document carries
``record: "contact_decision"``; a victim record carries no ``record`` field."""

from __future__ import annotations

from pymongo.errors import DuplicateKeyError

from domain.sharing.victims import VictimContactDecisionRecord, VictimRecord

DECISION = "contact_decision"


class MongoVictimRepository:
    def __init__(self, collection) -> None:
        self.collection = collection

    async def add(self, record: VictimRecord) -> bool:
        document = record.model_dump(mode="json", exclude={"id"})
        document["_id"] = record.id
        return await self._insert(document)

    async def _insert(self, document: dict) -> bool:
        try:
            await self.collection.insert_one(document)
        except DuplicateKeyError:
            return False
        return True

    async def get(self, record_id: str) -> VictimRecord | VictimContactDecisionRecord | None:
        document = await self.collection.find_one({"_id": record_id})
        if document is None:
            return None
        data = {**{k: v for k, v in document.items() if k not in ("_id", "record")}, "id": document["_id"]}
        model = VictimContactDecisionRecord if document.get("record") == DECISION else VictimRecord
        return model.model_validate(data)

    async def for_case(self, crn: str) -> list[VictimRecord]:
        cursor = self.collection.find({"crn": crn, "record": {"$exists": False}}).sort("_id", 1)
        return [VictimRecord.model_validate({**{k: v for k, v in d.items() if k != "_id"}, "id": d["_id"]})
                async for d in cursor]

    async def add_decision(self, record: VictimContactDecisionRecord) -> None:
        document = record.model_dump(mode="json", exclude={"id"})
        document["_id"] = record.id
        document["record"] = DECISION
        return await self._insert(document)

    async def decisions_for_case(self, crn: str) -> list[VictimContactDecisionRecord]:
        cursor = self.collection.find({"crn": crn, "record": DECISION}).sort("_id", 1)
        return [VictimContactDecisionRecord.model_validate(
            {**{k: v for k, v in d.items() if k not in ("_id", "record")}, "id": d["_id"]}) async for d in cursor]

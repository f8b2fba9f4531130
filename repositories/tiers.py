"""The ``tier_calculations`` collection: TIER-1 history, apart from the case (docs/design.md)."""

from __future__ import annotations

from typing import Any

from pymongo.errors import DuplicateKeyError

from domain.risk.model import TierCalculation


class MongoTierHistory:
    """Implements ``domain.ports.TierHistory``: append-only, idempotent by calculation id."""

    def __init__(self, collection) -> None:
        self.collection = collection

    async def append(self, case_id: str, crn: str, calculation: TierCalculation) -> None:
        document: dict[str, Any] = calculation.model_dump(mode="json", exclude={"id"})
        document.update({"_id": calculation.id, "caseId": case_id, "crn": crn})
        try:
            await self.collection.insert_one(document)
        except DuplicateKeyError:
            return  # already stored: a retry of the same append

    async def history(self, case_id: str) -> list[TierCalculation]:
        cursor = self.collection.find({"caseId": case_id}).sort([("case_version", -1)])
        return [TierCalculation.model_validate({**{k: v for k, v in d.items() if k not in ("_id", "caseId", "crn")},
                                                "id": d["_id"]}) async for d in cursor]

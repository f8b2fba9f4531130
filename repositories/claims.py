"""The ``claims`` collection: unique names held for a case, written before the case itself.

A claim's ``_id`` is the name (``pnc:2010/0012345X``, or ``key:<subject>:<clientMutationId>`` for a
``createCase`` sent with an idempotency key), so the collection's own unique ``_id`` index makes the
second claim of a name fail. This stands in for a partial unique index on the case's PNC number,
which the embedded store cannot create (docs/storage.md, Idempotency)."""

from __future__ import annotations

from datetime import datetime

from pymongo.errors import DuplicateKeyError

from domain.core.ports import Claim, DuplicateClaim


def _document(claim: Claim) -> dict:
    return {"_id": claim.name, "caseId": claim.case_id, "crn": claim.crn, "at": claim.at.isoformat(),
            "fingerprint": claim.fingerprint}


def _claim(document: dict) -> Claim:
    return Claim(name=document["_id"], case_id=document["caseId"], crn=document["crn"],
                 at=datetime.fromisoformat(document["at"]), fingerprint=document.get("fingerprint"))


class MongoClaims:
    """Implements ``domain.core.ports.Claims``."""

    def __init__(self, collection) -> None:
        self.collection = collection

    async def claim(self, claim: Claim) -> None:
        try:
            await self.collection.insert_one(_document(claim))
        except DuplicateKeyError as duplicate:
            raise DuplicateClaim(claim.name) from duplicate

    async def get(self, name: str) -> Claim | None:
        document = await self.collection.find_one({"_id": name})
        return _claim(document) if document else None

    async def take_over(self, stale: Claim, claim: Claim) -> bool:
        result = await self.collection.replace_one({"_id": stale.name, "caseId": stale.case_id}, _document(claim))
        return result.matched_count == 1

    async def release(self, claim: Claim) -> None:
        await self.collection.delete_one({"_id": claim.name, "caseId": claim.case_id})

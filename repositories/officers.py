"""The ``officers`` collection: the staff directory (issue 16). ``_id`` is the officer's code in
normal form (so a code is unique whatever its case), beside a ``nameKey`` (the name without case
or accents) that the name-ordered pages and the prefix search read through the indexes declared in
``repositories.indexes``. Instants are stored as ISO 8601 strings with offset, as in ``cases``."""

from __future__ import annotations

from typing import Any

from pymongo.errors import DuplicateKeyError

from domain.core.ports import DuplicateOfficer
from domain.staff.commands import OfficerQuery
from domain.staff.model import StaffOfficer, name_key

# The highest code point: every string that starts with a prefix sorts below prefix + this.
_LAST = "\U0010ffff"


def to_document(officer: StaffOfficer) -> dict[str, Any]:
    document = officer.model_dump(mode="json", exclude={"code"})
    document["_id"] = officer.code
    document["nameKey"] = officer.name_key
    return document


def from_document(document: dict[str, Any]) -> StaffOfficer:
    data = {key: value for key, value in document.items() if key not in ("_id", "nameKey")}
    return StaffOfficer.model_validate({**data, "code": document["_id"]})


def filter_for(query: OfficerQuery, after: tuple[str, str] | None) -> dict[str, Any]:
    """The filter of a directory page: provider equality and the name prefix as a range lead the
    indexes; ``active`` is checked on each entry the scan yields (almost every officer is active,
    so it would not select); the keyset position continues the (nameKey, _id) order."""
    conditions: list[dict[str, Any]] = []
    if query.provider is not None:
        conditions.append({"provider": query.provider.value})
    prefix = name_key(query.name_starts_with or "")
    if prefix:
        conditions.append({"nameKey": {"$gte": prefix, "$lt": prefix + _LAST}})
    if not query.include_inactive:
        conditions.append({"active": True})
    if after is not None:
        key, code = after
        conditions.append({"$or": [{"nameKey": {"$gt": key}}, {"nameKey": key, "_id": {"$gt": code}}]})
    if not conditions:
        return {}
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


class MongoOfficerDirectory:
    """Implements ``domain.core.ports.OfficerDirectory``."""

    def __init__(self, collection) -> None:
        self.collection = collection

    async def get(self, code: str) -> StaffOfficer | None:
        document = await self.collection.find_one({"_id": code})
        return from_document(document) if document else None

    async def add(self, officer: StaffOfficer) -> None:
        try:
            await self.collection.insert_one(to_document(officer))
        except DuplicateKeyError as duplicate:
            raise DuplicateOfficer(officer.code) from duplicate

    async def replace(self, officer: StaffOfficer, expected_version: int) -> bool:
        result = await self.collection.replace_one({"_id": officer.code, "version": expected_version},
                                                   to_document(officer))
        return result.matched_count == 1

    async def find(self, query: OfficerQuery, first: int, after: tuple[str, str] | None) -> list[StaffOfficer]:
        cursor = self.collection.find(filter_for(query, after)).sort([("nameKey", 1), ("_id", 1)]).limit(first)
        return [from_document(document) async for document in cursor]

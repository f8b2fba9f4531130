"""The ``cases`` collection: one document per case (docs/design.md, Documents).

A document is the domain ``Case`` in its JSON form (dates as ISO ``YYYY-MM-DD`` strings, which
sort as dates; instants as ISO 8601 with offset; Decimals as strings, exact) with ``_id`` = the
case id, plus a ``current`` block of values derived from the domain at every write, which the
caseload filters query through indexes: the current officer and provider, the current RoSH
level and the first day a standard is overdue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import bson
from pymongo.errors import DuplicateKeyError

from domain import standards
from domain.core.case import Case
from domain.core.ports import DocumentTooLarge, DuplicateCrn
from domain.records.commands import CaseQuery
from repositories.search import search_conditions, search_keys

# MongoDB refuses documents over 16 MiB. A case must stay far below that: the budget leaves
# room for growth and for a write to be refused cleanly (DOCUMENT_TOO_LARGE) long before the
# server would refuse it. tests/repositories measure a realistic worst case against it.
DOCUMENT_SIZE_BUDGET = 4 * 1024 * 1024


def to_document(case: Case) -> dict[str, Any]:
    document = case.model_dump(mode="json", exclude={"id"})
    allocation = case.allocation
    rosh = case.rosh
    overdue = standards.overdue_from(case)
    document["_id"] = case.id
    document["current"] = {
        "officerCode": allocation.officer.code if allocation else None,
        "provider": allocation.provider.value if allocation else None,
        "roshLevel": rosh.level.value if rosh else None,
        "overdueFrom": overdue.isoformat() if overdue else None,
        "tier": case.tier.tier if case.tier else None,
        "restrictedTo": case.restricted_to,
    }
    document["current"].update(search_keys(case))  # person search (repositories.search)
    return document


def from_document(document: dict[str, Any]) -> Case:
    data = {key: value for key, value in document.items() if key not in ("_id", "current")}
    data["id"] = document["_id"]
    return Case.model_validate(data)


def document_size(document: dict[str, Any]) -> int:
    return len(bson.encode(document))


def _checked(document: dict[str, Any]) -> dict[str, Any]:
    size = document_size(document)
    if size > DOCUMENT_SIZE_BUDGET:
        raise DocumentTooLarge(size, DOCUMENT_SIZE_BUDGET)
    return document


def filter_for(query: CaseQuery, after_crn: str | None) -> dict[str, Any]:
    """The MongoDB filter for a caseload query; every field it uses leads an index in
    ``repositories.indexes``, followed by ``crn`` for the keyset order."""
    conditions: dict[str, Any] = {}
    if query.officer_code is not None:
        conditions["current.officerCode"] = query.officer_code
    if query.provider is not None:
        conditions["current.provider"] = query.provider.value
    if query.rosh_levels is not None:
        conditions["current.roshLevel"] = {"$in": [level.value for level in query.rosh_levels]}
    if query.overdue_as_of is not None:
        conditions["current.overdueFrom"] = {"$ne": None, "$lte": query.overdue_as_of.isoformat()}
    alternatives = []
    if query.not_overdue_as_of is not None:
        alternatives.append([{"current.overdueFrom": None},
                             {"current.overdueFrom": {"$gt": query.not_overdue_as_of.isoformat()}}])
    if query.providers is not None:
        conditions.setdefault("current.provider", {})
        if isinstance(conditions["current.provider"], dict):
            conditions["current.provider"]["$in"] = [p.value if p else None for p in query.providers]
        elif conditions["current.provider"] not in [p.value if p else None for p in query.providers]:
            conditions["current.provider"] = {"$in": []}
    # Restricted cases exist only for the staff on their allow-list (domain.policy).
    if not query.include_restricted:
        alternatives.append([{"current.restrictedTo": None}, {"current.restrictedTo": query.viewer}])
    if len(alternatives) == 1:
        conditions["$or"] = alternatives[0]
    elif alternatives:
        conditions["$and"] = [{"$or": branch} for branch in alternatives]
    if query.tiers is not None:
        conditions["current.tier"] = {"$in": list(query.tiers)}
    if after_crn is not None:
        conditions["crn"] = {"$gt": after_crn}
    conditions.update(search_conditions(query))
    return conditions


class MongoCaseRepository:
    """Implements ``domain.ports.CaseRepository`` over a motor (or mongomock-motor) collection."""

    def __init__(self, collection) -> None:
        self.collection = collection

    async def get(self, crn: str) -> Case | None:
        document = await self.collection.find_one({"crn": crn})
        return from_document(document) if document else None

    async def get_many(self, crns: Sequence[str]) -> list[Case | None]:
        cursor = self.collection.find({"crn": {"$in": list(crns)}})
        found = {document["crn"]: from_document(document) async for document in cursor}
        return [found.get(crn) for crn in crns]

    async def add(self, case: Case) -> None:
        try:
            await self.collection.insert_one(_checked(to_document(case)))
        except DuplicateKeyError as duplicate:
            raise DuplicateCrn(case.crn) from duplicate

    async def replace(self, case: Case, expected_version: int) -> bool:
        result = await self.collection.replace_one({"_id": case.id, "version": expected_version},
                                                   _checked(to_document(case)))
        return result.matched_count == 1

    async def find(self, query: CaseQuery, first: int, after_crn: str | None, *, before_crn: str | None = None,
                   backward: bool = False) -> list[Case]:
        conditions = filter_for(query, after_crn)
        if before_crn is not None:
            conditions["crn"] = {**conditions.get("crn", {}), "$lt": before_crn}
        cursor = self.collection.find(conditions).sort("crn", -1 if backward else 1).limit(first)
        return [from_document(document) async for document in cursor]

    async def count(self, query: CaseQuery) -> int:
        return await self.collection.count_documents(filter_for(query, None))

    async def any_beyond(self, query: CaseQuery, crn: str, *, before: bool) -> bool:
        conditions = filter_for(query, None)
        conditions["crn"] = {"$lte" if before else "$gte": crn}
        return await self.collection.find_one(conditions, {"_id": 1}) is not None

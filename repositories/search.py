"""Person search in the ``cases`` collection: the search keys stored in each document's
``current`` block, the filter conditions over them, and the backfill of documents written before
the keys existed (docs/queries.md, Search).

mongomock has no collation and no ``$text``, and a real server must not need them either: a name
prefix is a range over a stored, folded key (``domain.records.search``), which an ordinary index
serves; date of birth and PNC number are equalities on stored keys."""

from __future__ import annotations

from typing import Any

from domain.core.case import Case
from domain.records import search
from domain.records.commands import CaseQuery

KEYS = ("surnameKey", "forenameKey", "dateOfBirth", "pncKey")


def search_keys(case: Case) -> dict[str, Any]:
    """What ``current`` holds for person search."""
    return offender_keys(case.offender.surname, case.offender.forename, case.offender.date_of_birth.isoformat(),
                         case.offender.pnc_number)


def offender_keys(surname: str, forename: str, date_of_birth: str | None, pnc_number: str | None) -> dict[str, Any]:
    return {"surnameKey": search.name_key(surname), "forenameKey": search.name_key(forename),
            "dateOfBirth": date_of_birth, "pncKey": search.pnc_key(pnc_number) if pnc_number else None}


def search_conditions(query: CaseQuery) -> dict[str, Any]:
    conditions: dict[str, Any] = {}
    for name, prefix in (("current.surnameKey", query.surname_prefix), ("current.forenameKey", query.forename_prefix)):
        if prefix is not None:
            low, high = search.prefix_range(prefix)
            conditions[name] = {"$gte": low, "$lt": high}
    if query.date_of_birth is not None:
        conditions["current.dateOfBirth"] = query.date_of_birth.isoformat()
    if query.pnc_number is not None:
        conditions["current.pncKey"] = query.pnc_number
    return conditions


async def backfill_search_keys(collection, batch: int = 500) -> int:
    """Store the search keys on every case written before they existed; returns how many.
    Idempotent (only documents without the keys are read), run at start-up after the indexes."""
    updated = 0
    while True:
        cursor = collection.find({"current.surnameKey": {"$exists": False}}, {"offender": 1}).limit(batch)
        documents = [d async for d in cursor]
        for document in documents:
            offender = document.get("offender") or {}
            keys = offender_keys(offender.get("surname", ""), offender.get("forename", ""),
                                 offender.get("date_of_birth"), offender.get("pnc_number"))
            await collection.update_one({"_id": document["_id"]},
                                        {"$set": {f"current.{name}": value for name, value in keys.items()}})
        updated += len(documents)
        if len(documents) < batch:
            return updated

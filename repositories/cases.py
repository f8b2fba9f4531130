"""The ``cases`` collection: one document per case (docs/storage.md).

A document is the domain ``Case`` in its JSON form (dates as ISO ``YYYY-MM-DD`` strings, which
sort as dates; instants as ISO 8601 with offset; Decimals as strings, exact) with ``_id`` = the
case id, plus a ``current`` block derived from the domain at every write, which the caseload
filters, orders and the standards report query through indexes: the current officer and
provider, RoSH level, tier, restriction, the first day a standard is overdue, the soonest
deadline of an undischarged duty and the summary of every standard (``domain.summary``), and the
document's own size in bytes.

Writes change only what changed (``save``): the case as read is kept as its JSON document; the
case as changed is dumped and compared with it, and the difference becomes one update guarded by
``{_id, version}``: ``$push`` for what was appended to a list, ``$set`` by path (array positions by
index, never ``array_filters``) for what changed, ``$set`` of ``current``. The size is tracked from
the stored size and the size of what changed, so the budget is checked without encoding the case.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from datetime import date, datetime, timezone
from typing import Any

from bson.int64 import Int64
from pymongo.errors import DuplicateKeyError

from domain import summary as summaries
from domain.core.base import Actor, Recorded
from domain.core.calendar import LONDON
from domain.core.case import Case, Sentence
from domain.core.enums import (
    AllocationKind,
    Gender,
    OffenceCategory,
    Provider,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceType,
)
from domain.core.ports import DuplicateCrn, Loaded, Tally
from domain.events.outbox import Outbox
from domain.records.commands import CaseOrder, CaseQuery
from domain.records.model import Allocation, Offence, Offender, Officer, Requirement
from domain.risk.model import RoshAssessment, SafeguardingConcern
from domain.staff.model import normalise_code
from repositories.changes import (  # noqa: F401  (document_size is part of this module's interface)
    DOCUMENT_SIZE_BUDGET,
    Changes,
    _checked,
    _sized,
    diff,
    document_size,
    stored_size,
)
from repositories.outbox import outbox_entries
from repositories.search import search_conditions, search_keys

NO_DUE = "none"  # the NEXT_DUE order key of a case with no deadline pending: after every ISO date


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def write_day(case: Case) -> date:
    """The day of the write, in England and Wales: the day the stored summary is as of."""
    return case.updated.at.astimezone(LONDON).date()


def summary_block(summary: summaries.CaseSummary) -> dict[str, Any]:
    """The stored summary: per standard its state and due date on the day of the write and the
    first day it reaches each state (``met``, ``due``, ``notMet``, ``overdue``; null: never)."""
    reach = {"met": summaries.StandardState.MET, "due": summaries.StandardState.DUE,
             "notMet": summaries.StandardState.NOT_MET, "overdue": summaries.StandardState.OVERDUE}
    nxt = summary.next_due
    return {
        "asOf": summary.as_of.isoformat(),
        "validUntil": _iso(summary.valid_until),
        "rules": summary.rules,
        "counts": {state.value: n for state, n in summary.counts.items()},
        "nextDue": {"standard": nxt.standard, "dueBy": nxt.due_by.isoformat(), "sentenceId": nxt.sentence_id}
        if nxt else None,
        "standards": [{"id": item.standard, "state": item.state.value if item.state else None,
                       "dueBy": _iso(item.due_by),
                       **{name: _iso(item.reaches.get(state)) for name, state in reach.items()}}
                      for item in summary.standards],
    }


def current_block(case: Case) -> dict[str, Any]:
    allocation = case.allocation
    rosh = case.rosh
    summary = summaries.summarise(case, write_day(case))
    next_due = summary.next_due.due_by.isoformat() if summary.next_due else None
    return {
        # In normal form, so the caseload filter matches a code in any case (domain.staff.model).
        "officerCode": normalise_code(allocation.officer.code) if allocation else None,
        "provider": allocation.provider.value if allocation else None,
        "roshLevel": rosh.level.value if rosh else None,
        "overdueFrom": _iso(summary.overdue_from),
        "tier": case.tier.tier if case.tier else None,
        "restrictedTo": case.restricted_to,
        "nextDue": next_due,
        "nextDueKey": next_due or NO_DUE,
        "summary": summary_block(summary),
        **search_keys(case),  # person search (repositories.search)
        "bytes": Int64(0),  # the document's size, set once known (fixed width, so it does not change it)
    }


def to_document(case: Case) -> dict[str, Any]:
    document = case.model_dump(mode="json", exclude={"id"})
    document["_id"] = case.id
    document["current"] = current_block(case)
    return document


# Kept on the case document beside the case itself: the outbox (written with a change, emptied by the
# relay, repositories.outbox) and the relay's lease. Never part of the domain case, never diffed.
SIDE_FIELDS = ("outbox", "relay")


def from_document(document: dict[str, Any]) -> Case:
    data = {key: value for key, value in document.items() if key not in ("_id", "current", *SIDE_FIELDS)}
    data["id"] = document["_id"]
    return Case.model_validate(data)


# What the partner view never reads (domain.sharing.partner): left out of its reads.
SHARING_PROJECTION = {field: 0 for field in (
    "current", *SIDE_FIELDS, "idempotency", "address_changes", "complexity_factors", "needs_assessments", "emergency_actions", "tier",
    "victim_contact_offered", *(f"sentences.{name}" for name in (
        "appointments", "failures", "plans", "plan_reviews", "approved_premises_referrals", "evaluation", "termination",
        "unpaid_work_sessions", "rar_activity_days", "warnings", "breaches", "recalls")))}


def _decoy_document() -> dict[str, Any]:
    """A typical case as the partner view reads it: one sentence with two requirements, an
    allocation, two RoSH assessments and a safeguarding registration."""
    stamp = Recorded(by=Actor(subject="decoy", name="Decoy"), at=datetime(2026, 1, 1, tzinfo=timezone.utc))
    case = Case(crn="Z000000", offender=Offender(forename="Decoy", surname="Case", date_of_birth=date(1990, 1, 1),
                                                 gender=Gender.NOT_KNOWN, pnc_number="2000/0000000Z"),
                created=stamp, updated=stamp)
    case.sentences.append(Sentence(type=SentenceType.COMMUNITY_ORDER, imposed_on=date(2026, 1, 5), length_months=12,
                                   end_date=date(2027, 1, 4), recorded=stamp,
                                   offence=Offence(description="Decoy offence", category=OffenceCategory.OTHER,
                                                   committed_on=date(2025, 12, 1)),
                                   requirements=[Requirement(type=RequirementType.UNPAID_WORK, hours=100, recorded=stamp),
                                                 Requirement(type=RequirementType.EXCLUSION, length_months=6,
                                                             details="An area of a town", recorded=stamp)]))
    case.allocations.append(Allocation(kind=AllocationKind.ALLOCATION, provider=Provider.NPS,
                                       officer=Officer(code="N0", name="Decoy Officer"), allocated_on=date(2026, 1, 6),
                                       recorded=stamp))
    for level, day in ((RoshLevel.MEDIUM, date(2026, 1, 6)), (RoshLevel.HIGH, date(2026, 6, 1))):
        case.rosh_assessments.append(RoshAssessment(level=level, assessed_on=day, rationale="A rationale " * 20,
                                                    recorded=stamp))
    case.safeguarding.append(SafeguardingConcern(kind=SafeguardingKind.CHILD_CONCERNS, started_on=date(2026, 2, 1),
                                                 recorded=stamp))
    document = to_document(case)
    return {key: value for key, value in document.items() if key not in SHARING_PROJECTION}


def filter_for(query: CaseQuery, after_crn: str | None) -> dict[str, Any]:
    """The MongoDB filter for a caseload query; every field it uses leads an index in
    ``repositories.indexes``, followed by ``crn`` for the keyset order."""
    conditions: dict[str, Any] = {}
    if query.officer_code is not None:
        conditions["current.officerCode"] = normalise_code(query.officer_code)
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
    # Caseload views (docs/storage.md): a deadline pending on or before the day. NO_DUE sorts after
    # every date, so the NEXT_DUE order key serves this filter and that order with one index.
    if query.due_by is not None:
        conditions["current.nextDueKey"] = {"$lte": query.due_by.isoformat()}
    conditions.update(search_conditions(query))
    return conditions


_DECOY = _decoy_document()
ORDER_FIELDS = {CaseOrder.CRN: ("crn",), CaseOrder.NEXT_DUE: ("current.nextDueKey", "crn")}


def keyset_after(order: CaseOrder, after: tuple[str, ...]) -> dict[str, Any]:
    """The condition "after this key" in ``order`` (the cursor's keyset)."""
    fields = ORDER_FIELDS[order]
    branches = []
    for i, name in enumerate(fields):
        branch = {fields[j]: after[j] for j in range(i)}
        branch[name] = {"$gt": after[i]}
        branches.append(branch)
    return branches[0] if len(branches) == 1 else {"$or": branches}


def order_key(order: CaseOrder, document: dict[str, Any]) -> tuple[str, ...]:
    current = document.get("current") or {}
    return tuple(current.get(name.split(".", 1)[1], NO_DUE) if name.startswith("current.") else document[name]
                 for name in ORDER_FIELDS[order])


def summary_answers(day: date) -> dict[str, Any]:
    """Documents whose stored summary answers for ``day`` (domain.summary: CaseSummary.usable_on)."""
    iso = day.isoformat()
    return {"current.summary.rules": summaries.RULES, "current.summary.asOf": {"$lte": iso},
            "$or": [{"current.summary.validUntil": None}, {"current.summary.validUntil": {"$gt": iso}}]}


def summary_does_not_answer(day: date) -> dict[str, Any]:
    iso = day.isoformat()
    return {"$or": [{"current.summary.rules": {"$ne": summaries.RULES}}, {"current.summary.asOf": {"$gt": iso}},
                    {"current.summary.validUntil": {"$ne": None, "$lte": iso}}]}


# The worst state reached wins: each stored day is the first a standard reaches that state or worse.
STATE_FIELDS = (("overdue", "OVERDUE"), ("notMet", "NOT_MET"), ("due", "DUE"), ("met", "MET"))


def _state_on(day: str) -> dict[str, Any]:
    """An aggregation expression: the worst state of one stored standard on ``day``."""
    def reached(name: str) -> dict[str, Any]:
        return {"$and": [{"$ne": [f"$s.{name}", None]}, {"$lte": [f"$s.{name}", day]}]}

    return {"$switch": {"branches": [{"case": reached(name), "then": state} for name, state in STATE_FIELDS],
                        "default": None}}


def both(*conditions: dict[str, Any]) -> dict[str, Any]:
    return {"$and": [c for c in conditions if c]}


class DocumentCache:
    """The documents this process last read or wrote, by CRN, each good only at its version: a read
    asks the store for the version alone (a projection, no document transferred or decoded) and
    parses the cached document when it matches. Sound because every write changes the version
    (the guard of every update), so a cached document is either the stored one or not used. The
    documents are never modified (the repository only reads them); bounded by their total size."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.entries: OrderedDict[str, tuple[int, int, dict[str, Any]]] = OrderedDict()

    def get(self, crn: str, version: int) -> dict[str, Any] | None:
        entry = self.entries.get(crn)
        if entry is None or entry[0] != version:
            return None
        self.entries.move_to_end(crn)
        return entry[2]

    def put(self, document: dict[str, Any]) -> None:
        size = stored_size(document)
        self.drop(document["crn"])
        if size > self.max_bytes:
            return
        self.entries[document["crn"]] = (document["version"], size, document)
        self.bytes += size
        while self.bytes > self.max_bytes:
            _, (_, dropped, _) = self.entries.popitem(last=False)
            self.bytes -= dropped

    def drop(self, crn: str) -> None:
        entry = self.entries.pop(crn, None)
        if entry is not None:
            self.bytes -= entry[1]


class MongoCaseRepository:
    """Implements ``domain.ports.CaseRepository`` over a motor (or mongomock-motor) collection."""

    def __init__(self, collection, embedded: bool = False, cache: DocumentCache | None = None, relay=None) -> None:
        self.collection = collection
        self.embedded = embedded
        self.cache = cache if cache is not None else DocumentCache()
        self.relay = relay  # repositories.outbox.OutboxRelay: moves the outbox right after a write

    async def drain(self, crn: str) -> int:
        return await self.relay.drain(crn) if self.relay is not None else 0

    async def _document(self, crn: str) -> dict[str, Any] | None:
        """The stored document: from the cache when its version is the stored one."""
        probe = await self.collection.find_one({"crn": crn}, {"_id": 0, "version": 1})
        if probe is None:
            self.cache.drop(crn)
            return None
        cached = self.cache.get(crn, probe["version"])
        if cached is not None:
            return cached
        document = await self.collection.find_one({"crn": crn})
        if document is not None:
            self.cache.put(document)
        return document

    async def get(self, crn: str) -> Case | None:
        document = await self._document(crn)
        return from_document(document) if document else None

    async def get_many(self, crns: Sequence[str]) -> list[Case | None]:
        documents = await self._documents(crns)
        return [from_document(documents[crn]) if crn in documents else None for crn in crns]

    async def _documents(self, crns: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The stored documents of these CRNs (those that exist), from the cache where it is current."""
        versions = {d["crn"]: d["version"] async for d in
                    self.collection.find({"crn": {"$in": list(crns)}}, {"_id": 0, "crn": 1, "version": 1})}
        documents = {crn: self.cache.get(crn, version) for crn, version in versions.items()}
        missing = [crn for crn, document in documents.items() if document is None]
        if missing:
            async for document in self.collection.find({"crn": {"$in": missing}}):
                self.cache.put(document)
                documents[document["crn"]] = document
        return {crn: document for crn, document in documents.items() if document is not None}

    async def _ordered(self, conditions: dict[str, Any], order: CaseOrder, first: int,
                       backward: bool = False) -> list[dict[str, Any]]:
        """A page in two steps: the keys of the page (only the order's fields come back, read from the
        index), then its documents by CRN (the cache answers for those it holds). The embedded store
        would otherwise copy every matching document to return ``first`` of them."""
        fields = ORDER_FIELDS[order]
        projection = {"_id": 0, **dict.fromkeys(fields, 1)}
        direction = -1 if backward else 1
        cursor = self.collection.find(conditions, projection).sort([(name, direction) for name in fields]).limit(first)
        crns = [key["crn"] async for key in cursor]
        documents = await self._documents(crns)
        return [documents[crn] for crn in crns if crn in documents]

    async def load(self, crn: str) -> Loaded | None:
        document = await self._document(crn)
        if document is None:
            return None
        case = from_document(document)
        return Loaded(case=case, version=case.version, snapshot=document)

    async def save(self, loaded: Loaded, outbox: Outbox | None = None) -> bool:
        after = to_document(loaded.case)
        before = {key: value for key, value in loaded.snapshot.items() if key not in SIDE_FIELDS}
        changes = diff(before, after, Changes())
        _sized(after, stored_size(before) + changes.delta)  # sets current.bytes, which changes.sets holds
        update = changes.update()
        entries = outbox_entries(outbox, loaded.case.id, loaded.case.crn)
        if entries:  # in the same update as the change: both are written, or neither
            update.setdefault("$push", {})["outbox"] = {"$each": entries}
        # crn in the filter too: it names the shard a sharded cluster keeps the case on (docs/storage.md)
        result = await self.collection.update_one({"_id": loaded.case.id, "crn": loaded.case.crn,
                                                   "version": loaded.version}, update)
        if result.matched_count == 1:
            self.cache.put(after)  # what the update made of the stored document
            return True
        self.cache.drop(loaded.case.crn)
        return False

    async def get_many_for_sharing(self, crns: Sequence[str]) -> list[Case | None]:
        """``get_many`` for the partner view: without the records it never reads (contacts,
        delivery, enforcement, idempotency keys), so a batch stays cheap however long the cases'
        histories, and a decoy document is read for every CRN with no case, so an unknown CRN costs
        about what a hidden one does (the partner learns nothing from the time either). The cases
        are partial: for reading the shared view only, never for writing back."""
        cursor = self.collection.find({"crn": {"$in": list(crns)}}, SHARING_PROJECTION)
        found = {document["crn"]: from_document(document) async for document in cursor}
        for crn in crns:
            if crn not in found:
                from_document(_DECOY)  # the same work as a found case, its result discarded
        return [found.get(crn) for crn in crns]

    async def add(self, case: Case, outbox: Outbox | None = None) -> None:
        # The size tracked is the case's own: the outbox is transient (emptied by the relay moments later).
        document = _checked(to_document(case))
        document["outbox"] = outbox_entries(outbox, case.id, case.crn)
        try:
            await self.collection.insert_one(document)
        except DuplicateKeyError as duplicate:
            raise DuplicateCrn(case.crn) from duplicate
        self.cache.put(document)

    async def replace(self, case: Case, expected_version: int) -> bool:
        """Write the whole document (tools: seeding, migrations, a summary refresh), guarded by the
        version. Use cases write through ``save``."""
        self.cache.drop(case.crn)
        # Every field of the case set, the outbox and the relay's lease left as they are.
        document = _checked(to_document(case))
        result = await self.collection.update_one({"_id": case.id, "version": expected_version},
                                                  {"$set": {k: v for k, v in document.items() if k != "_id"}})
        return result.matched_count == 1

    async def find(self, query: CaseQuery, first: int, after_crn: str | None, *, before_crn: str | None = None,
                   backward: bool = False) -> list[Case]:
        conditions = filter_for(query, after_crn)
        if before_crn is not None:
            conditions["crn"] = {**conditions.get("crn", {}), "$lt": before_crn}
        return [from_document(d) for d in await self._ordered(conditions, CaseOrder.CRN, first, backward=backward)]

    async def count(self, query: CaseQuery) -> int:
        return await self.collection.count_documents(filter_for(query, None))

    async def any_beyond(self, query: CaseQuery, crn: str, *, before: bool) -> bool:
        conditions = filter_for(query, None)
        conditions["crn"] = {"$lte" if before else "$gte": crn}
        return await self.collection.find_one(conditions, {"_id": 1}) is not None

    async def page(self, query: CaseQuery, first: int, order: CaseOrder,
                   after: tuple[str, ...] | None) -> list[tuple[tuple[str, ...], Case]]:
        conditions = filter_for(query, None)
        if after is not None:
            conditions = both(conditions, keyset_after(order, after))
        return [(order_key(order, document), from_document(document))
                for document in await self._ordered(conditions, order, first)]

    async def tally(self, query: CaseQuery, as_of: date) -> Tally:
        """Counted from the stored summaries, without loading a case: by the server's aggregation,
        or, on the embedded store (whose ``aggregate`` copies every document of the collection
        first), from an indexed find of the summaries alone. Tests check the two agree."""
        match = both(filter_for(query, None), summary_answers(as_of))
        if self.embedded:
            return await self._tally_by_find(match, as_of.isoformat())
        pipeline = [{"$match": match}, {"$project": {"_id": 0, "s": "$current.summary.standards"}},
                    {"$unwind": "$s"}, {"$project": {"id": "$s.id", "state": _state_on(as_of.isoformat())}},
                    {"$match": {"state": {"$ne": None}}},
                    {"$group": {"_id": {"id": "$id", "state": "$state"}, "n": {"$sum": 1}}}]
        tally = Tally(cases=await self.collection.count_documents(match))
        async for row in self.collection.aggregate(pipeline):
            tally.counts.setdefault(row["_id"]["id"], {})[row["_id"]["state"]] = row["n"]
        return tally

    async def _tally_by_find(self, match: dict[str, Any], day: str) -> Tally:
        tally = Tally()
        async for document in self.collection.find(match, {"_id": 0, "current.summary.standards": 1}):
            tally.cases += 1
            for item in document["current"]["summary"]["standards"]:
                state = next((state for name, state in STATE_FIELDS if item.get(name) and item[name] <= day), None)
                if state is not None:
                    row = tally.counts.setdefault(item["id"], {})
                    row[state] = row.get(state, 0) + 1
        return tally

    async def unsummarised(self, query: CaseQuery, as_of: date) -> AsyncIterator[Case]:
        cursor = self.collection.find(both(filter_for(query, None), summary_does_not_answer(as_of))).sort("crn", 1)
        async for document in cursor:
            yield from_document(document)

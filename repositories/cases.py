"""The ``cases`` collection: one document per case (docs/design.md, Documents).

A document is the domain ``Case`` in its JSON form (dates as ISO ``YYYY-MM-DD`` strings, which
sort as dates; instants as ISO 8601 with offset; Decimals as strings, exact) with ``_id`` = the
case id, plus a ``current`` block of values derived from the domain at every write, which the
caseload filters query through indexes: the current officer and provider, the current RoSH
level and the first day a standard is overdue.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any

import bson
from pymongo.errors import DuplicateKeyError

from domain import standards
from domain.core.base import Actor, Recorded
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
from domain.core.ports import DocumentTooLarge, DuplicateCrn
from domain.records.commands import CaseQuery
from domain.records.model import Allocation, Offence, Offender, Officer, Requirement
from domain.risk.model import RoshAssessment, SafeguardingConcern
from domain.staff.model import normalise_code

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
        # In normal form, so the caseload filter matches a code in any case (domain.staff.model).
        "officerCode": normalise_code(allocation.officer.code) if allocation else None,
        "provider": allocation.provider.value if allocation else None,
        "roshLevel": rosh.level.value if rosh else None,
        "overdueFrom": overdue.isoformat() if overdue else None,
        "tier": case.tier.tier if case.tier else None,
        "restrictedTo": case.restricted_to,
    }
    return document


def from_document(document: dict[str, Any]) -> Case:
    data = {key: value for key, value in document.items() if key not in ("_id", "current")}
    data["id"] = document["_id"]
    return Case.model_validate(data)


# What the partner view never reads (domain.sharing.partner): left out of its reads.
SHARING_PROJECTION = {field: 0 for field in (
    "current", "idempotency", "address_changes", "complexity_factors", "needs_assessments", "emergency_actions", "tier",
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
    return conditions


_DECOY = _decoy_document()


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

    async def add(self, case: Case) -> None:
        try:
            await self.collection.insert_one(_checked(to_document(case)))
        except DuplicateKeyError as duplicate:
            raise DuplicateCrn(case.crn) from duplicate

    async def replace(self, case: Case, expected_version: int) -> bool:
        result = await self.collection.replace_one({"_id": case.id, "version": expected_version},
                                                   _checked(to_document(case)))
        return result.matched_count == 1

    async def find(self, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
        cursor = self.collection.find(filter_for(query, after_crn)).sort("crn", 1).limit(first)
        return [from_document(document) async for document in cursor]

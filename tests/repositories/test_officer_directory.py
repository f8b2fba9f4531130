"""The ``officers`` collection (the staff directory), on the embedded store and, when MONGODB_URI is
set, on a real MongoDB server too: round trip, one code whatever its case, guarded replace, pages in
name order, and every query it issues served by a declared index."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from domain.core.base import Actor, Recorded
from domain.core.enums import Provider
from domain.core.ports import DuplicateOfficer
from domain.staff.commands import OfficerQuery
from domain.staff.model import StaffOfficer
from repositories.indexes import INDEXES
from repositories.officers import filter_for
from tests.repositories.test_case_repository import store  # noqa: F401  (the embedded/real-server fixture)

STAMP = Recorded(by=Actor(subject="admin", name="Admin"), at=datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc))


def officer(code: str, name: str, provider: Provider = Provider.NPS, active: bool = True) -> StaffOfficer:
    return StaffOfficer(code=code, name=name, provider=provider, active=active, created=STAMP, updated=STAMP)


async def test_an_officer_round_trips_exactly(store):  # noqa: F811
    entry = officer("N07A001", "Zoë Adams")
    await store.officers.add(entry)
    assert await store.officers.get("N07A001") == entry
    assert await store.officers.get("N07A002") is None


async def test_a_code_is_taken_once(store):  # noqa: F811
    await store.officers.add(officer("N07A001", "One"))
    with pytest.raises(DuplicateOfficer):
        await store.officers.add(officer("N07A001", "Other"))


async def test_replace_is_guarded_by_the_version_read(store):  # noqa: F811
    await store.officers.add(officer("N07A001", "One"))
    renamed = officer("N07A001", "Una").model_copy(update={"version": 2})
    assert await store.officers.replace(renamed, expected_version=1) is True
    assert await store.officers.replace(renamed, expected_version=1) is False
    assert (await store.officers.get("N07A001")).name == "Una"


async def test_pages_in_name_order_with_a_keyset_position(store):  # noqa: F811
    for code, name, provider, active in (("N1", "Bea", Provider.NPS, True), ("N2", "bea", Provider.NPS, True),
                                         ("C1", "Álex", Provider.CRC, True), ("C2", "Bede", Provider.CRC, False)):
        await store.officers.add(officer(code, name, provider, active))
    everyone = await store.officers.find(OfficerQuery(include_inactive=True), 10, None)
    assert [o.code for o in everyone] == ["C1", "N1", "N2", "C2"]  # "alex", "bea" (by code), "bede"
    after = (everyone[1].name_key, everyone[1].code)
    assert [o.code for o in await store.officers.find(OfficerQuery(include_inactive=True), 10, after)] == ["N2", "C2"]
    assert [o.code for o in await store.officers.find(OfficerQuery(name_starts_with="BE"), 10, None)] == ["N1", "N2"]
    assert [o.code for o in await store.officers.find(OfficerQuery(provider=Provider.CRC, include_inactive=True), 1,
                                                      None)] == ["C1"]


QUERY_SHAPES = [OfficerQuery(), OfficerQuery(include_inactive=True), OfficerQuery(provider=Provider.CRC),
                OfficerQuery(name_starts_with="pri"), OfficerQuery(provider=Provider.NPS, name_starts_with="d"),
                OfficerQuery(provider=Provider.NPS, include_inactive=True)]
RESIDUAL = {"active"}  # true on almost every officer: checked on what the scan yields, never a lead


def fields_in(mongo_filter: dict) -> set[str]:
    found = {key for key in mongo_filter if not key.startswith("$")}
    for branch in mongo_filter.get("$and", []) + mongo_filter.get("$or", []):
        found |= fields_in(branch)
    return found


@pytest.mark.parametrize("after", [None, ("pat practitioner", "N07A001")])
@pytest.mark.parametrize("query", QUERY_SHAPES, ids=repr)
def test_every_directory_query_is_served_by_a_declared_index(query, after):
    """mongomock ignores indexes, so check the shape: a declared ``officers`` index leads with the
    equality field (provider) or with nameKey, and holds the (nameKey, _id) sort order after it."""
    used = fields_in(filter_for(query, after)) - RESIDUAL
    served = [spec.name for spec in INDEXES if spec.collection == "officers"
              and spec.fields[-2:] == ("nameKey", "_id") and set(spec.fields[:-2]) == used - {"nameKey", "_id"}]
    assert served, f"no index serves {filter_for(query, after)}"


@pytest.mark.parametrize("query", QUERY_SHAPES, ids=repr)
async def test_every_directory_query_uses_an_index_on_a_real_server(store, query):  # noqa: F811
    if store.embedded:
        pytest.skip("explain needs a real MongoDB server (MONGODB_URI)")
    plan = await store.officers.collection.find(filter_for(query, ("m", "N1"))).sort(
        [("nameKey", 1), ("_id", 1)]).limit(10).explain()
    text = str(plan["queryPlanner"]["winningPlan"])
    assert "IXSCAN" in text and "COLLSCAN" not in text

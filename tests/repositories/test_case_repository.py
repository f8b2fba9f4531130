"""The cases repository, on the embedded store and, when MONGODB_URI is set, on a real MongoDB
server too (skipped otherwise, with the reason shown in the test summary)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from domain.core.base import Actor, Recorded
from domain.core.case import Case, Sentence
from domain.core.enums import (
    AllocationKind,
    AppointmentKind,
    AppointmentOutcome,
    Gender,
    MappaCategory,
    MappaLevel,
    NoteKind,
    OffenceCategory,
    Provider,
    RequirementType,
    RoshLevel,
    SentenceType,
)
from domain.core.ports import DocumentTooLarge, DuplicateCrn
from domain.delivery.model import Appointment, Note, Plan, PlanObjective, UnpaidWorkSession
from domain.enforcement.model import FailureToComply
from domain.records.commands import CaseOrder, CaseQuery
from domain.records.model import Allocation, Offence, Offender, Officer, Requirement
from domain.risk.model import MappaRegistration, RoshAssessment
from repositories.cases import (
    DOCUMENT_SIZE_BUDGET,
    ORDER_FIELDS,
    both,
    document_size,
    filter_for,
    keyset_after,
    summary_answers,
    to_document,
)
from repositories.factory import open_store
from repositories.indexes import INDEXES
from tests.conftest import REAL_MONGODB_URI, requires_mongodb_reason

STAMP = Recorded(by=Actor(subject="u-1", name="Pat"), at=datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc))


SERVER_ANSWERED: dict[str, bool] = {}  # asked once per run, so a missing server costs one timeout


@pytest.fixture(params=["embedded", "mongodb"])
async def store(request):
    if request.param == "mongodb":
        reason = requires_mongodb_reason()
        if reason:
            pytest.skip(reason)
        if SERVER_ANSWERED.get(REAL_MONGODB_URI) is False:
            pytest.skip("MONGODB_URI is set but no MongoDB server answered there")
        store = open_store(REAL_MONGODB_URI, f"test_{uuid.uuid4().hex[:12]}", server_selection_timeout_ms=2000)
        SERVER_ANSWERED[REAL_MONGODB_URI] = await store.ping()
        if not SERVER_ANSWERED[REAL_MONGODB_URI]:
            store.close()
            pytest.skip("MONGODB_URI is set but no MongoDB server answered there")
    else:
        store = open_store(None, "test")
    await store.ensure_indexes()
    yield store
    if request.param == "mongodb":
        await store.client.drop_database(store.database.name)
    store.close()


def a_case(crn: str = "X123456", **fields) -> Case:
    return Case(crn=crn, offender=Offender(forename="Alex", surname="Morgan", date_of_birth=date(1990, 2, 28),
                                           gender=Gender.FEMALE, pnc_number="2010/1X"),
                created=STAMP, updated=STAMP, **fields)


def a_sentence(requirements: int = 2, notes: str = "") -> Sentence:
    return Sentence(type=SentenceType.COMMUNITY_ORDER, imposed_on=date(2026, 11, 2), length_months=12,
                    end_date=date(2027, 11, 1),
                    offence=Offence(description="Theft " + notes, category=OffenceCategory.ACQUISITIVE,
                                    committed_on=date(2026, 8, 1)),
                    requirements=[Requirement(type=RequirementType.UNPAID_WORK, hours=40 + i, details=notes or None,
                                              recorded=STAMP) for i in range(requirements)],
                    recorded=STAMP)


def allocated(case: Case, provider: Provider, officer: str) -> Case:
    case.allocations.append(Allocation(kind=AllocationKind.ALLOCATION, provider=provider,
                                       officer=Officer(code=officer, name=officer), allocated_on=date(2026, 11, 3),
                                       recorded=STAMP))
    return case


async def test_a_case_round_trips_exactly(store):
    case = a_case(sentences=[a_sentence()])
    allocated(case, Provider.NPS, "N1")
    case.rosh_assessments.append(RoshAssessment(level=RoshLevel.HIGH, risk_to_children=RoshLevel.MEDIUM,
                                                assessed_on=date(2026, 11, 4), rationale="r", recorded=STAMP))
    await store.cases.add(case)
    assert await store.cases.get("X123456") == case


async def test_unknown_crn_is_none(store):
    assert await store.cases.get("Z999999") is None


async def test_duplicate_crn_is_refused_by_the_unique_index(store):
    await store.cases.add(a_case())
    with pytest.raises(DuplicateCrn):
        await store.cases.add(a_case())  # a different id, the same CRN


async def test_replace_is_guarded_by_the_version_read(store):
    case = a_case()
    await store.cases.add(case)
    newer = case.model_copy(update={"version": 2})
    assert await store.cases.replace(newer, expected_version=1) is True
    stale = case.model_copy(update={"version": 2, "offender": case.offender.model_copy(update={"surname": "Lost"})})
    assert await store.cases.replace(stale, expected_version=1) is False
    assert (await store.cases.get("X123456")).offender.surname == "Morgan"


async def test_get_many_keeps_the_order_asked_and_fills_gaps_with_none(store):
    await store.cases.add(a_case("A000001"))
    await store.cases.add(a_case("B000002"))
    found = await store.cases.get_many(["B000002", "Z000000", "A000001"])
    assert [c.crn if c else None for c in found] == ["B000002", None, "A000001"]


async def test_find_filters_and_pages_by_crn(store):
    await store.cases.add(allocated(a_case("A000001"), Provider.NPS, "N1"))
    await store.cases.add(allocated(a_case("B000002"), Provider.CRC, "C1"))
    await store.cases.add(allocated(a_case("C000003"), Provider.NPS, "N1"))
    await store.cases.add(a_case("D000004"))
    assert [c.crn for c in await store.cases.find(CaseQuery(officer_code="N1"), 10, None)] == ["A000001", "C000003"]
    assert [c.crn for c in await store.cases.find(CaseQuery(provider=Provider.CRC), 10, None)] == ["B000002"]
    assert [c.crn for c in await store.cases.find(CaseQuery(), 2, "A000001")] == ["B000002", "C000003"]


QUERY_SHAPES = [
    CaseQuery(),
    CaseQuery(officer_code="N1"),
    CaseQuery(provider=Provider.NPS),
    CaseQuery(rosh_levels=(RoshLevel.HIGH,)),
    CaseQuery(overdue_as_of=date(2026, 11, 20)),
    CaseQuery(not_overdue_as_of=date(2026, 11, 20)),
    CaseQuery(tiers=("B2", "A1")),
    CaseQuery(providers=(Provider.NPS, None), viewer="u-1"),
    CaseQuery(providers=(Provider.CRC,), viewer="u-2", not_overdue_as_of=date(2026, 11, 20)),
    CaseQuery(due_by=date(2026, 11, 27)),
    CaseQuery(officer_code="N1", due_by=date(2026, 11, 27)),
    # Person search (repositories.search).
    CaseQuery(surname_prefix="obri"),
    CaseQuery(forename_prefix="sio", providers=(Provider.NPS, None), viewer="u-1"),
    CaseQuery(date_of_birth=date(1988, 3, 4)),
    CaseQuery(pnc_number="2010/0012345X"),
    CaseQuery(surname_prefix="obri", forename_prefix="s", date_of_birth=date(1988, 3, 4)),
]

# Pages in another order (keyset on the order key, then crn) and the standards report's match:
# (query, order, after) and the index that must serve it.
ORDERED_SHAPES = [
    (CaseQuery(), CaseOrder.NEXT_DUE, None),
    (CaseQuery(), CaseOrder.NEXT_DUE, ("2026-11-27", "A000001")),
    (CaseQuery(due_by=date(2026, 11, 27)), CaseOrder.NEXT_DUE, ("2026-11-23", "A000001")),
    (CaseQuery(officer_code="N1"), CaseOrder.NEXT_DUE, ("2026-11-27", "A000001")),
    (CaseQuery(provider=Provider.NPS, viewer="u-1"), CaseOrder.NEXT_DUE, None),
]
REPORT_SHAPES = [CaseQuery(officer_code="N1", viewer="u-1"), CaseQuery(provider=Provider.CRC, viewer="u-1"),
                 CaseQuery(providers=(Provider.NPS, None), officer_code="N1", viewer="u-1")]


# Residual filters: checked on each document the index scan yields, never a scan's lead
# (the restriction allow-list is null on almost every case, so it cannot select).
RESIDUAL = {"current.restrictedTo"}


def leading_fields(mongo_filter: dict) -> set[str]:
    fields = {key for key in mongo_filter if not key.startswith("$")} - RESIDUAL
    for branch in mongo_filter.get("$or", []) + mongo_filter.get("$and", []):
        fields |= leading_fields(branch)
    return fields


@pytest.mark.parametrize("query", QUERY_SHAPES, ids=lambda q: repr(q))
def test_every_caseload_query_is_served_by_a_declared_index(query):
    """mongomock ignores indexes, so check the shape: some declared index leads with a filtered
    field (or with crn, the keyset order) and continues with crn for the sort."""
    mongo_filter = filter_for(query, after_crn="A000001")
    fields = leading_fields(mongo_filter) - {"crn"} or {"crn"}
    served = [spec.name for spec in INDEXES if spec.collection == "cases" and spec.fields[0] in fields
              and "crn" in spec.fields]
    assert served, f"no index serves {mongo_filter}"


@pytest.mark.parametrize("query", QUERY_SHAPES, ids=lambda q: repr(q))
async def test_every_caseload_query_uses_an_index_on_a_real_server(store, query):
    if store.embedded:
        pytest.skip("explain needs a real MongoDB server (MONGODB_URI)")
    plan = await store.cases.collection.find(filter_for(query, "A000001")).sort("crn", 1).limit(10).explain()
    text = str(plan["queryPlanner"]["winningPlan"])
    assert "IXSCAN" in text and "COLLSCAN" not in text


def ordered_find(query: CaseQuery, order: CaseOrder, after):
    conditions = filter_for(query, None)
    if after is not None:
        conditions = both(conditions, keyset_after(order, after))
    return conditions, [(name, 1) for name in ORDER_FIELDS[order]]


@pytest.mark.parametrize("query,order,after", ORDERED_SHAPES, ids=repr)
def test_every_ordered_page_is_served_by_a_declared_index(query, order, after):
    """The sort is an index's prefix after the equality fields filtered on (none, officer or provider)."""
    conditions, sort = ordered_find(query, order, after)
    equality = [f for f in ("current.officerCode", "current.provider") if f in leading_fields(conditions)]
    wanted = tuple(equality[:1]) + tuple(name for name, _ in sort)
    assert any(spec.fields[:len(wanted)] == wanted for spec in INDEXES if spec.collection == "cases"), wanted


@pytest.mark.parametrize("query,order,after", ORDERED_SHAPES, ids=repr)
async def test_every_ordered_page_uses_an_index_on_a_real_server(store, query, order, after):
    if store.embedded:
        pytest.skip("explain needs a real MongoDB server (MONGODB_URI)")
    conditions, sort = ordered_find(query, order, after)
    plan = await store.cases.collection.find(conditions).sort(sort).limit(10).explain()
    text = str(plan["queryPlanner"]["winningPlan"])
    assert "IXSCAN" in text and "COLLSCAN" not in text and "'SORT'" not in text


@pytest.mark.parametrize("query", REPORT_SHAPES, ids=repr)
async def test_the_report_reads_the_summaries_of_its_caseload_through_an_index_on_a_real_server(store, query):
    if store.embedded:
        pytest.skip("explain needs a real MongoDB server (MONGODB_URI)")
    match = both(filter_for(query, None), summary_answers(date(2026, 11, 20)))
    plan = await store.cases.collection.find(match).explain()
    text = str(plan["queryPlanner"]["winningPlan"])
    assert "IXSCAN" in text and "COLLSCAN" not in text


def worst_case() -> Case:
    """A realistic worst case for one offender over a long career: 8 sentences of 8 requirements
    each with 500-character details; on each sentence 150 appointments with 1,000-character notes
    (1,200 in all), 40 failures to comply, 80 unpaid work sessions and 6 plans of 10 objectives;
    60 RoSH assessments with 2,000-character rationales, 25 allocations, 20 MAPPA registrations."""
    notes = "n" * 500
    case = a_case(sentences=[a_sentence(requirements=8, notes=notes) for _ in range(8)])
    for sentence in case.sentences:
        upw = sentence.requirements[0]
        for i in range(150):
            appointment = Appointment(kind=AppointmentKind.SUPERVISION, face_to_face=True,
                                      date=date(2020, 1, 1) + timedelta(days=i), outcome=AppointmentOutcome.ATTENDED_COMPLIED,
                                      requirement_id=upw.id, notes=Note(kind=NoteKind.FACT, text="a" * 1000), recorded=STAMP)
            sentence.appointments.append(appointment)
        for i in range(40):
            sentence.failures.append(FailureToComply(date=date(2020, 1, 1) + timedelta(days=i), appointment_id=upw.id,
                                                     outcome=AppointmentOutcome.FAILED_TO_ATTEND, recorded=STAMP))
        for i in range(80):
            sentence.unpaid_work_sessions.append(UnpaidWorkSession(
                requirement_id=upw.id, date=date(2020, 1, 1) + timedelta(days=i), minutes_worked=420,
                credited_minutes=420, credited_education_training_employment_minutes=0, recorded=STAMP))
        for i in range(6):
            sentence.plans.append(Plan(completed_on=date(2020, 1, 1), rosh_level_identified=RoshLevel.MEDIUM,
                                       risk_management_plan="p" * 2000,
                                       objectives=[PlanObjective(description="o" * 300) for _ in range(10)], recorded=STAMP))
    for i in range(60):
        case.rosh_assessments.append(RoshAssessment(level=RoshLevel.MEDIUM, assessed_on=date(2020, 1, 1) + timedelta(days=30 * i),
                                                    rationale="r" * 2000, recorded=STAMP))
    for i in range(25):
        allocated(case, Provider.NPS, f"N{i}")
    for i in range(20):
        case.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_1,
                                                          registered_on=date(2020, 1, 1), visor_recorded=True,
                                                          recorded=STAMP))
    return case


def test_a_realistic_worst_case_stays_below_the_budget_and_far_below_16_mib():
    size = document_size(to_document(worst_case()))
    assert size < DOCUMENT_SIZE_BUDGET, f"worst case is {size} bytes"
    assert size < 16 * 1024 * 1024 / 4


async def test_indexes_are_created_idempotently(store):
    first = await store.ensure_indexes()
    second = await store.ensure_indexes()
    assert first == second == [spec.name for spec in INDEXES]
    assert (await store.database["tier_calculations"].index_information())["case_version"]["key"][0] == ("caseId", 1)
    info = await store.cases.collection.index_information()
    assert info["crn_unique"]["unique"] is True


async def test_a_case_over_the_budget_is_refused_before_the_server_sees_it(store):
    case = worst_case()
    case.offender.forename = "x" * (DOCUMENT_SIZE_BUDGET + 1)
    with pytest.raises(DocumentTooLarge):
        await store.cases.add(case)
    assert await store.cases.get("X123456") is None


async def test_cases_stored_before_the_search_keys_get_them_at_start_up(store):
    await store.cases.add(a_case("E000001"))
    await store.cases.collection.update_one({"crn": "E000001"}, {"$unset": {"current.surnameKey": "", "current.pncKey": ""}})
    assert await store.cases.find(CaseQuery(surname_prefix="morg"), 10, None) == []
    await store.ensure_indexes()
    assert [c.crn for c in await store.cases.find(CaseQuery(surname_prefix="morg"), 10, None)] == ["E000001"]
    assert [c.crn for c in await store.cases.find(CaseQuery(pnc_number="2010/0000001X"), 10, None)] == ["E000001"]  # its standard form


async def test_paging_backwards_and_counting_use_the_same_filter(store):
    for crn in ("A000001", "B000002", "C000003"):
        await store.cases.add(allocated(a_case(crn), Provider.NPS, "N1"))
    assert [c.crn for c in await store.cases.find(CaseQuery(), 2, None, backward=True)] == ["C000003", "B000002"]
    assert [c.crn for c in await store.cases.find(CaseQuery(), 5, None, before_crn="C000003", backward=True)] == [
        "B000002", "A000001"]
    assert await store.cases.count(CaseQuery(officer_code="N1")) == 3
    assert await store.cases.any_beyond(CaseQuery(), "A000001", before=True) is True
    assert await store.cases.any_beyond(CaseQuery(), "A000000", before=True) is False
    assert await store.cases.any_beyond(CaseQuery(), "C000003", before=False) is True

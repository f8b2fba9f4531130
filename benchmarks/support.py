"""Seeding and measuring helpers of ``scripts/benchmark.py`` (figures only, never test assertions)."""

from __future__ import annotations

import inspect
import statistics
import time
from datetime import date, datetime, timedelta
from uuid import uuid4

from domain.core.calendar import LONDON
from domain.core.enums import (
    AppointmentKind,
    AppointmentOutcome,
    Gender,
    NoteKind,
    OffenceCategory,
    Provider,
    RequirementType,
    Role,
    RoshLevel,
    SentenceType,
)
from domain.core.ports import FixedClock
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.delivery import use_cases as delivery
from domain.delivery.commands import RecordAppointment
from domain.records import use_cases as records
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    CreateCase,
    OffenceDetails,
    OffenderDetails,
    OfficerDetails,
    RequirementDetails,
)
from domain.risk import use_cases as risk
from domain.risk.commands import RecordRoshAssessment
from repositories.factory import open_store
from resolvers.root import schema

ACTOR = Principal(subject="bench", name="Benchmark", roles=frozenset({Role.ADMIN}))
NOW = datetime(2026, 11, 20, 10, tzinfo=LONDON)
TODAY = NOW.date()
HAS_NEXT_DUE = "CaseOrder" in str(schema)


# Seeding ------------------------------------------------------------------------------------

async def seed_case(uow: UnitOfWork, crn: str, i: int, appointments: int = 10) -> str:
    """A realistic case: RoSH, a community order with unpaid work and RAR, an allocation and up to
    ``appointments`` weekly appointments, one in nine missed (a failure to comply). Returns the sentence id."""
    await records.create_case(uow, ACTOR, CreateCase(crn=crn, offender=OffenderDetails(
        "Sam", f"Case{i}", date(1980 + i % 20, 1 + i % 12, 1 + i % 28), Gender.MALE)))
    level = [RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH][i % 3]
    await risk.record_rosh_assessment(uow, ACTOR, RecordRoshAssessment(
        crn=crn, level=level, assessed_on=TODAY - timedelta(days=60), rationale="Assessed at court."))
    imposed = TODAY - timedelta(days=30 + (i * 37) % 300)
    outcome = await records.add_sentence(uow, ACTOR, AddSentence(
        crn=crn, type=SentenceType.COMMUNITY_ORDER, imposed_on=imposed, length_months=12 + i % 12,
        offence=OffenceDetails("Theft", OffenceCategory.ACQUISITIVE, imposed - timedelta(days=30)),
        requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=100),
                      RequirementDetails(RequirementType.REHABILITATION_ACTIVITY, days=20))))
    sentence = outcome.created
    await records.allocate_case(uow, ACTOR, AllocateCase(
        crn=crn, provider=Provider.NPS if level is RoshLevel.HIGH else Provider.CRC,
        officer=OfficerDetails(f"O{i % 8:03d}", f"Officer {i % 8}"), allocated_on=imposed + timedelta(days=1)))
    for k in range(appointments):
        day = imposed + timedelta(days=2 + 7 * k)
        if day > TODAY:
            break
        await delivery.record_appointment(uow, ACTOR, RecordAppointment(
            crn=crn, sentence_id=sentence.id, kind=AppointmentKind.INDUCTION if k == 0 else AppointmentKind.SUPERVISION,
            face_to_face=True, date=day,
            outcome=AppointmentOutcome.FAILED_TO_ATTEND if (i + k) % 9 == 4 else AppointmentOutcome.ATTENDED_COMPLIED,
            notes="Discussed employment and accommodation. " * 5, notes_kind=NoteKind.FACT))
    return sentence.id


async def clone(store, templates: list[str], n: int) -> None:
    """``n`` cases cloned from the template documents (new id and CRN), inserted directly."""
    documents = [await store.cases.collection.find_one({"crn": crn}) for crn in templates]
    batch = []
    for i in range(n):
        document = dict(documents[i % len(documents)])
        document["_id"] = uuid4().hex
        document["crn"] = f"C{i:06d}"
        batch.append(document)
        if len(batch) == 500:
            await store.cases.collection.insert_many(batch)
            batch = []
    if batch:
        await store.cases.collection.insert_many(batch)


async def fresh_store(name: str):
    """An embedded store with its indexes, a fixed clock and the unit of work over them."""
    store = open_store(None, name)
    await store.ensure_indexes()
    clock = FixedClock(NOW)
    return store, clock, UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims)


async def put(store, case) -> None:
    """Write a case built in memory over its stored version (the benchmark's own shortcut)."""
    parameters = inspect.signature(store.cases.replace).parameters
    extra = {"as_of": TODAY} if "as_of" in parameters else {}
    case.version += 1
    assert await store.cases.replace(case, expected_version=case.version - 1, **extra)


# Measuring ----------------------------------------------------------------------------------

def summary(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


async def timed(call, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return summary(samples)


class TimedCollection:
    """Wraps a driver collection: accumulates the time spent inside its awaited calls."""

    WRAPPED = {"find_one", "update_one", "replace_one", "insert_one", "delete_one", "find_one_and_update",
               "count_documents"}

    def __init__(self, inner, clock: list[float]) -> None:
        self._inner = inner
        self._clock = clock

    def __getattr__(self, name):
        attribute = getattr(self._inner, name)
        if name not in self.WRAPPED:
            return attribute

        async def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return await attribute(*args, **kwargs)
            finally:
                self._clock[0] += time.perf_counter() - started
        return wrapper


def time_the_driver(store) -> list[float]:
    clock = [0.0]
    for repository in (store.cases, store.tiers, store.audit, store.victims, getattr(store, "claims", None)):
        if repository is not None and hasattr(repository, "collection"):
            repository.collection = TimedCollection(repository.collection, clock)
    return clock


def full_case_query() -> str:
    """Every field of Case reachable without required arguments, with __typename everywhere so the
    floor can resolve abstract types from the prebuilt dict."""
    from graphql import GraphQLInterfaceType, GraphQLList, GraphQLNonNull, GraphQLObjectType, Undefined

    graphql_schema = schema._schema

    def unwrap(t):
        while isinstance(t, (GraphQLNonNull, GraphQLList)):
            t = t.of_type
        return t

    def selection(type_, path: tuple[str, ...]) -> str:
        parts = ["__typename"]
        for name, field in type_.fields.items():
            if any(isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined for a in field.args.values()):
                continue
            target = unwrap(field.type)
            if isinstance(target, (GraphQLObjectType, GraphQLInterfaceType)):
                if target.name in path or len(path) > 6:
                    continue
                parts.append(f"{name} {{ {selection(target, path + (target.name,))} }}")
            else:
                parts.append(name)
        return " ".join(parts)

    case_type = graphql_schema.type_map["Case"]
    return f'query($crn: String!) {{ case(crn: $crn) {{ {selection(case_type, ("Case",))} }} }}'

"""Benchmark: figures for the closing notes, never assertions in the test suite.

Seeds N realistic cases on the embedded store through the use cases, then times, through
``schema.execute`` with a fresh context per call (as a request would): a case read with its
standards, a page of 100 cases, the overdue filter, and the standards report over the caseload.

    .venv/bin/python scripts/benchmark.py [N]      (default 2000)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from domain.core.calendar import LONDON  # noqa: E402
from domain.core.enums import (  # noqa: E402
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
from domain.core.ports import FixedClock  # noqa: E402
from domain.core.principal import Principal  # noqa: E402
from domain.core.unit_of_work import UnitOfWork  # noqa: E402
from domain.delivery import use_cases as delivery  # noqa: E402
from domain.delivery.commands import RecordAppointment  # noqa: E402
from domain.records import use_cases as records  # noqa: E402
from domain.records.commands import (  # noqa: E402
    AddSentence,
    AllocateCase,
    CreateCase,
    OffenceDetails,
    OffenderDetails,
    OfficerDetails,
    RequirementDetails,
)
from domain.risk import use_cases as risk  # noqa: E402
from domain.risk.commands import RecordRoshAssessment  # noqa: E402
from domain.staff import use_cases as staff  # noqa: E402
from domain.staff.commands import RegisterOfficer  # noqa: E402
from repositories.factory import open_store  # noqa: E402
from resolvers.root import schema  # noqa: E402
from schema.context import Context, Loaders  # noqa: E402

ACTOR = Principal(subject="bench", name="Benchmark", roles=frozenset({Role.ADMIN}))
TODAY = date(2026, 11, 20)


def officer_code(provider: Provider, i: int) -> str:
    """Forty officers, twenty per provider (allocations name officers the directory knows)."""
    return f"{provider.value[0]}{i % 20:03d}"


async def seed(uow: UnitOfWork, n: int) -> float:
    started = time.perf_counter()
    for provider in Provider:
        for k in range(20):
            registered = await staff.register_officer(uow, ACTOR, RegisterOfficer(officer_code(provider, k),
                                                                                  f"Officer {provider.value} {k}", provider))
            assert registered.ok, registered.errors
    for i in range(n):
        crn = f"B{i:06d}"
        await records.create_case(uow, ACTOR, CreateCase(crn=crn, offender=OffenderDetails(
            "Sam", f"Case{i}", date(1980 + i % 20, 1 + i % 12, 1 + i % 28), Gender.MALE)))
        level = [RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH][i % 3]
        await risk.record_rosh_assessment(uow, ACTOR, RecordRoshAssessment(crn=crn, level=level,
                                                                           assessed_on=TODAY - timedelta(days=60), rationale="r"))
        imposed = TODAY - timedelta(days=30 + i % 300)
        outcome = await records.add_sentence(uow, ACTOR, AddSentence(
            crn=crn, type=SentenceType.COMMUNITY_ORDER, imposed_on=imposed, length_months=12 + i % 12,
            offence=OffenceDetails("Theft", OffenceCategory.ACQUISITIVE, imposed - timedelta(days=30)),
            requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=100),
                          RequirementDetails(RequirementType.REHABILITATION_ACTIVITY, days=20))))
        sentence = outcome.created
        provider = Provider.NPS if level is RoshLevel.HIGH else Provider.CRC
        allocated = await records.allocate_case(uow, ACTOR, AllocateCase(
            crn=crn, provider=provider, officer=OfficerDetails(officer_code(provider, i)),
            allocated_on=imposed + timedelta(days=1), rationale="Allocated by RoSH band."))
        assert allocated.ok, allocated.errors
        for k in range(10):  # ten appointments each, some missed
            day = imposed + timedelta(days=2 + 7 * k)
            if day > TODAY:
                break
            await delivery.record_appointment(uow, ACTOR, RecordAppointment(
                crn=crn, sentence_id=sentence.id, kind=AppointmentKind.INDUCTION if k == 0 else AppointmentKind.SUPERVISION,
                face_to_face=True, date=day,
                outcome=AppointmentOutcome.FAILED_TO_ATTEND if (i + k) % 9 == 0 else AppointmentOutcome.ATTENDED_COMPLIED,
                notes="Discussed employment and accommodation." * 5, notes_kind=NoteKind.FACT))
    return time.perf_counter() - started


async def timed(uow, clock, query, variables=None, repeat=20, principal: Principal = ACTOR) -> tuple[float, float]:
    """Median and 95th percentile in ms of ``repeat`` runs, each with a fresh context."""
    samples = []
    for _ in range(repeat):
        context = Context(principal=principal, uow=uow, clock=clock, loaders=Loaders.for_principal(uow, principal))
        started = time.perf_counter()
        result = await schema.execute(query, variable_values=variables, context_value=context)
        samples.append((time.perf_counter() - started) * 1000)
        assert result.errors is None, result.errors
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


async def main(n: int) -> None:
    store = open_store(None, "benchmark")
    await store.ensure_indexes()
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, officers=store.officers)
    seconds = await seed(uow, n)
    print(f"seeded {n} cases (create, RoSH, sentence, allocation, up to 10 appointments each) in {seconds:.1f} s "
          f"({seconds / n * 1000:.1f} ms per case)")
    rows = [
        ("case(crn) with standards", 'query { case(crn: "B000123") { crn sentences { appointments { date outcome } } standards { standard state dueBy } } }', 50),
        ("cases(first: 100) with standards", "query { cases(first: 100) { edges { node { crn standards { standard state } } } } }", 10),
        ("cases(first: 100, hasOverdueStandards: true)", "query { cases(first: 100, filter: {hasOverdueStandards: true}) { edges { node { crn } } } }", 10),
        ("cases(first: 100, officerCode)", 'query { cases(first: 100, filter: {officerCode: "C007"}) { edges { node { crn } } } }', 10),
        (f"standardsReport over all {n} cases", "query { standardsReport { casesExamined standards { standard met due overdue notMet } } }", 3),
    ]
    for label, query, repeat in rows:
        median, p95 = await timed(uow, clock, query, repeat=repeat)
        print(f"{label:50s} median {median:8.1f} ms   p95 {p95:8.1f} ms   ({repeat} runs)")
    store.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))

"""Partner batches, measured: figures for the closing notes, never assertions in the test suite.

Seeds cases on the embedded store through the use cases (half visible to children's services, a
quarter outside its row filter, a quarter restricted), then times through ``schema.execute`` with
a fresh context per call, as a request would:
- ``sharedRiskSummaries`` for 100 CRNs that are all unknown, all malformed, all outside the row
  filter, all restricted, and all visible, so the figures show how far the kind of null answer
  shows in the time taken (one read and one audit insert whatever the answers; a decoy parse for
  each CRN without a case; what remains is the store returning the documents of cases that exist);
- the same 100 visible CRNs asked one ``sharedRiskSummary`` at a time (the round trips a batch saves
  are on top of this, since here there is no network).

    .venv/bin/python scripts/measure_partner_batch.py [N]      (default 400)
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import timed  # noqa: E402  (scripts/benchmark.py: median and p95 of runs)

from domain.core.calendar import LONDON  # noqa: E402
from domain.core.enums import Agency, Gender, Role, RoshLevel  # noqa: E402
from domain.core.ports import FixedClock  # noqa: E402
from domain.core.principal import Principal  # noqa: E402
from domain.core.unit_of_work import UnitOfWork  # noqa: E402
from domain.records import use_cases as records  # noqa: E402
from domain.records.commands import CreateCase, OffenderDetails  # noqa: E402
from domain.risk import use_cases as risk  # noqa: E402
from domain.risk.commands import RecordRoshAssessment  # noqa: E402
from domain.sharing import use_cases as sharing  # noqa: E402
from domain.sharing.commands import RestrictCase  # noqa: E402
from repositories.factory import open_store  # noqa: E402
from resolvers.root import schema  # noqa: E402
from schema.context import Context, Loaders  # noqa: E402

ADMIN = Principal(subject="bench", name="Benchmark", roles=frozenset({Role.ADMIN}))
PARTNER = Principal(subject="bench-partner", name="Children's services", roles=frozenset({Role.PARTNER}),
                    agency=Agency.CHILDREN_SERVICES)
BATCH = """query($crns: [String!]!) { sharedRiskSummaries(crns: $crns, purpose: SAFEGUARDING_CHILDREN) {
  crn summary { crn roshLevel roshAssessedOn updatedAt caseVersion safeguarding restrictions { type endsOn } } } }"""
SINGLE = """query($crn: String!) { sharedRiskSummary(crn: $crn, purpose: SAFEGUARDING_CHILDREN) { crn roshLevel } }"""


async def seed(uow: UnitOfWork, n: int) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {"visible": [], "outside the row filter": [], "restricted": []}
    for i in range(n):
        crn = f"P{i:06d}"
        await records.create_case(uow, ADMIN, CreateCase(crn=crn, offender=OffenderDetails(
            "Sam", f"Case{i}", date(1985, 1 + i % 12, 1 + i % 28), Gender.MALE, f"2010/{i:07d}A")))
        kind = ("visible", "visible", "outside the row filter", "restricted")[i % 4]
        children = RoshLevel.HIGH if kind != "outside the row filter" else RoshLevel.LOW
        await risk.record_rosh_assessment(uow, ADMIN, RecordRoshAssessment(
            crn=crn, level=RoshLevel.HIGH, risk_to_children=children, assessed_on=date(2026, 11, 1), rationale="r"))
        if kind == "restricted":
            await sharing.restrict_case(uow, ADMIN, RestrictCase(crn=crn, allowed_subjects=("someone",)))
        kinds[kind].append(crn)
    return kinds


async def one_at_a_time(uow, clock, crns) -> float:
    started = time.perf_counter()
    for crn in crns:
        context = Context(principal=PARTNER, uow=uow, clock=clock, loaders=Loaders.for_principal(uow, PARTNER))
        result = await schema.execute(SINGLE, variable_values={"crn": crn}, context_value=context)
        assert result.errors is None, result.errors
    return (time.perf_counter() - started) * 1000


async def main(n: int) -> None:
    store = open_store(None, "partner-batch")
    await store.ensure_indexes()
    clock = FixedClock(datetime(2026, 11, 20, 10, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.officers)
    kinds = await seed(uow, n)
    batches = {
        "all unknown": [f"Z{i:06d}" for i in range(100)],
        "all malformed": [f"not-a-crn-{i}" for i in range(100)],
        "all outside the row filter": (kinds["outside the row filter"] * 2)[:100],
        "all restricted": (kinds["restricted"] * 2)[:100],
        "all visible": (kinds["visible"] * 2)[:100],
    }
    print(f"seeded {n} cases; batches of 100 CRNs, children's services, 30 runs each (embedded store)")
    order = list(batches) * 2  # interleaved twice, so a warm-up or a drift does not favour one kind
    figures: dict[str, list[tuple[float, float]]] = {label: [] for label in batches}
    for label in order:
        figures[label].append(await timed(uow, clock, BATCH, {"crns": batches[label]}, 15, principal=PARTNER))
    for label, runs in figures.items():
        median = statistics.median(m for m, _ in runs)
        p95 = max(p for _, p in runs)
        print(f"sharedRiskSummaries, {label:28s} median {median:7.1f} ms   p95 {p95:7.1f} ms")
    total = await one_at_a_time(uow, clock, batches["all visible"])
    print(f"100 x sharedRiskSummary, one request each      total  {total:7.1f} ms ({total / 100:.1f} ms each, no network)")
    store.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 400))

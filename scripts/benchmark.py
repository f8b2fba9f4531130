"""Benchmark: figures for the closing notes and the README, never assertions in the test suite.

One run prints, side by side (ratios within one run: the machine may be shared and noisy):

1. a full-case read: the whole HTTP request (in process, through the ASGI app) vs graphql-core
   executing the same pre-parsed document over a prebuilt dict (the floor) vs the repository load
   plus the domain work (rebuilding the case and evaluating every standard);
2. requests per second on one uvicorn process (127.0.0.1, a subprocess) for that case read and for a
   write (recordAppointment), against a trivial Starlette route in the same process;
3. the cost of a write (recordAppointment through GraphQL) on a case with 10, 100 and 1,000
   appointments, split into the time spent inside the database driver and the rest (the service);
4. a page of ``cases``, a ``NEXT_DUE`` page and ``standardsReport`` at 500, 2,000 and 8,000 cases,
   seeded by cloning documents.

    .venv/bin/python scripts/benchmark.py [--quick] [--port 8106] [--sizes 500,2000,8000]

Every figure is on the embedded store (mongomock-motor): no MongoDB server is available here.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import inspect
import os
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from graphql import build_schema, execute, parse  # noqa: E402

from api.auth import mint_token  # noqa: E402
from api.settings import Settings  # noqa: E402
from benchmarks.support import (  # noqa: E402
    ACTOR,
    HAS_NEXT_DUE,
    NOW,
    TODAY,
    clone,
    fresh_store,
    full_case_query,
    put,
    seed_case,
    summary,
    time_the_driver,
    timed,
)
from domain import standards  # noqa: E402
from domain.core.enums import AppointmentKind, AppointmentOutcome, NoteKind  # noqa: E402
from domain.core.ports import FixedClock  # noqa: E402
from domain.delivery.model import Appointment, Note  # noqa: E402
from repositories.cases import document_size  # noqa: E402
from resolvers.root import build_schema as build_service_schema  # noqa: E402
from resolvers.root import schema  # noqa: E402
from schema import ids  # noqa: E402
from schema.context import Context, Loaders  # noqa: E402

# The benchmark measures the service's work, not its limits: the full-case query asks every field
# (cost ~30,000, over the shipped QUERY_COST_LIMIT), and the throughput runs would drain a
# principal's rate-limit bucket. docs/queries.md measures the limits themselves.
UNLIMITED = {"query_cost_limit": 100_000, "rate_limit_staff_capacity": 100_000, "rate_limit_partner_capacity": 100_000,
             "rate_limit": False}
# The schema the in-process figures run on: the same, without a time budget, so a slow report is
# measured rather than stopped (the HTTP app's own budget is measured in docs/queries.md).
BENCH_SCHEMA = build_service_schema(cost_limit=UNLIMITED["query_cost_limit"], time_budget_seconds=None)

# 1. A full-case read, three ways ------------------------------------------------------------

async def full_case_read(repeat: int) -> dict:
    from asgi_lifespan import LifespanManager

    from api.app import create_app

    secret = "benchmark-secret-0123456789-abcdefghijklmnop"
    settings = Settings(auth_jwt_secret=secret, environment="development", demo_data=False, mongodb_uri=None,
                        **UNLIMITED)
    app = create_app(settings, clock=FixedClock(NOW))
    token = mint_token(secret, subject="bench", name="Benchmark", roles=["ADMIN"], issuer=settings.auth_jwt_issuer,
                       audience=settings.auth_jwt_audience)
    query = full_case_query()
    async with LifespanManager(app) as manager:
        store, uow = app.state.store, app.state.uow
        await seed_case(uow, "R000000", 4)
        await clone(store, ["R000000"], 199)
        body = {"query": query, "variables": {"crn": "R000000"}}
        headers = {"Authorization": f"Bearer {token}"}
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://bench") as client:
            response = await client.post("/graphql", json=body, headers=headers)
            payload = response.json()
            assert "errors" not in payload, payload.get("errors")
            http = await timed(lambda: client.post("/graphql", json=body, headers=headers), repeat)
        size = len(response.content)
        floor_schema = build_schema(str(schema))
        document = parse(query)
        data = payload["data"]

        async def floor():
            result = execute(floor_schema, document, root_value=data, variable_values={"crn": "R000000"})
            if inspect.isawaitable(result):
                result = await result
            assert not result.errors, result.errors

        floor_figures = await timed(floor, repeat)

        async def domain_work():
            case = await store.cases.get("R000000")
            standards.evaluate(case, TODAY)

        domain_figures = await timed(domain_work, repeat)
    return {"http": http, "floor": floor_figures, "domain": domain_figures, "bytes": size}


# 2. Requests per second on one process ------------------------------------------------------

def serve(port: int) -> None:
    """The benchmark server: the app with demo data, plus a trivial route, on 127.0.0.1 only."""
    import uvicorn
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    from api.app import create_app

    async def trivial(request):
        return PlainTextResponse("ok")

    app = create_app(Settings(environment="development", demo_data=True, mongodb_uri=None, **UNLIMITED))
    app.router.routes.insert(0, Route("/trivial", trivial))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


async def load(client: httpx.AsyncClient, request, total: int, concurrency: int, seconds: float) -> tuple[float, float]:
    """Bounded load: at most ``total`` requests or ``seconds``, from ``concurrency`` workers."""
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds
    remaining = [total]

    async def worker():
        while remaining[0] > 0 and time.perf_counter() < deadline:
            remaining[0] -= 1
            started = time.perf_counter()
            response = await request(client)
            latencies.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text[:200]

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    return len(latencies) / elapsed, statistics.median(latencies)


async def throughput(port: int, total: int, seconds: float) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for name in ("MONGODB_URI", "ENVIRONMENT", "DEMO_DATA", "AUTH_JWT_SECRET"):
        environment.pop(name, None)
    environment.update({name.upper(): str(value).lower() for name, value in UNLIMITED.items()})
    server = subprocess.Popen([sys.executable, __file__, "--serve", "--port", str(port)], env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            for _ in range(200):
                try:
                    if (await client.get("/health/ready")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)
            settings = Settings()
            token = mint_token(settings.auth_jwt_secret.get_secret_value(), subject="bench", name="Benchmark",
                               roles=["ADMIN"], issuer=settings.auth_jwt_issuer, audience=settings.auth_jwt_audience)
            headers = {"Authorization": f"Bearer {token}"}
            read = {"query": full_case_query(), "variables": {"crn": "D000001"}}
            found = (await client.post("/graphql", json={"query": '{ case(crn: "D000001") { sentences { id } } }'},
                                       headers=headers)).json()
            sentence_id = found["data"]["case"]["sentences"][0]["id"]
            write = {"query": "mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) "
                              "{ appointment { id } userErrors { code message } } }",
                     "variables": {"input": {"crn": "D000001", "sentenceId": sentence_id, "kind": "SUPERVISION",
                                             "faceToFace": True, "date": date.today().isoformat(),
                                             "outcome": "ATTENDED_COMPLIED", "notes": "Seen.", "notesKind": "FACT"}}}
            figures = {}
            for label, request in [
                ("trivial Starlette route", lambda c: c.get("/trivial")),
                ("case read (full case)", lambda c: c.post("/graphql", json=read, headers=headers)),
                ("write (recordAppointment)", lambda c: c.post("/graphql", json=write, headers=headers)),
            ]:
                await load(client, request, 20, 4, seconds)  # warm up
                figures[label] = await load(client, request, total, 8, seconds)
            return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


# 3. Write cost by history length ------------------------------------------------------------

async def write_cost(sizes: list[int], repeat: int) -> dict:
    figures = {}
    for n in sizes:
        store, clock, uow = await fresh_store(f"writes{n}")
        sentence_id = await seed_case(uow, "W000001", 1, appointments=1)
        case = await store.cases.get("W000001")
        template = case.sentences[0].appointments[0]
        case.sentences[0].appointments = [
            Appointment(kind=AppointmentKind.SUPERVISION, face_to_face=True,
                        date=template.date + timedelta(days=k % 200), outcome=AppointmentOutcome.ATTENDED_COMPLIED,
                        notes=Note(kind=NoteKind.FACT, text="Discussed employment and accommodation. " * 5),
                        recorded=template.recorded) for k in range(n)]
        await put(store, case)
        driver = time_the_driver(store)
        mutation = ("mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) "
                    "{ appointment { id } userErrors { code message } } }")
        variables = {"input": {"crn": "W000001", "sentenceId": ids.encode("Sentence", "W000001", sentence_id),
                               "kind": "SUPERVISION", "faceToFace": True, "date": TODAY.isoformat(),
                               "outcome": "ATTENDED_COMPLIED", "notes": "Seen at the office.", "notesKind": "FACT"}}
        gc_time = [0.0, 0]
        started_gc = [0.0]

        def on_gc(phase, info):
            if info["generation"] == 2:
                if phase == "start":
                    started_gc[0] = time.perf_counter()
                else:
                    gc_time[0] += time.perf_counter() - started_gc[0]
                    gc_time[1] += 1

        samples, inside = [], []
        gc.callbacks.append(on_gc)
        try:
            for _ in range(repeat):
                context = Context(principal=ACTOR, uow=uow, clock=clock, loaders=Loaders.for_principal(uow, ACTOR))
                driver[0] = 0.0
                started = time.perf_counter()
                result = await BENCH_SCHEMA.execute(mutation, variable_values=variables, context_value=context)
                samples.append((time.perf_counter() - started) * 1000)
                inside.append(driver[0] * 1000)
                assert result.errors is None and not result.data["recordAppointment"]["userErrors"], result
        finally:
            gc.callbacks.remove(on_gc)
        stored = await store.cases.collection.find_one({"crn": "W000001"})
        total, _ = summary(samples)
        in_driver = statistics.median(inside)
        figures[n] = {"total": total, "driver": in_driver, "service": statistics.median(
            [s - d for s, d in zip(samples, inside)]), "gc_full": gc_time[1], "gc_ms": gc_time[0] * 1000 / repeat,
            "kib": document_size(stored) / 1024}
        store.close()
    return figures


# 4. Caseload queries by caseload size -------------------------------------------------------

CASES_PAGE = "query { cases(first: 100) { edges { cursor node { crn } } pageInfo { endCursor hasNextPage } } }"
OFFICER_PAGE = 'query { cases(first: 100, filter: {officerCode: "O003"}) { edges { node { crn } } } }'
NEXT_DUE_PAGE = ("query { cases(first: 100, orderBy: NEXT_DUE) { edges { cursor node { crn nextDue { standard dueBy } } } "
                 "pageInfo { endCursor } } }")
DUE_BY_PAGE = ('query { cases(first: 100, orderBy: NEXT_DUE, filter: {dueBy: "%s"}) { edges { node { crn } } } }'
               % (TODAY + timedelta(days=7)).isoformat())
REPORT = "query { standardsReport { casesExamined standards { standard met due overdue notMet } } }"
REPORT_PAST = ("query { standardsReport(asOf: \"%s\") { casesExamined standards { standard met due overdue notMet } } }"
               % (TODAY - timedelta(days=30)).isoformat())


async def caseload(sizes: list[int], repeat: int) -> dict:
    figures = {}
    for n in sizes:
        store, clock, uow = await fresh_store(f"caseload{n}")
        templates = [f"T{i:06d}" for i in range(16)]
        for i, crn in enumerate(templates):
            await seed_case(uow, crn, i)
        await clone(store, templates, n - len(templates))
        rows = [("cases(first: 100)", CASES_PAGE, repeat), ("cases(first: 100, officerCode)", OFFICER_PAGE, repeat)]
        if HAS_NEXT_DUE:
            rows += [("cases(first: 100, orderBy: NEXT_DUE)", NEXT_DUE_PAGE, repeat),
                     ("cases(orderBy: NEXT_DUE, dueBy: +7 days)", DUE_BY_PAGE, repeat)]
        rows += [("standardsReport (today)", REPORT, max(1, repeat // 4)),
                 ("standardsReport (asOf 30 days ago)", REPORT_PAST, 1)]
        figures[n] = {}
        for label, query, times in rows:
            async def run(query=query):
                context = Context(principal=ACTOR, uow=uow, clock=clock, loaders=Loaders.for_principal(uow, ACTOR))
                result = await BENCH_SCHEMA.execute(query, context_value=context)
                assert result.errors is None, result.errors
            figures[n][label] = await timed(run, times)
        store.close()
    return figures


# Report -------------------------------------------------------------------------------------

async def main(arguments) -> None:
    quick = arguments.quick
    print(f"benchmark at {datetime.now().isoformat(timespec='seconds')} on {os.cpu_count()} cores, Python "
          f"{sys.version.split()[0]}, store: embedded (mongomock-motor); gc thresholds {gc.get_threshold()}"
          f"{', frozen ' + str(gc.get_freeze_count()) if gc.get_freeze_count() else ''}")

    repeat = 10 if quick else 30
    untuned = await write_cost([10, 100, 1000], repeat)  # the interpreter's default collector settings
    from api import app as application
    tune = getattr(application, "tune_garbage_collector", None)
    if tune is not None:
        tune()  # what the app does after start-up (the first app below would do it anyway)

    read = await full_case_read(20 if quick else 100)
    print(f"\n1. Full-case read ({read['bytes'] / 1024:.1f} KiB of JSON), median / p95 ms")
    for key, label in [("http", "the whole HTTP request (ASGI, in process)"),
                       ("floor", "graphql-core, pre-parsed, over a prebuilt dict"),
                       ("domain", "repository load + domain (evaluate every standard)")]:
        median, p95 = read[key]
        print(f"   {label:55s} {median:8.2f} {p95:8.2f}")
    print(f"   HTTP / floor = {read['http'][0] / read['floor'][0]:.1f}x;  HTTP / domain work = "
          f"{read['http'][0] / read['domain'][0]:.1f}x")

    rps = await throughput(arguments.port, 300 if quick else 2000, 3 if quick else 8)
    print("\n2. One uvicorn process on 127.0.0.1, 8 concurrent clients: requests/s, median latency ms")
    trivial = rps["trivial Starlette route"][0]
    for label, (rate, p50) in rps.items():
        print(f"   {label:40s} {rate:8.1f} req/s  p50 {p50:7.2f} ms   ({rate / trivial:.3f} of the trivial route)")

    runs = [("default garbage collector", untuned)]
    if tune is not None:
        runs.append(("after the app's start-up tuning (gc.freeze, thresholds)", await write_cost([10, 100, 1000], repeat)))
    print("\n3. recordAppointment through GraphQL by appointments on the case: median ms "
          "(total = inside the driver + the service)")
    for title, figures in runs:
        print(f"   {title}:")
        for n, f in figures.items():
            print(f"   {n:5d} appointments ({f['kib']:6.0f} KiB): total {f['total']:7.2f}  driver {f['driver']:7.2f}  "
                  f"service {f['service']:7.2f}   full GCs {f['gc_full']} ({f['gc_ms']:.2f} ms/write)")
        base = figures[10]
        print(f"   1,000 vs 10: total {figures[1000]['total'] / base['total']:.1f}x, "
              f"service {figures[1000]['service'] / base['service']:.1f}x, "
              f"driver {figures[1000]['driver'] / base['driver']:.1f}x")

    sizes = [int(s) for s in arguments.sizes.split(",")]
    load_figures = await caseload(sizes, 3 if quick else 10)
    print("\n4. Caseload queries by number of cases: median ms")
    labels = list(next(iter(load_figures.values())))
    print("   " + " " * 42 + "".join(f"{n:>12d}" for n in sizes) + "   last/first")
    for label in labels:
        values = [load_figures[n][label][0] for n in sizes]
        print(f"   {label:42s}" + "".join(f"{v:12.1f}" for v in values) + f"   {values[-1] / values[0]:8.1f}x")
    if not HAS_NEXT_DUE:
        print("   (NEXT_DUE and dueBy: not in this version)")
    print(f"   cases grew {sizes[-1] / sizes[0]:.0f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, smaller load")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=8106)
    parser.add_argument("--sizes", default="500,2000,8000")
    args = parser.parse_args()
    if args.serve:
        serve(args.port)
    else:
        asyncio.run(main(args))

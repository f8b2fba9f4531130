"""The ASGI application (docs/api.md, Running it): ``create_app(settings=None)`` and ``app``."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.auth import verifier_from_settings
from api.graphql_view import AuthenticationGate, CaseGraphQL
from api.settings import Settings
from domain.core.ports import Clock, SystemClock
from domain.core.unit_of_work import UnitOfWork
from repositories.factory import open_store
from resolvers.root import schema

logger = logging.getLogger("probation")


# Young-generation threshold raised from 700: a write parses and dumps a case (tens of thousands of
# objects at a long history), which at 700 set off several full collections per write; measured by
# scripts/benchmark.py (docs/storage.md, Garbage collection).
GC_THRESHOLDS = (50_000, 20, 100)
_gc_tuned = False


def tune_garbage_collector() -> None:
    """Once per process, after start-up: everything alive now (modules, the schema, caches) lives as
    long as the process, so it is frozen out of the collector's generations and full collections on
    the request path stop walking it; and the thresholds are raised."""
    global _gc_tuned
    if _gc_tuned:
        return
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    _gc_tuned = True


def create_app(settings: Settings | None = None, *, clock: Clock | None = None) -> Starlette:
    settings = settings or Settings()
    clock = clock or SystemClock()
    verifier = verifier_from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        uri = None if settings.embedded_store else settings.mongodb_uri.get_secret_value()
        store = open_store(uri, settings.mongodb_database)
        if store.embedded:
            logger.warning("Using the EMBEDDED IN-MEMORY store (mongomock-motor): NOT PERSISTENT, every case is lost "
                           "when the process stops. Set MONGODB_URI for a real database.")
        try:
            await store.ensure_indexes()
            app.state.store = store
            app.state.uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.claims,
                                       idempotency_window=timedelta(hours=settings.idempotency_window_hours))
            if settings.demo_data:
                from api.demo import load_demo_cases

                loaded = await load_demo_cases(app.state.uow, clock)
                logger.warning("Loaded %d demo cases: %s", len(loaded), ", ".join(loaded))
            tune_garbage_collector()
            yield
        finally:
            store.close()

    async def live(request: Request) -> JSONResponse:
        return JSONResponse({"status": "live"})

    async def ready(request: Request) -> JSONResponse:
        store = getattr(request.app.state, "store", None)
        if store is not None and await store.ping():
            return JSONResponse({"status": "ready", "database": "embedded" if store.embedded else "mongodb"})
        return JSONResponse({"status": "unavailable", "reason": "database did not answer ping"}, status_code=503)

    graphql = CaseGraphQL(schema, graphql_ide="graphiql" if settings.graphiql_enabled else None,
                          allow_queries_via_get=True)
    app = Starlette(
        routes=[
            Route("/graphql", AuthenticationGate(graphql, verifier, settings.graphiql_enabled), methods=["GET", "POST"]),
            Route("/health/live", live, methods=["GET"]),
            Route("/health/ready", ready, methods=["GET"]),
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.verifier = verifier
    return app


app = create_app()

"""The ASGI application (docs/api.md, Running it): ``create_app(settings=None)`` and ``app``.

``app`` is built when first asked for (``uvicorn api.app:app`` asks at start-up), so a bad
configuration prints one clean message per problem and exits, with no traceback, under uvicorn
as under ``python -m api serve``; importing this module never fails on configuration."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import re
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from functools import partial
from http import HTTPStatus

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Mount, Route, WebSocketRoute
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from api.auth import verifier_from_settings
from api.edge import REQUEST_ID_HEADER, BodyLimit, RequestContext
from api.errors import error_response
from api.graphiql import ASSET_PATH, graphiql_assets
from api.graphql_view import AuthenticationGate, CaseGraphQL
from api.info import service_info
from api.introspection import IntrospectionPolicy
from api.jobs import DailyJob
from api.lifecycle import DatabaseState, Lifecycle
from api.logs import configure_logging
from api.metrics import Metrics
from api.query_limits import query_limits
from api.refusals import RefusalAggregator
from api.settings import ConfigurationError, Settings, load_settings
from api.webhooks import WebhookDispatcher, rules_from
from domain.core.ports import Clock, SystemClock
from domain.core.request_context import current_request_id
from domain.core.unit_of_work import UnitOfWork
from repositories.factory import open_store
from resolvers.root import build_schema

logger = logging.getLogger("probation")

# Development: a page on this machine, on any port, may call the API from a browser.
LOCAL_ORIGINS = r"^https?://(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?$"


def without_credentials(uri: str) -> str:
    """The hosts of a MongoDB URI, for a log line: no user, password or options."""
    return re.sub(r"//[^@/]*@", "//", uri).split("?")[0]


class EdgeApp(Starlette):
    """Starlette with ``RequestContext`` (and tracing, when on) around everything, Starlette's own
    error handling included, so every response, a 500 too, carries the request id."""

    def build_middleware_stack(self):
        app = super().build_middleware_stack()
        if self.state.tracing is not None:
            app = self.state.tracing.wrap(app)
        return RequestContext(app, self.state.lifecycle, self.state.metrics)


def cors_middleware(settings: Settings) -> Middleware:
    origins = settings.cors_allowed_origins
    local = origins is None and settings.environment == "development"
    return Middleware(CORSMiddleware, allow_origins=origins or [], allow_origin_regex=LOCAL_ORIGINS if local else None,
                      allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type", REQUEST_ID_HEADER],
                      expose_headers=[REQUEST_ID_HEADER], allow_credentials=False, max_age=settings.cors_max_age_seconds)


async def http_error(request: Request, error: HTTPException) -> JSONResponse:
    return error_response(error.status_code, HTTPStatus(error.status_code).name, error.detail, headers=error.headers)


async def internal_error(request: Request, error: Exception) -> JSONResponse:
    return error_response(500, "INTERNAL_SERVER_ERROR", "Unexpected error; quote the request id.",
                          requestId=current_request_id() or "-")


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
    settings = settings or load_settings()
    clock = clock or SystemClock()
    try:
        verifier = verifier_from_settings(settings)
    except (OSError, ValueError) as error:
        raise ConfigurationError([f"Configuration error: {error}"]) from None
    metrics = Metrics(settings.metrics_max_operation_names)
    lifecycle = Lifecycle(settings.shutdown_grace_seconds)
    database = DatabaseState()
    tracing = None
    extensions = [partial(IntrospectionPolicy, enabled=settings.introspection_enabled), metrics.extension]
    if settings.tracing != "off":
        from api.tracing import Tracing

        tracing = Tracing(settings.tracing)
        extensions.append(tracing.schema_extension())
    schema = build_schema(extensions=extensions, **query_limits(settings))  # api.query_limits

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        uri = None if settings.embedded_store else settings.mongodb_uri.get_secret_value()
        store = open_store(uri, settings.mongodb_database, on_command=metrics.observe_database)
        if store.embedded:
            logger.warning("Using the EMBEDDED IN-MEMORY store (mongomock-motor): NOT PERSISTENT, every case is lost "
                           "when the process stops. Set MONGODB_URI for a real database.")
        tasks: list[asyncio.Task] = []
        try:
            app.state.store = store
            app.state.uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.officers, store.claims,
                                       idempotency_window=timedelta(hours=settings.idempotency_window_hours),
                                       events=store.events, webhooks=store.webhooks)
            app.state.refusals = RefusalAggregator(app.state.uow.record, clock.now,
                                                   window_seconds=settings.refusal_audit_window_seconds,
                                                   max_sources=settings.refusal_audit_max_sources)

            async def load_demo() -> None:
                if settings.demo_data:
                    from api.demo import load_demo_cases

                    loaded = await load_demo_cases(app.state.uow, clock)
                    logger.warning("Demo cases: %s", ", ".join(loaded) if loaded else "already loaded")

            where = "embedded store" if store.embedded else without_credentials(uri)
            if await database.connect(store.try_ensure_indexes, settings.database_retry_seconds, where):
                await load_demo()
            else:
                tasks.append(asyncio.create_task(database.retry(store.try_ensure_indexes, settings.database_retry_seconds,
                                                                on_ready=load_demo)))
            tasks.append(asyncio.create_task(app.state.refusals.run()))
            # The outbox relay (repositories.outbox): catches up whatever a write's own drain did not move.
            store.relay.lease = timedelta(seconds=settings.events_relay_lease_seconds)
            tasks.append(asyncio.create_task(store.relay.run(settings.events_relay_interval_seconds)))

            async def outbox_probe() -> tuple[int, int]:
                return await store.relay.pending(), store.relay.events_moved

            metrics.outbox_probe = outbox_probe
            # Webhook deliveries (api.webhooks) and the leader-elected daily job (api.jobs).
            app.state.uow.webhook_rules = rules_from(settings)
            app.state.webhooks = WebhookDispatcher(app.state.uow, settings, detail_base_url=settings.public_base_url)
            tasks.append(asyncio.create_task(app.state.webhooks.run(settings.events_relay_interval_seconds)))
            if settings.jobs_enabled:
                app.state.daily_job = DailyJob(app.state.uow, store.leases, timedelta(hours=settings.jobs_interval_hours))
                tasks.append(asyncio.create_task(app.state.daily_job.run()))
            lifecycle.install()
            tune_garbage_collector()
            yield
        finally:
            lifecycle.uninstall()
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            refusals = getattr(app.state, "refusals", None)
            if refusals is not None and database.ready:
                await refusals.flush(everything=True)
            if tracing is not None:
                tracing.shutdown()
            store.close()

    async def live(request: Request) -> JSONResponse:
        return JSONResponse({"status": "live"})

    async def ready(request: Request) -> JSONResponse:
        if lifecycle.draining:
            return JSONResponse({"status": "draining", "reason": "shutting down"}, status_code=503)
        store = getattr(request.app.state, "store", None)
        if store is not None and database.ready and await store.ping():
            return JSONResponse({"status": "ready", "database": "embedded" if store.embedded else "mongodb"})
        return JSONResponse({"status": "unavailable", "reason": "database did not answer ping"}, status_code=503)

    described: dict[str, str] = {}

    async def info(request: Request) -> JSONResponse:
        if not described:  # the schema does not change while the app runs
            described.update(service_info(schema, settings.git_commit))
        return JSONResponse(described)

    graphql = CaseGraphQL(schema, graphql_ide="graphiql" if settings.graphiql_enabled else None,
                          allow_queries_via_get=True, subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,))
    graphql.verifier = verifier
    routes = [
        Route("/graphql", AuthenticationGate(graphql, verifier, settings.graphiql_enabled), methods=["GET", "POST"]),
        # Subscriptions (docs/events.md): authenticated by the connection_init payload (CaseGraphQL.on_ws_connect).
        WebSocketRoute("/graphql", graphql),
        Route("/health/live", live, methods=["GET"]),
        Route("/health/ready", ready, methods=["GET"]),
        Route("/info", info, methods=["GET"]),
    ]
    if settings.metrics:
        routes.append(Route("/metrics", metrics.endpoint, methods=["GET"]))
    if settings.graphiql_enabled:
        routes.append(Mount(ASSET_PATH, app=graphiql_assets()))
    app = EdgeApp(
        routes=routes,
        middleware=[cors_middleware(settings),
                    Middleware(BodyLimit, max_body_bytes=settings.max_body_bytes,
                               max_query_string_bytes=settings.max_query_string_bytes)],
        exception_handlers={HTTPException: http_error, Exception: internal_error},
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.clock = clock
    app.state.verifier = verifier
    app.state.metrics = metrics
    app.state.lifecycle = lifecycle
    app.state.database = database
    app.state.tracing = tracing
    return app


def configured_app() -> Starlette:
    """The app from the environment, with logging set up; a bad configuration prints its
    problems, one line each, and exits with status 2."""
    try:
        settings = load_settings()
        configure_logging(json_lines=settings.json_logs, level=settings.log_level)
        return create_app(settings)
    except ConfigurationError as error:
        print("\n".join(error.lines), file=sys.stderr, flush=True)
        raise SystemExit(2) from None


def __getattr__(name: str):
    # ``app`` is built on first access (PEP 562), not at import.
    if name == "app":
        built = configured_app()
        globals()["app"] = built
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

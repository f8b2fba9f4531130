"""Prometheus metrics (``GET /metrics``), one registry per app.

HTTP requests by route and status, and their latency, are counted by the request middleware;
GraphQL operations by name, type and outcome, their latency, user errors by code and rule
refusals by standard ID by ``GraphQLMetrics`` (a schema extension reading the execution result);
database commands by the repositories' command listener (real MongoDB only).

Label values that a client could choose (operation names) are sanitised and capped
(``METRICS_MAX_OPERATION_NAMES``), so no client can grow the registry without bound."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from resolvers.error_reporting import PARSE_FAILED, VALIDATION_FAILED, code_of, is_unexpected

LABEL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")  # GraphQL names, codes, standard IDs (ENF-4)
OTHER = "other"
ANONYMOUS = "anonymous"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
DATABASE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0)


def bounded_label(value: str | None) -> str:
    return value if value and LABEL.match(value) else OTHER


class Metrics:
    def __init__(self, max_operation_names: int = 100) -> None:
        self.registry = CollectorRegistry()
        self.max_operation_names = max_operation_names
        self._operation_names: set[str] = set()
        r = self.registry
        self.http_requests = Counter("http_requests_total", "HTTP requests answered, by route, method and status.",
                                     ["route", "method", "status"], registry=r)
        self.http_latency = Histogram("http_request_duration_seconds", "HTTP request latency, by route.", ["route"],
                                      buckets=LATENCY_BUCKETS, registry=r)
        self.in_flight = Gauge("http_requests_in_flight", "HTTP requests being served.", registry=r)
        self.operations = Counter("graphql_operations_total", "GraphQL operations, by operation name, type and outcome "
                                  "(ok, user_error, refused, invalid, error).", ["operation", "type", "outcome"], registry=r)
        self.operation_latency = Histogram("graphql_operation_duration_seconds", "GraphQL operation latency.",
                                           ["operation", "type"], buckets=LATENCY_BUCKETS, registry=r)
        self.user_errors = Counter("graphql_user_errors_total", "userErrors returned by mutations, by code.", ["code"],
                                   registry=r)
        self.rule_refusals = Counter("graphql_rule_refusals_total",
                                     "userErrors that name a national standard, by standard ID.", ["standard"], registry=r)
        self.graphql_errors = Counter("graphql_errors_total", "GraphQL errors in responses, by extensions.code.", ["code"],
                                      registry=r)
        self.authentication_refusals = Counter("authentication_refusals_total",
                                               "Requests refused with 401, by reason code.", ["reason"], registry=r)
        self.database = Histogram("database_command_duration_seconds", "MongoDB command latency, by command and outcome.",
                                  ["command", "outcome"], buckets=DATABASE_BUCKETS, registry=r)
        self.outbox_pending = Gauge("events_outbox_pending_cases",
                                    "Cases whose outbox holds entries no relay has moved yet (read at scrape).", registry=r)
        self.events_relayed = Gauge("events_relayed", "Events this instance's relay has stored since it started.",
                                    registry=r)
        self.outbox_probe: Callable[[], Awaitable[tuple[int, int]]] | None = None  # set by the app: (pending, relayed)

    def operation_label(self, name: str | None) -> str:
        if not name:
            return ANONYMOUS
        if not LABEL.match(name):
            return OTHER
        if name not in self._operation_names:
            if len(self._operation_names) >= self.max_operation_names:
                return OTHER
            self._operation_names.add(name)
        return name

    def observe_database(self, command: str, seconds: float, succeeded: bool) -> None:
        """The repositories' ``CommandObserver``: called by the driver's thread or the loop."""
        self.database.labels(bounded_label(command), "ok" if succeeded else "failed").observe(seconds)

    def extension(self) -> "GraphQLMetrics":
        return GraphQLMetrics(self)

    async def endpoint(self, request: Request) -> Response:
        if self.outbox_probe is not None:
            try:
                pending, relayed = await self.outbox_probe()
                self.outbox_pending.set(pending)
                self.events_relayed.set(relayed)
            except Exception:  # noqa: BLE001  (the database may be away: the rest still answers)
                self.outbox_pending.set(float("nan"))
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)


def user_errors_in(data: Any) -> Iterable[dict]:
    """userErrors on the root fields' payloads (where mutations put them), as selected."""
    if not isinstance(data, dict):
        return
    for payload in data.values():
        if isinstance(payload, dict) and isinstance(payload.get("userErrors"), list):
            yield from (e for e in payload["userErrors"] if isinstance(e, dict))


def outcome_of(errors: list, user_errors: list[dict]) -> str:
    codes = {code_of(e) for e in errors}
    if codes & {PARSE_FAILED, VALIDATION_FAILED}:
        return "invalid"
    if any(is_unexpected(e) for e in errors):
        return "error"
    if "FORBIDDEN" in codes:
        return "refused"
    if errors:
        return "invalid"  # deliberate GraphQL errors: bad arguments and the like
    return "user_error" if user_errors else "ok"


class GraphQLMetrics(SchemaExtension):
    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        elapsed = time.perf_counter() - started
        context = self.execution_context
        metrics = self.metrics
        name = metrics.operation_label(context.operation_name)
        try:
            kind = context.operation_type.value
        except Exception:  # no document (parse failure) or an unknown operation name
            kind = "unknown"
        result = context.result
        errors = list(getattr(result, "errors", None) or ())
        user_errors = list(user_errors_in(getattr(result, "data", None)))
        metrics.operations.labels(name, kind, outcome_of(errors, user_errors)).inc()
        metrics.operation_latency.labels(name, kind).observe(elapsed)
        for error in errors:
            metrics.graphql_errors.labels("INTERNAL_SERVER_ERROR" if is_unexpected(error)
                                          else bounded_label(code_of(error))).inc()
        for user_error in user_errors:
            metrics.user_errors.labels(bounded_label(user_error.get("code"))).inc()
            if user_error.get("standard"):
                metrics.rule_refusals.labels(bounded_label(str(user_error["standard"]))).inc()

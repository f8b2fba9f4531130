"""Pure ASGI middleware at the HTTP edge.

``RequestContext`` (outermost, around Starlette's own error handling): the request id (taken
from ``X-Request-ID`` when it is a sane bounded token, else generated) for the logs, the audit
trail and the response header on every response; one access-log line; HTTP metrics; the
in-flight count that graceful shutdown waits for; 503 while draining; and the traceback of an
unexpected exception logged once, with the request id.

``BodyLimit``: 413 for a body over ``MAX_BODY_BYTES`` (from ``Content-Length`` before reading,
and while streaming for bodies without one, before anything parses it), 414 for a query string
over ``MAX_QUERY_STRING_BYTES``."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_response
from api.lifecycle import Lifecycle
from api.metrics import Metrics
from domain.core.request_context import request_id

logger = logging.getLogger("probation.http")

REQUEST_ID_HEADER = "X-Request-ID"
SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:=-]{0,127}$")
ROUTES = ("/graphql", "/health/live", "/health/ready", "/metrics", "/info")
METHODS = ("GET", "POST", "OPTIONS", "HEAD")
ALWAYS_ANSWERED = ("/health/live", "/health/ready", "/metrics")


def route_of(path: str) -> str:
    if path in ROUTES:
        return path
    return "/graphiql" if path.startswith("/graphiql/") else "other"


def request_id_for(scope: Scope) -> str:
    offered = Headers(scope=scope).get(REQUEST_ID_HEADER)
    return offered if offered and SANE_REQUEST_ID.match(offered) else uuid.uuid4().hex


class RequestContext:
    def __init__(self, app: ASGIApp, lifecycle: Lifecycle, metrics: Metrics) -> None:
        self.app = app
        self.lifecycle = lifecycle
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id_for(scope)
        token = request_id.set(rid)
        started = time.perf_counter()
        response = {"status": 500, "started": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                response.update(status=message["status"], started=True)
                headers = MutableHeaders(scope=message)
                headers[REQUEST_ID_HEADER] = rid
                headers.setdefault("X-Content-Type-Options", "nosniff")
            await send(message)

        path, method = scope["path"], scope["method"]
        counted = False
        try:
            if self.lifecycle.draining and path not in ALWAYS_ANSWERED:
                await error_response(503, "SHUTTING_DOWN", "The service is shutting down; retry on another instance.",
                                     headers={"Connection": "close", "Retry-After": "1"})(scope, receive, send_with_id)
                return
            counted = True
            self.lifecycle.in_flight += 1
            self.metrics.in_flight.inc()
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Starlette has already answered 500 (JSON) when it could; log the traceback once,
            # here, with the request id, and do not re-raise for the server to log it again.
            logger.exception("Unexpected error serving %s %s", method, path[:200])
            if not response["started"]:
                await error_response(500, "INTERNAL_SERVER_ERROR", "Unexpected error; quote the request id.",
                                     requestId=rid)(scope, receive, send_with_id)
        finally:
            if counted:
                self.lifecycle.in_flight -= 1
                self.metrics.in_flight.dec()
            elapsed = time.perf_counter() - started
            route = route_of(path)
            self.metrics.http_requests.labels(route, method if method in METHODS else "other",
                                              str(response["status"])).inc()
            self.metrics.http_latency.labels(route).observe(elapsed)
            if route not in ALWAYS_ANSWERED:  # probes and scrapes would drown the log
                logger.info("%s %s %s %.1f ms", method, path[:200], response["status"], elapsed * 1000,
                            extra={"method": method, "path": path[:200], "status": response["status"],
                                   "duration_ms": round(elapsed * 1000, 1)})
            request_id.reset(token)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, max_body_bytes: int, max_query_string_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes
        self.max_query = max_query_string_bytes

    def too_large(self):
        return error_response(413, "REQUEST_TOO_LARGE", f"The request body is over the limit of {self.max_body} bytes.",
                              headers={"Connection": "close"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await error_response(414, "URI_TOO_LONG", f"The query string is over the limit of {self.max_query} bytes; "
                                 "send the operation with POST.")(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, "BAD_REQUEST", "Content-Length is not a number.")(scope, receive, send)
                return
            if int(length) > self.max_body:
                await self.too_large()(scope, receive, send)
                return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self.too_large()(scope, receive, send)

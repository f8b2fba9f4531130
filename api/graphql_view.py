"""/graphql: the authentication gate in front of Strawberry's ASGI view, and the typed context.

The view answers every request error as JSON (never Strawberry's plain text), refuses a body
that is not UTF-8 JSON holding one object, and speaks the GraphQL-over-HTTP media types: a
client that accepts ``application/graphql-response+json`` gets it, with 400 for a document that
does not parse or validate; ``application/json`` clients get 200 as before."""

from __future__ import annotations

import json
import logging

from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET
from strawberry.http import GraphQLRequestData, process_result
from strawberry.http.parse_content_type import parse_content_type

from api.auth import AuthenticationError, TokenVerifier
from api.errors import error_response
from api.graphiql import graphiql_page
from domain.core.principal import Principal
from resolvers.error_reporting import PARSE_FAILED, VALIDATION_FAILED, code_of
from schema.context import Context, Loaders

logger = logging.getLogger("probation.auth")

ANONYMOUS = Principal(subject="anonymous", name="Anonymous (GraphiQL page)")
GRAPHQL_RESPONSE = "application/graphql-response+json"


def unauthenticated(error: AuthenticationError) -> JSONResponse:
    return error_response(401, "UNAUTHENTICATED", str(error), reason=error.reason,
                          headers={"WWW-Authenticate": 'Bearer realm="probation-case-records"'})


def is_graphiql_page_request(request: Request) -> bool:
    """A browser asking for the GraphiQL page itself (not an operation)."""
    return (request.method == "GET" and "text/html" in request.headers.get("accept", "")
            and "query" not in request.query_params)


class AuthenticationGate:
    """Every GraphQL request needs a valid bearer token, or gets HTTP 401 with a JSON error and no
    data. The GraphiQL page loads without one; its requests carry the token the user pastes into
    its headers pane. While the database has not answered since start-up, requests get 503."""

    def __init__(self, app: ASGIApp, verifier: TokenVerifier, graphiql_enabled: bool) -> None:
        self.app = app
        self.verifier = verifier
        self.graphiql_enabled = graphiql_enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        state = request.app.state
        if not (self.graphiql_enabled and is_graphiql_page_request(request)):
            try:
                principal = self.verifier.principal_from_header(request.headers.get("authorization"))
            except AuthenticationError as error:
                # Audited in bounded, aggregated form (api.refusals) before the response is sent.
                state.metrics.authentication_refusals.labels(error.reason).inc()
                if error.detail:
                    logger.debug("Token refused (%s): %s", error.reason, error.detail)
                client = scope.get("client")
                await state.refusals.refuse(client[0] if client else None, error.reason)
                await unauthenticated(error)(scope, receive, send)
                return
            if not state.database.ready:
                await error_response(503, "SERVICE_UNAVAILABLE", "The database is not reachable yet; try again shortly.",
                                     headers={"Retry-After": "5"})(scope, receive, send)
                return
            scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)


def wants_graphql_response(request: Request) -> bool:
    return GRAPHQL_RESPONSE in request.headers.get("accept", "")


class CaseGraphQL(GraphQL):
    """Strawberry's view with our typed context: the principal, the use cases, the clock and
    per-request DataLoaders. Subscriptions: graphql-transport-ws on the same path."""

    verifier: TokenVerifier | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as error:
            response = error_response(error.status_code, "BAD_REQUEST", error.reason)
        if wants_graphql_response(request) and response.media_type == "application/json":
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
            if getattr(request.state, "graphql_request_error", False):
                response.status_code = 400
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_page()

    async def parse_http_body(self, request_adapter) -> GraphQLRequestData:
        content_type, _ = parse_content_type(request_adapter.content_type or "")
        if request_adapter.method != "POST" or "application/json" not in content_type:
            return await super().parse_http_body(request_adapter)
        try:
            data = json.loads((await request_adapter.get_body()).decode("utf-8"))
        except UnicodeDecodeError as error:
            raise HTTPException(400, "The request body is not valid UTF-8.") from error
        except json.JSONDecodeError as error:
            raise HTTPException(400, "The request body is not valid JSON.") from error
        if isinstance(data, list):
            raise HTTPException(400, "Batches are not accepted: send one operation as a JSON object.")
        if not isinstance(data, dict):
            raise HTTPException(400, 'The request body must be a JSON object: {"query": "...", "variables": {...}}.')
        for key, kinds in (("query", (str,)), ("operationName", (str,)), ("variables", (dict,)), ("extensions", (dict,))):
            if data.get(key) is not None and not isinstance(data[key], kinds):
                raise HTTPException(400, f"The request's `{key}` must be {'a string' if kinds == (str,) else 'an object'} "
                                         "or null.")
        return GraphQLRequestData(query=data.get("query"), variables=data.get("variables"),
                                  operation_name=data.get("operationName"), extensions=data.get("extensions"))

    async def process_result(self, request: Request, result) -> dict:
        response = process_result(result)
        if any(code_of(e) in (PARSE_FAILED, VALIDATION_FAILED) for e in result.errors or ()):
            # A request error (the document never ran): no data entry, and 400 for clients that
            # speak application/graphql-response+json.
            request.state.graphql_request_error = True
            if wants_graphql_response(request):
                response.pop("data", None)
        return response

    async def get_context(self, request: Request, response) -> Context:  # type: ignore[override]
        runtime = request.app.state
        # The gate sets the principal on every request that can run an operation; only the
        # GraphiQL page itself (which runs none) arrives without one. A websocket starts anonymous
        # and is authenticated by its connection_init payload (on_ws_connect).
        principal = getattr(request.state, "principal", ANONYMOUS)
        return Context(principal=principal, uow=runtime.uow, clock=runtime.clock,
                       loaders=Loaders.for_principal(runtime.uow, principal), request=request, response=response,
                       poll_seconds=runtime.settings.events_subscription_poll_seconds)

    async def on_ws_connect(self, context: Context):
        """graphql-transport-ws: the bearer token comes in the connection_init payload,
        ``{"authorization": "Bearer <token>"}``; without a valid one the socket is closed with 4403
        before any operation runs (the refusal is audited like an HTTP one)."""
        params = context.connection_params or {}
        header = params.get("authorization") or params.get("Authorization")
        state = context.request.app.state
        try:
            principal = self.verifier.principal_from_header(header if isinstance(header, str) else None)
        except AuthenticationError as error:
            state.metrics.authentication_refusals.labels(error.reason).inc()
            client = context.request.scope.get("client")
            await state.refusals.refuse(client[0] if client else None, error.reason)
            raise ConnectionRejectionError({"reason": error.reason}) from None
        if not state.database.ready:
            raise ConnectionRejectionError({"reason": "database not reachable yet"})
        context.principal = principal
        context.loaders = Loaders.for_principal(context.uow, principal)
        return UNSET  # a plain connection_ack

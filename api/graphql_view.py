"""/graphql: the authentication gate in front of Strawberry's ASGI view, and the typed context."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.asgi import GraphQL

from api.auth import AuthenticationError, TokenVerifier
from domain.core.principal import Principal
from schema.context import Context, Loaders

ANONYMOUS = Principal(subject="anonymous", name="Anonymous (GraphiQL page)")


def unauthenticated(message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]},
                        status_code=401, headers={"WWW-Authenticate": 'Bearer realm="probation-case-records"'})


def is_graphiql_page_request(request: Request) -> bool:
    """A browser asking for the GraphiQL page itself (not an operation)."""
    return (request.method == "GET" and "text/html" in request.headers.get("accept", "")
            and "query" not in request.query_params)


class AuthenticationGate:
    """Every GraphQL request needs a valid bearer token, or gets HTTP 401 with a JSON error and no
    data. The GraphiQL page loads without one; its requests carry the token the user pastes into
    its headers pane."""

    def __init__(self, app: ASGIApp, verifier: TokenVerifier, graphiql_enabled: bool) -> None:
        self.app = app
        self.verifier = verifier
        self.graphiql_enabled = graphiql_enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if not (self.graphiql_enabled and is_graphiql_page_request(request)):
            try:
                principal = self.verifier.principal_from_header(request.headers.get("authorization"))
            except AuthenticationError as error:
                # Refusals are audited too (issue 6), before the response is sent.
                await request.app.state.uow.refuse(None, "authenticate", str(error))
                await unauthenticated(str(error))(scope, receive, send)
                return
            scope.setdefault("state", {})["principal"] = principal
        await self.app(scope, receive, send)


class CaseGraphQL(GraphQL):
    """Strawberry's view with our typed context: the principal, the use cases, the clock and
    per-request DataLoaders."""

    async def get_context(self, request: Request, response) -> Context:  # type: ignore[override]
        runtime = request.app.state
        # The gate sets the principal on every request that can run an operation; only the
        # GraphiQL page itself (which runs none) arrives without one.
        principal = getattr(request.state, "principal", ANONYMOUS)
        return Context(principal=principal, uow=runtime.uow, clock=runtime.clock,
                       loaders=Loaders.for_principal(runtime.uow, principal), request=request, response=response)

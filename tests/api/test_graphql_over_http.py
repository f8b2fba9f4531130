"""GraphQL over HTTP: media types and status codes by the client's Accept header, stable codes on
parse and validation errors, introspection by setting and role, and CORS for browser apps."""

from __future__ import annotations

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.settings import Settings
from tests.conftest import TEST_SECRET, token

NEW = {"Accept": "application/graphql-response+json"}
INTROSPECT = "{ __schema { queryType { name } } }"


@pytest.mark.parametrize("query, code", [("{ cases(first: ", "GRAPHQL_PARSE_FAILED"),
                                         ("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED")])
async def test_graphql_response_json_clients_get_400_for_documents_that_do_not_parse_or_validate(http, auth_headers,
                                                                                               query, code):
    response = await http.post("/graphql", json={"query": query}, headers={**auth_headers, **NEW})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    body = response.json()
    assert "data" not in body and body["errors"][0]["extensions"]["code"] == code


@pytest.mark.parametrize("query, code", [("{ cases(first: ", "GRAPHQL_PARSE_FAILED"),
                                         ("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED")])
async def test_application_json_clients_keep_200_with_the_code(http, auth_headers, query, code):
    response = await http.post("/graphql", json={"query": query}, headers={**auth_headers, "Accept": "application/json"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/json"
    assert response.json()["errors"][0]["extensions"]["code"] == code


async def test_a_successful_operation_is_200_in_either_media_type(http, auth_headers):
    response = await http.post("/graphql", json={"query": "{ __typename }"}, headers={**auth_headers, **NEW})
    assert response.status_code == 200 and response.json()["data"] == {"__typename": "Query"}
    assert response.headers["content-type"].startswith("application/graphql-response+json")


async def test_a_field_error_during_execution_stays_200_with_data(http):
    partner = {"Authorization": f"Bearer {token(roles=['PARTNER'], agency='POLICE')}", **NEW}
    response = await http.post("/graphql", json={"query": '{ case(crn: "X123456") { crn } }'}, headers=partner)
    assert response.status_code == 200 and "data" in response.json()
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_query_limits_are_validation_errors_with_the_code(http, auth_headers):
    aliases = " ".join(f"a{n}: __typename" for n in range(40))
    response = await http.post("/graphql", json={"query": "{ " + aliases + " }"}, headers={**auth_headers, **NEW})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def app_client(clock, **settings):
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, **settings), clock=clock)
    manager = LifespanManager(app)
    await manager.__aenter__()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t")
    return manager, client


async def introspects(client, roles, **claims) -> bool:
    headers = {"Authorization": f"Bearer {token(roles=roles, **claims)}"}
    body = (await client.post("/graphql", json={"query": INTROSPECT}, headers=headers)).json()
    return body.get("data") is not None and "errors" not in body


async def test_introspection_is_on_in_development_for_staff_and_never_for_partners(http):
    assert await introspects(http, ["PRACTITIONER"])
    assert not await introspects(http, ["PARTNER"], agency="POLICE")
    body = (await http.post("/graphql", json={"query": INTROSPECT},
                            headers={"Authorization": f"Bearer {token(roles=['PARTNER'], agency='POLICE')}"})).json()
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection" in body["errors"][0]["message"].lower()
    partner = {"Authorization": f"Bearer {token(roles=['PARTNER'], agency='POLICE')}"}
    typename = await http.post("/graphql", json={"query": "{ __typename }"}, headers=partner)
    assert typename.json()["data"] == {"__typename": "Query"}


async def test_introspection_off_by_setting_refuses_staff_too(clock):
    manager, client = await app_client(clock, introspection=False)
    try:
        assert not await introspects(client, ["ADMIN"])
    finally:
        await client.aclose()
        await manager.__aexit__(None, None, None)


def test_introspection_defaults_off_in_production():
    settings = Settings(environment="production", mongodb_uri="mongodb://db:27017", auth_jwt_algorithms=["RS256"],
                        auth_jwt_public_key="-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----")
    assert settings.introspection_enabled is False
    assert Settings().introspection_enabled is True


PREFLIGHT = {"Origin": "http://localhost:5173", "Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "authorization, content-type"}


async def test_a_cors_preflight_needs_no_token_and_is_cached(http):
    response = await http.options("/graphql", headers=PREFLIGHT)
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://localhost:5173"
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed and "content-type" in allowed
    assert response.headers["access-control-max-age"] == "600"
    assert "access-control-allow-credentials" not in response.headers
    assert await http.app.state.store.audit.collection.count_documents({}) == 0  # not even a refusal


async def test_cors_responses_expose_the_request_id(http, auth_headers):
    response = await http.post("/graphql", json={"query": "{ __typename }"},
                               headers={**auth_headers, "Origin": "http://127.0.0.1:3000"})
    assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:3000"
    assert response.headers["access-control-expose-headers"] == "X-Request-ID"


async def test_other_origins_are_not_allowed_in_development(http):
    response = await http.options("/graphql", headers={**PREFLIGHT, "Origin": "https://evil.example"})
    assert response.status_code == 400 and "access-control-allow-origin" not in response.headers
    sneaky = await http.options("/graphql", headers={**PREFLIGHT, "Origin": "http://localhost.evil.example"})
    assert "access-control-allow-origin" not in sneaky.headers


async def test_production_allows_only_the_listed_origins(clock):
    manager, client = await app_client(clock, cors_allowed_origins=["https://case.example.gov.uk"],
                                       environment="development")
    try:
        listed = await client.options("/graphql", headers={**PREFLIGHT, "Origin": "https://case.example.gov.uk"})
        assert listed.headers["access-control-allow-origin"] == "https://case.example.gov.uk"
        local = await client.options("/graphql", headers=PREFLIGHT)
        assert "access-control-allow-origin" not in local.headers  # an explicit list replaces the local default
    finally:
        await client.aclose()
        await manager.__aexit__(None, None, None)

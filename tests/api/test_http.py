"""HTTP through the ASGI app with its lifespan running: authentication, health, GraphiQL,
masked errors and limits."""

from datetime import datetime, timedelta, timezone

import jwt
import pytest

from api.auth import REASONS
from domain.records import use_cases as records
from tests.conftest import TEST_SECRET, offender_input, token

CREATE = """mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn version } userErrors { code } } }"""


async def count_cases(http) -> int:
    return await http.app.state.store.cases.collection.count_documents({})


async def test_health_live_and_ready_return_json(http):
    live = await http.get("/health/live")
    assert live.status_code == 200 and live.json() == {"status": "live"}
    ready = await http.get("/health/ready")
    assert ready.status_code == 200 and ready.json() == {"status": "ready", "database": "embedded"}


async def test_ready_reports_503_when_the_database_does_not_answer(http, monkeypatch):
    async def down():
        return False
    monkeypatch.setattr(http.app.state.store, "ping", down)
    response = await http.get("/health/ready")
    assert response.status_code == 503 and response.json()["status"] == "unavailable"


async def test_an_authenticated_mutation_and_query_over_http(http, auth_headers):
    created = await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"crn": "X123456", "offender": offender_input()}}},
                              headers=auth_headers)
    assert created.status_code == 200
    assert created.json()["data"] == {"createCase": {"case": {"crn": "X123456", "version": 1}, "userErrors": []}}
    read = await http.get("/graphql", params={"query": '{ case(crn: "X123456") { offender { surname } created { bySubject } } }'},
                          headers=auth_headers)
    assert read.json()["data"]["case"] == {"offender": {"surname": "Morgan"}, "created": {"bySubject": "u-1"}}


async def test_mutations_are_not_accepted_over_get(http, auth_headers):
    response = await http.get("/graphql", params={"query": 'mutation { createCase(input: {offender: {forename: "a", surname: "b", dateOfBirth: "1990-01-01", gender: MALE}}) { userErrors { code } } }'},
                              headers=auth_headers)
    assert response.status_code == 400
    assert "mutations are not allowed" in response.text.lower()
    assert await count_cases(http) == 0


def expired_token() -> str:
    return token(now=datetime.now(tz=timezone.utc) - timedelta(hours=2), lifetime=timedelta(hours=1))


def wrongly_signed_token() -> str:
    return token(secret="another-secret-of-sufficient-length-0123456789")


def unsigned_token() -> str:
    claims = jwt.decode(token(), TEST_SECRET, algorithms=["HS256"], audience="probation-case-records")
    return jwt.encode(claims, key=None, algorithm="none")


def token_without_roles() -> str:
    claims = jwt.decode(token(), TEST_SECRET, algorithms=["HS256"], audience="probation-case-records")
    claims["roles"] = []
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


def token_with_unknown_role() -> str:
    claims = jwt.decode(token(), TEST_SECRET, algorithms=["HS256"], audience="probation-case-records")
    claims["roles"] = ["JUDGE"]
    return jwt.encode(claims, TEST_SECRET, algorithm="HS256")


@pytest.mark.parametrize("headers, reason", [
    ({}, "MISSING_TOKEN"),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, "MALFORMED_HEADER"),
    ({"Authorization": "Bearer"}, "MALFORMED_HEADER"),
    ({"Authorization": "Bearer not.a.jwt"}, "INVALID_TOKEN"),
    ({"Authorization": f"Bearer {expired_token()}"}, "TOKEN_EXPIRED"),
    ({"Authorization": f"Bearer {wrongly_signed_token()}"}, "BAD_SIGNATURE"),
    ({"Authorization": f"Bearer {unsigned_token()}"}, "ALGORITHM_NOT_ACCEPTED"),
    ({"Authorization": f"Bearer {token_without_roles()}"}, "INVALID_CLAIMS"),
    ({"Authorization": f"Bearer {token_with_unknown_role()}"}, "INVALID_CLAIMS"),
])
async def test_requests_without_a_valid_token_get_401_json_and_write_nothing(http, headers, reason):
    response = await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"offender": offender_input()}}},
                               headers=headers)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED", "reason": reason}
    assert body["errors"][0]["message"] == REASONS[reason]
    assert await count_cases(http) == 0


async def test_the_graphiql_page_loads_without_a_token(http):
    response = await http.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_a_get_query_from_a_browser_still_needs_a_token(http):
    response = await http.get("/graphql", params={"query": "{ __typename }"}, headers={"Accept": "text/html"})
    assert response.status_code == 401


async def test_unexpected_errors_are_masked(http, auth_headers, monkeypatch):
    async def broken(*args, **kwargs):
        raise RuntimeError("connection string mongodb://secret@host leaked")
    monkeypatch.setattr(records, "get_many", broken)
    response = await http.post("/graphql", json={"query": '{ case(crn: "X123456") { crn } }'}, headers=auth_headers)
    body = response.json()
    [error] = body["errors"]
    # The caller gets the request id to quote; it is the one on the response header and in the log.
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": response.headers["x-request-id"]}
    assert "secret" not in response.text and "RuntimeError" not in response.text and "Traceback" not in response.text
    assert error["message"].startswith("Unexpected error")


# The shipped depth, token, alias and cost limits are tested on the real schema in
# tests/hostile/test_query_limits.py (never on a schema rebuilt with other numbers).


async def test_aliases_are_limited(http, auth_headers):
    many = "{ " + " ".join(f'a{i}: case(crn: "X00000{i % 10}") {{ crn }}' for i in range(40)) + " }"
    response = await http.post("/graphql", json={"query": many}, headers=auth_headers)
    assert "aliases" in response.json()["errors"][0]["message"]


async def test_token_count_is_limited(http, auth_headers):
    huge = "{ " + " ".join("__typename" for _ in range(6000)) + " }"
    response = await http.post("/graphql", json={"query": huge}, headers=auth_headers)
    assert "token" in response.json()["errors"][0]["message"].lower()


async def test_malformed_json_body_is_a_400(http, auth_headers):
    response = await http.post("/graphql", content=b"{not json", headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 400

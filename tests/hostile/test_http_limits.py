"""Hostile bodies and query strings: each refused clearly, before anything parses it, and
nothing written."""

from __future__ import annotations

import json

import pytest

from tests.conftest import offender_input
from tests.query_support import counts

CREATE = """mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { code } } }"""
LIMIT = 1_048_576


async def count_cases(http) -> int:
    """Documents in every collection (cases, audit, claims, ...): a refused request writes none."""
    return sum((await counts(http.app.state.store)).values())


def create_body(padding: int) -> bytes:
    body = {"query": CREATE, "variables": {"input": {"offender": offender_input(forename="A" * padding)}}}
    return json.dumps(body).encode()


async def test_a_body_over_the_limit_is_413_from_content_length_without_reading_it(http, auth_headers):
    body = create_body(LIMIT)
    response = await http.post("/graphql", content=body, headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert await count_cases(http) == 0


async def test_a_streamed_body_over_the_limit_is_413_while_streaming(http, auth_headers):
    sent = []

    async def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(64):
            sent.append(1)
            yield b" " * 65_536
    response = await http.post("/graphql", content=chunks(), headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 413 and "content-length" not in {k.lower() for k in response.request.headers}
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert await count_cases(http) == 0


async def test_a_body_just_under_the_limit_is_served(http, auth_headers):
    body = create_body(LIMIT - 2000)
    assert len(body) < LIMIT
    response = await http.post("/graphql", content=body, headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 200  # served: the input's own bounds are the use case's business


async def test_a_lying_content_length_is_refused(http, auth_headers):
    response = await http.post("/graphql", content=b"{}", headers={**auth_headers, "Content-Type": "application/json",
                                                                   "Content-Length": "-5"})
    assert response.status_code == 400


@pytest.mark.parametrize("body", [b"5", b"null", b'"x"', b"[]", b'[{"query": "{ __typename }"}]', b"true", b"{"])
async def test_a_json_body_that_is_not_one_object_is_400_json(http, auth_headers, body):
    response = await http.post("/graphql", content=body, headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert await count_cases(http) == 0


@pytest.mark.parametrize("body", [b'{"query": "{ __typename \xff }"}', b"\xc3\x28", b'{"query": "\xed\xa0\x80"}'])
async def test_invalid_utf8_is_400_json(http, auth_headers, body):
    response = await http.post("/graphql", content=body, headers={**auth_headers, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "The request body is not valid UTF-8."


@pytest.mark.parametrize("field, value", [("query", 5), ("variables", [1]), ("operationName", {"a": 1}), ("extensions", "x")])
async def test_members_of_the_wrong_type_are_400_json(http, auth_headers, field, value):
    body = {"query": "{ __typename }", field: value}
    response = await http.post("/graphql", json=body, headers=auth_headers)
    assert response.status_code == 400 and response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_long_query_string_is_414_json(http, auth_headers):
    response = await http.get("/graphql", params={"query": "{ __typename " + " " * 20_000 + "}"}, headers=auth_headers)
    assert response.status_code == 414
    assert response.json()["errors"][0]["extensions"]["code"] == "URI_TOO_LONG"


async def test_an_unsupported_content_type_is_a_json_error(http, auth_headers):
    response = await http.post("/graphql", content=b"query", headers={**auth_headers, "Content-Type": "text/plain"})
    assert response.status_code == 400 and response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_unknown_paths_and_methods_answer_json(http):
    assert (await http.get("/nowhere")).json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    response = await http.delete("/graphql")
    assert response.status_code == 405 and response.json()["errors"][0]["extensions"]["code"] == "METHOD_NOT_ALLOWED"

"""Automatic persisted queries (Apollo's protocol) and trusted documents for partners."""

from __future__ import annotations

import hashlib
import json

import pytest

from api.app import create_app
from api.settings import ConfigurationError, Settings
from resolvers.persisted import PersistedDocuments, parse_manifest
from tests.conftest import TEST_SECRET
from tests.query_support import app_with, bearer, counts

DOCUMENT = '{ case(crn: "X123456") { crn } }'
HASH = hashlib.sha256(DOCUMENT.encode()).hexdigest()


def persisted(digest: str = HASH, version: int = 1) -> dict:
    return {"persistedQuery": {"version": version, "sha256Hash": digest}}


async def test_a_hash_the_service_has_not_seen_is_persisted_query_not_found_then_registered_and_run(http):
    staff = bearer(roles=["ADMIN"])
    unknown = (await http.post("/graphql", json={"extensions": persisted()}, headers=staff))
    assert unknown.status_code == 200
    assert unknown.json()["errors"] == [{"message": "PersistedQueryNotFound",
                                         "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    registered = (await http.post("/graphql", json={"query": DOCUMENT, "extensions": persisted()}, headers=staff)).json()
    assert registered["data"] == {"case": None}
    by_hash = (await http.post("/graphql", json={"extensions": persisted()}, headers=staff)).json()
    assert by_hash["data"] == {"case": None} and by_hash["extensions"]["cost"]["requested"] == 2
    # GET, as Apollo sends persisted queries to be cached by CDNs (with its JSON Accept header).
    get = await http.get("/graphql", params={"extensions": json.dumps(persisted())},
                         headers={**staff, "Accept": "application/json"})
    assert get.json()["data"] == {"case": None}


async def test_a_hash_that_is_not_the_documents_is_refused_and_nothing_is_kept_or_run(http):
    staff = bearer(roles=["ADMIN"])
    before = await counts(http.app.state.store)
    wrong = (await http.post("/graphql", json={"query": DOCUMENT, "extensions": persisted("0" * 64)}, headers=staff)).json()
    assert wrong["data"] is None and wrong["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    again = (await http.post("/graphql", json={"extensions": persisted("0" * 64)}, headers=staff)).json()
    assert again["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert await counts(http.app.state.store) == before


@pytest.mark.parametrize("extensions", [persisted(version=2), {"persistedQuery": "abc"},
                                        {"persistedQuery": {"version": 1, "sha256Hash": 5}}])
async def test_a_malformed_or_unsupported_persisted_query_is_a_clear_error(http, extensions):
    body = (await http.post("/graphql", json={"extensions": extensions}, headers=bearer(roles=["ADMIN"]))).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] in ("PERSISTED_QUERY_NOT_SUPPORTED", "BAD_USER_INPUT")


async def test_a_document_that_does_not_validate_is_not_kept(http):
    bad = "{ nope }"
    digest = hashlib.sha256(bad.encode()).hexdigest()
    staff = bearer(roles=["ADMIN"])
    await http.post("/graphql", json={"query": bad, "extensions": persisted(digest)}, headers=staff)
    body = (await http.post("/graphql", json={"extensions": persisted(digest)}, headers=staff)).json()
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


def test_the_cache_of_persisted_queries_is_bounded():
    documents = PersistedDocuments(cache_size=2)
    for i in range(3):
        documents.remember(f"h{i}", f"q{i}")
    assert list(documents.cache) == ["h1", "h2"]


async def test_persisted_queries_can_be_turned_off(clock):
    async with app_with(clock, persisted_queries=False) as client:
        body = (await client.post("/graphql", json={"extensions": persisted()}, headers=bearer(roles=["ADMIN"]))).json()
        assert body["errors"] == [{"message": "PersistedQueryNotSupported",
                                   "extensions": {"code": "PERSISTED_QUERY_NOT_SUPPORTED"}}]


PARTNER_READ = 'query Shared { sharedRiskSummary(crn: "X123456", purpose: RISK_MANAGEMENT) { crn } }'


def manifest(*bodies: str) -> str:
    return json.dumps({"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
        {"id": hashlib.sha256(b.encode()).hexdigest(), "name": f"op{i}", "type": "query", "body": b}
        for i, b in enumerate(bodies)]})


async def test_in_trusted_documents_mode_partners_run_only_registered_documents(clock, tmp_path):
    path = tmp_path / "trusted.json"
    path.write_text(manifest(PARTNER_READ))
    async with app_with(clock, trusted_documents_file=str(path)) as client:
        partner = bearer(roles=["PARTNER"], agency="POLICE", subject="p-1")
        store = client.app.state.store
        by_hash = (await client.post("/graphql", headers=partner, json={
            "extensions": persisted(hashlib.sha256(PARTNER_READ.encode()).hexdigest())})).json()
        assert "errors" not in by_hash and by_hash["data"] == {"sharedRiskSummary": None}
        by_text = (await client.post("/graphql", json={"query": PARTNER_READ}, headers=partner)).json()
        assert "errors" not in by_text
        before = await counts(store)
        other = PARTNER_READ.replace("{ crn }", "{ crn rosh }")
        for body in ({"query": other}, {"query": other, "extensions": persisted(hashlib.sha256(other.encode()).hexdigest())},
                     {"extensions": persisted("1" * 64)}):
            refused = (await client.post("/graphql", json=body, headers=partner)).json()
            assert refused["data"] is None and refused["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"
        assert await counts(store) == before  # refused before anything ran: no partner read audited
        # Staff are not held to the list (TRUSTED_DOCUMENTS_FOR=partners), and may use automatic persisted queries.
        staff = (await client.post("/graphql", json={"query": DOCUMENT}, headers=bearer(roles=["ADMIN"]))).json()
        assert staff["data"] == {"case": None}


async def test_trusted_documents_for_everyone_holds_staff_too(clock, tmp_path):
    path = tmp_path / "trusted.json"
    path.write_text(manifest(DOCUMENT))
    async with app_with(clock, trusted_documents_file=str(path), trusted_documents_for="everyone") as client:
        staff = bearer(roles=["ADMIN"])
        assert (await client.post("/graphql", json={"query": DOCUMENT}, headers=staff)).json()["data"] == {"case": None}
        refused = (await client.post("/graphql", json={"query": "{ __typename }"}, headers=staff)).json()
        assert refused["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_IN_LIST"


@pytest.mark.parametrize(("content", "problem"), [
    ("not json", "not JSON"),
    ('{"format": "other", "operations": []}', "apollo-persisted-query-manifest"),
    (json.dumps({"format": "apollo-persisted-query-manifest", "operations": [{"id": "ab", "body": "{ x }"}]}),
     "its id is not the SHA-256 of its body"),
])
def test_a_bad_manifest_stops_the_start_up_saying_why(tmp_path, content, problem):
    path = tmp_path / "trusted.json"
    path.write_text(content)
    with pytest.raises(ConfigurationError) as refused:
        create_app(Settings(auth_jwt_secret=TEST_SECRET, trusted_documents_file=str(path)))
    assert problem in refused.value.lines[0] and refused.value.lines[0].startswith("Configuration error: TRUSTED_DOCUMENTS_FILE")
    with pytest.raises(ValueError):
        parse_manifest(content)


def test_a_missing_manifest_stops_the_start_up(tmp_path):
    with pytest.raises(ConfigurationError) as refused:
        create_app(Settings(auth_jwt_secret=TEST_SECRET, trusted_documents_file=str(tmp_path / "absent.json")))
    assert "TRUSTED_DOCUMENTS_FILE: No such file or directory" in refused.value.lines[0]

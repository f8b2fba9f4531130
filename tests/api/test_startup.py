"""Start-up as an operator meets it: configuration errors are one clean message (no traceback)
under ``uvicorn api.app:app`` as under ``python -m api serve`` (test_settings.py); production settings with an
RS256 key start (on the embedded store only through the test-only override); an unreachable
database gives one line, readiness 503 and retries."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import httpx
import pytest
from asgi_lifespan import LifespanManager
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

import api.app
from api.app import create_app
from api.auth import mint_token
from api.settings import Settings
from repositories.factory import open_store
from tests.conftest import TEST_SECRET, token
from tests.live import BASE, PORT, ROOT, environment, live_server

UVICORN = [sys.executable, "-m", "uvicorn", "api.app:app", "--host", "127.0.0.1", "--port", str(PORT), "--no-access-log"]


def run(command: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, env=environment(**env), capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("command, env, message", [
    (UVICORN, {"ENVIRONMENT": "production"}, "Configuration error: refusing to start in production: MONGODB_URI is not set"),
    (UVICORN, {"MAX_BODY_BYTES": "lots"}, "Configuration error: MAX_BODY_BYTES: Input should be a valid integer"),
    (UVICORN, {"AUTH_JWT_ALGORITHMS": '["RS256"]', "AUTH_JWKS_FILE": "/nonexistent/jwks.json"},
     "Configuration error: AUTH_JWKS_FILE: cannot read a JWKS document"),
], ids=["production", "type", "jwks"])
def test_a_configuration_error_is_one_clean_message(command, env, message):
    result = run(command, **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout and "pydantic" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


def rsa_key():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return key, public.decode()


def test_production_settings_with_an_rs256_key_start_under_uvicorn():
    key, public_pem = rsa_key()
    production = {"ENVIRONMENT": "production", "AUTH_JWT_ALGORITHMS": '["RS256"]', "AUTH_JWT_PUBLIC_KEY": public_pem,
                  "GIT_COMMIT": "0123abc"}
    refused = run(UVICORN, **production)
    assert refused.returncode != 0 and "MONGODB_URI is not set" in refused.stderr and "Traceback" not in refused.stderr
    bearer = mint_token(key, subject="u-1", name="Pat", roles=["PRACTITIONER"], issuer="probation-case-records",
                        audience="probation-case-records", provider="NPS", staff_code="N07A001", algorithm="RS256")
    with live_server(UVICORN, ready_path="/health/ready", TEST_ONLY_ALLOW_EMBEDDED_STORE="true", **production) as server:
        headers = {"Authorization": f"Bearer {bearer}"}
        assert httpx.post(BASE + "/graphql", json={"query": "{ __typename }"}, headers=headers).json()["data"] == \
            {"__typename": "Query"}
        hs256 = httpx.post(BASE + "/graphql", json={"query": "{ __typename }"}, headers={"Authorization": f"Bearer {token()}"})
        assert hs256.status_code == 401
        introspection = httpx.post(BASE + "/graphql", json={"query": "{ __schema { types { name } } }"}, headers=headers)
        assert introspection.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
        assert httpx.get(BASE + "/graphql", headers={"Accept": "text/html"}).status_code == 401  # no GraphiQL
        assert httpx.get(BASE + "/info").json()["commit"] == "0123abc"
    log = server.output.strip().splitlines()
    records = [json.loads(line) for line in log if line.startswith("{")]
    assert records and any("EMBEDDED IN-MEMORY" in r["message"] for r in records)
    assert any(r["logger"] == "probation.http" and r["request_id"] != "-" for r in records)
    assert "Traceback" not in "\n".join(log)


class FlakyStore:
    """The embedded store, but unreachable for the first attempts."""

    def __init__(self, failures: int) -> None:
        self.store = open_store(None, "flaky")
        self.failures = failures

    def __getattr__(self, name):
        return getattr(self.store, name)

    async def try_ensure_indexes(self):
        if self.failures:
            self.failures -= 1
            return "ServerSelectionTimeoutError: db:27017: [Errno 111] Connection refused"
        return await self.store.try_ensure_indexes()


async def test_an_unreachable_database_at_start_up_is_one_line_readiness_503_and_retries(clock, monkeypatch, caplog):
    flaky = FlakyStore(failures=2)
    monkeypatch.setattr(api.app, "open_store", lambda *args, **kwargs: flaky)
    caplog.set_level(logging.INFO)
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, database_retry_seconds=0.05), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            ready = await client.get("/health/ready")
            assert ready.status_code == 503
            refused = await client.post("/graphql", json={"query": "{ __typename }"},
                                        headers={"Authorization": f"Bearer {token()}"})
            assert refused.status_code == 503
            assert refused.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
            lines = [r for r in caplog.records if "Database unreachable" in r.getMessage()]
            assert len(lines) == 1 and lines[0].exc_info is None and "Connection refused" in lines[0].getMessage()
            for _ in range(200):  # retries every 0.05 s; bounded
                if (await client.get("/health/ready")).status_code == 200:
                    break
                await __import__("asyncio").sleep(0.05)
            assert (await client.get("/health/ready")).status_code == 200
            ok = await client.post("/graphql", json={"query": "{ __typename }"}, headers={"Authorization": f"Bearer {token()}"})
            assert ok.json()["data"] == {"__typename": "Query"}
    assert flaky.failures == 0


def test_the_uri_in_the_log_line_has_no_credentials():
    assert api.app.without_credentials("mongodb://user:s3cret@db1:27017,db2:27017/probation?replicaSet=rs0") == \
        "mongodb://db1:27017,db2:27017/probation"

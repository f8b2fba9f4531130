"""Settings from the environment; production refuses unsafe configuration and says why."""

import subprocess
import sys

import pytest
from pydantic import ValidationError

from api.settings import Settings

STRONG = "k3Jd9-xQ2mP7vT4wZ8rB1nY6cF5hL0sA"


def test_development_defaults_use_the_embedded_store_with_graphiql(monkeypatch):
    for name in ("MONGODB_URI", "ENVIRONMENT", "GRAPHIQL", "AUTH_JWT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.embedded_store and settings.graphiql_enabled and settings.environment == "development"


def test_settings_are_read_from_environment_variables(monkeypatch):
    monkeypatch.setenv("MONGODB_URI", "mongodb://db.example:27017")
    monkeypatch.setenv("MONGODB_DATABASE", "casework")
    monkeypatch.setenv("GRAPHIQL", "false")
    settings = Settings()
    assert not settings.embedded_store and settings.mongodb_database == "casework" and not settings.graphiql_enabled


@pytest.mark.parametrize("overrides, reason", [
    ({"auth_jwt_secret": STRONG, "graphiql": False}, "MONGODB_URI is not set"),
    ({"mongodb_uri": "mongodb://db:27017", "auth_jwt_secret": STRONG, "graphiql": True}, "GRAPHIQL is on"),
    ({"mongodb_uri": "mongodb://db:27017", "graphiql": False}, "AUTH_JWT_SECRET is the default or weak"),
    ({"mongodb_uri": "mongodb://db:27017", "graphiql": False, "auth_jwt_secret": "short"}, "AUTH_JWT_SECRET"),
    ({"mongodb_uri": "mongodb://db:27017", "graphiql": False, "auth_jwt_secret": "a" * 40}, "AUTH_JWT_SECRET"),
])
def test_production_refuses_unsafe_settings_and_says_why(overrides, reason):
    with pytest.raises(ValidationError) as raised:
        Settings(environment="production", **overrides)
    assert reason in str(raised.value)


PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nplaceholder\n-----END PUBLIC KEY-----"


def test_production_with_safe_settings_starts():
    settings = Settings(environment="production", mongodb_uri="mongodb://db:27017", auth_jwt_algorithms=["RS256"],
                        auth_jwt_public_key=PUBLIC_KEY)
    assert not settings.graphiql_enabled


@pytest.mark.parametrize("overrides, reason", [
    ({"auth_jwt_algorithms": ["RS256", "HS256"], "auth_jwt_public_key": PUBLIC_KEY, "auth_jwt_secret": STRONG},
     "includes HS256"),
    ({"auth_jwt_algorithms": ["ES256"]}, "no verification key"),
])
def test_production_verifies_asymmetric_signatures_only(overrides, reason):
    with pytest.raises(ValidationError) as raised:
        Settings(environment="production", mongodb_uri="mongodb://db:27017", **overrides)
    assert reason in str(raised.value)


def test_the_service_refuses_to_start_in_production_without_mongodb(tmp_path):
    env = {"ENVIRONMENT": "production", "AUTH_JWT_SECRET": STRONG, "GRAPHIQL": "false", "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "api", "serve"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "MONGODB_URI is not set" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_token_command_mints_a_token_the_service_accepts(monkeypatch):
    result = subprocess.run([sys.executable, "-m", "api", "token", "--role", "PRACTITIONER", "--role", "SENIOR_MANAGER"],
                            capture_output=True, text=True, timeout=60, env={"PATH": ""})
    assert result.returncode == 0, result.stderr
    from api.auth import TokenVerifier

    settings = Settings()
    verifier = TokenVerifier(settings.auth_jwt_secret.get_secret_value(), settings.auth_jwt_issuer, settings.auth_jwt_audience)
    principal = verifier.principal_from_token(result.stdout.strip())
    assert {r.value for r in principal.roles} == {"PRACTITIONER", "SENIOR_MANAGER"}
    assert principal.staff_code == "N07A001"

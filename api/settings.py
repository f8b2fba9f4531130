"""Settings from environment variables (12-factor), documented in the README.

In production the service refuses to start, saying why, without MONGODB_URI, with GraphiQL on,
or with a weak or default JWT secret."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production"
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    environment: Literal["development", "production"] = Field(
        default="development", description="development or production (stricter start-up checks).")
    mongodb_uri: SecretStr | None = Field(
        default=None, description="MongoDB connection string; unset = embedded in-memory store (not persistent).")
    mongodb_database: str = Field(default="probation", min_length=1, description="Database name.")
    auth_jwt_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET), description="HS256 secret for bearer tokens (development and tests).")
    auth_jwt_algorithms: list[Literal["HS256", "RS256", "ES256"]] = Field(
        default=["HS256"], description="Accepted signature algorithms; production accepts RS256/ES256 only.")
    auth_jwt_public_key: SecretStr | None = Field(default=None, description="PEM public key for RS256/ES256 tokens.")
    auth_jwks_file: str | None = Field(default=None, description="Path to a JWKS document (keys chosen by `kid`).")
    auth_jwks_url: str | None = Field(default=None, description="URL of the identity provider's JWKS (fetched and cached).")
    auth_jwt_issuer: str = Field(default="probation-case-records", description="Expected `iss` claim.")
    auth_jwt_audience: str = Field(default="probation-case-records", description="Expected `aud` claim.")
    auth_clock_skew_seconds: int = Field(default=30, ge=0, le=300, description="Leeway for exp/nbf/iat.")
    graphiql: bool | None = Field(default=None, description="Serve GraphiQL at /graphql; default on in development, off in production.")
    demo_data: bool = Field(default=False, description="Load a handful of realistic demo cases at start-up (embedded store only).")
    idempotency_window_hours: float = Field(
        default=24, gt=0, le=24 * 30,
        description="How long a mutation's clientMutationId is remembered: a retry within it replays the first result.")

    @property
    def graphiql_enabled(self) -> bool:
        return self.graphiql if self.graphiql is not None else self.environment == "development"

    @property
    def embedded_store(self) -> bool:
        return self.mongodb_uri is None or not self.mongodb_uri.get_secret_value()

    @model_validator(mode="after")
    def production_is_safe(self) -> "Settings":
        if self.environment != "production":
            return self
        problems = []
        if self.embedded_store:
            problems.append("MONGODB_URI is not set: production needs a persistent MongoDB, not the in-memory store")
        if self.graphiql_enabled:
            problems.append("GRAPHIQL is on: turn it off in production")
        if "HS256" in self.auth_jwt_algorithms:
            problems.append("AUTH_JWT_ALGORITHMS includes HS256: production verifies asymmetric signatures "
                            "(RS256/ES256) only")
            secret = self.auth_jwt_secret.get_secret_value()
            if secret == DEVELOPMENT_SECRET or len(secret) < MIN_SECRET_LENGTH or len(set(secret)) < 10:
                problems.append(f"AUTH_JWT_SECRET is the default or weak: use a random secret of at least "
                                f"{MIN_SECRET_LENGTH} characters")
        if not (self.auth_jwt_public_key or self.auth_jwks_file or self.auth_jwks_url):
            problems.append("no verification key: set AUTH_JWT_PUBLIC_KEY, AUTH_JWKS_FILE or AUTH_JWKS_URL")
        if self.demo_data:
            problems.append("DEMO_DATA is on: demo cases must never be loaded in production")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self

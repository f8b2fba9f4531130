"""Settings from environment variables (12-factor), documented in the README.

In production the service refuses to start, saying why, without MONGODB_URI, with GraphiQL on,
or with a weak or default JWT secret."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, ValidationError, model_validator
from pydantic_settings import SettingsConfigDict

from api.query_settings import QuerySettings

DEVELOPMENT_SECRET = "development-only-secret-do-not-use-in-production"
MIN_SECRET_LENGTH = 32


class Settings(QuerySettings):  # the query layer's settings: api.query_settings
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
    demo_data: bool = Field(default=False, description="Load a handful of realistic demo cases at start-up (skipped when already there).")
    idempotency_window_hours: float = Field(
        default=24, gt=0, le=24 * 30,
        description="How long a mutation's clientMutationId is remembered: a retry within it replays the first result.")

    # The HTTP edge: limits, CORS, introspection, shutdown.
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="Largest request body accepted (413 past it).")
    max_query_string_bytes: int = Field(default=16_384, ge=256, description="Longest GET query string accepted (414 past it).")
    introspection: bool | None = Field(
        default=None, description="Allow schema introspection (staff only, never partners); default on in development, off in production.")
    cors_allowed_origins: list[str] | None = Field(
        default=None, description="Origins allowed to call the API from a browser (JSON list); development default: "
                                  "http(s)://localhost, 127.0.0.1 and [::1] on any port; production default: none.")
    cors_max_age_seconds: int = Field(default=600, ge=0, le=86_400, description="How long browsers cache a CORS preflight.")
    shutdown_grace_seconds: float = Field(
        default=20.0, ge=0, le=600, description="On SIGTERM, how long in-flight requests get to finish.")
    database_retry_seconds: float = Field(
        default=5.0, gt=0, le=300, description="Interval between attempts to reach the database when it was down at start-up.")
    refusal_audit_window_seconds: int = Field(
        default=60, ge=1, le=86_400, description="Unauthenticated refusals from one client address within this window are one audit event with a count.")
    refusal_audit_max_sources: int = Field(
        default=10_000, ge=1, description="Client addresses tracked at once for that aggregation; past it, the rest share one bucket.")

    # Domain events (docs/events.md): the outbox relay, subscriptions, webhooks, the daily job.
    events_relay_interval_seconds: float = Field(
        default=1.0, gt=0, le=300, description="Pause between two cycles of the background outbox relay.")
    events_relay_lease_seconds: float = Field(
        default=30.0, gt=0, le=3600, description="How long a relay holds a case it is moving; past it, another relay may take the case over.")
    events_subscription_poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How often a subscription looks for new events when this instance's relay has not woken it.")
    webhook_allowed_urls: dict[str, list[str]] = Field(
        default_factory=dict, description="Per partner agency (JSON object), the URL prefixes its webhooks may use, "
                                          'e.g. {"POLICE": ["https://hooks.police.example/"]}; an agency not listed registers none.')
    webhook_allow_http_loopback: bool | None = Field(
        default=None, description="Allow http://127.0.0.1 webhook URLs and loopback addresses (local receivers); default on in "
                                  "development, refused in production.")
    webhook_timeout_seconds: float = Field(default=5.0, gt=0, le=60, description="Time allowed for one webhook delivery (connect and answer).")
    webhook_max_attempts: int = Field(
        default=6, ge=1, le=50, description="Attempts at one delivery before it goes to the dead-letter list.")
    webhook_backoff_seconds: float = Field(
        default=2.0, ge=0, le=3600, description="The first retry's delay; each further retry waits twice as long as the one before.")
    public_base_url: str = Field(
        default="http://127.0.0.1:8000", description="The service's public address (e.g. https://cases.example.gov.uk); a webhook "
                                                    "body's detailUrl is this followed by /graphql.")
    jobs_interval_hours: float = Field(
        default=24.0, gt=0, le=24 * 7, description="How often the in-process daily job runs (on the instance that holds its lease).")
    jobs_enabled: bool = Field(
        default=True, description="Run the daily job in-process (leader-elected); off when cron runs `python -m api jobs run-once`.")

    # Observability.
    log_format: Literal["json", "text"] | None = Field(default=None, description="json (production default) or text (development default).")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Lowest level logged.")
    metrics: bool = Field(default=True, description="Serve Prometheus metrics at GET /metrics.")
    metrics_max_operation_names: int = Field(
        default=100, ge=1, le=10_000, description="Distinct GraphQL operation names given their own metric label; the rest count as 'other'.")
    tracing: Literal["off", "console", "otlp"] = Field(
        default="off", description="OpenTelemetry tracing: off, console (spans printed) or otlp (OTEL_EXPORTER_OTLP_* variables).")
    git_commit: str | None = Field(default=None, description="The commit the image was built from (set at image build); /info reports it.")
    test_only_allow_embedded_store: bool = Field(
        default=False, description="TESTS ONLY: let production settings start on the embedded, non-persistent store.")

    @property
    def introspection_enabled(self) -> bool:
        return self.introspection if self.introspection is not None else self.environment == "development"

    @property
    def json_logs(self) -> bool:
        return (self.log_format or ("json" if self.environment == "production" else "text")) == "json"

    @property
    def graphiql_enabled(self) -> bool:
        return self.graphiql if self.graphiql is not None else self.environment == "development"

    @property
    def webhook_loopback_allowed(self) -> bool:
        allowed = self.webhook_allow_http_loopback
        return allowed if allowed is not None else self.environment == "development"

    @property
    def embedded_store(self) -> bool:
        return self.mongodb_uri is None or not self.mongodb_uri.get_secret_value()

    @model_validator(mode="after")
    def production_is_safe(self) -> "Settings":
        if self.environment != "production":
            return self
        problems = []
        if self.embedded_store and not self.test_only_allow_embedded_store:
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
        if self.webhook_allow_http_loopback:
            problems.append("WEBHOOK_ALLOW_HTTP_LOOPBACK is on: production webhooks go to https URLs on public addresses only")
        if problems:
            raise ValueError("refusing to start in production: " + "; ".join(problems))
        return self


class ConfigurationError(Exception):
    """The environment does not make a service that can start; ``lines`` say why, one problem
    each, fit to print without a traceback."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _clean(message: str) -> str:
    return message.removeprefix("Value error, ")


def load_settings() -> Settings:
    """Settings from the environment, or a ``ConfigurationError`` naming each bad variable."""
    try:
        return Settings()
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            variable = "_".join(str(part) for part in problem["loc"]).upper()
            lines.append(f"Configuration error: {variable + ': ' if variable else ''}{_clean(problem['msg'])}")
        raise ConfigurationError(lines) from None

"""Observability: the request id (header, logs, masked errors, audit events), JSON logs, the
Prometheus metrics, /info, database timings and tracing by setting."""

from __future__ import annotations

import json
import logging
from types import SimpleNamespace

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.logs import configure_logging
from api.settings import Settings
from domain.records import use_cases as records
from repositories.timing import CommandTimer
from resolvers.root import schema
from tests.conftest import TEST_SECRET, offender_input

CREATE = """mutation Open($input: CreateCaseInput!) {
  createCase(input: $input) { case { crn } userErrors { field code standard } } }"""
ALLOCATE_TO_CRC = """mutation Allocate {
  allocateCase(input: {crn: "X123456", provider: CRC, officer: {code: "C12A004", name: "Priya Shah"},
                       allocatedOn: "2026-11-19", rationale: "Office nearest home"}) { case { crn } userErrors { code standard } } }"""
REGISTER_OFFICER = """mutation Staff {
  registerOfficer(input: {code: "C12A004", name: "Priya Shah", provider: CRC}) { userErrors { code } } }"""
ROSH_HIGH = """mutation Risk {
  recordRoshAssessment(input: {crn: "X123456", level: HIGH, assessedOn: "2026-11-19", rationale: "Serious"}) {
    case { crn } userErrors { code } } }"""


async def test_every_response_carries_a_request_id_and_a_sane_one_is_kept(http, auth_headers):
    generated = await http.get("/health/live")
    assert len(generated.headers["x-request-id"]) == 32
    kept = await http.get("/health/live", headers={"X-Request-ID": "edge-7f3a.1:2"})
    assert kept.headers["x-request-id"] == "edge-7f3a.1:2"
    refused = await http.post("/graphql", json={"query": "{ __typename }"}, headers={"X-Request-ID": "abc-123"})
    assert refused.status_code == 401 and refused.headers["x-request-id"] == "abc-123"


@pytest.mark.parametrize("offered", ["x" * 129, "has space", "<script>", "ü", "-leading-dash", "a\tb"])
async def test_an_insane_request_id_is_replaced_not_echoed(http, offered):
    response = await http.get("/health/live", headers={"X-Request-ID": offered.encode("utf-8")})
    assert response.headers["x-request-id"] != offered and len(response.headers["x-request-id"]) == 32


async def test_the_request_id_is_in_the_log_lines_and_the_audit_events(http, auth_headers, caplog):
    caplog.set_level(logging.INFO)
    response = await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"crn": "X123456", "offender": offender_input()}}},
                               headers={**auth_headers, "X-Request-ID": "trace-42"})
    assert response.json()["data"]["createCase"]["userErrors"] == []
    lines = [r for r in caplog.records if r.name == "probation.http"]
    assert lines and all(r.request_id == "trace-42" for r in lines)
    [event] = await http.app.state.store.audit.collection.find({"kind": "WRITE"}).to_list(length=None)
    assert event["requestId"] == "trace-42"
    assert (await http.app.state.store.audit.find(None, None, None, None, 10, None))[0].request_id == "trace-42"


def test_json_logs_carry_the_request_id(capsys):
    from domain.core.request_context import request_id

    configure_logging(json_lines=True)
    token = request_id.set("rid-json")
    try:
        logging.getLogger("probation.test").warning("hello %s", "there")
    finally:
        request_id.reset(token)
        configure_logging(json_lines=False)
    line = json.loads(capsys.readouterr().err.strip().splitlines()[0])
    assert line["message"] == "hello there" and line["request_id"] == "rid-json" and line["level"] == "WARNING"


def test_log_format_follows_the_environment():
    assert Settings(environment="development").json_logs is False
    assert Settings(environment="development", log_format="json").json_logs is True


async def test_a_forbidden_read_logs_one_line_without_a_traceback(http, caplog):
    from tests.conftest import token

    caplog.set_level(logging.INFO)
    partner = {"Authorization": f"Bearer {token(roles=['PARTNER'], agency='POLICE')}", "X-Request-ID": "forbidden-1"}
    body = (await http.post("/graphql", json={"query": '{ case(crn: "X123456") { crn } }'}, headers=partner)).json()
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    graphql_lines = [r for r in caplog.records if r.name == "probation.graphql"]
    assert len(graphql_lines) == 1 and graphql_lines[0].exc_info is None
    assert "FORBIDDEN" in graphql_lines[0].getMessage() and graphql_lines[0].request_id == "forbidden-1"
    assert not [r for r in caplog.records if r.exc_info]


async def test_an_unexpected_error_logs_its_traceback_once_with_the_request_id(http, auth_headers, monkeypatch, caplog):
    async def broken(*args, **kwargs):
        raise RuntimeError("boom")
    monkeypatch.setattr(records, "get_many", broken)
    caplog.set_level(logging.INFO)
    await http.post("/graphql", json={"query": '{ case(crn: "X123456") { crn } }'},
                    headers={**auth_headers, "X-Request-ID": "fault-9"})
    with_traceback = [r for r in caplog.records if r.exc_info]
    assert len(with_traceback) == 1 and with_traceback[0].request_id == "fault-9"


async def test_an_exception_outside_graphql_is_a_json_500_with_the_request_id_logged_once(http, monkeypatch, caplog):
    async def broken_ping():
        raise RuntimeError("driver exploded")
    monkeypatch.setattr(http.app.state.store, "ping", broken_ping)
    caplog.set_level(logging.INFO)
    response = await http.get("/health/ready", headers={"X-Request-ID": "http-500"})
    assert response.status_code == 500 and response.headers["x-request-id"] == "http-500"
    assert response.json()["errors"][0]["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "requestId": "http-500"}
    assert "driver exploded" not in response.text
    assert len([r for r in caplog.records if r.exc_info]) == 1


def sample(metrics_text: str, name: str, **labels: str) -> float:
    for line in metrics_text.splitlines():
        if (line.startswith(name + "{") or (not labels and line.startswith(name + " "))) and all(f'{k}="{v}"' in line for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_metrics_count_operations_user_errors_and_rule_refusals(http, auth_headers):
    admin = {"Authorization": f"Bearer {__import__('tests.conftest', fromlist=['token']).token(roles=['ADMIN'])}"}
    await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"crn": "X123456", "offender": offender_input()}}},
                    headers=admin)
    await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"crn": "X123456", "offender": offender_input()}}},
                    headers=admin)  # DUPLICATE
    await http.post("/graphql", json={"query": ROSH_HIGH}, headers=admin)
    await http.post("/graphql", json={"query": REGISTER_OFFICER}, headers=admin)  # allocations name a known officer
    refused = await http.post("/graphql", json={"query": ALLOCATE_TO_CRC}, headers=admin)  # ALLOC-3: high RoSH to a CRC
    [user_error] = refused.json()["data"]["allocateCase"]["userErrors"]
    await http.post("/graphql", json={"query": "{ nope }"}, headers=auth_headers)
    await http.post("/graphql", json={"query": "query " + "x" * 300 + " { __typename }"}, headers=auth_headers)
    text = (await http.get("/metrics")).text
    assert sample(text, "graphql_operations_total", operation="Open", type="mutation", outcome="ok") == 1
    assert sample(text, "graphql_operations_total", operation="Open", type="mutation", outcome="user_error") == 1
    assert sample(text, "graphql_user_errors_total", code="DUPLICATE") == 1
    assert sample(text, "graphql_rule_refusals_total", standard=user_error["standard"]) == 1
    assert sample(text, "graphql_operations_total", operation="anonymous", outcome="invalid") == 1
    assert sample(text, "graphql_errors_total", code="GRAPHQL_VALIDATION_FAILED") >= 1
    assert sample(text, "graphql_operations_total", operation="other") == 1  # a client's name never becomes a label
    assert sample(text, "graphql_operation_duration_seconds_count", operation="Open") == 2
    assert sample(text, "http_requests_total", route="/graphql", method="POST", status="200") == 7
    assert sample(text, "http_request_duration_seconds_count", route="/graphql") == 7


async def test_metrics_refusals_and_operation_names_are_bounded(http, auth_headers):
    http.app.state.metrics.max_operation_names = 3
    for n in range(10):
        await http.post("/graphql", json={"query": f"query Q{n} {{ __typename }}"}, headers=auth_headers)
    await http.post("/graphql", json={"query": "{ __typename }"}, headers={"Authorization": "Bearer nope"})
    text = (await http.get("/metrics")).text
    assert {f"Q{n}" for n in range(10) if f'operation="Q{n}"' in text} == {"Q0", "Q1", "Q2"}
    assert sample(text, "graphql_operations_total", operation="other") == 7
    assert sample(text, "authentication_refusals_total", reason="INVALID_TOKEN") == 1


def test_database_latency_reaches_the_registered_callback():
    heard = []
    timer = CommandTimer(lambda *args: heard.append(args))
    timer.succeeded(SimpleNamespace(command_name="find", duration_micros=2_500))
    timer.failed(SimpleNamespace(command_name="insert", duration_micros=1_000_000))
    assert heard == [("find", 0.0025, True), ("insert", 1.0, False)]


async def test_database_latency_is_exported_as_a_histogram(http):
    http.app.state.metrics.observe_database("find", 0.003, True)
    text = (await http.get("/metrics")).text
    assert sample(text, "database_command_duration_seconds_count", command="find", outcome="ok") == 1


async def test_info_reports_version_commit_and_schema_hash(http):
    import hashlib

    info = (await http.get("/info")).json()
    assert info["version"] == "0.1.0" and info["service"] == "probation-case-records"
    assert info["commit"] == "unknown" or len(info["commit"]) == 40
    assert info["schemaHash"] == "sha256:" + hashlib.sha256(schema.as_str().strip().encode()).hexdigest()


async def test_info_reports_the_commit_set_at_image_build(clock):
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, git_commit="abc1234"), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            assert (await client.get("/info")).json()["commit"] == "abc1234"


async def test_metrics_can_be_turned_off(clock):
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, metrics=False), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            assert (await client.get("/metrics")).status_code == 404


async def test_tracing_by_setting_builds_the_app_and_records_spans(clock, capsys, auth_headers):
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, tracing="console"), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            response = await client.post("/graphql", json={"query": "query Traced { __typename }"}, headers=auth_headers)
            assert response.json()["data"] == {"__typename": "Query"}
    printed = capsys.readouterr().out
    assert '"name": "GraphQL Query: Traced"' in printed and '"service.name": "probation-case-records"' in printed
    assert '"http.method": "POST"' in printed or '"http.request.method": "POST"' in printed


def test_tracing_is_off_by_default():
    assert Settings().tracing == "off"


def test_otlp_tracing_builds_the_app_with_the_three_instrumentations(clock, monkeypatch):
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
    from strawberry.extensions.tracing import OpenTelemetryExtension

    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")  # loopback; nothing is sent
    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, tracing="otlp"), clock=clock)
    try:
        assert isinstance(app.build_middleware_stack().app, OpenTelemetryMiddleware)
        extensions = app.routes[0].endpoint.app.schema.extensions
        assert any(getattr(e, "func", None) is OpenTelemetryExtension for e in extensions)
        from opentelemetry.instrumentation.pymongo import PymongoInstrumentor
        assert PymongoInstrumentor().is_instrumented_by_opentelemetry
    finally:
        app.state.tracing.shutdown()


async def test_metrics_show_the_outbox_backlog_and_the_events_relayed(http):
    admin = {"Authorization": f"Bearer {__import__('tests.conftest', fromlist=['token']).token(roles=['ADMIN'])}"}
    await http.post("/graphql", json={"query": CREATE, "variables": {"input": {"crn": "X123456", "offender": offender_input()}}},
                    headers=admin)
    text = (await http.get("/metrics")).text
    assert sample(text, "events_outbox_pending_cases") == 0  # the write moved its own outbox
    assert sample(text, "events_relayed") >= 1  # CASE_CREATED at least
    cases = http.app.state.store.database["cases"]  # an entry no relay has moved yet (as after a crash)
    await cases.update_one({"crn": "X123456"}, {"$push": {"outbox": {"id": "o-1", "to": "events", "doc": {}}}})
    assert sample((await http.get("/metrics")).text, "events_outbox_pending_cases") == 1

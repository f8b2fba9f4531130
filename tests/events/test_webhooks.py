"""Issue 12.4: webhooks. Registration refuses what could reach inside (https only, allow-list,
non-public addresses); a receiver on 127.0.0.1, started here, that fails twice then succeeds gets
the event exactly once, in the HMPPS shape, with a valid signature; one that always fails ends on the
dead-letter list. The dispatcher is driven one cycle at a time; the clock is moved past each backoff."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from api.settings import Settings
from api.webhooks import WebhookDispatcher, rules_from
from domain.core.enums import RoshLevel
from domain.events import webhooks as hooks
from domain.risk import use_cases as risk
from domain.risk.commands import RecordRoshAssessment
from tests.conftest import TODAY, create_case

PORT = 8613  # this checkout's range
URL = f"http://127.0.0.1:{PORT}/hook"
SECRET = "a-shared-secret-of-at-least-32-characters"
REGISTER = """
mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) { webhook { id agency url types } userErrors { field code message } }
}"""
DELIVERIES = """
query($status: WebhookDeliveryStatus) {
  webhookDeliveries(status: $status) { eventType crn status attempts lastError history }
}"""


class Receiver:
    """An HTTP receiver that answers 500 to the first ``failures`` requests, then 204."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.requests: list[tuple[dict, str, int]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                status = 500 if len(receiver.requests) < receiver.failures else 204
                receiver.requests.append((dict(self.headers), body, status))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def settings() -> Settings:
    return Settings(environment="development", webhook_allowed_urls={"POLICE": [URL]}, webhook_max_attempts=3,
                    webhook_backoff_seconds=10)


@pytest.fixture
def hooked(uow, settings):
    uow.webhook_rules = rules_from(settings)
    return uow


async def register(gql, **overrides):
    data = await gql(REGISTER, {"input": {"agency": "POLICE", "url": URL, "types": ["ROSH_CHANGED"], "secret": SECRET,
                                          **overrides}})
    return data["registerWebhook"]


async def rosh_changes(uow, admin) -> None:
    assert (await risk.record_rosh_assessment(uow, admin, RecordRoshAssessment(
        crn="X123456", level=RoshLevel.HIGH, assessed_on=TODAY, rationale="Assessed."))).ok


async def test_a_receiver_that_fails_twice_then_succeeds_gets_the_event_once_signed(gql, hooked, admin, clock, settings,
                                                                                     store):
    await create_case(gql, "X123456")
    registered = await register(gql)
    assert registered["userErrors"] == [] and "secret" not in registered["webhook"]
    await rosh_changes(hooked, admin)
    dispatcher = WebhookDispatcher(hooked, settings, detail_base_url="https://cases.example")
    with Receiver(failures=2) as receiver:
        for _ in range(3):
            await dispatcher.run_once()
            await dispatcher.run_once()  # not due again until the backoff has passed: nothing sent
            clock.set(clock.now() + timedelta(seconds=40))
        await dispatcher.run_once()
    assert [status for _, _, status in receiver.requests] == [500, 500, 204]
    headers, body, _ = receiver.requests[-1]
    assert hooks.verify(SECRET, headers["X-Probation-Timestamp"], body, headers["X-Probation-Signature"])
    sent = json.loads(body)
    assert sent["eventType"] == "probation-case.rosh.changed" and sent["version"] == 1
    assert sent["personReference"] == {"identifiers": [{"type": "CRN", "value": "X123456"}]}
    assert sent["additionalInformation"] == {"from": None, "to": "HIGH"}
    assert sent["detailUrl"] == "https://cases.example/graphql" and sent["occurredAt"].startswith("2026-11-20")
    assert len({body for _, body, _ in receiver.requests}) == 1  # the same event, retried
    [delivered] = (await gql(DELIVERIES, {}))["webhookDeliveries"]
    assert delivered["status"] == "DELIVERED" and delivered["attempts"] == 3 and len(delivered["history"]) == 3
    assert await store.database.audit.count_documents({"kind": "PARTNER_READ", "operation": "webhook"}) == 1


async def test_a_receiver_that_never_succeeds_ends_on_the_dead_letter_list(gql, hooked, admin, clock, settings):
    await create_case(gql, "X123456")
    await register(gql)
    await rosh_changes(hooked, admin)
    dispatcher = WebhookDispatcher(hooked, settings)
    with Receiver(failures=99) as receiver:
        for _ in range(5):
            await dispatcher.run_once()
            clock.set(clock.now() + timedelta(seconds=100))
    assert len(receiver.requests) == 3  # WEBHOOK_MAX_ATTEMPTS
    [dead] = (await gql(DELIVERIES, {"status": "DEAD"}))["webhookDeliveries"]
    assert dead["lastError"] == "HTTP 500" and dead["attempts"] == 3


@pytest.mark.parametrize(("changes", "field", "says"), [
    ({"url": "http://hooks.police.example/hook"}, "url", "https"),
    ({"url": "https://elsewhere.example/hook"}, "url", "allow-list"),
    ({"secret": "short"}, "secret", "32 to 256"),
    ({"types": ["TIER_CHANGED"]}, "types", "does not receive TIER_CHANGED"),
    ({"types": []}, "types", "at least one"),
    ({"agency": "PRISON"}, "url", "allow-list"),
])
async def test_a_registration_that_could_not_be_delivered_safely_is_refused(gql, hooked, changes, field, says):
    refused = await register(gql, **changes)
    assert refused["webhook"] is None
    assert refused["userErrors"][0]["field"] == ["input", field] and says in refused["userErrors"][0]["message"]


async def test_production_refuses_hosts_that_resolve_inside(gql, uow):
    async def inside(host):
        return ["10.0.0.7"]

    uow.webhook_rules = hooks.WebhookRules(allowed={"POLICE": ("https://hooks.police.example/",)},
                                           loopback_allowed=False, resolve=inside)
    refused = await register(gql, url="https://hooks.police.example/hook")
    assert "non-public address (10.0.0.7)" in refused["userErrors"][0]["message"]


@pytest.mark.parametrize(("addresses", "loopback", "refused"), [
    (["93.184.216.34"], False, False), (["127.0.0.1"], False, True), (["127.0.0.1"], True, False),
    (["169.254.169.254"], False, True), (["192.168.1.1"], False, True), (["::1"], False, True),
    (["::ffff:10.1.2.3"], False, True), (["fe80::1"], False, True), ([], False, True),
])
def test_address_checks(addresses, loopback, refused):
    assert (hooks.address_problem(addresses, loopback) is not None) is refused


async def test_only_administrators_register_webhooks_or_read_deliveries(gql, hooked, practitioner):
    data = await gql(REGISTER, {"input": {"agency": "POLICE", "url": URL, "types": ["ROSH_CHANGED"], "secret": SECRET}},
                     principal=practitioner)
    assert data["registerWebhook"]["userErrors"][0]["code"] == "FORBIDDEN"
    result = await gql(DELIVERIES, {}, principal=practitioner, expect_errors=True)
    assert result["errors"][0].extensions["code"] == "FORBIDDEN"

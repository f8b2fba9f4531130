"""Issue 12.4: ``subscription { events }`` over graphql-transport-ws on the service's /graphql: the
connection is authenticated by its connection_init payload, and an event written while subscribed
arrives within one relay cycle of the write (here the write's own drain stores it, and the relay
wakes the subscription; no sleeps)."""

from __future__ import annotations

import warnings

import pytest
from starlette.websockets import WebSocketDisconnect

with warnings.catch_warnings():  # Starlette's TestClient (the websocket client) would rather have httpx2
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.conftest import CREATE_CASE, TEST_SECRET, offender_input, token

PROTOCOL = "graphql-transport-ws"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SUBSCRIBE = "subscription($types: [EventType!], $after: String) { events(types: $types, after: $after) { type crn detail cursor } }"


@pytest.fixture
def client(clock):
    settings = Settings(auth_jwt_secret=TEST_SECRET, environment="development", mongodb_uri=None,
                        events_subscription_poll_seconds=0.05)
    with TestClient(create_app(settings, clock=clock)) as client:
        yield client


def admin_token() -> str:
    return token(roles=["ADMIN"], provider=None, staff_code=None)


def connect(ws, bearer: str) -> dict:
    ws.send_json({"type": "connection_init", "payload": {"authorization": f"Bearer {bearer}"}})
    return ws.receive_json()


def create(client, crn: str) -> None:
    answer = client.post("/graphql", json={"query": CREATE_CASE, "variables": {
        "input": {"crn": crn, "offender": offender_input(pncNumber=None)}}},
        headers={"Authorization": f"Bearer {admin_token()}"})
    assert answer.json()["data"]["createCase"]["userErrors"] == []


def test_a_subscriber_receives_an_event_written_after_it_subscribed(client):
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        assert connect(ws, admin_token()) == {"type": "connection_ack"}
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE,
                                                                  "variables": {"types": ["CASE_CREATED"]}}})
        create(client, "X123456")
        message = ws.receive_json()
        assert message["type"] == "next" and message["id"] == "1", message
        assert message["payload"]["data"]["events"]["type"] == "CASE_CREATED"
        assert message["payload"]["data"]["events"]["crn"] == "X123456"
        cursor = message["payload"]["data"]["events"]["cursor"]
        ws.send_json({"id": "1", "type": "complete"})
    create(client, "X123457")  # while nobody listens
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        connect(ws, admin_token())
        ws.send_json({"id": "2", "type": "subscribe", "payload": {"query": SUBSCRIBE, "variables": {
            "types": ["CASE_CREATED"], "after": cursor}}})
        resumed = ws.receive_json()
        assert resumed["payload"]["data"]["events"]["crn"] == "X123457"  # replayed from the cursor


def test_a_connection_without_a_valid_token_is_closed_before_any_operation(client):
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json({"type": "connection_init", "payload": {"authorization": "Bearer not-a-token"}})
        with pytest.raises(WebSocketDisconnect) as closed:
            ws.receive_json()
    assert closed.value.code == 4403
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        with pytest.raises(WebSocketDisconnect) as unauthorised:
            ws.receive_json()
    assert unauthorised.value.code == 4401


def test_a_partner_subscription_hears_only_what_its_agency_may(client):
    police = token(roles=["PARTNER"], agency="POLICE", provider=None, staff_code=None, subject="police-1")
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        connect(ws, police)
        ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        create(client, "X123456")  # CASE_CREATED and TIER_CHANGED: staff only
        rosh = client.post("/graphql", json={"query": """mutation { recordRoshAssessment(input: {crn: "X123456",
            level: HIGH, assessedOn: "2026-11-20", rationale: "Assessed."}) { userErrors { message } } }"""},
            headers={"Authorization": f"Bearer {admin_token()}"})
        assert rosh.json()["data"]["recordRoshAssessment"]["userErrors"] == []
        message = ws.receive_json()
        assert message["payload"]["data"]["events"]["type"] == "ROSH_CHANGED"
        assert message["payload"]["data"]["events"]["detail"] == {"from": None, "to": "HIGH"}


def test_a_subscription_argument_out_of_bounds_is_a_bad_user_input_error_not_a_stream(client):
    with client.websocket_connect("/graphql", subprotocols=[PROTOCOL]) as ws:
        connect(ws, admin_token())
        ws.send_json({"id": "1", "type": "subscribe", "payload": {
            "query": "subscription($crn: String) { events(crn: $crn) { type } }", "variables": {"crn": "X" * 100_000}}})
        message = ws.receive_json()
    assert message["type"] == "error" or message["payload"].get("errors"), message
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", errors

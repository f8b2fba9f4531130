"""Graceful shutdown against a real uvicorn on 127.0.0.1:8101: on SIGTERM readiness answers 503
at once, new requests get a clean 503, the request in flight finishes, then the process stops;
past the grace period it stops anyway. Every wait is bounded."""

from __future__ import annotations

import json
import signal
import socket
import time

import httpx

from tests.conftest import TEST_SECRET, token
from tests.live import BASE, HOST, PORT, live_server


def in_flight() -> float:
    for line in httpx.get(BASE + "/metrics", timeout=2).text.splitlines():
        if line.startswith("http_requests_in_flight "):
            return float(line.split()[1])
    return 0.0


def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def start_slow_request(bearer: str) -> tuple[socket.socket, bytes]:
    """A client that has sent its headers and half its body: in flight until it sends the rest."""
    body = json.dumps({"query": "query Slow { __typename }"}).encode()
    head = (f"POST /graphql HTTP/1.1\r\nHost: {HOST}:{PORT}\r\nAuthorization: Bearer {bearer}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    connection = socket.create_connection((HOST, PORT), timeout=10)
    connection.sendall(head + body[:10])
    wait_until(lambda: in_flight() >= 2)  # the scrape itself is the other one
    return connection, body[10:]


def read_response(connection: socket.socket) -> bytes:
    received = b""
    while chunk := connection.recv(65536):
        received += chunk
        if b"\r\n\r\n" in received:
            head, _, rest = received.partition(b"\r\n\r\n")
            length = int([h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")][0].split(b":")[1])
            if len(rest) >= length:
                return received
    return received


def test_sigterm_drains_then_stops():
    bearer = token()
    with live_server(AUTH_JWT_SECRET=TEST_SECRET, SHUTDOWN_GRACE_SECONDS="15") as server:
        assert httpx.get(BASE + "/health/ready", timeout=2).status_code == 200
        connection, rest = start_slow_request(bearer)
        server.send_signal(signal.SIGTERM)
        wait_until(lambda: httpx.get(BASE + "/health/ready", timeout=2).status_code == 503, timeout=2)
        assert httpx.get(BASE + "/health/ready", timeout=2).json()["status"] == "draining"
        refused = httpx.post(BASE + "/graphql", json={"query": "{ __typename }"},
                             headers={"Authorization": f"Bearer {bearer}"}, timeout=2)
        assert refused.status_code == 503 and refused.headers["connection"] == "close"
        assert refused.json()["errors"][0]["extensions"]["code"] == "SHUTTING_DOWN"
        assert server.poll() is None  # still serving the request in flight
        connection.sendall(rest)
        answer = read_response(connection)
        connection.close()
        assert answer.startswith(b"HTTP/1.1 200") and b'{"data":{"__typename":"Query"}' in answer
        server.wait(timeout=10)
    log = server.output
    assert server.returncode in (0, -signal.SIGTERM)
    assert "SIGTERM: draining" in log and "Drained: no request in flight" in log and "Traceback" not in log


def test_past_the_grace_period_it_stops_anyway():
    with live_server(AUTH_JWT_SECRET=TEST_SECRET, SHUTDOWN_GRACE_SECONDS="1") as server:
        connection, _ = start_slow_request(token())  # never sends the rest of its body
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)  # raises if it does not stop
        connection.close()
    log = server.output
    assert "Grace period over with 1 requests still in flight" in log

"""The partner events example (examples/partner/events_client.py) against a live server with the demo
data: the feed over plain HTTP resumes from its saved cursor, and the gql subscription (websockets
transport, graphql-transport-ws) hears a change written while it listens."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from tests.conftest import TEST_SECRET, token
from tests.live import EXAMPLES_PORT, HOST, ROOT, live_server

URL = f"http://{HOST}:{EXAMPLES_PORT}/graphql"
CLIENT = ROOT / "examples" / "partner" / "events_client.py"


@pytest.fixture(scope="module")
def server():
    with live_server(port=EXAMPLES_PORT, ready_path="/health/ready", DEMO_DATA="true", AUTH_JWT_SECRET=TEST_SECRET,
                     ENVIRONMENT="development", LOG_FORMAT="text", LOG_LEVEL="WARNING") as process:
        yield process


def client(*arguments: str, timeout: float = 60) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CLIENT), *arguments, "--dev-secret", TEST_SECRET], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def reassess(crn: str, level: str) -> None:
    admin = token(roles=["ADMIN"], provider=None, staff_code=None, subject="admin-1", name="Admin")
    answer = httpx.post(URL, headers={"Authorization": f"Bearer {admin}"}, timeout=10, json={
        "query": "mutation($crn: String!, $level: RoshLevel!) { recordRoshAssessment(input: {crn: $crn, level: $level, "
                 "assessedOn: \"2026-11-20\", rationale: \"Reassessed.\"}) { userErrors { message } } }",
        "variables": {"crn": crn, "level": level}}).json()
    assert answer["data"]["recordRoshAssessment"]["userErrors"] == [], answer


def test_the_feed_resumes_from_its_cursor_file(server, tmp_path):
    cursor = tmp_path / "police.cursor"
    first = client("feed", "--url", URL, "--cursor-file", str(cursor), "--agency", "POLICE")
    out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    lines = out.splitlines()
    assert lines and all(line.split()[1] not in ("TIER_CHANGED", "CASE_CREATED") for line in lines)  # staff only
    assert any(line.split()[1:3] == ["MAPPA_REGISTERED", "D000003"] for line in lines)
    reassess("D000001", "VERY_HIGH")
    again = client("feed", "--url", URL, "--cursor-file", str(cursor), "--agency", "POLICE")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    [resumed] = out.splitlines()  # only what happened since
    assert resumed.split()[1:3] == ["ROSH_CHANGED", "D000001"] and '"to": "VERY_HIGH"' in resumed


def test_the_gql_subscription_hears_a_change_made_while_it_listens(server):
    ws = URL.replace("http://", "ws://")
    listening = client("subscribe", "--url", ws, "--agency", "POLICE", "--types", "ROSH_CHANGED", "--max", "1")
    try:
        # Until the subscriber is connected a change may come before it listens; keep changing the RoSH
        # (each write is one ROSH_CHANGED) until the client has printed one and exited.
        for level in ["LOW", "MEDIUM", "HIGH", "LOW", "MEDIUM", "HIGH"] * 5:
            reassess("D000002", level)
            try:
                out, err = listening.communicate(timeout=1)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            raise AssertionError("the subscriber heard nothing")
    finally:
        if listening.poll() is None:
            listening.kill()
    assert listening.returncode == 0, err
    [heard] = out.splitlines()
    assert heard.split()[1:3] == ["ROSH_CHANGED", "D000002"]

"""The partner client example (examples/partner/partner_client.py) against a live server on
127.0.0.1:8108 with the demo data: run as a partner would run it, with a development token it
mints itself, and read back what it printed and what the audit trail holds."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from tests.conftest import TEST_SECRET, token
from tests.live import EXAMPLE_PORT, HOST, ROOT, live_server

PORT = EXAMPLE_PORT
URL = f"http://{HOST}:{PORT}/graphql"
CLIENT = ROOT / "examples" / "partner" / "partner_client.py"
DEMO = ["D000001", "D000002", "D000003", "D000004", "D000005"]


@pytest.fixture(scope="module")
def server():
    with live_server(port=PORT, ready_path="/health/ready", DEMO_DATA="true", AUTH_JWT_SECRET=TEST_SECRET,
                     ENVIRONMENT="development", LOG_FORMAT="text", LOG_LEVEL="WARNING") as process:
        yield process


def run_client(*arguments: str) -> list[str]:
    result = subprocess.run([sys.executable, str(CLIENT), "--url", URL, "--dev-secret", TEST_SECRET, *arguments],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.splitlines()


def partner_reads(subject: str) -> list[dict]:
    headers = {"Authorization": f"Bearer {token(roles=['AUDITOR'], subject='auditor-1', name='Auditor')}"}
    events, after = [], None
    while True:
        page = httpx.post(URL, headers=headers, timeout=10, json={
            "query": "query($after: String, $actor: String) { auditEvents(first: 100, after: $after, actor: $actor) { "
                     "edges { node { kind crn purpose } } pageInfo { hasNextPage endCursor } } }",
            "variables": {"after": after, "actor": subject}}).json()["data"]["auditEvents"]
        events += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return events
        after = page["pageInfo"]["endCursor"]


def test_the_partner_client_fetches_a_batch_and_prints_one_line_per_crn_in_order(server):
    lines = run_client("--agency", "POLICE", "--purpose", "PUBLIC_PROTECTION", *DEMO, "X999999", "not-a-crn")
    policy, *rows = lines
    assert policy.startswith("POLICE: purposes RISK_MANAGEMENT, PUBLIC_PROTECTION") and "pncNumber" in policy
    assert [row.split(" ", 1)[0].rstrip(":") for row in rows] == [*DEMO, "X999999", "not-a-crn"]
    by_crn = dict(zip([*DEMO, "X999999", "not-a-crn"], rows))
    assert "PNC 1998/0777001C" in by_crn["D000003"] and "RoSH VERY_HIGH" in by_crn["D000003"]
    assert "MAPPA CATEGORY_2/LEVEL_2" in by_crn["D000003"] and "RESIDENCE" in by_crn["D000003"]
    assert "RoSH HIGH" in by_crn["D000002"] and "EXCLUSION" in by_crn["D000002"]
    assert "RoSH not assessed" in by_crn["D000004"] and "not allocated yet" in by_crn["D000004"]
    assert "PNC none recorded" in by_crn["D000004"]
    assert by_crn["X999999"] == "X999999: no case you may see" and by_crn["not-a-crn"] == "not-a-crn: no case you may see"


def test_a_longer_list_goes_in_batches_of_the_policys_size_and_every_crn_is_audited(server):
    crns = [*DEMO, *[f"Z{i:06d}" for i in range(145)]]
    rows = run_client("--agency", "PRISON", "--purpose", "RISK_MANAGEMENT", *crns)[1:]
    assert len(rows) == 150 and [row.split(":", 1)[0].split(" ")[0] for row in rows] == crns
    # Prisons see licence and PSS cases only: D000003 (licence) and D000005 (PSS).
    assert [row.split(" ")[0].rstrip(":") for row in rows if "no case you may see" not in row] == ["D000003", "D000005"]
    events = partner_reads("partner-prison")
    assert len(events) == 150 and {e["purpose"] for e in events} == {"RISK_MANAGEMENT"}
    assert sorted(e["crn"] for e in events if e["kind"] == "PARTNER_READ") == ["D000003", "D000005"]


def test_what_an_agency_does_not_receive_is_printed_as_withheld(server):
    lines = run_client("--agency", "CHILDREN_SERVICES", "--purpose", "SAFEGUARDING_CHILDREN", "D000001", "D000002")
    assert lines[1] == "D000001: no case you may see"  # no child safeguarding, low risk to children
    assert "pncNumber withheld, born 1987-11-02" in lines[2] and "mappaCategory withheld" in lines[2]


def test_the_client_says_which_purposes_an_agency_may_ask_for_before_asking(server):
    result = subprocess.run([sys.executable, str(CLIENT), "--url", URL, "--dev-secret", TEST_SECRET,
                             "--agency", "ADULT_SOCIAL_CARE", "--purpose", "MAPPA_DECISION", "D000001"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert "ADULT_SOCIAL_CARE may not ask for MAPPA_DECISION; it may ask for: RISK_MANAGEMENT, SAFEGUARDING_ADULTS" in result.stderr

"""The TypeScript front-end example (examples/frontend): types generated from the committed
schema.graphql by graphql-codegen, type-checked with ``tsc --noEmit``, then built and run with node
against a live server on 127.0.0.1:8108 with the demo data. Needs node and the example's packages,
which scripts/test.sh installs with ``npm ci`` when node is available; skipped otherwise, saying why."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import TEST_SECRET, token
from tests.live import EXAMPLE_PORT, HOST, ROOT, live_server

PORT = EXAMPLE_PORT
EXAMPLE = ROOT / "examples" / "frontend"
BIN = EXAMPLE / "node_modules" / ".bin"


def missing() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed: the TypeScript example is not checked (install Node.js 20 to check it)"
    if not (BIN / "tsc").exists() or not (BIN / "graphql-codegen").exists():
        return "examples/frontend has no node_modules: run `npm ci` there (scripts/test.sh does when npm is available)"
    return None


pytestmark = pytest.mark.skipif(missing() is not None, reason=missing() or "")


def run(*command: str, env: dict[str, str] | None = None, timeout: float = 120) -> str:
    result = subprocess.run(command, cwd=EXAMPLE, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def built():
    run(str(BIN / "graphql-codegen"), "--config", "codegen.yml", "--silent")  # from the committed schema.graphql
    run(str(BIN / "tsc"), "--noEmit")  # the type check, as `npm run typecheck`
    run(str(BIN / "tsc"), "--noCheck")  # then the JavaScript to run (checked just above)
    return EXAMPLE / "build" / "run.js"


def test_the_generated_types_cover_both_operations(built):
    generated = (EXAMPLE / "src" / "gql" / "graphql.ts").read_text()
    assert "export type AllocationScreenQuery" in generated and "export type AllocateCaseMutation" in generated


def test_the_example_loads_the_screen_maps_user_errors_to_fields_and_allocates(built):
    practitioner = token(roles=["PRACTITIONER"], subject="dev-practitioner", name="Dev Practitioner", provider="NPS",
                         staff_code="n07a001")
    with live_server(port=PORT, ready_path="/health/ready", DEMO_DATA="true", AUTH_JWT_SECRET=TEST_SECRET,
                     ENVIRONMENT="development", LOG_FORMAT="text", LOG_LEVEL="WARNING"):
        output = run("node", str(built), env={"GRAPHQL_URL": f"http://{HOST}:{PORT}/graphql", "TOKEN": practitioner,
                                              "CRN": "D000004"}, timeout=60)
    lines = output.splitlines()
    assert lines[0] == "viewer: Dev Practitioner (N07A001; PRACTITIONER)"
    assert lines[1] == "case: D000004 Aisha Begum, version 2, not allocated"
    assert lines[2] == "picker: N07A001 Dev Practitioner, N07A002 Grace Adeyemi, N07B003 Samuel Reid"
    # Two mistakes, reported together, each on its own form field.
    assert lines[3].startswith("form error allocatedOn: Allocation date (2999-01-01) cannot be in the future")
    assert lines[4].startswith("form error officer.code: No officer with code N99Z999 in the staff directory")
    assert lines[5] == "allocated to N07A001 Dev Practitioner; case now at version 3"

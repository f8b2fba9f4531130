"""compose.yaml: Docker cannot run here, so the file is checked against the compose-spec JSON
schema (the copy check-jsonschema vendors, so no network is needed) and for what it promises: a
single-node replica set with an init step, the service waiting for it, a seeded demo, the port
bound to loopback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
CHECK = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec"]


def test_compose_file_validates_against_the_compose_spec_schema():
    result = subprocess.run([*CHECK, str(ROOT / "compose.yaml")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_does_fail_on_a_broken_compose_file(tmp_path):
    broken = tmp_path / "compose.yaml"
    broken.write_text((ROOT / "compose.yaml").read_text().replace("condition: service_completed_successfully",
                                                                   "condition: whenever"))
    result = subprocess.run([*CHECK, str(broken)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "whenever" in result.stdout + result.stderr


def test_compose_runs_the_service_on_an_initiated_replica_set_with_the_demo():
    services = YAML(typ="safe").load((ROOT / "compose.yaml").read_text())["services"]
    assert "--replSet" in services["mongo"]["command"]
    assert "rs.initiate" in " ".join(services["mongo-init"]["entrypoint"])
    api = services["api"]
    assert api["depends_on"]["mongo-init"]["condition"] == "service_completed_successfully"
    assert "replicaSet=rs0" in api["environment"]["MONGODB_URI"] and api["environment"]["DEMO_DATA"] == "true"
    assert api["ports"] == ["127.0.0.1:8000:8000"]
    assert int(api["stop_grace_period"].rstrip("s")) > int(api["environment"]["SHUTDOWN_GRACE_SECONDS"])


def test_the_image_runs_the_lazily_built_app_with_production_defaults():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert 'CMD ["uvicorn", "api.app:app"' in dockerfile and "ENVIRONMENT=production" in dockerfile
    assert "GIT_COMMIT=$GIT_COMMIT" in dockerfile and "--no-access-log" in dockerfile

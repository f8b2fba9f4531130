"""The README's run and test commands share one environment: an environment with the test
extras serves the run command, so alternating them installs nothing (scripts/bootstrap.sh is
run here against a stand-in venv whose python records what it is asked to do)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    for name in ("scripts/bootstrap.sh", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    fake = tmp_path / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text(f'#!/usr/bin/env bash\necho "$*" >> "{tmp_path}/calls"\n')
    fake.chmod(0o755)
    return tmp_path


def bootstrap(root: Path, *extras: str) -> list[str]:
    calls = root / "calls"
    calls.unlink(missing_ok=True)
    subprocess.run(["bash", str(root / "scripts" / "bootstrap.sh"), *extras], check=True, timeout=30)
    return [c for c in calls.read_text().splitlines() if "install" in c and "pip==" not in c] if calls.exists() else []


def test_alternating_run_and_test_installs_once(tmp_path):
    root = project(tmp_path)
    [first] = bootstrap(root, "test")
    assert first.endswith("-e .[test]")
    assert bootstrap(root) == []          # the run command accepts the environment with the test extras
    assert bootstrap(root, "test") == []  # and the test command finds them still there
    assert bootstrap(root) == []


def test_the_test_extras_are_added_once_to_a_run_environment(tmp_path):
    root = project(tmp_path)
    assert bootstrap(root)[0].endswith("-e .")
    assert bootstrap(root, "test")[0].endswith("-e .[test]")
    assert bootstrap(root) == [] and bootstrap(root, "test") == []


def test_a_changed_pin_reinstalls_keeping_nothing_stale(tmp_path):
    root = project(tmp_path)
    bootstrap(root, "test")
    with (root / "constraints.txt").open("a") as constraints:
        constraints.write("# changed\n")
    assert bootstrap(root)[0].endswith("-e .")

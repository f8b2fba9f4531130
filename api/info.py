"""``GET /info``: what is running. The version from the installed package, the git commit (the
``GIT_COMMIT`` setting, baked into the image at build; else ``git rev-parse`` when the source is a
checkout; else "unknown") and a SHA-256 of the schema SDL, so a client can tell whether the
schema it generated types from is the one it is talking to."""

from __future__ import annotations

import hashlib
import subprocess
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "probation-case-records"
SOURCE_ROOT = Path(__file__).resolve().parents[1]


@cache
def version() -> str:
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return "unknown"


@cache
def git_commit() -> str:
    try:
        result = subprocess.run(["git", "rev-parse", "HEAD"], cwd=SOURCE_ROOT, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and commit else "unknown"


def schema_hash(sdl: str) -> str:
    return "sha256:" + hashlib.sha256(sdl.strip().encode()).hexdigest()


def service_info(schema, configured_commit: str | None) -> dict[str, str]:
    return {"service": PACKAGE, "version": version(), "commit": configured_commit or git_commit(),
            "schemaHash": schema_hash(schema.as_str())}

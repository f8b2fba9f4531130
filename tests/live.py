"""A real server in a subprocess on 127.0.0.1:8101 for the tests that need one (browser,
SIGTERM, uvicorn start-up; the client examples use 8108): started, waited for, and always stopped,
each step bounded in time."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

# TEST_LIVE_PORT / TEST_EXAMPLE_PORT move them (several checkouts testing on one machine).
HOST, PORT = "127.0.0.1", int(os.environ.get("TEST_LIVE_PORT", "8101"))
EXAMPLE_PORT = int(os.environ.get("TEST_EXAMPLE_PORT", "8108"))
BASE = f"http://{HOST}:{PORT}"
ROOT = Path(__file__).resolve().parents[1]


def port_is_free(port: int = PORT) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def environment(**overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("MONGODB_", "AUTH_", "GRAPHIQL", "DEMO_", "ENVIRONMENT", "TRACING", "LOG_"))}
    return {**env, "PYTHONUNBUFFERED": "1", **overrides}


@contextmanager
def live_server(command: list[str] | None = None, *, ready_path: str = "/health/live", timeout: float = 30,
                port: int = PORT, **env: str):
    assert port_is_free(port), f"port {port} is in use"
    command = command or [sys.executable, "-m", "api", "serve", "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, env=environment(**env), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(f"server exited with {process.returncode}:\n{process.stdout.read()}")
            try:
                if httpx.get(f"http://{HOST}:{port}{ready_path}", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError("server did not start in time")
            time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if process.stdout and not process.stdout.closed:
            process.output = process.stdout.read()  # what it printed, for the test to read after
            process.stdout.close()

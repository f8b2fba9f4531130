"""Memory and audit growth under a flood of unauthenticated requests (issue 11, item 5).

    .venv/bin/python scripts/measure_unauthenticated.py [N]     (default 10,000)

Runs the app in-process on the embedded store (httpx's ASGI transport: no network) and sends N
requests with no token, a malformed header or a forged token (one in ten with a 60 KB ``alg``),
first from one client address, then spread over 1,000 addresses (from the IPv6 documentation
prefix 2001:db8::/32: labels in the ASGI scope, nothing is sent anywhere). Prints the process's resident
memory and the audit events before and after. A measurement, not a test: no assertion."""

from __future__ import annotations

import asyncio
import base64
import gc
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx  # noqa: E402
from asgi_lifespan import LifespanManager  # noqa: E402

from api.app import create_app  # noqa: E402
from api.settings import Settings  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def forged(alg: str) -> str:
    def part(value: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()
    return f"{part({'alg': alg})}.{part({'sub': 'x'})}.c2ln"


HEADERS = [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer not.a.jwt"},
           {"Authorization": f"Bearer {forged('HS999')}"}, {"Authorization": f"Bearer {forged('A' * 60_000)}"}]


def headers_for(n: int) -> dict:
    return HEADERS[4] if n % 10 == 0 else HEADERS[n % 4]


async def flood(app, count: int, addresses: int) -> None:
    clients = [httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(f"2001:db8::{a:x}", 1000)),
                                 base_url="http://t") for a in range(addresses)]
    try:
        for n in range(count):
            response = await clients[n % addresses].post("/graphql", json={"query": "{ __typename }"},
                                                         headers=headers_for(n))
            assert response.status_code == 401
    finally:
        for client in clients:
            await client.aclose()


async def main(count: int) -> None:
    app = create_app(Settings(environment="development"))
    async with LifespanManager(app) as manager:
        audit = app.state.store.audit.collection
        await flood(manager.app, 200, 1)  # warm-up: imports, caches, first events
        for label, addresses in (("one address", 1), ("1,000 addresses", 1000)):
            await app.state.refusals.flush(everything=True)
            gc.collect()
            before_rss, before_events = rss_mib(), await audit.count_documents({})
            started = time.perf_counter()
            await flood(manager.app, count, addresses)
            elapsed = time.perf_counter() - started
            gc.collect()
            after_rss, after_events = rss_mib(), await audit.count_documents({})
            tracked = len(app.state.refusals.buckets)
            await app.state.refusals.flush(everything=True)
            flushed_events = await audit.count_documents({})
            print(f"{count:,} unauthenticated requests from {label}: RSS {before_rss:.1f} -> {after_rss:.1f} MiB "
                  f"({after_rss - before_rss:+.1f} MiB); audit events +{after_events - before_events} during the flood, "
                  f"+{flushed_events - before_events} after the window closed; {tracked} sources tracked; "
                  f"{count / elapsed:,.0f} requests/s in-process")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))

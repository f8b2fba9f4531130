"""Start-up and shutdown that a load balancer can follow.

Graceful shutdown: on SIGTERM the service starts draining at once: ``/health/ready`` answers
503, new requests get a 503 JSON error (``SHUTTING_DOWN``, ``Connection: close``), and requests
already in flight get up to ``SHUTDOWN_GRACE_SECONDS`` to finish. Then the server's own SIGTERM
handling (uvicorn's) takes over and stops. A second SIGTERM stops at once.

Database at start-up: when it cannot be reached the service starts anyway, says so in one line,
answers readiness 503 (and GraphQL 503) and retries every ``DATABASE_RETRY_SECONDS``."""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import Awaitable, Callable

logger = logging.getLogger("probation")


class Lifecycle:
    def __init__(self, grace_seconds: float) -> None:
        self.grace_seconds = grace_seconds
        self.draining = False
        self.in_flight = 0
        self._previous = None
        self._installed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._drain_task: asyncio.Task | None = None

    def install(self) -> None:
        """Put our SIGTERM handler in front of the server's (uvicorn installs its own before the
        lifespan starts); only possible in the main thread."""
        if threading.current_thread() is not threading.main_thread():
            return
        self._loop = asyncio.get_running_loop()
        self._previous = signal.getsignal(signal.SIGTERM)
        signal.signal(signal.SIGTERM, self._on_sigterm)
        self._installed = True

    def uninstall(self) -> None:
        if self._installed and signal.getsignal(signal.SIGTERM) == self._on_sigterm:
            signal.signal(signal.SIGTERM, self._previous)
        self._installed = False

    def _on_sigterm(self, signum, frame) -> None:
        if self.draining:  # a second SIGTERM: stop now
            self._hand_over(signum, frame)
            return
        self.draining = True
        logger.warning("SIGTERM: draining. Readiness answers 503, new requests are refused, %d in flight get up "
                       "to %.0f s to finish.", self.in_flight, self.grace_seconds)
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._start_drain, signum, frame)

    def _start_drain(self, signum, frame) -> None:
        self._drain_task = asyncio.ensure_future(self._drain(signum, frame))

    async def _drain(self, signum, frame) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.grace_seconds
        while self.in_flight > 0 and loop.time() < deadline:
            await asyncio.sleep(0.02)
        if self.in_flight:
            logger.warning("Grace period over with %d requests still in flight; stopping.", self.in_flight)
        else:
            logger.info("Drained: no request in flight; stopping.")
        self._hand_over(signum, frame)

    def _hand_over(self, signum, frame) -> None:
        previous = self._previous
        self.uninstall()
        if callable(previous):
            previous(signum, frame)
        else:  # no server handler (SIG_DFL): terminate as SIGTERM would have
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.raise_signal(signal.SIGTERM)


class DatabaseState:
    """Whether the database has answered since start-up (indexes created)."""

    def __init__(self) -> None:
        self.ready = False
        self.problem: str | None = None

    async def connect(self, attempt: Callable[[], Awaitable[str | None]], retry_seconds: float,
                      describe: str) -> bool:
        """One attempt now; on failure, one clear line and False (the caller retries with ``retry``)."""
        self.problem = await attempt()
        self.ready = self.problem is None
        if not self.ready:
            logger.error("Database unreachable at start-up (%s): %s. Starting anyway: readiness answers 503 and "
                         "GraphQL requests 503 until it answers; retrying every %.0f s.", describe, self.problem,
                         retry_seconds)
        return self.ready

    async def retry(self, attempt: Callable[[], Awaitable[str | None]], retry_seconds: float,
                    on_ready: Callable[[], Awaitable[None]] | None = None) -> None:
        while not self.ready:
            await asyncio.sleep(retry_seconds)
            self.problem = await attempt()
            if self.problem is None:
                self.ready = True
                logger.warning("Database reachable: indexes in place, ready.")
                if on_ready is not None:
                    await on_ready()

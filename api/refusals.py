"""Unauthenticated refusals cost almost nothing: audited in bounded form and aggregated by source.

The first refusal from a client address in a window is audited at once (reason code and the
address, nothing the client wrote); later ones in the same window are only counted, and written
as one event with the count when the window closes (``REFUSAL_AUDIT_WINDOW_SECONDS``). At most
``REFUSAL_AUDIT_MAX_SOURCES`` addresses are tracked at once; past that, new addresses share one
bucket. So a flood of any size from any number of addresses writes at most two events per
tracked address per window and holds a bounded table in memory."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from domain.audit.events import AuditEvent, AuditKind

logger = logging.getLogger("probation.auth")

OPERATION = "authenticate"
OTHER_SOURCES = "(other sources)"
MAX_SOURCE_LENGTH = 64


@dataclass
class Bucket:
    opened: float
    opened_at: datetime
    more: int = 0  # refusals after the first, which was audited at once
    reasons: Counter = field(default_factory=Counter)


class RefusalAggregator:
    def __init__(self, record: Callable[[AuditEvent], Awaitable[None]], now: Callable[[], datetime], *,
                 window_seconds: float, max_sources: int, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.record = record
        self.now = now
        self.window = window_seconds
        self.max_sources = max_sources
        self.monotonic = monotonic
        self.buckets: dict[str, Bucket] = {}

    async def refuse(self, source: str | None, reason: str) -> None:
        source = (source or "unknown")[:MAX_SOURCE_LENGTH]
        if source not in self.buckets and len(self.buckets) >= self.max_sources:
            source = OTHER_SOURCES
        bucket = self.buckets.get(source)
        if bucket is not None and self.monotonic() - bucket.opened >= self.window:
            await self._close(source, self.buckets.pop(source))
            bucket = None
        if bucket is None:
            self.buckets[source] = Bucket(opened=self.monotonic(), opened_at=self.now())
            logger.info("Unauthenticated request refused (%s) from %s", reason, source)
            await self.record(AuditEvent(kind=AuditKind.REFUSAL, at=self.now(), operation=OPERATION,
                                         reason=f"{reason} from {source}", count=1))
            return
        bucket.more += 1
        bucket.reasons[reason] += 1

    async def flush(self, *, everything: bool = False) -> None:
        """Write the windows that have closed (all of them when ``everything``)."""
        now = self.monotonic()
        for source in [s for s, b in self.buckets.items() if everything or now - b.opened >= self.window]:
            await self._close(source, self.buckets.pop(source))

    async def _close(self, source: str, bucket: Bucket) -> None:
        if not bucket.more:
            return
        reasons = ", ".join(f"{reason} {count}" for reason, count in bucket.reasons.most_common())
        summary = (f"{bucket.more} more unauthenticated requests from {source} in the window opened "
                   f"{bucket.opened_at.isoformat()}: {reasons}")
        logger.warning(summary)
        await self.record(AuditEvent(kind=AuditKind.REFUSAL, at=self.now(), operation=OPERATION, reason=summary,
                                     count=bucket.more))

    async def run(self, interval: float = 1.0) -> None:
        """Background task: close windows as they expire."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.flush()
            except Exception:  # the store is down: keep the counts and try again next tick
                logger.exception("Could not write aggregated refusals to the audit trail")

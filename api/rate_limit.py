"""Per-principal rate limiting by cost over time (docs/queries.md, Rate limits).

A token bucket per principal (keyed by the token's ``sub``, staff and partners with their own
sizes and rates, from settings): each operation takes its cost (at least 1) from the bucket, which
refills continuously. An operation that costs more than is left is refused before it runs: HTTP 429
with ``Retry-After`` (whole seconds until enough has refilled) and a ``RATE_LIMITED`` error;
every answer carries ``extensions.cost.throttleStatus``.

The buckets live in this process: right for one instance. Several instances behind a load balancer
would each allow the full rate; a multi-instance deployment keeps the buckets in a shared store
with an atomic take-and-refill (Redis with a Lua script or a ``redis-cell``-style command, keyed by
``sub``), or has the gateway in front enforce it."""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from domain.core.enums import Role
from resolvers.limits import Throttle


@dataclass(frozen=True)
class Rate:
    capacity: float
    per_second: float


@dataclass
class Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(self, staff: Rate, partner: Rate, *, max_principals: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rates = {"staff": staff, "partner": partner}
        self.max_principals = max_principals
        self.clock = clock
        self.buckets: OrderedDict[tuple[str, str], Bucket] = OrderedDict()

    def take(self, kind: str, subject: str, cost: int) -> Throttle:
        rate = self.rates[kind]
        now = self.clock()
        key = (kind, subject)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(tokens=rate.capacity, at=now)
            while len(self.buckets) > self.max_principals:
                self.buckets.popitem(last=False)
        else:
            self.buckets.move_to_end(key)
            bucket.tokens = min(rate.capacity, bucket.tokens + (now - bucket.at) * rate.per_second)
            bucket.at = now
        if cost <= bucket.tokens:
            bucket.tokens -= cost
            return Throttle(True, rate.capacity, bucket.tokens, rate.per_second)
        wait = max(1, math.ceil((cost - bucket.tokens) / rate.per_second))
        return Throttle(False, rate.capacity, bucket.tokens, rate.per_second, retry_after_seconds=wait)

    def charge(self, context: Any, cost: int) -> Throttle | None:
        """The ``resolvers.limits.Charge`` for the schema: None for a request with no principal."""
        principal = getattr(context, "principal", None)
        if principal is None or not principal.roles:
            return None
        kind = "partner" if Role.PARTNER in principal.roles else "staff"
        throttle = self.take(kind, principal.subject, max(1, cost))
        response = getattr(context, "response", None)
        if not throttle.allowed and response is not None:
            response.status_code = 429
            response.headers["Retry-After"] = str(throttle.retry_after_seconds)
        return throttle

"""A request's time budget: CPU-heavy reads give the event loop back between bounded pieces of work
and stop, with a clear error, once the request is over its budget (docs/queries.md, Time budget).

Every ``checkpoint`` yields to the event loop (so health checks and other requests are answered
between two pieces of work) and, past the deadline, raises ``TimeBudgetExceeded``; the limits
extension (``resolvers.limits``) then answers the whole request with that one error. The budget
starts when execution starts and is off (``None``) for mutations, which never stop half way."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from graphql import GraphQLError

TIME_BUDGET_EXCEEDED = "TIME_BUDGET_EXCEEDED"


class TimeBudgetExceeded(GraphQLError):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"The request ran past its time budget of {seconds:g} s and was stopped; ask for fewer cases, "
                         "fewer fields or a narrower filter.", extensions={"code": TIME_BUDGET_EXCEEDED})


class Budget:
    """Unlimited until ``start`` is called with a number of seconds."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.seconds: float | None = None
        self.deadline: float | None = None
        self.exceeded = False

    def start(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.deadline = None if seconds is None else self.clock() + seconds

    def check(self) -> None:
        if self.exceeded or (self.deadline is not None and self.clock() >= self.deadline):
            self.exceeded = True
            raise TimeBudgetExceeded(self.seconds or 0)

    async def checkpoint(self) -> None:
        """Give the event loop a turn, then stop if the request is over its budget."""
        await asyncio.sleep(0)
        self.check()

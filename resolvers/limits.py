"""Limits on what one request may ask (docs/queries.md, Limits): its cost, checked before any
resolver runs, an optional per-principal charge against a rate limit (the bucket lives in the
HTTP layer, ``api.rate_limit``), and its time budget.

``QueryCost`` computes the operation's cost (``resolvers.cost``) once validation has passed and
before execution; over the per-request limit, or refused by the rate limiter, the operation does
not run: the answer is one error (``QUERY_TOO_COSTLY`` or ``RATE_LIMITED``) and no data. Every
response carries ``extensions.cost {requested, limit}`` (``requested`` is 0 when nothing ran: a
document that did not parse or validate), and ``throttleStatus`` when a rate limit applies.

``TimeBudget`` starts the request's budget (``schema.budget``) when a query starts executing;
if any checkpoint found the request over it, the whole answer becomes one
``TIME_BUDGET_EXCEEDED`` error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from resolvers.cost import operation_cost
from schema.budget import TimeBudgetExceeded

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
RATE_LIMITED = "RATE_LIMITED"


@dataclass(frozen=True)
class Throttle:
    """What a rate limiter answers for one request (Shopify's ``throttleStatus``)."""

    allowed: bool
    maximum_available: float
    currently_available: float
    restore_rate: float
    retry_after_seconds: int | None = None

    def as_extension(self) -> dict[str, float]:
        return {"maximumAvailable": self.maximum_available, "currentlyAvailable": round(self.currently_available, 1),
                "restoreRate": self.restore_rate}


# (the request's context, the operation's cost) -> the throttle status, or None when no limit applies.
Charge = Callable[[Any, int], Throttle | None]


def refusal(message: str, **extensions: Any) -> ExecutionResult:
    return ExecutionResult(data=None, errors=[GraphQLError(message, extensions=extensions)])


class QueryCost(SchemaExtension):
    def __init__(self, *, limit: int, charge: Charge | None = None) -> None:
        self.limit = limit
        self.charge = charge
        self.requested = 0
        self.throttle: Throttle | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        self.requested = operation_cost(context.schema._schema, context.graphql_document, context.operation_name,
                                        context.variables)
        if self.requested > self.limit:
            context.result = refusal(
                f"This operation would cost {self.requested}, over the limit of {self.limit} per request: ask for fewer "
                "items (a smaller `first`), fewer aliases or fewer computed fields (docs/queries.md).",
                code=QUERY_TOO_COSTLY, cost=self.requested, limit=self.limit)
        elif self.charge is not None:
            self.throttle = self.charge(context.context, self.requested)
            if self.throttle is not None and not self.throttle.allowed:
                context.result = refusal(
                    f"Rate limit: this operation costs {self.requested} and {int(self.throttle.currently_available)} of "
                    f"your {int(self.throttle.maximum_available)} remain; they come back at "
                    f"{self.throttle.restore_rate:g} a second. Try again in {self.throttle.retry_after_seconds} s.",
                    code=RATE_LIMITED, retryAfter=self.throttle.retry_after_seconds)
        yield

    def get_results(self) -> dict[str, Any]:
        cost: dict[str, Any] = {"requested": self.requested, "limit": self.limit}
        if self.throttle is not None:
            cost["throttleStatus"] = self.throttle.as_extension()
        return {"cost": cost}


class TimeBudget(SchemaExtension):
    def __init__(self, *, seconds: float | None) -> None:
        self.seconds = seconds

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        budget = getattr(context.context, "budget", None)
        # Mutations run to the end: stopping one half way would leave its audit behind its write.
        if budget is not None and self.seconds is not None and context.operation_type is OperationType.QUERY:
            budget.start(self.seconds)
        yield
        result = context.result
        if budget is not None and budget.exceeded and result is not None:
            result.data = None
            result.errors = [TimeBudgetExceeded(self.seconds or 0)]

"""Settings of the query layer (docs/queries.md): cost limit, time budget, rate limits, persisted
queries and trusted documents. ``api.settings.Settings`` inherits them."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings

from domain.core.bounds import EARLIEST_DATE, YEARS_AHEAD
from resolvers.root import MAX_COST, TIME_BUDGET_SECONDS


class QuerySettings(BaseSettings):
    query_cost_limit: int = Field(default=MAX_COST, ge=100, le=1_000_000, description=(
        "Highest cost one operation may have (docs/queries.md, Costs); over it the operation is refused "
        "with QUERY_TOO_COSTLY before anything runs."))
    query_time_budget_seconds: float = Field(default=TIME_BUDGET_SECONDS, gt=0, le=300, description=(
        "How long one query may compute; past it the query is stopped with TIME_BUDGET_EXCEEDED."))
    rate_limit: bool = Field(default=True, description="Limit each principal's cost over time (HTTP 429 past it).")
    rate_limit_staff_capacity: int = Field(default=50_000, ge=1, description=(
        "Cost a member of staff may spend at once (the token bucket's size), at least QUERY_COST_LIMIT."))
    rate_limit_staff_per_second: float = Field(default=500.0, gt=0, description="Cost restored to a member of staff each second.")
    rate_limit_partner_capacity: int = Field(default=10_000, ge=1, description=(
        "Cost a partner agency's principal may spend at once, at least QUERY_COST_LIMIT."))
    rate_limit_partner_per_second: float = Field(default=50.0, gt=0, description="Cost restored to a partner each second.")
    rate_limit_max_principals: int = Field(default=10_000, ge=1, description=(
        "Principals whose buckets are kept at once; past it the least recently seen is forgotten (and starts full)."))
    persisted_queries: bool = Field(default=True, description="Accept Apollo automatic persisted queries (a hash instead of the document).")
    persisted_query_cache_size: int = Field(default=1_000, ge=1, le=100_000, description="Automatic persisted queries kept (LRU).")
    trusted_documents_file: str | None = Field(default=None, description=(
        "Path to an Apollo persisted query manifest shipped with the deployment: when set, the principals "
        "TRUSTED_DOCUMENTS_FOR names may run only the documents in it."))
    trusted_documents_for: Literal["partners", "everyone"] = Field(default="partners", description=(
        "Who is held to the trusted documents: partner agencies (default) or every principal."))
    input_earliest_date: date = Field(default=EARLIEST_DATE, ge=date(1800, 1, 1), description=(
        "The earliest date any argument may name (docs/api.md, Input bounds); earlier is INVALID_INPUT."))
    input_years_ahead: int = Field(default=YEARS_AHEAD, ge=1, le=100, description=(
        "How many years after today a date argument may name; later is INVALID_INPUT."))

    @model_validator(mode="after")
    def buckets_hold_a_request(self) -> "QuerySettings":
        for name in ("rate_limit_staff_capacity", "rate_limit_partner_capacity"):
            if getattr(self, name) < self.query_cost_limit:
                raise ValueError(f"{name.upper()} ({getattr(self, name)}) is below QUERY_COST_LIMIT "
                                 f"({self.query_cost_limit}): the largest allowed operation could never run")
        return self

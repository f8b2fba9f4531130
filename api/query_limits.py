"""The query layer's limits from settings, for ``build_schema`` (docs/queries.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api.rate_limit import Rate, RateLimiter
from api.settings import ConfigurationError, Settings
from domain.core.bounds import DateWindow
from resolvers.persisted import PersistedDocuments, parse_manifest


def trusted_documents(settings: Settings) -> dict[str, str] | None:
    if settings.trusted_documents_file is None:
        return None
    try:
        return parse_manifest(Path(settings.trusted_documents_file).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ConfigurationError([f"Configuration error: TRUSTED_DOCUMENTS_FILE: {reason}"]) from None


def query_limits(settings: Settings) -> dict[str, Any]:
    """Keyword arguments of ``resolvers.root.build_schema``; ConfigurationError for a bad manifest."""
    limiter = None
    if settings.rate_limit:
        limiter = RateLimiter(Rate(settings.rate_limit_staff_capacity, settings.rate_limit_staff_per_second),
                              Rate(settings.rate_limit_partner_capacity, settings.rate_limit_partner_per_second),
                              max_principals=settings.rate_limit_max_principals)
    persisted = PersistedDocuments(automatic=settings.persisted_queries, cache_size=settings.persisted_query_cache_size,
                                   trusted=trusted_documents(settings), trusted_for=settings.trusted_documents_for)
    return {"cost_limit": settings.query_cost_limit, "time_budget_seconds": settings.query_time_budget_seconds,
            "charge": limiter.charge if limiter else None, "persisted": persisted,
            "input_window": DateWindow(settings.input_earliest_date, settings.input_years_ahead)}

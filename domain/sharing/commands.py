"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: restricting a case."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RestrictCase:
    """Restrict a case to an allow-list of staff (token subjects); an empty list lifts the restriction."""

    crn: str
    allowed_subjects: tuple[str, ...]
    expected_version: int | None = None

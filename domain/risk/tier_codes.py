"""The written form of a tier (hmpps-tier's code): the protect letter A-D, the change digit 0-3,
``?`` for a level a missing input leaves open, an ``S`` suffix when under sentence but not
supervised; ``N/A`` without an active sentence. E.g. B2, A1S, ?2, ??, N/A.

``domain.risk.tiering.TierResult.tier`` writes it; the caseload filter reads it, and a value that is
not a tier code is refused there rather than matching nothing."""

from __future__ import annotations

import re

NOT_APPLICABLE = "N/A"
_CODE = re.compile(r"[A-D?][0-3?]S?")
FORM = "a protect letter A-D and a change digit 0-3 (? for a level left open), S when unsupervised, or N/A"


def is_tier_code(text: str) -> bool:
    """Whether ``text`` is a tier as the service writes it (exactly: capitals, no spaces)."""
    return text == NOT_APPLICABLE or _CODE.fullmatch(text) is not None


def not_tier_codes(values: tuple[str, ...] | list[str]) -> list[str]:
    """The values that are not tier codes, in the order given."""
    return [value for value in values if not is_tier_code(value)]

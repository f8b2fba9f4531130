"""Case reference numbers: one capital letter and six digits, e.g. X123456."""

from __future__ import annotations

import re
import secrets
import string

CRN_PATTERN = re.compile(r"[A-Z][0-9]{6}")


def is_valid_crn(value: str) -> bool:
    return CRN_PATTERN.fullmatch(value) is not None


def generate_crn() -> str:
    """A random CRN. Collisions are possible (26 million values): the use case retries on a
    duplicate, and the unique index on ``crn`` is the final guard."""
    letter = secrets.choice(string.ascii_uppercase)
    digits = "".join(secrets.choice(string.digits) for _ in range(6))
    return f"{letter}{digits}"

"""The staff directory (issue 16): who the responsible officers are, kept by administrators, so an
allocation names an officer by code and the name comes from one place.

Officer codes are compared case-insensitively everywhere: every code is stored and looked up in its
normal form (``normalise_code``), so ``n07a001`` and ``N07A001 `` are the same officer."""

from __future__ import annotations

import re
import unicodedata

from domain.core.base import Model, Recorded
from domain.core.enums import Provider

CODE_PATTERN = re.compile(r"[A-Z0-9]{1,20}")


def normalise_code(code: str) -> str:
    """The normal form of a staff code: without surrounding spaces, in capitals."""
    return code.strip().upper()


def name_key(name: str) -> str:
    """A name as it is searched and compared: accents removed, case folded, spaces collapsed
    ("  José  O'Neill" and "jose o'neill" are the same)."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


class StaffOfficer(Model):
    """An officer in the directory. ``code`` is in normal form and is the officer's identity;
    ``active`` false marks a leaver (kept, because past allocations name them)."""

    code: str
    name: str
    provider: Provider
    active: bool = True
    version: int = 1
    created: Recorded
    updated: Recorded

    @property
    def name_key(self) -> str:
        return name_key(self.name)

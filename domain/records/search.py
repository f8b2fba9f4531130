"""Person search keys (docs/queries.md, Search): practitioners rarely start from a CRN.

A name is searched by prefix, whatever its case and accents: ``name_key`` folds a name to a key
(Unicode compatibility decomposition, combining marks dropped, a few letters that do not decompose
spelt out, case folded, and only letters and digits kept: spaces, hyphens and apostrophes go), the
same function for the stored key and for the prefix asked, so "Ó Briain", "o'briain" and "OBRI" all
find "O'Briain", and "smith j" finds "Smith-Jones". The store keeps the keys beside the case (no collation or text index is needed) and a
prefix becomes the key range [key, next key after every key with that prefix).

A PNC number is searched exactly in its standard form ``YYYY/NNNNNNNX`` (four-digit year, serial
padded to seven digits, check letter), however it was typed; text that is not a PNC number is
matched as written, upper-cased, without spaces."""

from __future__ import annotations

import unicodedata

from domain.core.pnc import normalise

MAX_SEARCH_LENGTH = 100

# Letters NFKD leaves whole; spelt as English-language indexes spell them.
_SPELT = str.maketrans({"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
                        "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i"})


def name_key(name: str) -> str:
    """The search key of a name (or of the start of one)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPELT))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in bare.translate(_SPELT).casefold() if ch.isalnum())


def prefix_range(key: str) -> tuple[str, str]:
    """[low, high): every key that starts with ``key`` (which is not empty)."""
    return key, key[:-1] + chr(ord(key[-1]) + 1)


def pnc_key(pnc: str) -> str:
    """The standard form of a PNC number (domain.core.pnc), or the compact upper-case text when it
    is not one."""
    return normalise(pnc) or "".join(pnc.split()).upper()

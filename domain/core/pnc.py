"""Police National Computer numbers: one person, one number, in one written form.

The standard form is ``YYYY/NNNNNNNX``: the four-digit year the record was created, a slash, the
serial number padded to seven digits, and a check letter. Clients write it in several ways
(lower case, spaces, an unpadded serial); ``normalise`` brings each to the standard form, so a
person is found (and a second case for them refused) however the number was typed."""

from __future__ import annotations

import re

from domain.core.errors import Violation, invalid

_WRITTEN = re.compile(r"^(\d{4})/(\d{1,7})([A-Z])$")


def normalise(pnc: str) -> str | None:
    """The standard form, or None when the text is not a PNC number."""
    compact = "".join(pnc.split()).upper()
    match = _WRITTEN.match(compact)
    if match is None:
        return None
    year, serial, letter = match.groups()
    return f"{year}/{int(serial):07d}{letter}"


def check(pnc: str | None, path: tuple[str, ...]) -> list[Violation]:
    if pnc is None or normalise(pnc) is not None:
        return []
    return [invalid(path, "A PNC number has the form YYYY/NNNNNNNX (year, slash, up to seven digits, a check "
                          "letter), e.g. 2010/0012345X.")]

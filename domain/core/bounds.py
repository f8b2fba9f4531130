"""Input bounds (issue 11, item 4): the envelope every value a client sends must fit before any
rule sees it. Text has a length and no characters that break or disguise it; a list has a count;
a number a range; a date a plausible window. Pure functions of the value and its bound, each
returning the problem as a sentence, or None when the value fits. The limits per input field are
declared in one table (resolvers/input_bounds.py) and described in docs/api.md, "Input bounds".

The messages never repeat the value: a bound exists because the value may be huge or hostile."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from domain.core.checks import MAX_NAME, MAX_TEXT

__all__ = ["MAX_NAME", "MAX_TEXT", "MAX_SHORT", "MAX_ITEMS", "EARLIEST_DATE", "YEARS_AHEAD",
           "Text", "Count", "Range", "DateWindow", "text_problem", "count_problem", "number_problem",
           "date_problem"]

MAX_SHORT = 64  # codes and references: a CRN, an officer code, a PNC or ViSOR number, a tier
MAX_ITEMS = 100  # default count of any list
EARLIEST_DATE = date(1900, 1, 1)
YEARS_AHEAD = 10

# Characters refused anywhere: C0 controls but TAB, LF and CR, DEL and the C1 controls (NUL ends a
# string in C, ESC starts terminal escape sequences, the rest have no business in a case record);
# the bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069: U+202E makes
# "invoice_gpj.exe" display as "invoice_exe.jpg"); and lone surrogates (not characters at all: no
# UTF-8 encoder accepts them, so a store or an export would fail on them later).
_REFUSED = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
ANYWHERE = re.compile(f"[{_REFUSED}]")
# A single-line value (a name, a code) also refuses TAB, LF, CR and the Unicode line and paragraph
# separators: a name printed on a letter or a list must stay on one line.
SINGLE_LINE = re.compile(f"[{_REFUSED}\t\n\r\u2028\u2029]")


@dataclass(frozen=True)
class Text:
    """A string: at most ``max_length`` characters; ``multiline`` allows TAB, LF and CR."""

    max_length: int = MAX_NAME
    multiline: bool = False


@dataclass(frozen=True)
class Count:
    """A list: at most ``max_items`` items (None: the resolver counts it itself)."""

    max_items: int | None = MAX_ITEMS


@dataclass(frozen=True)
class Range:
    """A number from ``low`` to ``high``, both included."""

    low: int | Decimal
    high: int | Decimal


@dataclass(frozen=True)
class DateWindow:
    """Dates from ``earliest`` to ``years_ahead`` years after today, both included."""

    earliest: date = EARLIEST_DATE
    years_ahead: int = YEARS_AHEAD

    def latest(self, today: date) -> date:
        year = today.year + self.years_ahead
        return today.replace(year=year, day=28) if (today.month, today.day) == (2, 29) else today.replace(year=year)


def _name(char: str) -> str:
    code = f"U+{ord(char):04X}"
    name = unicodedata.name(char, "")
    if 0xD800 <= ord(char) <= 0xDFFF:
        return f"{code}, a lone surrogate"
    return f"{code} {name}" if name else f"{code}, a control character"


def text_problem(value: str, bound: Text) -> str | None:
    if len(value) > bound.max_length:
        return f"must be at most {bound.max_length:,} characters; {len(value):,} were sent."
    found = (SINGLE_LINE if not bound.multiline else ANYWHERE).search(value)
    if found is not None:
        char = found.group()
        why = ("line breaks and tabs are refused in a single-line value" if char in "\t\n\r\u2028\u2029"
               else "control characters, bidirectional overrides and lone surrogates are refused")
        return f"holds {_name(char)} at position {found.start() + 1}: {why}."
    return None


def count_problem(items: int, bound: Count) -> str | None:
    if items > bound.max_items:
        return f"holds at most {bound.max_items:,} items; {items:,} were sent."
    return None


def number_problem(value: int | float | Decimal, bound: Range) -> str | None:
    if isinstance(value, Decimal) and not value.is_finite():
        return "must be a finite number."
    if isinstance(value, float) and value != value:  # NaN
        return "must be a number."
    if not bound.low <= value <= bound.high:
        return f"must be between {bound.low:,} and {bound.high:,}; {value:,} was sent."
    return None


def date_problem(value: date | datetime, window: DateWindow, today: date) -> str | None:
    day = value.date() if isinstance(value, datetime) else value
    latest = window.latest(today)
    if not window.earliest <= day <= latest:
        return (f"must be from {window.earliest.isoformat()} to {latest.isoformat()} ({window.years_ahead} years from "
                f"today); {day.isoformat()} was sent.")
    return None

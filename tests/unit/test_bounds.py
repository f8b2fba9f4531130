"""Input bounds (domain/core/bounds.py), table-tested: text length and characters, list counts,
number ranges, the date window."""

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from domain.core.bounds import (
    MAX_NAME,
    MAX_TEXT,
    Count,
    DateWindow,
    Range,
    Text,
    count_problem,
    date_problem,
    number_problem,
    text_problem,
)

NAME, NOTES = Text(MAX_NAME), Text(MAX_TEXT, multiline=True)


@pytest.mark.parametrize("value, bound", [
    ("Morgan", NAME), ("a" * MAX_NAME, NAME), ("Zoë O'Brien-Łukasz", NAME), ("محمد\u200f", NAME),  # RLM allowed
    ("עִבְרִית \u200e(Hebrew)", NAME), ("line one\nline two\r\n\tindented", NOTES), ("x" * MAX_TEXT, NOTES),
    ("😀 emoji (astral, not a surrogate)", NAME), ("", NAME),
])
def test_text_within_bounds_is_accepted(value, bound):
    assert text_problem(value, bound) is None


@pytest.mark.parametrize("value, bound, expected", [
    ("a" * (MAX_NAME + 1), NAME, "at most 200 characters; 201 were sent"),
    ("x" * (MAX_TEXT + 1), NOTES, "at most 10,000 characters; 10,001 were sent"),
    ("Mor\x00gan", NAME, "U+0000, a control character at position 4"),
    ("\x1b[31mred", NOTES, "U+001B, a control character at position 1"),
    ("bell\x07", NOTES, "U+0007"),
    ("del\x7f", NAME, "U+007F"),
    ("c1\x85next line", NOTES, "U+0085"),
    ("c1\x9b", NOTES, "U+009B"),
    ("invoice_\u202egpj.exe", NAME, "U+202E RIGHT-TO-LEFT OVERRIDE at position 9"),
    ("\u202a", NOTES, "U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u202d", NOTES, "U+202D LEFT-TO-RIGHT OVERRIDE"),
    ("\u2066x\u2069", NOTES, "U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("x\u2069", NOTES, "U+2069 POP DIRECTIONAL ISOLATE"),
    ("lone \ud800", NAME, "U+D800, a lone surrogate at position 6"),
    ("lone \udfff", NOTES, "U+DFFF, a lone surrogate"),
    ("two\nlines", NAME, "line breaks and tabs are refused in a single-line value"),
    ("tab\there", NAME, "U+0009"),
    ("sep\u2028", NAME, "U+2028 LINE SEPARATOR"),
])
def test_text_out_of_bounds_is_refused_without_repeating_it(value, bound, expected):
    problem = text_problem(value, bound)
    assert problem is not None and expected in problem
    assert value not in problem or len(value) < 2


@pytest.mark.parametrize("items, bound, refused", [
    (0, Count(20), False), (20, Count(20), False), (21, Count(20), True), (100_000, Count(50), True),
])
def test_count(items, bound, refused):
    problem = count_problem(items, bound)
    assert (problem is not None) is refused
    if refused:
        assert f"at most {bound.max_items:,} items; {items:,} were sent" in problem


@pytest.mark.parametrize("value, bound, refused", [
    (0, Range(0, 1440), False), (1440, Range(0, 1440), False), (1441, Range(0, 1440), True),
    (2_147_483_647, Range(0, 1440), True), (-1, Range(0, 1440), True),
    (Decimal("999.99"), Range(Decimal(0), Decimal("999.99")), False),
    (Decimal("1000"), Range(Decimal(0), Decimal("999.99")), True),
    (Decimal("NaN"), Range(Decimal(0), Decimal("999.99")), True),
    (Decimal("Infinity"), Range(Decimal(0), Decimal("999.99")), True),
    (Decimal("-Infinity"), Range(Decimal(0), Decimal("999.99")), True),
    (float("nan"), Range(0, 10), True), (float("inf"), Range(0, 10), True), (2.5, Range(0, 10), False),
])
def test_range(value, bound, refused):
    assert (number_problem(value, bound) is not None) is refused


def test_range_message_names_the_bounds():
    assert number_problem(2_147_483_647, Range(0, 1440)) == "must be between 0 and 1,440; 2,147,483,647 was sent."


TODAY = date(2026, 11, 20)


@pytest.mark.parametrize("value, refused", [
    (date(1900, 1, 1), False), (date(1899, 12, 31), True), (date(2036, 11, 20), False), (date(2036, 11, 21), True),
    (date(9999, 12, 31), True), (date(1, 1, 1), True),
    (datetime(2036, 11, 20, 23, 59, tzinfo=timezone.utc), False), (datetime(9999, 12, 31, tzinfo=timezone.utc), True),
])
def test_date_window_from_1900_to_ten_years_ahead(value, refused):
    assert (date_problem(value, DateWindow(), TODAY) is not None) is refused


def test_date_window_is_a_setting_and_a_leap_day_has_a_latest_day():
    assert DateWindow(date(1950, 1, 1), 2).latest(TODAY) == date(2028, 11, 20)
    assert DateWindow().latest(date(2028, 2, 29)) == date(2038, 2, 28)
    assert "from 1950-01-01 to 2028-11-20" in date_problem(date(1949, 12, 31), DateWindow(date(1950, 1, 1), 2), TODAY)

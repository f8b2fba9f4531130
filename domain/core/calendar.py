"""Working days for England and Wales (docs/standards.md Definitions).

A working day is Monday to Friday, excluding the bank holidays of England and Wales, taken from
the maintained ``holidays`` calendar (GB, subdivision ENG: England and Wales share their bank
holidays), which includes one-off days such as the 2022 state funeral and the 2023 coronation.

"Within N working days of D" means on or before the Nth working day after D: D itself never
counts, whatever day it is.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

# Dates in England and Wales: "today", and the day a record was made, are days in this zone.
LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts).

    ``add_working_days(d, 0)`` is ``d`` unchanged.
    """
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """How many working days fall after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count

"""Calendar arithmetic on whole months and weeks, exact and clock-free."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` starting on ``start``: an order of 12 months made
    on 15 January 2024 runs to 14 January 2025 inclusive."""
    return add_months(start, months) - timedelta(days=1)


def age_on(date_of_birth: date, on: date) -> int:
    """Age in whole years on a given day (a 29 February birthday counts from 1 March)."""
    years = on.year - date_of_birth.year
    if (on.month, on.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years

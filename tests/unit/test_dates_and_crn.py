from datetime import date

import pytest

from domain.core.crn import generate_crn, is_valid_crn
from domain.core.dates import add_months, age_on, period_end


@pytest.mark.parametrize("start, months, expected", [
    (date(2024, 1, 15), 12, date(2025, 1, 14)),
    (date(2024, 1, 31), 1, date(2024, 2, 28)),    # 31 Jan + 1 month = 29 Feb (leap) -> ends 28 Feb
    (date(2023, 1, 31), 1, date(2023, 2, 27)),
    (date(2024, 2, 29), 12, date(2025, 2, 27)),   # 29 Feb + 12 months = 28 Feb 2025 -> ends 27 Feb
    (date(2026, 11, 2), 24, date(2028, 11, 1)),
])
def test_period_end_is_the_day_before_the_same_date_months_later(start, months, expected):
    assert period_end(start, months) == expected


def test_add_months_crosses_years():
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)


@pytest.mark.parametrize("born, on, age", [
    (date(2008, 11, 20), date(2026, 11, 20), 18),
    (date(2008, 11, 21), date(2026, 11, 20), 17),
    (date(2008, 2, 29), date(2026, 2, 28), 17),
    (date(2008, 2, 29), date(2026, 3, 1), 18),
])
def test_age_on_counts_whole_years(born, on, age):
    assert age_on(born, on) == age


@pytest.mark.parametrize("crn, valid", [
    ("X123456", True), ("A000000", True), ("x123456", False), ("X12345", False), ("X1234567", False),
    ("XX12345", False), ("123456X", False), ("X12 456", False), ("", False), ("X123456\n", False),
])
def test_crn_is_one_capital_letter_and_six_digits(crn, valid):
    assert is_valid_crn(crn) is valid


def test_generated_crns_are_valid():
    assert all(is_valid_crn(generate_crn()) for _ in range(500))

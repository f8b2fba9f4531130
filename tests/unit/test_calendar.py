"""Working days for England and Wales (docs/standards.md Definitions), from the holidays calendar."""

from datetime import date

import pytest

from domain.core.calendar import add_working_days, is_bank_holiday, is_working_day, working_days_between


@pytest.mark.parametrize("day, expected", [
    (date(2026, 12, 25), True),   # Christmas Day
    (date(2026, 12, 28), True),   # Boxing Day substitute (26th is a Saturday)
    (date(2026, 4, 3), True),     # Good Friday 2026
    (date(2026, 4, 6), True),     # Easter Monday 2026
    (date(2024, 3, 29), True),    # Good Friday 2024
    (date(2022, 9, 19), True),    # state funeral of Queen Elizabeth II (one-off)
    (date(2023, 5, 8), True),     # coronation bank holiday (one-off)
    (date(2026, 3, 17), False),   # St Patrick's Day: Northern Ireland only
    (date(2026, 11, 30), False),  # St Andrew's Day: Scotland only
    (date(2026, 11, 20), False),
])
def test_bank_holidays_of_england_and_wales(day, expected):
    assert is_bank_holiday(day) is expected


@pytest.mark.parametrize("start, days, expected", [
    (date(2026, 11, 20), 0, date(2026, 11, 20)),   # zero days is the day itself
    (date(2026, 11, 20), 1, date(2026, 11, 23)),   # Friday + 1 = Monday
    (date(2026, 11, 21), 1, date(2026, 11, 23)),   # from a Saturday, the next working day
    (date(2026, 11, 16), 5, date(2026, 11, 23)),   # Monday + 5 = next Monday
    (date(2026, 12, 23), 1, date(2026, 12, 24)),
    (date(2026, 12, 24), 1, date(2026, 12, 29)),   # over Christmas Day and the Boxing Day substitute
    (date(2026, 12, 24), 5, date(2027, 1, 5)),     # ...and over New Year's Day
    (date(2026, 4, 2), 1, date(2026, 4, 7)),       # over Easter: Good Friday and Easter Monday
    (date(2024, 2, 28), 2, date(2024, 3, 1)),      # through 29 February in a leap year
])
def test_add_working_days_counts_only_working_days_after_the_start(start, days, expected):
    assert add_working_days(start, days) == expected


def test_add_working_days_refuses_negative_counts():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 1, 5), -1)


def test_working_days_between_is_the_inverse_of_add_working_days():
    start = date(2026, 12, 18)
    for days in range(0, 15):
        assert working_days_between(start, add_working_days(start, days)) == days


def test_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 11, 21))
    assert not is_working_day(date(2026, 11, 22))
    assert is_working_day(date(2026, 11, 23))

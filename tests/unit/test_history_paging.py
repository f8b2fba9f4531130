"""The one in-memory connection helper behind a sentence's paged history (schema/history.py)."""

from dataclasses import dataclass
from datetime import date

import pytest

from schema import ids
from schema.common import BadArgument
from schema.history import Range, history_page


@dataclass
class Item:
    name: str
    on: date


STORED = [Item("c", date(2026, 11, 10)), Item("a", date(2026, 11, 4)), Item("b", date(2026, 11, 4)),
          Item("d", date(2026, 11, 25))]


def names(first, after=None, since=None, until=None, stored=STORED, owner="s1"):
    connection = history_page("things", owner, stored, lambda i: i.on, Range(first, after, since, until), lambda i: i.name)
    return connection


def test_oldest_first_and_one_day_in_the_order_recorded():
    page = names(10)
    assert page.nodes == ["a", "b", "c", "d"] and page.total_count == 4
    assert not page.page_info.has_next_page and not page.page_info.has_previous_page


def test_pages_follow_their_cursor_and_say_what_lies_either_side():
    first = names(3)
    assert first.nodes == ["a", "b", "c"] and first.page_info.has_next_page
    rest = names(3, first.page_info.end_cursor)
    assert rest.nodes == ["d"] and rest.page_info.has_previous_page and not rest.page_info.has_next_page
    assert rest.page_info.start_cursor == rest.page_info.end_cursor == rest.edges[0].cursor


def test_the_range_is_inclusive_and_counted_whatever_the_cursor():
    page = names(1, since=date(2026, 11, 4), until=date(2026, 11, 10))
    assert page.nodes == ["a"] and page.total_count == 3
    assert names(5, page.page_info.end_cursor, date(2026, 11, 4), date(2026, 11, 10)).nodes == ["b", "c"]


def test_an_empty_list_is_an_empty_page():
    page = names(5, stored=[])
    assert page.nodes == [] and page.total_count == 0 and page.page_info.end_cursor is None


@pytest.mark.parametrize("cursor", [
    "garbage",
    ids.encode_keyset("things", "s2", "2026-11-04", "1"),       # another sentence
    ids.encode_keyset("others", "s1", "2026-11-04", "1"),       # another list
    ids.encode_keyset("things", "s1", "2026-13-40", "1"),       # not a day
    ids.encode_keyset("things", "s1", "2026-11-04", "one"),     # not a place
    ids.encode_keyset("things", "s1", "2026-11-04"),            # too short
])
def test_a_cursor_that_is_not_one_of_this_lists_is_a_bad_argument(cursor):
    with pytest.raises(BadArgument) as refused:
        names(2, cursor)
    assert refused.value.extensions["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("first", [0, -1, 101])
def test_first_is_1_to_100(first):
    with pytest.raises(BadArgument):
        names(first)


def test_from_after_to_is_a_bad_argument_and_equal_days_are_one_day():
    with pytest.raises(BadArgument):
        names(5, since=date(2026, 11, 5), until=date(2026, 11, 4))
    assert names(5, since=date(2026, 11, 4), until=date(2026, 11, 4)).nodes == ["a", "b"]

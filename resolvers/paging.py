"""Relay cursor paging, forwards and backwards, over a keyset (docs/queries.md, Paging).

A page is asked for with ``first`` (and optionally ``after``) or ``last`` (and optionally
``before``), never both counts; both cursors may be given to page within a range. A cursor that is
not one of ours is a ``BAD_USER_INPUT`` error, never an internal one. ``hasNextPage`` and
``hasPreviousPage`` are exact: one extra item is fetched in the direction of travel, and one
index-served existence check looks the other way when a cursor was given."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from resolvers.common import MAX_PAGE, BadArgument

K = TypeVar("K")
T = TypeVar("T")

FIRST = "How many items from the start (or from `after`), 1 to {max}; or send `last`."
LAST = "How many items from the end (or just before `before`), 1 to {max}; or send `first`."
AFTER = "`endCursor` of the previous page: the items after it."
BEFORE = "`startCursor` of the next page: the items before it (with `last`)."


@dataclass(frozen=True)
class Window(Generic[K]):
    size: int
    after: K | None
    before: K | None
    backward: bool


def window(first: int | None, after: str | None, last: int | None, before: str | None,
           decode: Callable[[str], K | None], cap: int = MAX_PAGE) -> Window[K]:
    if first is not None and last is not None:
        raise BadArgument("Send `first` (paging forwards) or `last` (paging backwards), not both.")
    if first is None and last is None:
        raise BadArgument("Send `first` or `last`: how many items the page holds.")
    name, size = ("first", first) if first is not None else ("last", last)
    if not 1 <= size <= cap:
        raise BadArgument(f"`{name}` must be between 1 and {cap}; {size} was given.")
    keys = {}
    for argument, cursor in (("after", after), ("before", before)):
        key = decode(cursor) if cursor is not None else None
        if cursor is not None and key is None:
            raise BadArgument(f"`{argument}` is not a cursor from this API.")
        keys[argument] = key
    return Window(size=size, after=keys["after"], before=keys["before"], backward=last is not None)


@dataclass
class Page(Generic[T]):
    items: list[T]
    has_next_page: bool
    has_previous_page: bool


async def page(win: Window[K], fetch: Callable[[int], Awaitable[list[T]]],
               beyond: Callable[[K, bool], Awaitable[bool]]) -> Page[T]:
    """``fetch(n)``: up to n items inside the window, nearest the start (forwards) or the end
    (backwards, nearest first). ``beyond(key, before)``: whether an item exists at or before the
    key (``before``), or at or after it."""
    found = await fetch(win.size + 1)
    items = found[:win.size]
    if win.backward:
        items.reverse()
        return Page(items, has_next_page=win.before is not None and await beyond(win.before, False),
                    has_previous_page=len(found) > win.size)
    return Page(items, has_next_page=len(found) > win.size,
                has_previous_page=win.after is not None and await beyond(win.after, True))

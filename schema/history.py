"""Paged history: Relay connections over the lists a case document holds (appointments, failures to
comply, unpaid work sessions, RAR days, plans and reviews), with a date range (docs/queries.md, Paged history).

One generic helper, ``history_page``, serves every list: the items are in date order (oldest first;
items of one day in the order recorded), ``from`` and ``to`` keep the days between them, both
inclusive, and a page is ``first`` items (1 to ``MAX_PAGE``) after the cursor ``after``. A cursor is
the item's keyset position (its day and its place in the stored list, which only ever grows), with
the list's kind and sentence in it, so a cursor from another list or sentence is refused as
``BAD_USER_INPUT``, and a page asked for after a write still starts right after the item it names.
``totalCount`` counts the items in the range, over every page. The case is already loaded, so a page
costs no read: it is priced by ``first`` like every connection (resolvers/cost.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Generic, TypeVar

import strawberry

from schema import ids
from schema.common import MAX_PAGE, BadArgument, PageInfo

T = TypeVar("T")
S = TypeVar("S")

FIRST = f"How many items, 1 to {MAX_PAGE}, oldest first (items of one day in the order recorded)."
AFTER = "`endCursor` of the previous page: the items after it."
FROM = "Only items on or after this day (inclusive)."
TO = "Only items on or before this day (inclusive)."
COUNT = "How many items fall in the range (`from`..`to`), over every page."


@strawberry.type(description="An item in a page of a case's history.")
class HistoryEdge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque cursor of this item: pass it as `after` for the items after it.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a case's history, oldest first, within a date range (both ends inclusive).")
class HistoryConnection(Generic[T]):
    edges: list[HistoryEdge[T]] = strawberry.field(description="The items of this page, with their cursors.")
    nodes: list[T] = strawberry.field(description="The items of this page, without cursors.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")
    total_count: int = strawberry.field(description=COUNT)


@dataclass(frozen=True)
class Range:
    """The arguments of a history field: how many, after which cursor, between which days."""

    first: int
    after: str | None
    since: date | None
    until: date | None


def history_page(kind: str, owner: str, stored: Sequence[S], day: Callable[[S], date], asked: Range,
                 node: Callable[[S], T]) -> HistoryConnection[T]:
    """A page of ``stored`` (a list held in the case, in the order recorded), by ``day`` then place."""
    if not 1 <= asked.first <= MAX_PAGE:
        raise BadArgument(f"`first` must be between 1 and {MAX_PAGE}; {asked.first} was given.")
    if asked.since is not None and asked.until is not None and asked.since > asked.until:
        raise BadArgument(f"`from` ({asked.since.isoformat()}) is after `to` ({asked.until.isoformat()}): "
                          "both ends are inclusive, so `from` may equal `to` but not follow it.")
    start = _position(kind, owner, asked.after) if asked.after is not None else None
    in_range = sorted(((day(item), place, item) for place, item in enumerate(stored)
                       if (asked.since is None or day(item) >= asked.since)
                       and (asked.until is None or day(item) <= asked.until)), key=lambda entry: entry[:2])
    following = [entry for entry in in_range if start is None or entry[:2] > start]
    chosen = following[:asked.first]
    edges = [HistoryEdge(cursor=ids.encode_keyset(kind, owner, on.isoformat(), str(place)), node=node(item))
             for on, place, item in chosen]
    return HistoryConnection(edges=edges, nodes=[edge.node for edge in edges], total_count=len(in_range),
                             page_info=PageInfo.of([edge.cursor for edge in edges],
                                                   has_next_page=len(following) > asked.first,
                                                   has_previous_page=len(following) < len(in_range)))


def _position(kind: str, owner: str, cursor: str) -> tuple[date, int]:
    decoded = ids.decode_keyset(cursor, kind, 3)
    if decoded is not None and decoded[0] == owner:
        try:
            return date.fromisoformat(decoded[1]), int(decoded[2])
        except ValueError:
            pass
    raise BadArgument("`after` is not a cursor from this list (a cursor belongs to one list of one sentence).")


def arguments(first: int, after: str | None, since: date | None, until: date | None) -> Range:
    return Range(first=first, after=after, since=since, until=until)


First = Annotated[int, strawberry.argument(description=FIRST)]
After = Annotated[str | None, strawberry.argument(description=AFTER)]
From = Annotated[date | None, strawberry.argument(name="from", description=FROM)]
To = Annotated[date | None, strawberry.argument(name="to", description=TO)]

"""Types every capability shares: the Node interface, record stamps, page info and user errors."""

from __future__ import annotations

from datetime import datetime

import strawberry
from graphql import GraphQLError

from domain.core import base
from domain.core.errors import Violation
from domain.core.unit_of_work import Outcome
from schema import enums, ids


MAX_PAGE = 100


class BadArgument(GraphQLError):
    """A malformed query argument (not a mutation input): reported as a GraphQL error with code
    BAD_USER_INPUT, which is not masked."""

    def __init__(self, message: str, **details) -> None:
        super().__init__(message, extensions={"code": "BAD_USER_INPUT", **details})


@strawberry.interface(description="An object with a stable, opaque global ID that `Query.node` can refetch.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


@strawberry.type(description="Who made a write and when (REC-1: the time it was recorded, beside the date it happened).")
class RecordStamp:
    by_subject: str = strawberry.field(description="User ID (token subject) of whoever made the write.")
    by_name: str = strawberry.field(description="Display name of whoever made the write.")
    at: datetime = strawberry.field(description="When the write was recorded.")

    @classmethod
    def of(cls, recorded: base.Recorded) -> "RecordStamp":
        return cls(by_subject=recorded.by.subject, by_name=recorded.by.name, at=recorded.at)


@strawberry.type(description="Relay page information (Relay cursor connections: forwards with `first`/`after`, "
                             "backwards with `last`/`before`).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow `endCursor` (pass it as `after` with "
                                                       "`first`).")
    has_previous_page: bool = strawberry.field(description="Whether more items precede `startCursor` (pass it as "
                                                           "`before` with `last`).")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge in this page; pass as `before` for "
                                                            "the previous page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge; pass as `after` for the next page.")

    @classmethod
    def of(cls, cursors: list[str], *, has_next_page: bool, has_previous_page: bool) -> "PageInfo":
        """The page info of a page whose edges have ``cursors``, in order."""
        return cls(has_next_page=has_next_page, has_previous_page=has_previous_page,
                   start_cursor=cursors[0] if cursors else None, end_cursor=cursors[-1] if cursors else None)


TOTAL_COUNT = "How many items match, over every page (counted by the store, served by an index where the filter allows)."


@strawberry.type(description="An expected failure: validation, a rule violation, a conflict, not found, not permitted. "
                             "Nothing is written when a mutation returns any.")
class UserError:
    field: list[str] | None = strawberry.field(description="Path into the input, e.g. [\"input\", \"requirements\", \"0\", \"hours\"]; null when the whole input is refused.")
    code: enums.UserErrorCode = strawberry.field(description="Stable code to branch on.")
    message: str = strawberry.field(description="Human-readable explanation, naming the standard where one applies.")
    standard: str | None = strawberry.field(description="Rule ID from docs/standards.md when a national standard is the reason.")

    @classmethod
    def of(cls, violation: Violation) -> "UserError":
        return cls(field=["input", *violation.field] if violation.field else None,
                   code=enums.to_graphql(violation.code, enums.UserErrorCode),
                   message=violation.message, standard=violation.standard)


def user_errors(outcome: Outcome) -> list[UserError]:
    return [UserError.of(v) for v in outcome.errors]


def local_id(global_id: strawberry.ID | None, type_name: str, crn: str) -> str | None:
    """The stored id inside a global ID of ``type_name`` on case ``crn``; a foreign or malformed
    ID becomes an id that matches nothing, so the domain answers NOT_FOUND on that field."""
    if global_id is None:
        return None
    decoded = ids.decode(global_id)
    if decoded is None or decoded[0] != type_name or decoded[1][0] != crn:
        return f"unknown:{global_id}"
    return decoded[1][-1]


EXPECTED_VERSION = "If given, the mutation fails with VERSION_CONFLICT (writing nothing) unless the case is still at this version."
SENTENCE_ID = "Global ID of the sentence (`Sentence.id`)."
CLIENT_MUTATION_ID = ("Idempotency key (Relay's clientMutationId): a retry with the same key returns the first result "
                      "and writes nothing more, so a repeated request never creates a second failure to comply.")
CLIENT_ID = "The idempotency key sent, echoed."
IDEMPOTENCY_KEY = ("Idempotency key (Relay's clientMutationId), 1 to 128 characters, unique per request (e.g. a UUID): a "
                   "retry with the same key and the same input within 24 hours returns the first result and writes "
                   "nothing more; the same key with different input is refused with IDEMPOTENCY_KEY_REUSED.")


@strawberry.input(description="Fields every mutation input that changes a case shares.")
class MutationInput:
    client_mutation_id: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)

"""Helpers shared by the resolvers."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError

from domain.core.case import Case
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork
from schema.common import MAX_PAGE, BadArgument  # noqa: F401  (defined beside the types that page)
from schema.context import Context

INPUT = "The mutation's input."


class Forbidden(GraphQLError):
    """A refusal on a query field: null with ``extensions.code = FORBIDDEN`` (not masked)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": "FORBIDDEN"})


def max_page_size(first: int, cap: int) -> int:
    if not 1 <= first <= cap:
        raise BadArgument(f"`first` must be between 1 and {cap}; {first} was given.")
    return first


async def load_case(info: strawberry.Info[Context], crn: str) -> Case | None:
    return await info.context.loaders.case_by_crn.load(crn)


def remember(info: strawberry.Info[Context], outcome: Outcome) -> None:
    if outcome.case is not None and outcome.ok:
        info.context.loaders.remember(outcome.case)


def keyed(info: strawberry.Info[Context], input: Any, command: Any) -> UnitOfWork:
    """The unit of work for one mutation: it remembers the input's ``clientMutationId`` (if sent)
    with a fingerprint of the command, so a retry replays and a reuse with other input is refused."""
    return info.context.uow.keyed(getattr(input, "client_mutation_id", None), command)


def call(info: strawberry.Info[Context], input: Any) -> tuple[UnitOfWork, Principal, Any]:
    """(unit of work, principal, command): the arguments of a mutation's use case."""
    command = input.to_domain()
    return keyed(info, input, command), info.context.principal, command

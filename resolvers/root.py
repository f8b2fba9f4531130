"""The GraphQL schema: roots, limits and error masking (docs/design.md, GraphQL)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from resolvers.audit import AuditQuery
from resolvers.delivery import DeliveryMutation
from resolvers.enforcement import EnforcementMutation
from resolvers.error_reporting import GraphQLErrorCodes, ReportingSchema
from resolvers.records import RecordsMutation, RecordsQuery
from resolvers.requirements import RequirementsMutation, RequirementsQuery
from resolvers.risk import RiskMutation
from resolvers.sharing import SharingMutation, SharingQuery
from resolvers.staff import StaffMutation, StaffQuery
from schema.delivery.types import Appointment
from schema.enforcement.types import FailureToComply
from schema.records.types import Case, Requirement, Sentence
from schema.risk.types import EmergencyAction, SafeguardingConcern


# The roots, merged from one slice per capability (resolvers/<capability>.py). A new mutation goes
# into its capability's class; a new capability adds its classes here.
@strawberry.type(description="Read the case record.")
class Query(RecordsQuery, RequirementsQuery, SharingQuery, AuditQuery, StaffQuery):
    pass


@strawberry.type(description="Change the case record. Every mutation writes all or nothing.")
class Mutation(RecordsMutation, RequirementsMutation, DeliveryMutation, EnforcementMutation, RiskMutation, SharingMutation,
               StaffMutation):
    pass


MAX_DEPTH = 12
MAX_TOKENS = 5000
MAX_ALIASES = 30
CACHE_SIZE = 256
MASKED_MESSAGE = "Unexpected error. It has been logged; please try again or report it."


def should_mask(error: GraphQLError) -> bool:
    """Mask errors raised by our code or libraries (exceptions that are not GraphQL errors):
    clients see a generic message and ``extensions.code = INTERNAL_SERVER_ERROR``, never the
    exception text. Parse and validation errors, and deliberate ``GraphQLError``s (bad
    arguments), describe the client's request and pass through."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message=MASKED_MESSAGE)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
        return masked


def build_schema(*, max_depth: int = MAX_DEPTH, max_tokens: int = MAX_TOKENS,
                 max_aliases: int = MAX_ALIASES, extensions: Sequence = ()) -> strawberry.Schema:
    # Extensions are passed as classes or factories: an instance would leak state across requests.
    # (The case graph has no cycles today, so MAX_DEPTH is headroom for what is to come, not a
    # limit any current query reaches; tests check the limiter with a lower bound.)
    return ReportingSchema(
        query=Query,
        mutation=Mutation,
        types=[Case, Sentence, Requirement, Appointment, FailureToComply, SafeguardingConcern, EmergencyAction],
        extensions=[
            GraphQLErrorCodes,
            partial(QueryDepthLimiter, max_depth=max_depth),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(MaxAliasesLimiter, max_alias_count=max_aliases),
            partial(ParserCache, maxsize=CACHE_SIZE),
            partial(ValidationCache, maxsize=CACHE_SIZE),
            MaskUnexpectedErrors,
            *extensions,  # the HTTP edge's (api): metrics, introspection policy, tracing
        ],
    )


schema = build_schema()

"""The GraphQL schema: roots, limits and error masking (docs/design.md, GraphQL)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import strawberry
from graphql import GraphQLError, ValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.types import ExecutionResult

from domain.core.bounds import DateWindow
from resolvers.audit import AuditQuery, ReadAudit
from resolvers.delivery import DeliveryMutation
from resolvers.enforcement import EnforcementMutation
from resolvers.events import EventsQuery, EventsSubscription, WebhooksMutation, WebhooksQuery
from resolvers.error_reporting import (
    PARSE_FAILED,
    VALIDATION_FAILED,
    GraphQLErrorCodes,
    ReportingSchema,
    code_of,
    is_unexpected,
)
from resolvers.input_bounds import attach as attach_input_bounds
from resolvers.limits import Charge, QueryCost, TimeBudget
from resolvers.persisted import PersistedDocuments
from resolvers.records import RecordsMutation, RecordsQuery
from resolvers.requirements import RequirementsMutation, RequirementsQuery
from resolvers.risk import RiskMutation
from resolvers.sharing import SharingMutation, SharingQuery
from resolvers.staff import StaffMutation, StaffQuery
from schema.delivery.types import Appointment
from schema.enforcement.types import FailureToComply
from schema.records.types import Case, Requirement, Sentence
from schema.risk.types import EmergencyAction, SafeguardingConcern
from schema.scalars import SCALAR_OVERRIDES


# The roots, merged from one slice per capability (resolvers/<capability>.py). A new mutation goes
# into its capability's class; a new capability adds its classes here.
@strawberry.type(description="Read the case record.")
class Query(RecordsQuery, RequirementsQuery, SharingQuery, AuditQuery, StaffQuery, EventsQuery, WebhooksQuery):
    pass


@strawberry.type(description="Change the case record. Every mutation writes all or nothing.")
class Mutation(RecordsMutation, RequirementsMutation, DeliveryMutation, EnforcementMutation, RiskMutation, SharingMutation,
               StaffMutation, WebhooksMutation):
    pass


@strawberry.type(description="Hear what happens, as it happens (graphql-transport-ws over the /graphql websocket).")
class Subscription(EventsSubscription):
    pass


MAX_DEPTH = 12
MAX_TOKENS = 5000
MAX_ALIASES = 30
MAX_COST = 10_000  # per request (resolvers.cost); the HTTP layer takes it from the QUERY_COST_LIMIT setting
TIME_BUDGET_SECONDS = 10.0  # per query (schema.budget); QUERY_TIME_BUDGET_SECONDS
CACHE_SIZE = 256  # documents parsed and validated, kept each (bounded LRU caches shared by requests)
MASKED_MESSAGE = "Unexpected error. It has been logged; please try again or report it."


def should_mask(error: GraphQLError) -> bool:
    """Mask errors raised by our code or libraries (exceptions that are not GraphQL errors):
    clients see a generic message and ``extensions.code = INTERNAL_SERVER_ERROR``, never the
    exception text. Parse and validation errors, and deliberate ``GraphQLError``s (bad
    arguments), describe the client's request and pass through."""
    return is_unexpected(error)


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask, error_message=MASKED_MESSAGE)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
        return masked


def limit_rules(max_depth: int, max_aliases: int) -> list[type[ValidationRule]]:
    """The depth and alias rules, created once per schema. Strawberry's ``QueryDepthLimiter`` and
    ``MaxAliasesLimiter`` create a new rule class per instance, so passed as factories (one
    instance a request) they made the validation cache's key differ on every request and it never
    hit (issue 14: 0 hits in 1,242 requests). With the same classes every request, a repeated
    document is validated once."""
    return [depth_rule(max_depth, None), alias_rule(max_aliases)]


class CaseSchema(ReportingSchema):
    """The schema, with persisted documents resolved before anything else runs (resolvers.persisted):
    a refused or unknown persisted query is answered without parsing anything."""

    persisted: PersistedDocuments | None = None
    cost_limit: int = MAX_COST
    input_window: DateWindow = DateWindow()  # the dates arguments may name (resolvers.input_bounds)

    async def execute(self, query, variable_values=None, context_value=None, root_value=None, operation_name=None,
                      allowed_operation_types=None, operation_extensions=None):
        register = None
        if self.persisted is not None:
            outcome = self.persisted.resolve(query, operation_extensions, getattr(context_value, "principal", None))
            if isinstance(outcome, GraphQLError):
                self.process_errors([outcome])
                return ExecutionResult(data=None, errors=[outcome],
                                       extensions={"cost": {"requested": 0, "limit": self.cost_limit}})
            query, register = outcome.query, outcome.register
        result = await super().execute(query, variable_values, context_value, root_value, operation_name,
                                       allowed_operation_types, operation_extensions)
        if register is not None and not any(code_of(e) in (PARSE_FAILED, VALIDATION_FAILED) for e in result.errors or ()):
            self.persisted.remember(register, query)
        return result


def build_schema(*, max_depth: int = MAX_DEPTH, max_tokens: int = MAX_TOKENS, max_aliases: int = MAX_ALIASES,
                 cost_limit: int = MAX_COST, time_budget_seconds: float | None = TIME_BUDGET_SECONDS,
                 charge: Charge | None = None, persisted: PersistedDocuments | None = None,
                 extensions: Sequence = (), input_window: DateWindow = DateWindow()) -> strawberry.Schema:
    # Extensions are passed as classes or factories: an instance would leak state across requests.
    # The validation rules they add are created here, once (limit_rules).
    # (The case graph has no cycles; only introspection can nest deeper than MAX_DEPTH.)
    rules = limit_rules(max_depth, max_aliases)
    types = [Case, Sentence, Requirement, Appointment, FailureToComply, SafeguardingConcern, EmergencyAction]
    attach_input_bounds([Query, Mutation, Subscription, *types], Mutation)  # every argument checked against its bounds
    built = CaseSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=types,
        scalar_overrides=SCALAR_OVERRIDES,
        extensions=[
            GraphQLErrorCodes,
            partial(AddValidationRules, rules),
            partial(MaxTokensLimiter, max_token_count=max_tokens),
            partial(ParserCache, maxsize=CACHE_SIZE),
            partial(ValidationCache, maxsize=CACHE_SIZE),
            partial(QueryCost, limit=cost_limit, charge=charge),
            partial(TimeBudget, seconds=time_budget_seconds),
            MaskUnexpectedErrors,
            ReadAudit,  # after masking's exit: its own failure is reported as a clean error
            *extensions,  # the HTTP edge's (api): metrics, introspection policy, tracing
        ],
    )
    built.persisted = persisted
    built.cost_limit = cost_limit
    built.input_window = input_window
    return built


schema = build_schema(persisted=PersistedDocuments())

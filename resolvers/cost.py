"""Query cost analysis before execution (docs/queries.md, Costs).

The cost of an operation is what it asks the service to do, computed from the validated document
and the request's variables before any resolver runs:

- a scalar or enum field costs 0 (it is part of its object);
- an object costs 1, plus its selection;
- a list of objects costs its size times (1 + its selection): a connection's ``edges`` count
  ``first`` or ``last`` (at most ``MAX_PAGE``), ``nodes(ids:)`` the number of ids, any other list
  its declared maximum (``LIST_MAXIMA``, else ``DEFAULT_LIST_MAXIMUM``);
- a field that computes or reads more than it maps adds its work (``WORK``): the standards, the
  compliance summaries, the report, the tier history, counts;
- every mutation adds ``MUTATION_WORK``; introspection (``__schema``, ``__type``) costs
  ``INTROSPECTION_COST`` whatever it selects; ``__typename`` costs 0.

The cost depends on variables (``first: $n``), so it is computed per request, after validation
(which is cached per document) and never cached with it. Fragments are costed where they are
spread (validation has already refused cycles); ``@skip``/``@include`` are honoured; a selection on
an interface sums every type condition (an over-estimate, never an under-estimate); a variable that
is missing or not an integer counts as the maximum."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    get_named_type,
    is_leaf_type,
    value_from_ast_untyped,
)

from resolvers.common import MAX_PAGE

# What a field computes or reads beyond mapping what is already loaded, per evaluation.
WORK: dict[str, int] = {
    "Query.case": 1,             # one read (batched with the others in the request)
    "Query.node": 1,
    "Query.nodes": 0,            # each id costs as a node (see multiplier)
    "Query.cases": 2,            # one index-served query for the page
    "Query.auditEvents": 2,
    "Query.standardsReport": 1000,  # evaluates (or tallies) every case in scope
    "Query.sharedRiskSummary": 5,   # a read and its audit event
    "Query.victims": 5,
    "CaseConnection.totalCount": 10,     # an index-served count over the filter
    "AuditEventConnection.totalCount": 50,  # a count over the trail, which only grows
    "Case.standards": 20,        # every monitor over the case's whole history
    "Case.compliance": 5,        # compliance across every sentence
    "Sentence.compliance": 3,
    "Case.tier": 1,              # stored at write time (TIER-1): mapping only
    "Case.tierHistory": 5,       # a read of the tier history
}
MUTATION_WORK = 10
INTROSPECTION_COST = 50

# Lists without paging arguments: how many items a client may expect at most.
DEFAULT_LIST_MAXIMUM = 10
LIST_MAXIMA: dict[str, int] = {
    "Case.standards": 30,
    "Sentence.appointments": 50,
    "Sentence.unpaidWorkSessions": 50,
    "Sentence.rarActivityDays": 30,
    "Sentence.failuresToComply": 20,
    "Case.allocationHistory": 10,
    "Case.tierHistory": 20,
}
MAX_NODES = MAX_PAGE  # ids accepted by Query.nodes
PAGED_LISTS = ("edges", "nodes")  # on a *Connection type: as many as the page asks


def _unwrap(type_) -> tuple[GraphQLNamedType, bool]:
    """The named type of a field, and whether it is a list."""
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return get_named_type(type_), isinstance(inner, GraphQLList)


class CostCalculator:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]) -> None:
        self.schema = schema
        self.variables = dict(variables)
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.memo: dict[tuple[str, int | None], int] = {}

    def value(self, node) -> Any:
        value = value_from_ast_untyped(node, self.variables)
        return None if value is Undefined else value

    def included(self, node) -> bool:
        for directive in node.directives or ():
            name = directive.name.value
            if name not in ("skip", "include"):
                continue
            argument = next((a for a in directive.arguments if a.name.value == "if"), None)
            condition = self.value(argument.value) if argument else None
            if not isinstance(condition, bool):
                continue  # unknown: counted (an over-estimate)
            if (name == "skip") == condition:
                return False
        return True

    def arguments(self, node: FieldNode) -> dict[str, Any]:
        return {a.name.value: self.value(a.value) for a in node.arguments or ()}

    @staticmethod
    def page_size(arguments: dict[str, Any]) -> int | None:
        sizes = [v for k, v in arguments.items() if k in ("first", "last")]
        if not sizes:
            return None
        numbers = [v for v in sizes if isinstance(v, int) and not isinstance(v, bool)]
        if len(numbers) < len(sizes):
            return MAX_PAGE  # a variable not given or not a number: the most it could be
        return max(0, min(MAX_PAGE, max(numbers)))

    def multiplier(self, parent: str, field: str, arguments: dict[str, Any], page: int | None) -> int:
        if parent.endswith("Connection") and field in PAGED_LISTS:
            return MAX_PAGE if page is None else page
        if parent == "Query" and field == "nodes":
            ids = arguments.get("ids")
            return min(len(ids), MAX_NODES) if isinstance(ids, list) else MAX_NODES
        return LIST_MAXIMA.get(f"{parent}.{field}", DEFAULT_LIST_MAXIMUM)

    def selection(self, parent: GraphQLNamedType, selection_set: SelectionSetNode | None, page: int | None = None) -> int:
        if selection_set is None:
            return 0
        total = 0
        for node in selection_set.selections:
            if not self.included(node):
                continue
            if isinstance(node, FieldNode):
                total += self.field(parent, node, page)
            elif isinstance(node, InlineFragmentNode):
                condition = self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
                total += self.selection(condition or parent, node.selection_set, page)
            elif isinstance(node, FragmentSpreadNode):
                total += self.spread(node.name.value, page)
        return total

    def spread(self, name: str, page: int | None) -> int:
        key = (name, page)
        if key not in self.memo:
            fragment = self.fragments.get(name)
            if fragment is None:
                return 0
            self.memo[key] = 0  # a cycle (refused by validation before this runs) would stop here
            condition = self.schema.get_type(fragment.type_condition.name.value)
            self.memo[key] = self.selection(condition, fragment.selection_set, page) if condition else 0
        return self.memo[key]

    def field(self, parent: GraphQLNamedType, node: FieldNode, page: int | None) -> int:
        name = node.name.value
        if name == "__typename":
            return 0
        if name.startswith("__"):
            return INTROSPECTION_COST
        fields = getattr(parent, "fields", None) or {}
        definition = fields.get(name)
        if definition is None:
            return 0  # unknown fields never pass validation
        key = f"{parent.name}.{name}"
        work = WORK.get(key, 0)
        if self.schema.mutation_type is not None and parent is self.schema.mutation_type:
            work += MUTATION_WORK
        named, is_list = _unwrap(definition.type)
        if is_leaf_type(named):
            return work
        arguments = self.arguments(node)
        child = self.selection(named, node.selection_set, self.page_size(arguments))
        if is_list:
            return work + self.multiplier(parent.name, name, arguments, page) * (1 + child)
        return work + 1 + child


def select_operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == operation_name), None)


def operation_cost(schema: GraphQLSchema, document: DocumentNode, operation_name: str | None,
                   variables: Mapping[str, Any] | None) -> int:
    """The cost of the operation the request runs (0 when there is none to run)."""
    operation = select_operation(document, operation_name)
    if operation is None:
        return 0
    given = dict(variables or {})
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if name not in given and definition.default_value is not None:
            given[name] = value_from_ast_untyped(definition.default_value)
    root: GraphQLObjectType | None = {
        OperationType.QUERY: schema.query_type, OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type}[operation.operation]
    if root is None:
        return 0
    return CostCalculator(schema, document, given).selection(root, operation.selection_set)

"""Every argument a client sends is checked against its bounds (domain/core/bounds.py) before any
resolver runs: one field extension, attached by ``attach`` to every field of the schema that takes
arguments, walks the converted arguments (input objects, lists, scalars) with their GraphQL names.

- On a mutation, a value out of bounds is the payload with ``userErrors`` (INVALID_INPUT, ``field``
  the path into the input, e.g. ["input", "offender", "surname"]) and nothing else runs: no case is
  read, nothing is written.
- On a query field, it is a GraphQL error with ``extensions.code = BAD_USER_INPUT`` and
  ``extensions.field``, the path to the argument.

Every string, list, number and date has a bound: the defaults below, or an override in ``LIMITS``,
keyed by (GraphQL input type, field) or, for an argument, ("Parent.field", argument); "*" as the
type applies to that field name in every input. docs/api.md, "Input bounds", is the table for
clients; a test checks that it names every override."""

from __future__ import annotations

import inspect

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from strawberry.extensions import FieldExtension
from strawberry.types.base import StrawberryList, StrawberryOptional
from strawberry.types.field import StrawberryField

from domain.core.bounds import (
    MAX_NAME,
    MAX_SHORT,
    MAX_TEXT,
    Count,
    DateWindow,
    Range,
    Text,
    count_problem,
    date_problem,
    number_problem,
    text_problem,
)
from domain.core.errors import invalid
from resolvers.common import MAX_PAGE, BadArgument
from schema.common import UserError

LONG = Text(MAX_TEXT, multiline=True)
SHORT = Text(MAX_SHORT)
MAX_REQUIREMENTS = 20  # requirements and licence conditions on one sentence
MAX_ALLOWED_SUBJECTS = 50  # staff on a restricted case's allow-list
MINUTES_IN_A_DAY = 24 * 60

DEFAULT_TEXT = Text(MAX_NAME)
DEFAULT_COUNT = Count()
DEFAULT_RANGE = Range(0, 100_000)
DEFAULT_WINDOW = DateWindow()

Bound = Text | Count | Range
LIMITS: dict[tuple[str, str], tuple[Bound, ...]] = {
    # Free text: notes, rationales, descriptions (multi-line, 10,000 characters).
    **{("*", name): (LONG,) for name in (
        "rationale", "details", "reason", "notes", "description", "summary", "riskManagementPlan", "offenderResponse",
        "correctionReason", "contactForNonCompliance", "contactDetails", "action")},
    # Codes and references (single line, 64 characters; formats are the rules' business).
    **{("*", name): (SHORT,) for name in ("crn", "pncNumber", "visorReference", "code", "officerCode")},
    ("Query.standardsReport", "officerCode"): (SHORT,),
    ("Query.auditEvents", "crn"): (SHORT,),
    ("CaseFilter", "tiers"): (SHORT, Count(20)),
    ("*", "clientMutationId"): (Text(128),),  # as the unit of work's idempotency rule says
    # Lists.
    ("AddSentenceInput", "requirements"): (Count(MAX_REQUIREMENTS),),
    ("RestrictCaseInput", "allowedSubjects"): (Text(128), Count(MAX_ALLOWED_SUBJECTS)),
    # Counted by their resolvers, which answer with the maximum (and, for partners, audit the refusal).
    ("Query.nodes", "ids"): (Count(None),),
    ("Query.sharedRiskSummaries", "crns"): (SHORT, Count(None)),
    # Numbers.
    ("*", "expectedVersion"): (Range(1, 1_000_000_000),),
    ("*", "hours"): (Range(0, 1_000),),
    ("*", "days"): (Range(0, 1_000),),
    ("*", "lengthMonths"): (Range(0, 1_200),),
    ("*", "custodialTermMonths"): (Range(0, 1_200),),
    ("RecordUnpaidWorkSessionInput", "minutesWorked"): (Range(0, MINUTES_IN_A_DAY),),
    ("RecordUnpaidWorkSessionInput", "educationTrainingEmploymentMinutes"): (Range(0, MINUTES_IN_A_DAY),),
    ("RecordRoshAssessmentInput", "reoffendingScore"): (Range(Decimal(0), Decimal("999.99")),),
    ("RecordRoshAssessmentInput", "seriousRecidivismScore"): (Range(Decimal(0), Decimal("999.99")),),
    ("*", "first"): (Range(1, MAX_PAGE),),  # on every connection, nested ones included
    ("*", "last"): (Range(1, MAX_PAGE),),
}


def bound_of(owner: str, name: str, kind: type, default):
    for key in ((owner, name), ("*", name)):
        for bound in LIMITS.get(key, ()):
            if isinstance(bound, kind):
                return bound
    return default


Problem = tuple[tuple[str, ...], str]


def problems(value: Any, owner: str, name: str, path: tuple[str, ...], window: DateWindow,
             today: date) -> Iterator[Problem]:
    """The bounds ``value`` breaks, each with its path; ``owner`` and ``name`` key its bounds."""
    if value is None or value is strawberry.UNSET or isinstance(value, (bool, Enum)):
        return
    if isinstance(value, str):
        problem = text_problem(value, bound_of(owner, name, Text, DEFAULT_TEXT))
    elif isinstance(value, (int, float, Decimal)):
        problem = number_problem(value, bound_of(owner, name, Range, DEFAULT_RANGE))
    elif isinstance(value, (date, datetime)):
        problem = date_problem(value, window, today)
    elif isinstance(value, list):
        counted = bound_of(owner, name, Count, DEFAULT_COUNT)
        problem = count_problem(len(value), counted) if counted.max_items is not None else None
        if problem is None:
            for index, item in enumerate(value):
                yield from problems(item, owner, name, (*path, str(index)), window, today)
    else:
        definition = getattr(type(value), "__strawberry_definition__", None)
        if definition is not None:
            for field in definition.fields:
                yield from problems(getattr(value, field.python_name), definition.name, graphql_name(field),
                                    (*path, graphql_name(field)), window, today)
        return
    if problem is not None:
        yield path, problem


def graphql_name(field: StrawberryField) -> str:
    if field.graphql_name:
        return field.graphql_name
    head, *rest = field.python_name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def refusal(payload: type, violations: list) -> Any:
    """The payload of a refused mutation: every field null (lists empty), and the user errors."""
    values = {}
    for field in payload.__strawberry_definition__.fields:
        kind = field.type.of_type if isinstance(field.type, StrawberryOptional) else field.type
        values[field.python_name] = [] if isinstance(kind, StrawberryList) else None
    values["user_errors"] = [UserError.of(v) for v in violations]
    return payload(**values)


class InputBounds(FieldExtension):
    """Checks the field's arguments against their bounds before the resolver runs."""

    def __init__(self, owner: str, is_mutation: bool) -> None:
        self.owner = owner
        self.is_mutation = is_mutation
        self.field: StrawberryField | None = None

    def apply(self, field: StrawberryField) -> None:
        self.field = field

    def check(self, info: strawberry.Info, kwargs: dict[str, Any]):
        schema = info.schema
        window = getattr(schema, "input_window", DEFAULT_WINDOW)
        today = info.context.clock.today()
        found = []
        for argument in self.field.arguments:
            name = argument.graphql_name or graphql_name(argument)
            top = () if self.is_mutation and name == "input" else (name,)
            found.extend(problems(kwargs.get(argument.python_name), f"{self.owner}.{info.field_name}", name,
                                  top, window, today))
        if not found:
            return None
        if self.is_mutation:
            return refusal(self.field.type, [invalid(path, f"`{'.'.join(path) or 'input'}` {problem}")
                                             for path, problem in found])
        path, problem = found[0]
        raise BadArgument(f"`{'.'.join(path)}` {problem}", field=list(path))

    def resolve(self, next_, source, info, **kwargs):
        refused = self.check(info, kwargs)
        return refused if refused is not None else next_(source, info, **kwargs)

    async def resolve_async(self, next_, source, info, **kwargs):
        refused = self.check(info, kwargs)
        if refused is not None:
            return refused
        result = next_(source, info, **kwargs)
        # A subscription's resolver gives an async generator, which is returned as it is.
        return await result if inspect.isawaitable(result) else result


def attach(types: list[type], mutation: type) -> None:
    """Give every field that takes arguments, on these types and every object type reachable from
    them, the bounds check (once: the schema may be built several times from the same classes)."""
    seen: set[type] = set()
    pending = list(types)
    while pending:
        cls = pending.pop()
        definition = getattr(cls, "__strawberry_definition__", None)
        if cls in seen or definition is None or definition.is_input:
            continue
        seen.add(cls)
        for field in definition.fields:
            if field.arguments and not any(isinstance(e, InputBounds) for e in field.extensions):
                field.extensions.append(InputBounds(definition.name, is_mutation=cls is mutation))
            pending.extend(_object_types(field.type))


def _object_types(kind) -> list[type]:
    while isinstance(kind, (StrawberryOptional, StrawberryList)):
        kind = kind.of_type
    return [kind] if hasattr(kind, "__strawberry_definition__") else []

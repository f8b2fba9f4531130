"""Introspection per request: a setting (on in development, off in production) and never for
partner agencies, whatever the setting. Strawberry's ``DisableIntrospection`` is all-or-nothing
for a schema; this adds graphql-core's ``NoSchemaIntrospectionCustomRule`` per request, by the
caller's role. ``__typename`` stays allowed."""

from __future__ import annotations

from collections.abc import Iterator

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import SchemaExtension

from domain.core.enums import Role


class IntrospectionPolicy(SchemaExtension):
    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled

    def allows(self) -> bool:
        principal = getattr(self.execution_context.context, "principal", None)
        return self.enabled and principal is not None and Role.PARTNER not in principal.roles

    def on_operation(self) -> Iterator[None]:
        if not self.allows():
            context = self.execution_context
            context.validation_rules = (*context.validation_rules, NoSchemaIntrospectionCustomRule)
        yield

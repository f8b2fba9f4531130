"""How GraphQL errors are reported: to the client (stable ``extensions.code`` on parse and
validation errors, the request id on masked errors) and to the logs (one line for an expected
refusal, the traceback once for an unexpected error).

Strawberry's default ``Schema.process_errors`` logs every error with its traceback, so each
FORBIDDEN from a permission class printed a full stack. ``ReportingSchema`` replaces it."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import strawberry
from graphql import GraphQLError, OperationDefinitionNode, ValidationRule
from strawberry.extensions import SchemaExtension

from domain.core.request_context import current_request_id

logger = logging.getLogger("probation.graphql")

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
BAD_INPUT = "BAD_USER_INPUT"
INTERNAL = "INTERNAL_SERVER_ERROR"


def is_unexpected(error: GraphQLError) -> bool:
    """Raised by our code or a library rather than deliberately (a GraphQL error): a fault."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def code_of(error: GraphQLError) -> str | None:
    return (error.extensions or {}).get("code")


class ReportingSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context=None) -> None:
        if execution_context is not None and execution_context.graphql_document is None:
            # The document did not parse. Marked here, the first hook every error passes through:
            # a parse failure inside ParserCache skips the extensions' parse hooks altogether.
            _mark(errors, PARSE_FAILED)
        for error in errors:
            where = ".".join(str(p) for p in error.path) if error.path else "-"
            if is_unexpected(error):
                logger.error("Unexpected error at %s: %s", where, error.message, exc_info=error.original_error)
            else:
                # Client faults and deliberate refusals (FORBIDDEN, bad arguments, parse and
                # validation errors): expected, one line, no traceback.
                logger.info("GraphQL error %s at %s: %s", code_of(error) or VALIDATION_FAILED, where, error.message)


class OperationNameRequired(ValidationRule):
    """A document with several operations needs ``operationName`` to say which to run (GraphQL
    spec, GetOperation); Strawberry would otherwise run the first. Added to the rules only for
    requests that send no ``operationName``."""

    def enter_document(self, node, *_args) -> None:
        operations = [d for d in node.definitions if isinstance(d, OperationDefinitionNode)]
        if len(operations) > 1:
            self.report_error(GraphQLError(
                "The document holds several operations: send operationName to say which one to run.", operations))


def _mark(errors: list[GraphQLError] | None, code: str) -> None:
    for error in errors or ():
        if not code_of(error):
            error.extensions = {**(error.extensions or {}), "code": code}


class GraphQLErrorCodes(SchemaExtension):
    """Validation errors (limits included) carry ``GRAPHQL_VALIDATION_FAILED`` (parse errors get
    ``GRAPHQL_PARSE_FAILED`` in ``ReportingSchema``), a document with several operations needs
    ``operationName``, and masked errors carry the request id to quote. Listed first among the
    extensions, so it sees the result after masking."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        # Strawberry keeps the operationName the client sent here (None when it sent none).
        if context._provided_operation_name is None:
            context.validation_rules = (*context.validation_rules, OperationNameRequired)
        yield
        request_id = current_request_id()
        result = context.result
        if result is not None and getattr(result, "data", None) is None:
            # Variables that do not fit their types (a required input field missing, a Decimal that
            # is not decimal text): refused before anything runs, the client's fault like a bad argument.
            _mark([e for e in getattr(result, "errors", None) or () if not e.path and e.message.startswith("Variable '$")],
                  BAD_INPUT)
        for error in (getattr(result, "errors", None) or ()) if request_id else ():
            if code_of(error) == INTERNAL:
                error.extensions = {**error.extensions, "requestId": request_id}

    def on_validate(self) -> Iterator[None]:
        yield
        _mark(self.execution_context.pre_execution_errors, VALIDATION_FAILED)

"""Resolvers of the audit trail (auditors only), and the read audit: every case shown to staff in
a request is written to the trail when the operation ends, batched (domain.audit.reads)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from domain.audit import use_cases as audit
from resolvers.common import MAX_PAGE
from resolvers.error_reporting import INTERNAL
from resolvers.paging import AFTER, BEFORE, FIRST, LAST, page, window
from schema import ids
from schema.audit.types import AuditEvent, AuditEventConnection, AuditEventEdge
from schema.common import PageInfo
from schema.context import Context
from schema.permissions import CanReadAudit

logger = logging.getLogger("probation.audit")
NOT_AUDITED = "The cases read could not be written to the audit trail, so they are not shown; please try again."


def decode_position(cursor: str) -> tuple[datetime, str] | None:
    """The (at, id) keyset position of an audit cursor, or None when it is not one of ours."""
    decoded = ids.decode(cursor)
    if decoded is None or decoded[0] != "audit" or len(decoded[1]) != 2:
        return None
    try:
        at = datetime.fromisoformat(decoded[1][0].replace("_", ":"))
    except ValueError:
        return None
    return (at, decoded[1][1]) if at.tzinfo is not None else None


def encode_position(event) -> str:
    return ids.encode("audit", event.at.isoformat().replace(":", "_"), event.id)


@strawberry.type(description="Read the audit trail.")
class AuditQuery:
    @strawberry.field(description="The audit trail, newest first (AUDITOR only): every write, staff read of a case, partner "
                                  "read and refusal. Relay cursor paging: `first`/`after` towards older events, "
                                  "`last`/`before` towards newer.",
                      permission_classes=[CanReadAudit])
    async def audit_events(self, info: strawberry.Info[Context],
                           first: Annotated[int | None, strawberry.argument(description=FIRST.format(max=MAX_PAGE))] = None,
                           after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
                           crn: Annotated[str | None, strawberry.argument(description="Only events about this case (a batched read that names it included).")] = None,
                           actor: Annotated[str | None, strawberry.argument(description="Only events by this token subject.")] = None,
                           since: Annotated[datetime | None, strawberry.argument(description="From this instant (inclusive).")] = None,
                           until: Annotated[datetime | None, strawberry.argument(description="Up to this instant (exclusive).")] = None,
                           last: Annotated[int | None, strawberry.argument(description=LAST.format(max=MAX_PAGE))] = None,
                           before: Annotated[str | None, strawberry.argument(description=BEFORE)] = None,
                           ) -> AuditEventConnection:
        win = window(first, after, last, before, decode_position)
        for instant, name in ((since, "since"), (until, "until")):
            if instant is not None and instant.tzinfo is None:
                raise GraphQLError(f"`{name}` needs its UTC offset.", extensions={"code": "BAD_USER_INPUT"})
        uow, principal = info.context.uow, info.context.principal

        async def fetch(n: int):
            return await audit.audit_events(uow, principal, crn, actor, since, until, n, win.after, before=win.before,
                                            backward=win.backward)

        async def beyond(position: tuple[datetime, str], newer: bool) -> bool:
            return await audit.any_audit_events_beyond(uow, principal, crn, actor, since, until, position, newer=newer)

        async def count() -> int:
            return await audit.count_audit_events(uow, principal, crn, actor, since, until)

        found = await page(win, fetch, beyond)
        edges = [AuditEventEdge(cursor=encode_position(e), node=AuditEvent.of(e)) for e in found.items]
        return AuditEventConnection(edges=edges, _count=count, page_info=PageInfo.of(
            [e.cursor for e in edges], has_next_page=found.has_next_page, has_previous_page=found.has_previous_page))


class ReadAudit(SchemaExtension):
    """When an operation ends, the cases it showed to staff become READ audit events, written in one
    call before the response is sent. If that write fails the response holds no data, only an
    error: a read that cannot be accounted for is not shown."""

    async def on_operation(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context.context
        reads = getattr(context, "reads", None)
        if not reads:
            return
        try:
            await context.uow.record_many(reads.events(context.principal, context.clock.now()))
        except Exception:  # any store failure: the reads were not recorded, so nothing is shown
            logger.exception("The read audit could not be written")
            result = self.execution_context.result
            if result is not None:
                result.data = None
                result.errors = [GraphQLError(NOT_AUDITED, extensions={"code": INTERNAL})]

"""Resolvers of the audit trail (auditors only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.audit import use_cases as audit
from resolvers.common import MAX_PAGE, BadArgument, max_page_size
from schema import ids
from schema.audit.types import AuditEvent, AuditEventConnection, AuditEventEdge
from schema.common import PageInfo
from schema.context import Context
from schema.permissions import CanReadAudit


@strawberry.type(description="Read the audit trail.")
class AuditQuery:
    @strawberry.field(description="The audit trail, newest first (AUDITOR only): every write, partner read and refusal.",
                      permission_classes=[CanReadAudit])
    async def audit_events(self, info: strawberry.Info[Context],
                           first: Annotated[int, strawberry.argument(description=f"How many events, 1 to {MAX_PAGE}.")],
                           after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                           crn: Annotated[str | None, strawberry.argument(description="Only events about this case.")] = None,
                           actor: Annotated[str | None, strawberry.argument(description="Only events by this token subject.")] = None,
                           since: Annotated[datetime | None, strawberry.argument(description="From this instant (inclusive).")] = None,
                           until: Annotated[datetime | None, strawberry.argument(description="Up to this instant (exclusive).")] = None,
                           ) -> AuditEventConnection:
        size = max_page_size(first, MAX_PAGE)
        position = None
        if after:
            decoded = ids.decode(after)
            if decoded is None or decoded[0] != "audit" or len(decoded[1]) != 2:
                raise BadArgument("`after` is not a cursor from this API.")
            position = (datetime.fromisoformat(decoded[1][0].replace("_", ":")), decoded[1][1])
        for instant, name in ((since, "since"), (until, "until")):
            if instant is not None and instant.tzinfo is None:
                raise BadArgument(f"`{name}` needs its UTC offset.")
        found = await audit.audit_events(info.context.uow, info.context.principal,
                                         crn, actor, since, until, size + 1, position)
        page = found[:size]
        edges = [AuditEventEdge(cursor=ids.encode("audit", e.at.isoformat().replace(":", "_"), e.id), node=AuditEvent.of(e))
                 for e in page]
        return AuditEventConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))

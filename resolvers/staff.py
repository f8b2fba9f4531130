"""Resolvers of the caller (``viewer``) and of the staff directory: pages of officers for a
picker, and the administrators' registerOfficer and updateOfficer."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.core import enums as d
from domain.staff import use_cases as staff
from domain.staff.commands import OfficerQuery
from resolvers.common import INPUT, MAX_PAGE, BadArgument, call, max_page_size
from schema import enums, ids
from schema.common import PageInfo, user_errors
from schema.context import Context
from schema.permissions import CanReadStaffDirectory
from schema.staff.inputs import RegisterOfficerInput, UpdateOfficerInput
from schema.staff.payloads import RegisterOfficerPayload, UpdateOfficerPayload
from schema.staff.types import StaffOfficer, StaffOfficerConnection, StaffOfficerEdge, Viewer

CURSOR = "officer"


@strawberry.type(description="Who is calling, and the staff directory.")
class StaffQuery:
    @strawberry.field(description="You, as your token says (every role, partners included): subject, name, roles, provider, "
                                  "staff code and agency, so a screen need not decode the token.")
    async def viewer(self, info: strawberry.Info[Context]) -> Viewer:
        principal = info.context.principal
        return Viewer.of(principal, await staff.own_entry(info.context.uow, principal))

    @strawberry.field(description="A page of the staff directory in name order (probation staff, auditors, administrators): "
                                  "to fill an allocation picker. Officers who have left are left out unless asked for.",
                      permission_classes=[CanReadStaffDirectory])
    async def officers(self, info: strawberry.Info[Context],
                       first: Annotated[int, strawberry.argument(description=f"How many officers, 1 to {MAX_PAGE}.")],
                       after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                       provider: Annotated[enums.Provider | None, strawberry.argument(description="Only officers of this provider.")] = None,
                       name_starts_with: Annotated[str | None, strawberry.argument(description="Only names that start so, ignoring case and accents (\"pri\" finds \"Priya Shah\").")] = None,
                       include_inactive: Annotated[bool, strawberry.argument(description="Also officers who have left (`active: false`).")] = False,
                       ) -> StaffOfficerConnection:
        size = max_page_size(first, MAX_PAGE)
        position = ids.decode_keyset(after, CURSOR, 2) if after else None
        if after and position is None:
            raise BadArgument("`after` is not a cursor from this API.")
        query = OfficerQuery(provider=enums.to_domain(provider, d.Provider), name_starts_with=name_starts_with,
                             include_inactive=include_inactive)
        found = await staff.find_officers(info.context.uow, info.context.principal, query, size + 1, position)
        page = found[:size]
        edges = [StaffOfficerEdge(cursor=ids.encode_keyset(CURSOR, o.name_key, o.code), node=StaffOfficer.of(o)) for o in page]
        return StaffOfficerConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))


@strawberry.type(description="Maintain the staff directory.")
class StaffMutation:
    @strawberry.mutation(description="Register an officer in the staff directory (ADMIN only; audited). A code already there, "
                                     "in any case, is DUPLICATE.")
    async def register_officer(self, info: strawberry.Info[Context],
                               input: Annotated[RegisterOfficerInput, strawberry.argument(description=INPUT)]) -> RegisterOfficerPayload:
        outcome = await staff.register_officer(*call(info, input))
        return RegisterOfficerPayload(officer=StaffOfficer.of(outcome.created) if outcome.ok else None,
                                      user_errors=user_errors(outcome))

    @strawberry.mutation(description="Change an officer's name or provider, or mark them as left or back (ADMIN only; audited). "
                                     "Existing allocations keep the name they were made under.")
    async def update_officer(self, info: strawberry.Info[Context],
                             input: Annotated[UpdateOfficerInput, strawberry.argument(description=INPUT)]) -> UpdateOfficerPayload:
        outcome = await staff.update_officer(*call(info, input))
        return UpdateOfficerPayload(officer=StaffOfficer.of(outcome.created) if outcome.ok else None,
                                    user_errors=user_errors(outcome))

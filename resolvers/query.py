"""Query root."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers.common import BadArgument, load_case, max_page_size
from schema import ids
from schema.context import Context
from schema.inputs import CaseFilter
from schema.types import Case, CaseConnection, CaseEdge, Node, PageInfo, Requirement, Sentence

MAX_PAGE = 100


@strawberry.type(description="Read the case record.")
class Query:
    @strawberry.field(description="Refetch any object by its global ID; null if it does not exist (or is not visible to you).")
    async def node(self, info: strawberry.Info[Context],
                   id: Annotated[strawberry.ID, strawberry.argument(description="A global ID from an `id` field.")]) -> Node | None:
        decoded = ids.decode(id)
        if decoded is None:
            return None
        type_name, keys = decoded
        case = await load_case(info, keys[0])
        if case is None:
            return None
        if type_name == "Case" and len(keys) == 1:
            return Case.of(case)
        sentence = case.sentence(keys[1]) if len(keys) >= 2 else None
        if sentence is None:
            return None
        if type_name == "Sentence" and len(keys) == 2:
            return Sentence.of(case.crn, sentence)
        if type_name == "Requirement" and len(keys) == 3:
            requirement = sentence.requirement(keys[2])
            return Requirement.of(case.crn, sentence.id, requirement) if requirement else None
        return None

    @strawberry.field(name="case", description="A case by CRN; null if there is none (not an error).")
    async def case_(self, info: strawberry.Info[Context],
                    crn: Annotated[str, strawberry.argument(description="Case reference number, e.g. X123456.")]) -> Case | None:
        case = await load_case(info, crn)
        return Case.of(case) if case else None

    @strawberry.field(description="A page of cases in CRN order (keyset cursor pagination).")
    async def cases(self, info: strawberry.Info[Context],
                    first: Annotated[int, strawberry.argument(description=f"How many cases, 1 to {MAX_PAGE}.")],
                    after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                    filter: Annotated[CaseFilter | None, strawberry.argument(description="Conditions, combined with AND.")] = None
                    ) -> CaseConnection:
        size = max_page_size(first, MAX_PAGE)
        after_crn = ids.decode_cursor(after) if after else None
        if after and after_crn is None:
            raise BadArgument("`after` is not a cursor from this API.")
        query = (filter or CaseFilter()).to_domain(info.context.clock.today())
        found = await info.context.service.find_cases(query, size + 1, after_crn)
        page = found[:size]
        edges = [CaseEdge(cursor=ids.encode_cursor(case.crn), node=Case.of(case)) for case in page]
        return CaseConnection(edges=edges, page_info=PageInfo(
            has_next_page=len(found) > size, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))

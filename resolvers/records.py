"""Resolvers of the case record: open a case, add sentences, allocate and transfer; read a case,
pages of cases (and person search), any node or nodes, and the standards report. Every case shown to
staff is noted for the read audit (domain.audit.reads)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.records import use_cases as records
from domain.records.commands import CaseOrder
from resolvers.common import INPUT, MAX_PAGE, BadArgument, call, load_case, max_page_size, remember
from resolvers.paging import AFTER, BEFORE, FIRST, LAST, page, window
from schema import enums, ids
from schema.common import Node, PageInfo, user_errors
from schema.context import Context
from schema.delivery.types import Appointment
from schema.enforcement.types import FailureToComply
from schema.permissions import CanReadCases
from schema.records.inputs import AddSentenceInput, AllocateCaseInput, CaseFilter, CreateCaseInput, TransferCaseInput
from schema.records.payloads import (
    AddSentencePayload,
    AllocateCasePayload,
    CreateCasePayload,
    TransferCasePayload,
    case_of,
)
from schema.records.types import Allocation, Case, CaseConnection, CaseEdge, Requirement, Sentence
from schema.risk.types import EmergencyAction, SafeguardingConcern
from schema.standards import StandardsReport

MAX_NODES = MAX_PAGE


def node_of(case, type_name: str, keys: list[str]) -> Node | None:
    """The object a global ID names inside its case, or None."""
    if type_name == "Case" and len(keys) == 1:
        return Case.of(case)
    if type_name == "SafeguardingConcern" and len(keys) == 2:
        concern = next((s for s in case.safeguarding if s.id == keys[1]), None)
        return SafeguardingConcern.of(case.crn, concern) if concern else None
    if type_name == "EmergencyAction" and len(keys) == 2:
        action = next((a for a in case.emergency_actions if a.id == keys[1]), None)
        return EmergencyAction.of(case.crn, action) if action else None
    sentence = case.sentence(keys[1]) if len(keys) >= 2 else None
    if sentence is None:
        return None
    if type_name == "Sentence" and len(keys) == 2:
        return Sentence.of(case.crn, sentence)
    if len(keys) != 3:
        return None
    if type_name == "Requirement":
        requirement = sentence.requirement(keys[2])
        return Requirement.of(case.crn, sentence, requirement) if requirement else None
    if type_name == "Appointment":
        appointment = next((a for a in sentence.appointments if a.id == keys[2]), None)
        return Appointment.of(case.crn, sentence.id, appointment) if appointment else None
    if type_name == "FailureToComply":
        failure = next((f for f in sentence.failures if f.id == keys[2]), None)
        return FailureToComply.of(case.crn, sentence.id, failure) if failure else None
    return None


async def nodes_of(info: strawberry.Info[Context], global_ids: list[str]) -> list[Node | None]:
    """Each ID's object (None where there is none, or it is not visible), the cases read in one batch."""
    decoded = [ids.decode(i) for i in global_ids]
    crns = [d[1][0] for d in decoded if d is not None]
    cases = dict(zip(crns, await info.context.loaders.case_by_crn.load_many(crns)))
    found, shown = [], []
    for item in decoded:
        case = cases.get(item[1][0]) if item is not None else None
        node = node_of(case, *item) if case is not None else None
        if node is not None:
            shown.append(case.crn)
        found.append(node)
    info.context.reads.note("read_node", shown)
    return found


def case_query(info: strawberry.Info[Context], filter: CaseFilter | None):
    chosen = filter or CaseFilter()
    for field, problem in chosen.search_problems():
        raise BadArgument(f"`filter.{field}` {problem}.")
    return chosen.to_domain(info.context.clock.today())


@strawberry.type(description="Read the case record.")
class RecordsQuery:
    @strawberry.field(description="Refetch any object by its global ID; null if it does not exist (or is not visible to you).",
                      permission_classes=[CanReadCases])
    async def node(self, info: strawberry.Info[Context],
                   id: Annotated[strawberry.ID, strawberry.argument(description="A global ID from an `id` field.")]) -> Node | None:
        [found] = await nodes_of(info, [id])
        return found

    @strawberry.field(description=f"Refetch several objects by their global IDs (at most {MAX_NODES}), in the order asked: "
                                  "null where one does not exist (or is not visible to you). The cases are read in one batch.",
                      permission_classes=[CanReadCases])
    async def nodes(self, info: strawberry.Info[Context],
                    ids_: Annotated[list[strawberry.ID], strawberry.argument(
                        name="ids", description="Global IDs from `id` fields.")]) -> list[Node | None]:
        if len(ids_) > MAX_NODES:
            raise BadArgument(f"`ids` holds at most {MAX_NODES} IDs; {len(ids_)} were given.")
        return await nodes_of(info, ids_)

    @strawberry.field(name="case", description="A case by CRN; null if there is none, or if you may not see it (the same answer).",
                      permission_classes=[CanReadCases])
    async def case_(self, info: strawberry.Info[Context],
                    crn: Annotated[str, strawberry.argument(description="Case reference number, e.g. X123456.")]) -> Case | None:
        case = await load_case(info, crn)
        if case is None:
            return None
        info.context.reads.note("read_case", [case.crn])
        return Case.of(case)

    @strawberry.field(description="A page of the cases you may see, in CRN order or soonest deadline first (Relay cursor "
                                  "paging: `first`/`after` forwards, `last`/`before` backwards in CRN order; a cursor "
                                  "belongs to the order it came from). The filter also finds a person by name, date of "
                                  "birth or PNC number.",
                      permission_classes=[CanReadCases])
    async def cases(self, info: strawberry.Info[Context],
                    first: Annotated[int | None, strawberry.argument(description=FIRST.format(max=MAX_PAGE))] = None,
                    after: Annotated[str | None, strawberry.argument(description=AFTER)] = None,
                    filter: Annotated[CaseFilter | None, strawberry.argument(description="Conditions, combined with AND.")] = None,
                    order_by: Annotated[enums.CaseOrder, strawberry.argument(description="The order of the cases.")] = enums.CaseOrder.CRN,
                    last: Annotated[int | None, strawberry.argument(description=LAST.format(max=MAX_PAGE))] = None,
                    before: Annotated[str | None, strawberry.argument(description=BEFORE)] = None,
                    ) -> CaseConnection:
        query = case_query(info, filter)
        uow, principal = info.context.uow, info.context.principal

        async def count() -> int:
            return await records.count_cases(uow, principal, query)

        if order_by is not enums.CaseOrder.CRN:
            if last is not None or before is not None:
                raise BadArgument("`last` and `before` page backwards in CRN order only; use `first`/`after` with this order.")
            size = max_page_size(first if first is not None else 0, MAX_PAGE)
            connection = await _ordered_page(info, query, size, enums.to_domain(order_by, CaseOrder), after, count)
            info.context.reads.note("list_cases", [edge.node._case.crn for edge in connection.edges])
            return connection
        win = window(first, after, last, before, ids.decode_cursor)

        async def fetch(n: int):
            return await records.find_cases(uow, principal, query, n, win.after, before_crn=win.before,
                                            backward=win.backward)

        async def beyond(crn: str, before: bool) -> bool:
            return await records.any_cases_beyond(uow, principal, query, crn, before=before)

        found = await page(win, fetch, beyond)
        info.context.reads.note("list_cases", [case.crn for case in found.items])
        edges = [CaseEdge(cursor=ids.encode_cursor(case.crn), node=Case.of(case)) for case in found.items]
        return CaseConnection(edges=edges, _count=count, page_info=PageInfo.of(
            [e.cursor for e in edges], has_next_page=found.has_next_page, has_previous_page=found.has_previous_page))

    @strawberry.field(description="Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on `asOf`, for a provider "
                                  "and/or an officer's caseload (all the cases you may see when neither is given).",
                      permission_classes=[CanReadCases])
    async def standards_report(self, info: strawberry.Info[Context],
                               as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None,
                               provider: Annotated[enums.Provider | None, strawberry.argument(description="Only cases managed by this provider.")] = None,
                               officer_code: Annotated[str | None, strawberry.argument(description="Only this officer's caseload.")] = None,
                               ) -> StandardsReport:
        day = as_of or info.context.clock.today()
        query = CaseFilter(provider=provider, officer_code=officer_code).to_domain(day)
        report = await records.standards_report(info.context.uow, info.context.principal, query, day,
                                                pause=info.context.budget.checkpoint)
        return StandardsReport.of(report, query, info.context.principal)


@strawberry.type(description="Change the case record.")
class RecordsMutation:
    @strawberry.mutation(description="Open a case for an offender. The CRN is generated when not given; a duplicate is refused.")
    async def create_case(self, info: strawberry.Info[Context],
                          input: Annotated[CreateCaseInput, strawberry.argument(description=INPUT)]) -> CreateCasePayload:
        outcome = await records.create_case(*call(info, input))
        remember(info, outcome)
        return CreateCasePayload(case=case_of(outcome), user_errors=user_errors(outcome))

    @strawberry.mutation(description="Add a sentence with its offence and requirements. Shape and REQ-* rules are checked; "
                                     "if any requirement fails, nothing is written.")
    async def add_sentence(self, info: strawberry.Info[Context],
                           input: Annotated[AddSentenceInput, strawberry.argument(description=INPUT)]) -> AddSentencePayload:
        outcome = await records.add_sentence(*call(info, input))
        remember(info, outcome)
        return AddSentencePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                  sentence=Sentence.of(outcome.case.crn, outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Allocate an unallocated case to a provider and responsible officer (ALLOC-1, ALLOC-3).")
    async def allocate_case(self, info: strawberry.Info[Context],
                            input: Annotated[AllocateCaseInput, strawberry.argument(description=INPUT)]) -> AllocateCasePayload:
        outcome = await records.allocate_case(*call(info, input))
        remember(info, outcome)
        return AllocateCasePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   allocation=Allocation.of(outcome.created) if outcome.ok else None)

    @strawberry.mutation(description="Transfer a case to another officer and/or provider in one write, keeping the history "
                                     "(ALLOC-2, ALLOC-3, ALLOC-4: sets a plan review due). A rationale is required.")
    async def transfer_case(self, info: strawberry.Info[Context],
                            input: Annotated[TransferCaseInput, strawberry.argument(description=INPUT)]) -> TransferCasePayload:
        outcome = await records.transfer_case(*call(info, input))
        remember(info, outcome)
        return TransferCasePayload(case=case_of(outcome), user_errors=user_errors(outcome),
                                   allocation=Allocation.of(outcome.created) if outcome.ok else None)


async def _ordered_page(info: strawberry.Info[Context], query, size: int, order: CaseOrder, after: str | None,
                        count) -> CaseConnection:
    """A page in an order other than CRN: the cursor carries that order's keyset key."""
    key = None
    if after:
        key = ids.decode_keyset_cursor(after, order.value, len(ORDER_KEY_LENGTH[order]))
        if key is None:
            raise BadArgument(f"`after` is not a cursor from a {order.value} page of this API.")
    found = await records.page_cases(info.context.uow, info.context.principal, query, size + 1, order, key)
    return _connection([(ids.encode_keyset_cursor(order.value, k), case) for k, case in found], size, count,
                       has_previous_page=key is not None)


ORDER_KEY_LENGTH = {CaseOrder.NEXT_DUE: ("next due", "crn")}


def _connection(found: list, size: int, count, *, has_previous_page: bool) -> CaseConnection:
    """A forward page (``size`` + 1 fetched to know whether more follow). Paging from a cursor means
    a case came before it in this order (the cursor's), hence ``has_previous_page``."""
    edges = [CaseEdge(cursor=cursor, node=Case.of(case)) for cursor, case in found[:size]]
    return CaseConnection(edges=edges, _count=count, page_info=PageInfo.of(
        [e.cursor for e in edges], has_next_page=len(found) > size, has_previous_page=has_previous_page))

"""Resolvers of the case record: open a case, add sentences, allocate and transfer; read a case,
pages of cases, any node, and the standards report."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.records import use_cases as records
from domain.records.commands import CaseOrder
from resolvers.common import INPUT, MAX_PAGE, BadArgument, call, load_case, max_page_size, remember
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


@strawberry.type(description="Read the case record.")
class RecordsQuery:
    @strawberry.field(description="Refetch any object by its global ID; null if it does not exist (or is not visible to you).",
                      permission_classes=[CanReadCases])
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

    @strawberry.field(name="case", description="A case by CRN; null if there is none, or if you may not see it (the same answer).",
                      permission_classes=[CanReadCases])
    async def case_(self, info: strawberry.Info[Context],
                    crn: Annotated[str, strawberry.argument(description="Case reference number, e.g. X123456.")]) -> Case | None:
        case = await load_case(info, crn)
        return Case.of(case) if case else None

    @strawberry.field(description="A page of the cases you may see, in CRN order or soonest deadline first (keyset "
                                  "cursor pagination: a cursor belongs to the order it came from).",
                      permission_classes=[CanReadCases])
    async def cases(self, info: strawberry.Info[Context],
                    first: Annotated[int, strawberry.argument(description=f"How many cases, 1 to {MAX_PAGE}.")],
                    after: Annotated[str | None, strawberry.argument(description="`endCursor` of the previous page.")] = None,
                    filter: Annotated[CaseFilter | None, strawberry.argument(description="Conditions, combined with AND.")] = None,
                    order_by: Annotated[enums.CaseOrder, strawberry.argument(description="The order of the cases.")] = enums.CaseOrder.CRN,
                    ) -> CaseConnection:
        size = max_page_size(first, MAX_PAGE)
        query = (filter or CaseFilter()).to_domain(info.context.clock.today())
        if order_by is not enums.CaseOrder.CRN:
            return await _ordered_page(info, query, size, enums.to_domain(order_by, CaseOrder), after)
        after_crn = ids.decode_cursor(after) if after else None
        if after and after_crn is None:
            raise BadArgument("`after` is not a cursor from this API.")
        found = await records.find_cases(info.context.uow, info.context.principal, query, size + 1, after_crn)
        return _connection([(ids.encode_cursor(case.crn), case) for case in found], size)

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
        report = await records.standards_report(info.context.uow, info.context.principal, query, day)
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


async def _ordered_page(info: strawberry.Info[Context], query, size: int, order: CaseOrder, after: str | None) -> CaseConnection:
    """A page in an order other than CRN: the cursor carries that order's keyset key."""
    key = None
    if after:
        key = ids.decode_keyset_cursor(after, order.value, len(ORDER_KEY_LENGTH[order]))
        if key is None:
            raise BadArgument(f"`after` is not a cursor from a {order.value} page of this API.")
    found = await records.page_cases(info.context.uow, info.context.principal, query, size + 1, order, key)
    return _connection([(ids.encode_keyset_cursor(order.value, k), case) for k, case in found], size)


ORDER_KEY_LENGTH = {CaseOrder.NEXT_DUE: ("next due", "crn")}


def _connection(found: list, size: int) -> CaseConnection:
    page = found[:size]
    edges = [CaseEdge(cursor=cursor, node=Case.of(case)) for cursor, case in page]
    return CaseConnection(edges=edges, page_info=PageInfo(
        has_next_page=len(found) > size, has_previous_page=False,
        start_cursor=edges[0].cursor if edges else None, end_cursor=edges[-1].cursor if edges else None))

"""Use cases of the case record: opening a case, sentences, allocation and transfer, and the
caseload reads (a case, a page of cases, the standards report)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date

from domain import standards
from domain.audit import events as audit_trail
from domain.core import crn as crn_rules
from domain.core import policy
from domain.core.case import Case, Sentence
from domain.core.checks import crn_format
from domain.core.dates import period_end
from domain.core.enums import AllocationKind
from domain.core.errors import ErrorCode, Violation
from domain.core.ports import DuplicateCrn
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork, fail, reject_if
from domain.records import allocation as allocation_rules
from domain.records import requirements as requirement_rules
from domain.records import shape
from domain.records.commands import AddSentence, AllocateCase, CaseQuery, CreateCase, TransferCase
from domain.records.model import Allocation, Offence, Offender, Officer, Requirement
from domain.risk import derivation

MAX_CRN_GENERATION_ATTEMPTS = 10


async def create_case(uow: UnitOfWork, principal: Principal, command: CreateCase) -> Outcome:
    scope = policy.provider_scope(principal)
    if not policy.allows(principal, policy.Operation.WRITE_CASE) or (scope is not None and None not in scope):
        return await uow.forbidden(principal, "create_case", command.crn,
                                   "Cases are opened by the NPS, which allocates them (or an administrator).")
    today = uow.clock.today()
    errors = shape.offender_details(command.offender, today)
    if command.crn is not None:
        errors = crn_format(command.crn) + errors
    if errors:
        return fail(*errors)
    stamp = uow.stamp(principal)
    offender = Offender(**command.offender.__dict__)
    attempts = 1 if command.crn is not None else MAX_CRN_GENERATION_ATTEMPTS
    for _ in range(attempts):
        crn = command.crn or crn_rules.generate_crn()
        case = Case(crn=crn, offender=offender, created=stamp, updated=stamp)
        case.tier = derivation.recalculate(case, "Case opened", uow.clock.now(), uow.clock.today())
        try:
            await uow.cases.add(case)
        except DuplicateCrn:
            continue
        if uow.tiers is not None:
            await uow.tiers.append(case.id, case.crn, case.tier)
        await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "create_case", principal,
                                           crn=case.crn, version_before=0, version_after=case.version))
        return Outcome(case=case)
    if command.crn is not None:
        return fail(Violation(ErrorCode.DUPLICATE, f"A case with CRN {command.crn} already exists.", ("crn",)))
    return fail(Violation(ErrorCode.DUPLICATE, "Could not generate an unused CRN; try again.", ("crn",)))


async def add_sentence(uow: UnitOfWork, principal: Principal, command: AddSentence) -> Outcome:
    def change(case: Case, today: date) -> Sentence:
        reject_if(shape.add_sentence(command, today))
        reject_if(requirement_rules.check_requirements(
            case, command.type, command.imposed_on, command.offence.category, command.offence.committed_on,
            command.requirements))
        stamp = uow.stamp(principal)
        sentence = Sentence(
            type=command.type,
            imposed_on=command.imposed_on,
            length_months=command.length_months,
            release_date=command.release_date,
            custodial_term_months=command.custodial_term_months,
            end_date=period_end(command.imposed_on, command.length_months),
            offence=Offence(**command.offence.__dict__),
            requirements=[Requirement(**r.__dict__, recorded=stamp) for r in command.requirements],
            recorded=stamp,
        )
        case.sentences.append(sentence)
        return sentence

    return await uow.update(principal, command.crn, command.expected_version, change, operation="add_sentence")


async def allocate_case(uow: UnitOfWork, principal: Principal, command: AllocateCase) -> Outcome:
    def change(case: Case, today: date) -> Allocation:
        reject_if(allocation_rules.can_allocate(case, command, today))
        entry = Allocation(kind=AllocationKind.ALLOCATION, provider=command.provider,
                           officer=Officer(code=command.officer.code.strip(), name=command.officer.name.strip()),
                           allocated_on=command.allocated_on, rationale=command.rationale,
                           recorded=uow.stamp(principal))
        case.allocations.append(entry)
        return entry

    return await uow.update(principal, command.crn, command.expected_version, change, operation="allocate_case")


async def transfer_case(uow: UnitOfWork, principal: Principal, command: TransferCase) -> Outcome:
    def change(case: Case, today: date) -> Allocation:
        reject_if(allocation_rules.can_transfer(case, command, today))
        assert command.officer is not None  # can_transfer refuses a transfer without one (ALLOC-2)
        entry = Allocation(kind=AllocationKind.TRANSFER, provider=command.provider,
                           officer=Officer(code=command.officer.code.strip(), name=command.officer.name.strip()),
                           allocated_on=command.transferred_on, rationale=command.rationale.strip(),
                           recorded=uow.stamp(principal))
        case.allocations.append(entry)
        return entry

    return await uow.update(principal, command.crn, command.expected_version, change, operation="transfer_case")


async def get(uow: UnitOfWork, principal: Principal, crn: str) -> Case | None:
    """The case, or None if there is none or the caller may not see it (the same answer)."""
    case = await uow.cases.get(crn)
    return case if case is not None and policy.can_see(principal, case) else None


async def get_many(uow: UnitOfWork, principal: Principal, crns: list[str]) -> list[Case | None]:
    """Cases the caller may see; a hidden one answers None, like a missing one, and its
    refusal is audited (every access can be accounted for)."""
    found = []
    for case in await uow.cases.get_many(crns):
        if case is not None and not policy.can_see(principal, case):
            await uow.refuse(principal, "read_case", "case not visible to the caller (answered as absent)", case.crn)
            case = None
        found.append(case)
    return found


def scoped(principal: Principal, query: CaseQuery) -> CaseQuery:
    """The query narrowed to what the caller may see (provider scope and restrictions)."""
    scope = policy.provider_scope(principal)
    return replace(query, providers=None if scope is None else tuple(scope), viewer=principal.subject)


async def find_cases(uow: UnitOfWork, principal: Principal, query: CaseQuery, first: int, after_crn: str | None, *,
                     before_crn: str | None = None, backward: bool = False) -> list[Case]:
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return []
    return await uow.cases.find(scoped(principal, query), first, after_crn, before_crn=before_crn, backward=backward)


async def count_cases(uow: UnitOfWork, principal: Principal, query: CaseQuery) -> int:
    """How many cases the caller may see match the query (``totalCount``)."""
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return 0
    return await uow.cases.count(scoped(principal, query))


async def any_cases_beyond(uow: UnitOfWork, principal: Principal, query: CaseQuery, crn: str, *, before: bool) -> bool:
    """Whether the caller may see a matching case at or before (or at or after) ``crn``."""
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return False
    return await uow.cases.any_beyond(scoped(principal, query), crn, before=before)


async def standards_report(uow: UnitOfWork, principal: Principal, query: CaseQuery, as_of: date,
                           batch: int = 200, pause: Callable[[], Awaitable[None]] | None = None,
                           chunk: int = 10) -> standards.Report:
    """Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on ``as_of`` across the
    caseload the query selects (walked in CRN order, a batch at a time). ``pause`` is awaited
    after every ``chunk`` cases evaluated: the caller gives the event loop a turn there and may stop
    the work (a request's time budget)."""
    report = standards.Report(as_of=as_of)
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return report
    query = scoped(principal, query)
    after = None
    while True:
        page = await uow.cases.find(query, batch, after)
        for index, case in enumerate(page, 1):
            report.add(case, standards.evaluate(case, as_of))
            if pause is not None and index % chunk == 0:
                await pause()
        if len(page) < batch:
            return report
        after = page[-1].crn

"""Use cases of the case record: opening a case, sentences, allocation and transfer, and the
caseload reads (a case, a page of cases, the standards report)."""

from __future__ import annotations

from collections.abc import Callable
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
from domain.core.unit_of_work import Outcome, UnitOfWork, fail, find_in, reject_if
from domain.delivery.outcomes import OutcomesTally
from domain.enforcement.model import FailureToComply
from domain.records import allocation as allocation_rules
from domain.records import requirements as requirement_rules
from domain.records import rules, shape
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    CaseQuery,
    CreateCase,
    RecordDrugTestResult,
    RecordPoliceNotification,
    ReferToProgramme,
    TransferCase,
)
from domain.records.model import (
    Allocation,
    CriterionResult,
    DrugTest,
    DrugTestResult,
    Offence,
    Offender,
    Officer,
    PoliceNotification,
    ProgrammeReferral,
    Requirement,
)
from domain.risk import derivation
from domain.staff import directory as staff_directory

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
            case, command.type, command.imposed_on, command.offence.committed_on, command.requirements))
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
    # The officer comes from the staff directory (code in normal form, the directory's name).
    officer = await staff_directory.resolve(uow.officers, command.officer, command.provider)

    def change(case: Case, today: date) -> Allocation:
        reject_if([*allocation_rules.can_allocate(case, command, today), *officer.errors])
        entry = Allocation(kind=AllocationKind.ALLOCATION, provider=command.provider, officer=officer.officer,
                           allocated_on=command.allocated_on, rationale=(command.rationale or "").strip(),
                           recorded=uow.stamp(principal))
        case.allocations.append(entry)
        return entry

    return await uow.update(principal, command.crn, command.expected_version, change, operation="allocate_case")


async def transfer_case(uow: UnitOfWork, principal: Principal, command: TransferCase) -> Outcome:
    # The officer comes from the staff directory (code in normal form, the directory's name).
    officer = await staff_directory.resolve(uow.officers, command.officer, command.provider)

    def change(case: Case, today: date) -> Allocation:
        reject_if([*allocation_rules.can_transfer(case, command, today), *officer.errors])
        assert officer.officer is not None  # can_transfer refuses a transfer without one (ALLOC-2)
        entry = Allocation(kind=AllocationKind.TRANSFER, provider=command.provider, officer=officer.officer,
                           allocated_on=command.transferred_on, rationale=command.rationale.strip(),
                           recorded=uow.stamp(principal))
        case.allocations.append(entry)
        return entry

    return await uow.update(principal, command.crn, command.expected_version, change, operation="transfer_case")


async def refer_to_programme(uow: UnitOfWork, principal: Principal, command: ReferToProgramme) -> Outcome:
    """REQ-PRG-1: eligibility on the referral date; refused with the criteria that fail, recorded
    with the eligibility found (the requirement shows it)."""

    def change(case, sentence, requirement, today):
        errors, found = rules.referral(case, sentence, requirement, command, today)
        reject_if(errors)
        assert found is not None and found.programme is not None  # no errors means an eligibility was found
        referral = ProgrammeReferral(
            programme_code=found.programme.code, referred_on=command.referred_on,
            confirmations=sorted({c.value for c in command.confirmations}),
            suitability_confirmed=command.suitability_confirmed, rationale=command.rationale.strip(),
            status=found.status.value, detail=found.detail,
            criteria=[CriterionResult(requires=o.condition.requires, source=o.condition.source.cite, met=bool(o.met),
                                      explanation=o.explanation) for o in found.outcomes],
            recorded=uow.stamp(principal))
        requirement.programme_referrals.append(referral)
        return referral

    return await uow.on_sentence(principal, command, change, operation="refer_to_programme",
                                 replay=_replay(command, lambda r, ids: find_in(r.programme_referrals, ids[0])))


async def record_drug_test_result(uow: UnitOfWork, principal: Principal, command: RecordDrugTestResult) -> Outcome:
    """REQ-DRG-1: a positive or negative result is recorded as information only; a refusal also
    creates an apparent failure to comply awaiting decision (ENF-1). ``created``: (test, failure or None)."""

    def change(case, sentence, requirement, today):
        reject_if(rules.drug_test(sentence, requirement, command, today))
        stamp = uow.stamp(principal)
        test = DrugTest(tested_on=command.tested_on, result=command.result,
                        substances=[s.strip() for s in command.substances],
                        notes=command.notes.strip() if command.notes is not None else None, recorded=stamp)
        failure = None
        if command.result is DrugTestResult.REFUSED:
            failure = FailureToComply(date=command.tested_on, requirement_id=requirement.id,
                                      reason=rules.refusal_reason(command), recorded=stamp)
            sentence.failures.append(failure)
            test.failure_id = failure.id
        requirement.drug_tests.append(test)
        return test, failure

    return await uow.on_sentence(principal, command, change, operation="record_drug_test_result",
                                 replay=_replay_test(command))


async def record_police_notification(uow: UnitOfWork, principal: Principal, command: RecordPoliceNotification) -> Outcome:
    """NOTIFY-1 / NOTIFY-2: the police told in writing of a requirement's start or end."""

    def change(case, sentence, requirement, today):
        reject_if(rules.police_notification(sentence, requirement, command, today))
        notice = PoliceNotification(
            kind=command.kind, notified_on=command.notified_on, police_recipient=command.police_recipient.strip(),
            in_writing=command.in_writing,
            contact_for_non_compliance=command.contact_for_non_compliance.strip()
            if command.contact_for_non_compliance is not None else None,
            other_stakeholders=[s.strip() for s in command.other_stakeholders],
            offender_notified=command.offender_notified, recorded=uow.stamp(principal))
        requirement.police_notifications.append(notice)
        return notice

    return await uow.on_sentence(principal, command, change, operation="record_police_notification",
                                 replay=_replay(command, lambda r, ids: find_in(r.police_notifications, ids[0])))


def _replay(command, find: Callable[[Requirement, list[str]], object]):
    """A retry with the same idempotency key answers the first result, found on the requirement."""
    def replay(sentence: Sentence, ids: list[str]):
        requirement = sentence.requirement(command.requirement_id)
        return find(requirement, ids) if requirement is not None else None
    return replay


def _replay_test(command: RecordDrugTestResult):
    def replay(sentence: Sentence, ids: list[str]):
        requirement = sentence.requirement(command.requirement_id)
        test = find_in(requirement.drug_tests, ids[0]) if requirement is not None else None
        return test, find_in(sentence.failures, ids[1] if len(ids) > 1 else "")
    return replay


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


async def find_cases(uow: UnitOfWork, principal: Principal, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return []
    return await uow.cases.find(scoped(principal, query), first, after_crn)


async def standards_report(uow: UnitOfWork, principal: Principal, query: CaseQuery, as_of: date,
                           batch: int = 200) -> standards.Report:
    """Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on ``as_of`` across the
    caseload the query selects (walked in CRN order, a batch at a time), with the RRDP outcome
    measures beside them (``report.outcomes``)."""
    report = standards.Report(as_of=as_of, outcomes=OutcomesTally(as_of))
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return report
    query = scoped(principal, query)
    after = None
    at = uow.clock.now() if as_of == uow.clock.today() else None  # today is judged now (LIC-2's instants)
    while True:
        page = await uow.cases.find(query, batch, after)
        for case in page:
            report.add(case, standards.evaluate(case, as_of, at))
            report.outcomes.add(case)
        if len(page) < batch:
            return report
        after = page[-1].crn

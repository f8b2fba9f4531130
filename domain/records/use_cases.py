"""Use cases of the case record: opening a case, sentences, allocation and transfer, and the
caseload reads (a case, a page of cases, the standards report)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, timedelta

from domain import standards
from domain.audit import events as audit_trail
from domain.core import crn as crn_rules
from domain.core import pnc, policy
from domain.core.case import Case, Sentence
from domain.core.checks import crn_format
from domain.core.dates import period_end
from domain.core.enums import AllocationKind
from domain.core.errors import ErrorCode, Violation
from domain.core.ports import Claim, DuplicateClaim, DuplicateCrn
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork, fail, find_in, key_refused, key_reused, reject_if
from domain.delivery.outcomes import OutcomesTally
from domain.enforcement.model import FailureToComply
from domain.events import derive
from domain.events.outbox import Outbox, events_for
from domain.records import allocation as allocation_rules
from domain.records import requirements as requirement_rules
from domain.records import rules, shape
from domain.records.commands import (
    AddSentence,
    AllocateCase,
    CaseOrder,
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
    PoliceNotification,
    ProgrammeReferral,
    Requirement,
)
from domain.risk import derivation
from domain.staff import directory as staff_directory

MAX_CRN_GENERATION_ATTEMPTS = 10
# A claim whose case was never written is taken over only once no request could still be writing
# it (a request takes well under a second; a crash leaves its claims behind).
ABANDONED_CLAIM_AFTER = timedelta(minutes=2)


async def create_case(uow: UnitOfWork, principal: Principal, command: CreateCase) -> Outcome:
    """Open a case. A person already on record by PNC number gets no second case (DUPLICATE_PERSON);
    a retry with the same ``clientMutationId`` gets the first case (storage.md, Idempotency)."""
    scope = policy.provider_scope(principal)
    if not policy.allows(principal, policy.Operation.WRITE_CASE) or (scope is not None and None not in scope):
        return await uow.forbidden(principal, "create_case", command.crn,
                                   "Cases are opened by the NPS, which allocates them (or an administrator).")
    today = uow.clock.today()
    errors = shape.offender_details(command.offender, today) + pnc.check(command.offender.pnc_number,
                                                                         ("offender", "pncNumber"))
    if command.crn is not None:
        errors = crn_format(command.crn) + errors
    key = uow.request_key
    if key is not None and (refused := key_refused(key.key)) is not None:
        errors.append(refused)
    if errors:
        return fail(*errors)
    if command.crn is not None and await uow.cases.get(command.crn) is not None:
        return fail(Violation(ErrorCode.DUPLICATE, f"A case with CRN {command.crn} already exists.", ("crn",)))
    number = pnc.normalise(command.offender.pnc_number) if command.offender.pnc_number else None
    stamp = uow.stamp(principal)
    offender = Offender(**{**command.offender.__dict__, "pnc_number": number})
    case = Case(crn=command.crn or crn_rules.generate_crn(), offender=offender, created=stamp, updated=stamp)
    names = claims_for(uow, principal, case, number)
    held, refused_outcome = await hold_claims(uow, principal, case, names)
    if refused_outcome is not None:
        return refused_outcome
    attempts = 1 if command.crn is not None else MAX_CRN_GENERATION_ATTEMPTS
    try:
        for _ in range(attempts):
            case.tier = derivation.recalculate(case, "Case opened", uow.clock.now(), today)
            outbox = Outbox(events=events_for(case, derive.created(case), uow.clock.now(), today),
                            audit=[audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "create_case",
                                                     principal, crn=case.crn, version_before=0,
                                                     version_after=case.version)],
                            tiers=[case.tier] if case.tier is not None else [])
            try:
                await uow.cases.add(case, outbox)
            except DuplicateCrn:
                if command.crn is not None:
                    break
                case.crn = crn_rules.generate_crn()
                held = await move_claims(uow, held, case)
                continue
            held = []  # the case is written: its claims stay
            await uow.settle(case.crn)  # its outbox carries its audit event, tier and events
            return Outcome(case=case)
    finally:
        for claim in held:  # not written: nothing may stay claimed for it
            await uow.claims.release(claim)
    if command.crn is not None:
        return fail(Violation(ErrorCode.DUPLICATE, f"A case with CRN {command.crn} already exists.", ("crn",)))
    return fail(Violation(ErrorCode.DUPLICATE, "Could not generate an unused CRN; try again.", ("crn",)))


def claims_for(uow: UnitOfWork, principal: Principal, case: Case, number: str | None) -> list[Claim]:
    """The names a new case holds: the client's key (first, so a retry is answered before the PNC
    check), then the person's PNC number."""
    names = []
    if uow.request_key is not None and uow.claims is not None:
        names.append(Claim(name=f"key:{principal.subject}:{uow.request_key.key}", case_id=case.id, crn=case.crn,
                           at=uow.clock.now(), fingerprint=uow.request_key.fingerprint))
    if number is not None and uow.claims is not None:
        names.append(Claim(name=f"pnc:{number}", case_id=case.id, crn=case.crn, at=uow.clock.now()))
    return names


async def hold_claims(uow: UnitOfWork, principal: Principal, case: Case,
                      names: list[Claim]) -> tuple[list[Claim], Outcome | None]:
    """Claim every name, or none: a name held for a case that exists refuses (or, for the client's
    own key with the same input, replays); one held for a case never written is taken over."""
    held: list[Claim] = []
    for claim in names:
        outcome = await _hold(uow, principal, claim)
        if outcome is None:
            held.append(claim)
            continue
        for done in held:
            await uow.claims.release(done)
        return [], outcome
    return held, None


async def _hold(uow: UnitOfWork, principal: Principal, claim: Claim) -> Outcome | None:
    for _ in range(2):
        try:
            await uow.claims.claim(claim)
            return None
        except DuplicateClaim:
            pass
        existing = await uow.claims.get(claim.name)
        if existing is None:
            continue  # released meanwhile: claim again
        is_key = claim.name.startswith("key:")
        owner = await uow.cases.get(existing.crn)
        written = owner is not None and owner.id == existing.case_id
        if is_key and uow.key_expired(existing.at):
            written = False  # an expired key is free again
        if not written:
            in_flight = owner is None and uow.clock.now() - existing.at < ABANDONED_CLAIM_AFTER
            if not in_flight and await uow.claims.take_over(existing, claim):
                return None
            if in_flight:
                break
            continue
        if is_key:
            if existing.fingerprint != claim.fingerprint:
                return fail(key_reused("create_case"))
            return Outcome(case=owner)
        named = f" ({owner.crn})" if policy.can_see(principal, owner) else ""
        return fail(Violation(ErrorCode.DUPLICATE_PERSON, f"A case already exists for the person with this PNC "
                              f"number{named}; open the existing case instead.", ("offender", "pncNumber")))
    return fail(Violation(ErrorCode.VERSION_CONFLICT, "Another request is opening this case; try again.", ()))


async def move_claims(uow: UnitOfWork, held: list[Claim], case: Case) -> list[Claim]:
    """The claims re-pointed at the case's new CRN (after a generated CRN was taken)."""
    moved = []
    for claim in held:
        again = replace(claim, crn=case.crn)
        await uow.claims.take_over(claim, again)
        moved.append(again)
    return moved


async def add_sentence(uow: UnitOfWork, principal: Principal, command: AddSentence) -> Outcome:
    def change(case: Case, today: date) -> Sentence:
        # Every problem in one round: the REQ-* rules judge each requirement whose shape is sound,
        # beside the shape errors of the others (issue 16.7).
        malformed = shape.add_sentence(command, today)
        reject_if([*malformed, *requirement_rules.check_requirements(
            case, command.type, command.imposed_on, command.offence.committed_on, command.requirements,
            only=shape.well_formed_requirements(command, malformed))])
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


async def page_cases(uow: UnitOfWork, principal: Principal, query: CaseQuery, first: int, order: CaseOrder,
                     after: tuple[str, ...] | None) -> list[tuple[tuple[str, ...], Case]]:
    """A page of the cases the caller may see in ``order``, each with its keyset key."""
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return []
    return await uow.cases.page(scoped(principal, query), first, order, after)


async def standards_report(uow: UnitOfWork, principal: Principal, query: CaseQuery, as_of: date,
                           pause: Callable[[], Awaitable[None]] | None = None, chunk: int = 10) -> standards.Report:
    """Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on ``as_of`` across the
    caseload the query selects: counted by the store from the summaries stored at each write
    (domain.summary) where they answer for that day, and evaluated here, streamed, for the cases
    whose summary does not (a day before their last write, a summary under other rules). ``pause``
    is awaited after every ``chunk`` cases evaluated: the caller gives the event loop a turn there
    and may stop the work (a request's time budget)."""
    report = standards.Report(as_of=as_of)
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return report
    query = scoped(principal, query)
    tally = await uow.cases.tally(query, as_of)
    report.cases = tally.cases
    for standard_id, counts in tally.counts.items():
        row = report.counts.setdefault(standard_id, dict.fromkeys(standards.SEVERITY, 0))
        for state, n in counts.items():
            row[standards.StandardState(state)] += n
    # Today is judged now (LIC-2's hour deadlines) where a case is evaluated; a stored summary
    # answers by day, so a 2- or 24-hour recall report deadline passed earlier today is counted
    # OVERDUE from tomorrow (Case.standards, which evaluates, shows it at once).
    at = uow.clock.now() if as_of == uow.clock.today() else None
    evaluated = 0
    async for case in uow.cases.unsummarised(query, as_of):
        report.add(case, standards.evaluate(case, as_of, at))
        evaluated += 1
        if pause is not None and evaluated % chunk == 0:
            await pause()
    return report


async def outcomes_report(uow: UnitOfWork, principal: Principal, query: CaseQuery, as_of: date,
                          batch: int = 200) -> OutcomesTally:
    """The RRDP outcome measures over the caseload the query selects (accommodation and employment
    at the start and end of supervision, needs not met by pathway). They need each case's records,
    so they are tallied only when asked for, walking the caseload in CRN order a batch at a time."""
    tally = OutcomesTally(as_of)
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return tally
    query = scoped(principal, query)
    after = None
    while True:
        page = await uow.cases.find(query, batch, after)
        for case in page:
            tally.add(case)
        if len(page) < batch:
            return tally
        after = page[-1].crn


"""Use cases: load a case, apply a command's rules to a copy, write it back guarded by the
version read. Rules are pure; this is the only place that sequences them with storage.

Concurrency (DESIGN.md, Documents): every write is a single-document replace filtered on the
version it read. If another writer got there first:
- the client named ``expectedVersion``: its view is stale, so VERSION_CONFLICT and nothing written;
- it did not: the command is re-applied to the fresh case (its rules re-checked against the
  new state), at most ``MAX_ATTEMPTS`` times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain import crn as crn_rules
from domain.commands import (
    AddSentence,
    AllocateCase,
    CaseQuery,
    CreateCase,
    RecordRoshAssessment,
    RegisterMappa,
    TransferCase,
)
from domain.dates import period_end
from domain.enums import AllocationKind
from domain.errors import ErrorCode, Violation, breaks, invalid
from domain.model import (
    Actor,
    Allocation,
    Case,
    MappaRegistration,
    Offence,
    Offender,
    Officer,
    Recorded,
    Requirement,
    RoshAssessment,
    Sentence,
)
from domain.ports import CaseRepository, Clock, DocumentTooLarge, DuplicateCrn
from domain.principal import Principal
from domain.rules import allocation as allocation_rules
from domain.rules import shape

MAX_ATTEMPTS = 5
MAX_CRN_GENERATION_ATTEMPTS = 10


class Rejected(Exception):
    """Raised inside a change to refuse the command; nothing is written."""

    def __init__(self, violations: list[Violation]) -> None:
        super().__init__("; ".join(v.message for v in violations))
        self.violations = violations


def reject_if(violations: list[Violation]) -> None:
    if violations:
        raise Rejected(violations)


@dataclass
class Outcome:
    """The result of a command: the case as written (None when refused), any violations, and
    the record the command created, if any (e.g. the new sentence)."""

    case: Case | None = None
    errors: list[Violation] = field(default_factory=list)
    created: Any = None

    @property
    def ok(self) -> bool:
        return not self.errors


def _fail(*violations: Violation) -> Outcome:
    return Outcome(errors=list(violations))


def not_found(crn: str) -> Violation:
    return Violation(ErrorCode.NOT_FOUND, f"No case with CRN {crn}.", ("crn",))


Change = Callable[[Case, date], Any]


class CaseService:
    """The application's use cases over one repository and clock."""

    def __init__(self, repository: CaseRepository, clock: Clock) -> None:
        self.repository = repository
        self.clock = clock

    def _stamp(self, principal: Principal) -> Recorded:
        return Recorded(by=Actor(subject=principal.subject, name=principal.name), at=self.clock.now())

    async def _update(self, principal: Principal, crn: str, expected_version: int | None,
                      change: Change) -> Outcome:
        for _ in range(MAX_ATTEMPTS):
            case = await self.repository.get(crn)
            if case is None:
                return _fail(not_found(crn))
            if expected_version is not None and case.version != expected_version:
                return _fail(_version_conflict(expected_version, case.version))
            draft = case.model_copy(deep=True)
            try:
                created = change(draft, self.clock.today())
            except Rejected as rejected:
                return _fail(*rejected.violations)
            draft.version = case.version + 1
            draft.updated = self._stamp(principal)
            try:
                written = await self.repository.replace(draft, expected_version=case.version)
            except DocumentTooLarge as too_large:
                return _fail(Violation(ErrorCode.DOCUMENT_TOO_LARGE,
                                       f"The case record would be too large to store ({too_large}).", ()))
            if written:
                return Outcome(case=draft, created=created)
            if expected_version is not None:
                current = await self.repository.get(crn)
                return _fail(_version_conflict(expected_version, current.version if current else None))
        return _fail(Violation(ErrorCode.VERSION_CONFLICT,
                               f"Case {crn} kept changing while this command was applied; try again.", ()))

    async def create_case(self, principal: Principal, command: CreateCase) -> Outcome:
        today = self.clock.today()
        errors = shape.offender_details(command.offender, today)
        if command.crn is not None:
            errors = shape.crn_format(command.crn) + errors
        if errors:
            return _fail(*errors)
        stamp = self._stamp(principal)
        offender = Offender(**command.offender.__dict__)
        attempts = 1 if command.crn is not None else MAX_CRN_GENERATION_ATTEMPTS
        for _ in range(attempts):
            crn = command.crn or crn_rules.generate_crn()
            case = Case(crn=crn, offender=offender, created=stamp, updated=stamp)
            try:
                await self.repository.add(case)
            except DuplicateCrn:
                continue
            return Outcome(case=case)
        if command.crn is not None:
            return _fail(Violation(ErrorCode.DUPLICATE, f"A case with CRN {command.crn} already exists.", ("crn",)))
        return _fail(Violation(ErrorCode.DUPLICATE, "Could not generate an unused CRN; try again.", ("crn",)))

    async def add_sentence(self, principal: Principal, command: AddSentence) -> Outcome:
        def change(case: Case, today: date) -> Sentence:
            reject_if(shape.add_sentence(command, today))
            stamp = self._stamp(principal)
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

        return await self._update(principal, command.crn, command.expected_version, change)

    async def allocate_case(self, principal: Principal, command: AllocateCase) -> Outcome:
        def change(case: Case, today: date) -> Allocation:
            reject_if(allocation_rules.can_allocate(case, command, today))
            entry = Allocation(kind=AllocationKind.ALLOCATION, provider=command.provider,
                               officer=Officer(code=command.officer.code.strip(), name=command.officer.name.strip()),
                               allocated_on=command.allocated_on, rationale=command.rationale,
                               recorded=self._stamp(principal))
            case.allocations.append(entry)
            return entry

        return await self._update(principal, command.crn, command.expected_version, change)

    async def transfer_case(self, principal: Principal, command: TransferCase) -> Outcome:
        def change(case: Case, today: date) -> Allocation:
            reject_if(allocation_rules.can_transfer(case, command, today))
            assert command.officer is not None  # can_transfer refuses a transfer without one (ALLOC-2)
            entry = Allocation(kind=AllocationKind.TRANSFER, provider=command.provider,
                               officer=Officer(code=command.officer.code.strip(), name=command.officer.name.strip()),
                               allocated_on=command.transferred_on, rationale=command.rationale.strip(),
                               recorded=self._stamp(principal))
            case.allocations.append(entry)
            return entry

        return await self._update(principal, command.crn, command.expected_version, change)

    async def record_rosh_assessment(self, principal: Principal, command: RecordRoshAssessment) -> Outcome:
        def change(case: Case, today: date) -> RoshAssessment:
            errors = shape.not_in_future(command.assessed_on, today, ("assessedOn",), "Assessment date")
            if not command.rationale or not command.rationale.strip():
                errors.append(breaks("RISK-1", ("rationale",), "a RoSH assessment records its rationale (REC-2)."))
            reject_if(errors)
            assessment = RoshAssessment(level=command.level, risk_to_children=command.risk_to_children,
                                        assessed_on=command.assessed_on, rationale=command.rationale.strip(),
                                        recorded=self._stamp(principal))
            case.rosh_assessments.append(assessment)
            return assessment

        return await self._update(principal, command.crn, command.expected_version, change)

    async def register_mappa(self, principal: Principal, command: RegisterMappa) -> Outcome:
        def change(case: Case, today: date) -> MappaRegistration:
            reject_if(shape.not_in_future(command.registered_on, today, ("registeredOn",), "Registration date"))
            registration = MappaRegistration(category=command.category, level=command.level,
                                             registered_on=command.registered_on,
                                             visor_recorded=command.visor_recorded,
                                             recorded=self._stamp(principal))
            # A new registration supersedes the current one (history kept, nothing edited away).
            current = case.mappa
            if current is not None:
                if command.registered_on < current.registered_on:
                    raise Rejected([invalid(("registeredOn",),
                                            f"The current MAPPA registration is dated {current.registered_on.isoformat()}; "
                                            "a new one cannot be earlier.")])
                current.deregistered_on = command.registered_on
            case.mappa_registrations.append(registration)
            return registration

        return await self._update(principal, command.crn, command.expected_version, change)

    # Reads -----------------------------------------------------------------------------------

    async def get(self, crn: str) -> Case | None:
        return await self.repository.get(crn)

    async def get_many(self, crns: list[str]) -> list[Case | None]:
        return await self.repository.get_many(crns)

    async def find_cases(self, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
        return await self.repository.find(query, first, after_crn)


def _version_conflict(expected: int, actual: int | None) -> Violation:
    return Violation(ErrorCode.VERSION_CONFLICT,
                     f"The case has changed since version {expected} (it is now at version {actual}); "
                     "reload it and try again.", ("expectedVersion",))

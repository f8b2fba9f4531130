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
from domain import standards
from domain import commands as c
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
from domain.enums import AllocationKind, RequirementStatus, SentenceStatus
from domain.errors import ErrorCode, Violation, breaks, invalid
from domain.model import (
    Actor,
    Allocation,
    Appointment,
    ApprovedPremisesReferral,
    Case,
    Evaluation,
    FailureToComply,
    MappaRegistration,
    Note,
    Offence,
    Offender,
    Officer,
    Plan,
    PlanObjective,
    PlanReview,
    RarActivityDay,
    Recorded,
    Requirement,
    RequirementVariation,
    RoshAssessment,
    Sentence,
    Termination,
    UnpaidWorkSession,
)
from domain.ports import CaseRepository, Clock, DocumentTooLarge, DuplicateCrn
from domain.principal import Principal
from domain.rules import allocation as allocation_rules
from domain.rules import records
from domain.rules import requirements as requirement_rules
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
            reject_if(requirement_rules.check_requirements(
                case, command.type, command.imposed_on, command.offence.category, command.offence.committed_on,
                command.requirements))
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

    # Records against a sentence ----------------------------------------------------------------

    async def _on_sentence(self, principal: Principal, command, change) -> Outcome:
        """Resolve the command's sentence (and requirement, if it names one) and apply ``change``."""

        def resolved(case: Case, today: date):
            sentence = case.sentence(command.sentence_id)
            if sentence is None:
                raise Rejected([Violation(ErrorCode.NOT_FOUND, f"Case {case.crn} has no such sentence.",
                                          ("sentenceId",))])
            requirement_id = getattr(command, "requirement_id", None)
            requirement = None
            if requirement_id is not None:
                requirement = sentence.requirement(requirement_id)
                if requirement is None:
                    raise Rejected([Violation(ErrorCode.NOT_FOUND, "That sentence has no such requirement.",
                                              ("requirementId",))])
            return change(case, sentence, requirement, today)

        return await self._update(principal, command.crn, command.expected_version, resolved)

    async def record_appointment(self, principal: Principal, command: c.RecordAppointment) -> Outcome:
        """Records an appointment; a failure outcome also creates a failure to comply awaiting
        decision (ENF-1). ``created`` is (appointment, failure or None)."""

        def change(case, sentence, requirement, today):
            reject_if(records.appointment(sentence, requirement, command, today))
            stamp = self._stamp(principal)
            appointment = Appointment(kind=command.kind, face_to_face=command.face_to_face, date=command.date,
                                      outcome=command.outcome, requirement_id=command.requirement_id,
                                      notes=Note(kind=command.notes_kind, text=command.notes.strip())
                                      if command.notes is not None else None,
                                      recorded=stamp)
            sentence.appointments.append(appointment)
            failure = None
            if command.outcome is not None and command.outcome.is_failure:
                failure = FailureToComply(date=command.date, appointment_id=appointment.id,
                                          requirement_id=command.requirement_id, outcome=command.outcome, recorded=stamp)
                sentence.failures.append(failure)
            return appointment, failure

        return await self._on_sentence(principal, command, change)

    async def record_plan(self, principal: Principal, command: c.RecordPlan) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.plan(case, sentence, command, today))
            plan = Plan(completed_on=command.completed_on, rosh_level_identified=command.rosh_level_identified,
                        risk_management_plan=(command.risk_management_plan or "").strip() or None,
                        objectives=[PlanObjective(description=o.description.strip(),
                                                  targets_risk_to_children=o.targets_risk_to_children)
                                    for o in command.objectives],
                        recorded=self._stamp(principal))
            sentence.plans.append(plan)
            return plan

        return await self._on_sentence(principal, command, change)

    async def review_plan(self, principal: Principal, command: c.ReviewPlan) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.review(sentence, command, today))
            entry = PlanReview(reviewed_on=command.reviewed_on, reason=command.reason.strip(),
                               summary=command.summary.strip(), recorded=self._stamp(principal))
            sentence.plan_reviews.append(entry)
            return entry

        return await self._on_sentence(principal, command, change)

    async def refer_to_approved_premises(self, principal: Principal, command: c.ReferToApprovedPremises) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.approved_premises_referral(sentence, command, today))
            referral = ApprovedPremisesReferral(referred_on=command.referred_on, premises=command.premises,
                                                recorded=self._stamp(principal))
            sentence.approved_premises_referrals.append(referral)
            return referral

        return await self._on_sentence(principal, command, change)

    async def complete_evaluation(self, principal: Principal, command: c.CompleteEvaluation) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.evaluation(sentence, command, today))
            sentence.evaluation = Evaluation(completed_on=command.completed_on, summary=command.summary.strip(),
                                             recorded=self._stamp(principal))
            return sentence.evaluation

        return await self._on_sentence(principal, command, change)

    async def terminate_sentence(self, principal: Principal, command: c.TerminateSentence) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.termination(sentence, command, today))
            sentence.termination = Termination(terminated_on=command.terminated_on, reason=command.reason.strip(),
                                               agencies_notified=[a.strip() for a in command.agencies_notified],
                                               continuing_restrictions_explained=command.continuing_restrictions_explained,
                                               recorded=self._stamp(principal))
            sentence.status = SentenceStatus.TERMINATED
            return sentence.termination

        return await self._on_sentence(principal, command, change)

    async def record_unpaid_work_session(self, principal: Principal, command: c.RecordUnpaidWorkSession) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.unpaid_work_session(sentence, requirement, command, today))
            credited, credited_ete = records.unpaid_work_credit(sentence, requirement, command)
            session = UnpaidWorkSession(requirement_id=requirement.id, date=command.date,
                                        minutes_worked=command.minutes_worked,
                                        education_training_employment_minutes=command.education_training_employment_minutes,
                                        credited_minutes=credited,
                                        credited_education_training_employment_minutes=credited_ete,
                                        recorded=self._stamp(principal))
            sentence.unpaid_work_sessions.append(session)
            return session

        return await self._on_sentence(principal, command, change)

    async def record_rar_activity_day(self, principal: Principal, command: c.RecordRarActivityDay) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(records.rar_activity_day(sentence, requirement, command, today))
            day = RarActivityDay(requirement_id=requirement.id, date=command.date,
                                 description=command.description.strip(), recorded=self._stamp(principal))
            sentence.rar_activity_days.append(day)
            return day

        return await self._on_sentence(principal, command, change)

    async def vary_requirement(self, principal: Principal, command: c.VaryRequirement) -> Outcome:
        def change(case, sentence, requirement, today):
            errors, varied = records.variation(case, sentence, requirement, command, today)
            reject_if(errors)
            fields = ("hours", "days", "length_months", "details")
            changes = {name: getattr(varied, name) for name in fields if getattr(command, name) is not None}
            previous = {name: getattr(requirement, name) for name in changes}
            if command.extend_completion_to is not None:
                previous["completion_due_extended_to"] = (requirement.completion_due_extended_to.isoformat()
                                                          if requirement.completion_due_extended_to else None)
                changes["completion_due_extended_to"] = command.extend_completion_to.isoformat()
                requirement.completion_due_extended_to = command.extend_completion_to
                sentence.end_date = max(sentence.end_date, command.extend_completion_to)
            for name in fields:
                if getattr(command, name) is not None:
                    setattr(requirement, name, getattr(varied, name))
            if command.terminate:
                requirement.status = RequirementStatus.TERMINATED
            requirement.variations.append(RequirementVariation(
                varied_on=command.varied_on, previous=previous, changes=changes, terminated=command.terminate,
                rationale=command.rationale.strip(), recorded=self._stamp(principal)))
            return requirement

        return await self._on_sentence(principal, command, change)

    # Reads -----------------------------------------------------------------------------------

    async def get(self, crn: str) -> Case | None:
        return await self.repository.get(crn)

    async def get_many(self, crns: list[str]) -> list[Case | None]:
        return await self.repository.get_many(crns)

    async def find_cases(self, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
        return await self.repository.find(query, first, after_crn)

    async def standards_report(self, query: CaseQuery, as_of: date, batch: int = 200) -> standards.Report:
        """Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on ``as_of`` across the
        caseload the query selects (walked in CRN order, a batch at a time)."""
        report = standards.Report(as_of=as_of)
        after = None
        while True:
            page = await self.repository.find(query, batch, after)
            for case in page:
                report.add(case, standards.evaluate(case, as_of))
            if len(page) < batch:
                return report
            after = page[-1].crn


def _version_conflict(expected: int, actual: int | None) -> Violation:
    return Violation(ErrorCode.VERSION_CONFLICT,
                     f"The case has changed since version {expected} (it is now at version {actual}); "
                     "reload it and try again.", ("expectedVersion",))

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
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from domain import audit as audit_trail
from domain import commands as c
from domain import compliance, policy, risk, sharing, standards
from domain import crn as crn_rules
from domain import victims as victim_rules
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
from domain.enums import (
    AllocationKind,
    BreachOutcome,
    RequirementStatus,
    SentenceStatus,
)
from domain.errors import ErrorCode, Violation, invalid
from domain.model import (
    Actor,
    AddressChange,
    Allocation,
    Appointment,
    ApprovedPremisesReferral,
    Breach,
    Case,
    ComplexityRegistration,
    ComplianceWarning,
    EmergencyAction,
    Evaluation,
    Explanation,
    FailureDecision,
    FailureToComply,
    IdempotencyRecord,
    MappaRegistration,
    NeedsAssessment,
    Note,
    Offence,
    Offender,
    Officer,
    Plan,
    PlanObjective,
    PlanReview,
    RarActivityDay,
    Recall,
    Recorded,
    Requirement,
    RequirementVariation,
    RoshAssessment,
    SafeguardingConcern,
    Sentence,
    Termination,
    TierCalculation,
    UnpaidWorkSession,
)
from domain.ports import (
    AuditLog,
    CaseRepository,
    Clock,
    DocumentTooLarge,
    DuplicateCrn,
    TierHistory,
    VictimRepository,
)
from domain.principal import Principal
from domain.rules import allocation as allocation_rules
from domain.rules import enforcement, records, shape
from domain.rules import requirements as requirement_rules
from domain.rules import risk_records as risk_rules

MAX_ATTEMPTS = 5
MAX_IDEMPOTENCY_RECORDS = 500  # per case: far more retries than any client keeps in flight


@dataclass(frozen=True)
class Idempotency:
    """A client's idempotency key (Relay's clientMutationId) and how to find the first result
    again: a retry with the same key gets that result and writes nothing."""

    key: str
    operation: str
    replay: Callable[[Case, list[str]], Any]


def _record_ids(created: Any) -> list[str]:
    """The ids of what a command created, by position (an empty string where nothing was)."""
    items = created if isinstance(created, tuple) else (created,)
    return [getattr(item, "id", "") if item is not None else "" for item in items]


def _find_in(sentence_records: list, record_id: str):
    return next((r for r in sentence_records if getattr(r, "id", None) == record_id), None) if record_id else None
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

    def __init__(self, repository: CaseRepository, clock: Clock, tiers: TierHistory | None = None,
                 audit: AuditLog | None = None, victims: VictimRepository | None = None) -> None:
        self.repository = repository
        self.clock = clock
        self.tiers = tiers
        self.audit = audit
        self.victims = victims

    async def record(self, entry: audit_trail.AuditEvent) -> None:
        """Append to the audit trail, awaited before the caller answers (issue 6, REC-1)."""
        if self.audit is not None:
            await self.audit.append(entry)

    async def refuse(self, principal: Principal | None, operation: str, reason: str, crn: str | None = None) -> None:
        await self.record(audit_trail.event(audit_trail.AuditKind.REFUSAL, self.clock.now(), operation, principal,
                                            crn=crn, reason=reason))

    async def _forbidden(self, principal: Principal, operation: str, crn: str | None, message: str) -> Outcome:
        await self.refuse(principal, operation, message, crn)
        return _fail(Violation(ErrorCode.FORBIDDEN, message, ()))

    def _stamp(self, principal: Principal) -> Recorded:
        return Recorded(by=Actor(subject=principal.subject, name=principal.name), at=self.clock.now())

    async def _update(self, principal: Principal, crn: str, expected_version: int | None,
                      change: Change, idempotency: Idempotency | None = None, check_policy: bool = True,
                      reason: str | None = None) -> Outcome:
        operation = _reason(change).replace(" ", "_")
        for _ in range(MAX_ATTEMPTS):
            case = await self.repository.get(crn)
            if case is None:
                return _fail(not_found(crn))
            if check_policy and not policy.can_see(principal, case):
                await self.refuse(principal, operation, "case not visible to the caller (answered as not found)", crn)
                return _fail(not_found(crn))  # a case the caller may not see looks like no case
            if check_policy and not policy.can_write(principal, case):
                return await self._forbidden(principal, operation, crn, "Your role may read this case but not change it.")
            if idempotency is not None:
                seen = next((r for r in case.idempotency if r.key == idempotency.key), None)
                if seen is not None:
                    if seen.operation != idempotency.operation:
                        return _fail(invalid(("clientMutationId",),
                                             f"This key was already used for {seen.operation}; use a new key per mutation."))
                    return Outcome(case=case, created=idempotency.replay(case, seen.record_ids))
            if expected_version is not None and case.version != expected_version:
                return _fail(_version_conflict(expected_version, case.version))
            draft = case.model_copy(deep=True)
            try:
                created = change(draft, self.clock.today())
            except Rejected as rejected:
                return _fail(*rejected.violations)
            recalculated = risk.recalculate(draft, reason or _reason(change), self.clock.now(), self.clock.today())
            if recalculated is not None:
                draft.tier = recalculated
            if idempotency is not None:
                draft.idempotency = [*draft.idempotency, IdempotencyRecord(
                    key=idempotency.key, operation=idempotency.operation, record_ids=_record_ids(created),
                    at=self.clock.now())][-MAX_IDEMPOTENCY_RECORDS:]
            draft.version = case.version + 1
            draft.updated = self._stamp(principal)
            if recalculated is not None:
                recalculated.case_version = draft.version
            try:
                written = await self.repository.replace(draft, expected_version=case.version)
            except DocumentTooLarge as too_large:
                return _fail(Violation(ErrorCode.DOCUMENT_TOO_LARGE,
                                       f"The case record would be too large to store ({too_large}).", ()))
            if written:
                if recalculated is not None and self.tiers is not None:
                    await self.tiers.append(draft.id, draft.crn, recalculated)
                await self.record(audit_trail.event(audit_trail.AuditKind.WRITE, self.clock.now(), operation, principal,
                                                    crn=crn, version_before=case.version, version_after=draft.version))
                return Outcome(case=draft, created=created)
            if expected_version is not None:
                current = await self.repository.get(crn)
                return _fail(_version_conflict(expected_version, current.version if current else None))
        return _fail(Violation(ErrorCode.VERSION_CONFLICT,
                               f"Case {crn} kept changing while this command was applied; try again.", ()))

    async def create_case(self, principal: Principal, command: CreateCase) -> Outcome:
        scope = policy.provider_scope(principal)
        if not policy.allows(principal, policy.Operation.WRITE_CASE) or (scope is not None and None not in scope):
            return await self._forbidden(principal, "create_case", command.crn,
                                         "Cases are opened by the NPS, which allocates them (or an administrator).")
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
            case.tier = risk.recalculate(case, "Case opened", self.clock.now(), self.clock.today())
            try:
                await self.repository.add(case)
            except DuplicateCrn:
                continue
            if self.tiers is not None:
                await self.tiers.append(case.id, case.crn, case.tier)
            await self.record(audit_trail.event(audit_trail.AuditKind.WRITE, self.clock.now(), "create_case", principal,
                                                crn=case.crn, version_before=0, version_after=case.version))
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
            reject_if(risk_rules.rosh_assessment(command, today))
            assessment = RoshAssessment(level=command.level, risk_to_children=command.risk_to_children,
                                        risk_to_public=command.risk_to_public,
                                        risk_to_known_adult=command.risk_to_known_adult,
                                        risk_to_staff=command.risk_to_staff, reoffending_score=command.reoffending_score,
                                        serious_recidivism_score=command.serious_recidivism_score,
                                        assessed_on=command.assessed_on, rationale=command.rationale.strip(),
                                        recorded=self._stamp(principal))
            case.rosh_assessments.append(assessment)
            return assessment

        return await self._update(principal, command.crn, command.expected_version, change)

    async def register_mappa(self, principal: Principal, command: RegisterMappa) -> Outcome:
        def change(case: Case, today: date) -> MappaRegistration:
            reject_if(risk_rules.mappa_registration(case, command, today))
            current = case.mappa
            if current is not None:  # superseded: history kept, nothing edited away
                current.deregistered_on = command.registered_on
                current.deregistration_reason = "Superseded by a new registration"
            registration = MappaRegistration(category=command.category, level=command.level,
                                             registered_on=command.registered_on, visor_recorded=command.visor_recorded,
                                             visor_reference=command.visor_reference.strip() if command.visor_reference else None,
                                             review_due_on=command.review_due_on, recorded=self._stamp(principal))
            case.mappa_registrations.append(registration)
            return registration

        return await self._update(principal, command.crn, command.expected_version, change)

    async def deregister_mappa(self, principal: Principal, command: c.DeregisterMappa) -> Outcome:
        def change(case: Case, today: date) -> MappaRegistration:
            reject_if(risk_rules.mappa_deregistration(case, command, today))
            current = case.mappa
            current.deregistered_on = command.deregistered_on
            current.deregistration_reason = command.reason.strip()
            return current

        return await self._update(principal, command.crn, command.expected_version, change)

    async def register_safeguarding(self, principal: Principal, command: c.RegisterSafeguarding) -> Outcome:
        def change(case: Case, today: date) -> SafeguardingConcern:
            reject_if(risk_rules.safeguarding(command, today))
            concern = SafeguardingConcern(kind=command.kind, started_on=command.started_on, review_on=command.review_on,
                                          referred_to=command.referred_to, referred_on=command.referred_on,
                                          details=command.details.strip() if command.details else None,
                                          recorded=self._stamp(principal))
            case.safeguarding.append(concern)
            return concern

        return await self._update(principal, command.crn, command.expected_version, change)

    async def end_safeguarding(self, principal: Principal, command: c.EndSafeguarding) -> Outcome:
        def change(case: Case, today: date) -> SafeguardingConcern:
            concern = next((s for s in case.safeguarding if s.id == command.safeguarding_id), None)
            if concern is None:
                raise Rejected([Violation(ErrorCode.NOT_FOUND, "The case has no such safeguarding registration.",
                                          ("safeguardingId",))])
            errors = shape.not_in_future(command.ended_on, today, ("endedOn",), "End date")
            if concern.ended_on is not None:
                errors.append(invalid(("safeguardingId",), f"It ended on {concern.ended_on.isoformat()}."))
            if command.ended_on < concern.started_on:
                errors.append(invalid(("endedOn",), "It cannot end before it started."))
            reject_if(errors)
            concern.ended_on = command.ended_on
            return concern

        return await self._update(principal, command.crn, command.expected_version, change)

    async def register_complexity_factor(self, principal: Principal, command: c.RegisterComplexityFactor) -> Outcome:
        def change(case: Case, today: date) -> ComplexityRegistration:
            reject_if(risk_rules.complexity_factor(command, today))
            registration = ComplexityRegistration(factor=command.factor, started_on=command.started_on,
                                                  ended_on=command.ended_on, recorded=self._stamp(principal))
            case.complexity_factors.append(registration)
            return registration

        return await self._update(principal, command.crn, command.expected_version, change)

    async def record_needs_assessment(self, principal: Principal, command: c.RecordNeedsAssessment) -> Outcome:
        def change(case: Case, today: date) -> NeedsAssessment:
            reject_if(risk_rules.needs_assessment(command, today))
            assessment = NeedsAssessment(assessed_on=command.assessed_on, needs=dict(command.needs),
                                         parenting_responsibilities=command.parenting_responsibilities,
                                         impulsivity=command.impulsivity, temper_control=command.temper_control,
                                         recorded=self._stamp(principal))
            case.needs_assessments.append(assessment)
            return assessment

        return await self._update(principal, command.crn, command.expected_version, change)

    async def record_emergency_action(self, principal: Principal, command: c.RecordEmergencyAction) -> Outcome:
        def change(case: Case, today: date) -> EmergencyAction:
            reject_if(risk_rules.emergency_action(command, self.clock.now()))
            action = EmergencyAction(occurred_at=command.occurred_at, action=command.action.strip(),
                                     manager_informed_at=command.manager_informed_at, recorded=self._stamp(principal))
            case.emergency_actions.append(action)
            return action

        return await self._update(principal, command.crn, command.expected_version, change)

    async def record_manager_informed(self, principal: Principal, command: c.RecordManagerInformed) -> Outcome:
        def change(case: Case, today: date) -> EmergencyAction:
            action, errors = risk_rules.manager_informed(case, command, self.clock.now())
            reject_if(errors)
            action.manager_informed_at = command.informed_at
            return action

        return await self._update(principal, command.crn, command.expected_version, change)

    async def recalculate_tiers(self, principal: Principal, batch: int = 200) -> dict[str, int]:
        """TIER-1: recalculate every case's tier (restricted cases too) after a rule version
        change or as time moves its inputs; a case whose tier would not change is not written.
        Administrators only. Returns counts: cases read, recalculated, failed."""
        counts = {"cases": 0, "recalculated": 0, "failed": 0}
        if not (policy.allows(principal, policy.Operation.WRITE_CASE) and policy.provider_scope(principal) is None):
            await self.refuse(principal, "recalculate_tiers", "only administrators recalculate every tier")
            return counts
        after = None
        while True:
            page = await self.repository.find(CaseQuery(include_restricted=True), batch, after)
            for case in page:
                counts["cases"] += 1
                if risk.recalculate(case, "", self.clock.now(), self.clock.today()) is None:
                    continue
                outcome = await self._update(principal, case.crn, None, lambda draft, today: None, check_policy=False,
                                             reason=risk.recalculation_reason(case))
                counts["recalculated" if outcome.ok else "failed"] += 1
            if len(page) < batch:
                return counts
            after = page[-1].crn

    async def restrict_case(self, principal: Principal, command: c.RestrictCase) -> Outcome:
        """Keep a case to an allow-list of staff; the caller stays on it (so nobody locks the case
        away from its managers by mistake). An empty list lifts the restriction."""
        if not policy.allows(principal, policy.Operation.RESTRICT_CASE):
            return await self._forbidden(principal, "restrict_case", command.crn,
                                         "Only senior managers and administrators restrict cases.")

        def change(case: Case, today: date):
            subjects = [s.strip() for s in command.allowed_subjects]
            reject_if([invalid(("allowedSubjects", str(i)), "A staff identifier must not be blank.")
                       for i, s in enumerate(subjects) if not s])
            case.restricted_to = sorted({*subjects, principal.subject}) if subjects else None
            return None

        return await self._update(principal, command.crn, command.expected_version, change)

    async def audit_events(self, principal: Principal, crn: str | None, actor: str | None, since, until, first: int,
                           after) -> list[audit_trail.AuditEvent]:
        if not policy.allows(principal, policy.Operation.READ_AUDIT) or self.audit is None:
            return []
        return await self.audit.find(crn, actor, since, until, first, after)

    async def shared_risk_summary(self, principal: Principal, crn: str, purpose: sharing.SharingPurpose):
        """The partner view: purpose required (REC-4), row filter and field limits per agency; every
        call, allowed or refused, is audited before the answer is returned. A ``Refusal`` says why."""
        if not policy.allows(principal, policy.Operation.READ_SHARED_RISK):
            await self.refuse(principal, "shared_risk_summary", "role lacks READ_SHARED_RISK", crn)
            return None
        case = await self.repository.get(crn)
        result = sharing.share(case, principal.agency, purpose, self.clock.today())
        if isinstance(result, sharing.Refusal):
            await self.record(audit_trail.event(audit_trail.AuditKind.REFUSAL, self.clock.now(), "shared_risk_summary",
                                                principal, crn=crn, purpose=purpose.value, reason=result.reason))
            return result
        await self.record(audit_trail.event(audit_trail.AuditKind.PARTNER_READ, self.clock.now(), "shared_risk_summary",
                                            principal, crn=crn, purpose=purpose.value,
                                            fields_returned=result.fields_returned))
        return result

    async def record_victim(self, principal: Principal, command: victim_rules.RecordVictim) -> Outcome:
        """VIC-1..3: a victim record, written to the victims collection by a victim liaison
        officer; the case learns only the earliest day contact was offered for the sentence."""
        if not policy.allows(principal, policy.Operation.WRITE_VICTIMS) or self.victims is None:
            return await self._forbidden(principal, "record_victim", command.crn,
                                         "Only victim liaison officers record victims.")
        case = await self.repository.get(command.crn)
        if case is None:
            return _fail(not_found(command.crn))
        sentence = case.sentence(command.sentence_id)
        errors = victim_rules.check(command, sentence.imposed_on if sentence else None, self.clock.today())
        if errors:
            return _fail(*errors)
        record = victim_rules.VictimRecord(crn=command.crn, sentence_id=command.sentence_id, scheme=command.scheme,
                                           name=command.name.strip(), contact_details=command.contact_details,
                                           contact_offered_on=command.contact_offered_on, notes=command.notes,
                                           recorded=self._stamp(principal))
        await self.victims.add(record)
        await self.record(audit_trail.event(audit_trail.AuditKind.WRITE, self.clock.now(), "record_victim", principal,
                                            crn=command.crn))
        if command.contact_offered_on is not None:
            def change(case: Case, today: date):
                current = case.victim_contact_offered.get(command.sentence_id)
                if current is None or command.contact_offered_on < current:
                    case.victim_contact_offered[command.sentence_id] = command.contact_offered_on
                return None

            outcome = await self._update(principal, command.crn, None, change, check_policy=False)
            if not outcome.ok:
                return outcome
        return Outcome(case=None, created=record)

    async def victims_of(self, principal: Principal, crn: str) -> list[victim_rules.VictimRecord]:
        if not policy.allows(principal, policy.Operation.READ_VICTIMS) or self.victims is None:
            return []
        return await self.victims.for_case(crn)

    async def tier_history(self, case: Case) -> list[TierCalculation]:
        return await self.tiers.history(case.id) if self.tiers is not None else ([case.tier] if case.tier else [])

    # Records against a sentence ----------------------------------------------------------------

    async def _on_sentence(self, principal: Principal, command, change,
                           replay: Callable[[Sentence, list[str]], Any] | None = None) -> Outcome:
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

        resolved.__qualname__ = change.__qualname__  # the tier's recalculation reason names the use case
        idempotency = None
        key = getattr(command, "idempotency_key", None)
        if key is not None and replay is not None:
            def replay_on_case(case: Case, ids: list[str]):
                sentence = case.sentence(command.sentence_id)
                return replay(sentence, ids) if sentence is not None else None

            idempotency = Idempotency(key=key, operation=type(command).__name__, replay=replay_on_case)
        return await self._update(principal, command.crn, command.expected_version, resolved, idempotency)

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

        def replay(sentence: Sentence, ids: list[str]):
            return _find_in(sentence.appointments, ids[0]), _find_in(sentence.failures, ids[1] if len(ids) > 1 else "")

        return await self._on_sentence(principal, command, change, replay)

    # Enforcement (ENF-*, LIC-*) ---------------------------------------------------------------

    async def decide_failure_to_comply(self, principal: Principal, command: c.DecideFailureToComply) -> Outcome:
        def change(case, sentence, requirement, today):
            failure = sentence.failure(command.failure_id)
            if failure is None:
                raise Rejected([Violation(ErrorCode.NOT_FOUND, "That sentence has no such failure to comply.", ("failureId",))])
            reject_if(enforcement.decide(failure, command, today))
            explanation = command.explanation
            failure.decisions.append(FailureDecision(
                acceptable=command.acceptable, decided_on=today, rationale=command.rationale.strip(),
                explanation=Explanation(received_on=explanation.received_on, received_by=explanation.received_by.strip(),
                                        details=explanation.details.strip()) if explanation else None,
                correction_reason=command.correction_reason.strip() if command.correction_reason else None,
                recorded=self._stamp(principal)))
            return failure

        return await self._on_sentence(principal, command, change,
                                       lambda sentence, ids: _find_in(sentence.failures, ids[0]))

    async def issue_warning(self, principal: Principal, command: c.IssueWarning) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.warning(principal, sentence, command, today))
            warning = ComplianceWarning(issued_on=command.issued_on, final=command.final, rationale=command.rationale.strip(),
                                        offender_response=command.offender_response, recorded=self._stamp(principal))
            sentence.warnings.append(warning)
            return warning

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.warnings, ids[0]))

    async def initiate_breach(self, principal: Principal, command: c.InitiateBreach) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.breach(sentence, command, today))
            referral = enforcement.referral_to_nps(case, sentence)
            breach = Breach(initiated_on=command.initiated_on, rationale=command.rationale.strip(),
                            referred_to_nps=referral is not None, referral_reason=referral,
                            recorded=self._stamp(principal))
            sentence.breaches.append(breach)
            sentence.status = SentenceStatus.BREACHED
            return breach

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.breaches, ids[0]))

    async def record_breach_outcome(self, principal: Principal, command: c.RecordBreachOutcome) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.breach_outcome(sentence, command, today))
            breach = compliance.breach_in_progress(sentence, today)
            breach.outcome, breach.outcome_on = command.outcome, command.decided_on
            sentence.status = (SentenceStatus.ACTIVE if command.outcome is BreachOutcome.ORDER_CONTINUED
                               else SentenceStatus.TERMINATED)
            return breach

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.breaches, ids[0]))

    async def recommend_recall(self, principal: Principal, command: c.RecommendRecall) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.recall(sentence, command, self.clock.now()))
            recall = Recall(decided_at=command.decided_at, emergency=command.emergency, rationale=command.rationale.strip(),
                            nps_endorsed=command.nps_endorsed, recorded=self._stamp(principal))
            sentence.recalls.append(recall)
            sentence.status = SentenceStatus.RECALLED
            return recall

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.recalls, ids[0]))

    async def record_recall_report_sent(self, principal: Principal, command: c.RecordRecallReportSent) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.report_sent(sentence, command, self.clock.now()))
            recall = compliance.recall_in_progress(sentence, today)
            recall.report_sent_at = command.sent_at
            return recall

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.recalls, ids[0]))

    async def record_rerelease(self, principal: Principal, command: c.RecordReRelease) -> Outcome:
        def change(case, sentence, requirement, today):
            reject_if(enforcement.rerelease(sentence, command, today))
            recall = compliance.recall_in_progress(sentence, today)
            recall.rereleased_on = command.released_on
            sentence.status = SentenceStatus.ACTIVE
            return recall

        return await self._on_sentence(principal, command, change, lambda sentence, ids: _find_in(sentence.recalls, ids[0]))

    async def record_address_change(self, principal: Principal, command: c.RecordAddressChange) -> Outcome:
        """ENF-6: records the move; on each CO/SSO it breaches, creates a failure to comply
        awaiting decision. ``created`` is (address change, *failures)."""

        def change(case: Case, today: date):
            reject_if(enforcement.address_change(command, today))
            stamp = self._stamp(principal)
            moved = AddressChange(changed_on=command.changed_on, permanent=command.permanent,
                                  permission_sought=command.permission_sought, emergency=command.emergency,
                                  details=command.details.strip(), recorded=stamp)
            case.address_changes.append(moved)
            failures = []
            for sentence in case.sentences:
                if enforcement.address_change_is_failure(sentence, command):
                    failure = FailureToComply(date=command.changed_on, reason="ENF-6: permanent change of address "
                                              "without prior permission", recorded=stamp)
                    sentence.failures.append(failure)
                    failures.append(failure)
            return (moved, *failures)

        def replay(case: Case, ids: list[str]):
            failures = [f for s in case.sentences for f in s.failures if f.id in ids[1:]]
            return (_find_in(case.address_changes, ids[0]), *failures)

        idempotency = (Idempotency(key=command.idempotency_key, operation="RecordAddressChange", replay=replay)
                       if command.idempotency_key else None)
        return await self._update(principal, command.crn, command.expected_version, change, idempotency)

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

    async def get(self, principal: Principal, crn: str) -> Case | None:
        """The case, or None if there is none or the caller may not see it (the same answer)."""
        case = await self.repository.get(crn)
        return case if case is not None and policy.can_see(principal, case) else None

    async def get_many(self, principal: Principal, crns: list[str]) -> list[Case | None]:
        """Cases the caller may see; a hidden one answers None, like a missing one, and its
        refusal is audited (every access can be accounted for)."""
        found = []
        for case in await self.repository.get_many(crns):
            if case is not None and not policy.can_see(principal, case):
                await self.refuse(principal, "read_case", "case not visible to the caller (answered as absent)", case.crn)
                case = None
            found.append(case)
        return found

    @staticmethod
    def scoped(principal: Principal, query: CaseQuery) -> CaseQuery:
        """The query narrowed to what the caller may see (provider scope and restrictions)."""
        scope = policy.provider_scope(principal)
        return replace(query, providers=None if scope is None else tuple(scope), viewer=principal.subject)

    async def find_cases(self, principal: Principal, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
        if not policy.allows(principal, policy.Operation.READ_CASE):
            return []
        return await self.repository.find(self.scoped(principal, query), first, after_crn)

    async def standards_report(self, principal: Principal, query: CaseQuery, as_of: date,
                               batch: int = 200) -> standards.Report:
        """Per standard, how many cases are MET, DUE, OVERDUE, NOT_MET on ``as_of`` across the
        caseload the query selects (walked in CRN order, a batch at a time)."""
        report = standards.Report(as_of=as_of)
        if not policy.allows(principal, policy.Operation.READ_CASE):
            return report
        query = self.scoped(principal, query)
        after = None
        while True:
            page = await self.repository.find(query, batch, after)
            for case in page:
                report.add(case, standards.evaluate(case, as_of))
            if len(page) < batch:
                return report
            after = page[-1].crn


def _reason(change: Change) -> str:
    """Why a tier was recalculated: the use case that changed an input (e.g. record_rosh_assessment)."""
    name = getattr(change, "__qualname__", "")
    return name.split(".<locals>")[0].replace("CaseService.", "").replace("_", " ") or "update"


def _version_conflict(expected: int, actual: int | None) -> Violation:
    return Violation(ErrorCode.VERSION_CONFLICT,
                     f"The case has changed since version {expected} (it is now at version {actual}); "
                     "reload it and try again.", ("expectedVersion",))

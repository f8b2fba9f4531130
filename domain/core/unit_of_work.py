"""The unit of work every use case shares: load a case, apply a command's rules to a copy, write it
back guarded by the version read, then record what happened. Rules are pure; this is the only
place that sequences them with storage. Each capability's ``use_cases`` module is a set of
functions over a ``UnitOfWork``.

Concurrency (docs/design.md, Documents): every write is a single-document replace filtered on the
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

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.base import Actor, Recorded
from domain.core.case import Case, IdempotencyRecord, Sentence
from domain.core.errors import ErrorCode, Violation, invalid
from domain.core.ports import (
    AuditLog,
    CaseRepository,
    Clock,
    DocumentTooLarge,
    TierHistory,
    VictimRepository,
)
from domain.core.principal import Principal
from domain.records.model import Requirement
from domain.risk import derivation

MAX_ATTEMPTS = 5
MAX_IDEMPOTENCY_RECORDS = 500  # per case: far more retries than any client keeps in flight


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


def fail(*violations: Violation) -> Outcome:
    return Outcome(errors=list(violations))


def not_found(crn: str) -> Violation:
    return Violation(ErrorCode.NOT_FOUND, f"No case with CRN {crn}.", ("crn",))


def version_conflict(expected: int, actual: int | None) -> Violation:
    return Violation(ErrorCode.VERSION_CONFLICT,
                     f"The case has changed since version {expected} (it is now at version {actual}); "
                     "reload it and try again.", ("expectedVersion",))


@dataclass(frozen=True)
class Idempotency:
    """A client's idempotency key (Relay's clientMutationId) and how to find the first result
    again: a retry with the same key gets that result and writes nothing."""

    key: str
    operation: str
    replay: Callable[[Case, list[str]], Any]


def record_ids(created: Any) -> list[str]:
    """The ids of what a command created, by position (an empty string where nothing was)."""
    items = created if isinstance(created, tuple) else (created,)
    return [getattr(item, "id", "") if item is not None else "" for item in items]


def find_in(records: list, record_id: str):
    """The record with this id in a list of records (None for an empty id or none found)."""
    return next((r for r in records if getattr(r, "id", None) == record_id), None) if record_id else None


Change = Callable[[Case, date], Any]
SentenceChange = Callable[[Case, Sentence, Requirement | None, date], Any]


class UnitOfWork:
    """The ports a use case needs (cases, clock, tier history, audit log, victims) and the one way
    a case is changed: ``update``."""

    def __init__(self, cases: CaseRepository, clock: Clock, tiers: TierHistory | None = None,
                 audit: AuditLog | None = None, victims: VictimRepository | None = None) -> None:
        self.cases = cases
        self.clock = clock
        self.tiers = tiers
        self.audit = audit
        self.victims = victims

    async def record(self, entry: audit_trail.AuditEvent) -> None:
        """Append to the audit trail, awaited before the caller answers (REC-1, REC-4)."""
        if self.audit is not None:
            await self.audit.append(entry)

    async def record_many(self, entries: list[audit_trail.AuditEvent]) -> None:
        """Append several events in one write (a request's batched reads), before the answer."""
        if self.audit is not None and entries:
            await self.audit.append_many(entries)

    async def refuse(self, principal: Principal | None, operation: str, reason: str, crn: str | None = None) -> None:
        await self.record(audit_trail.event(audit_trail.AuditKind.REFUSAL, self.clock.now(), operation, principal,
                                            crn=crn, reason=reason))

    async def forbidden(self, principal: Principal, operation: str, crn: str | None, message: str) -> Outcome:
        await self.refuse(principal, operation, message, crn)
        return fail(Violation(ErrorCode.FORBIDDEN, message, ()))

    def stamp(self, principal: Principal) -> Recorded:
        return Recorded(by=Actor(subject=principal.subject, name=principal.name), at=self.clock.now())

    async def update(self, principal: Principal, crn: str, expected_version: int | None, change: Change, *,
                     operation: str, idempotency: Idempotency | None = None, check_policy: bool = True,
                     reason: str | None = None) -> Outcome:
        """Apply ``change`` to case ``crn`` and write it, all or nothing. ``operation`` names the
        use case in the audit trail and, in words (unless ``reason`` says otherwise), as the reason of
        a tier recalculation."""
        for _ in range(MAX_ATTEMPTS):
            case = await self.cases.get(crn)
            if case is None:
                return fail(not_found(crn))
            if check_policy and not policy.can_see(principal, case):
                await self.refuse(principal, operation, "case not visible to the caller (answered as not found)", crn)
                return fail(not_found(crn))  # a case the caller may not see looks like no case
            if check_policy and not policy.can_write(principal, case):
                return await self.forbidden(principal, operation, crn, "Your role may read this case but not change it.")
            if idempotency is not None:
                seen = next((r for r in case.idempotency if r.key == idempotency.key), None)
                if seen is not None:
                    if seen.operation != idempotency.operation:
                        return fail(invalid(("clientMutationId",),
                                            f"This key was already used for {seen.operation}; use a new key per mutation."))
                    return Outcome(case=case, created=idempotency.replay(case, seen.record_ids))
            if expected_version is not None and case.version != expected_version:
                return fail(version_conflict(expected_version, case.version))
            draft = case.model_copy(deep=True)
            try:
                created = change(draft, self.clock.today())
            except Rejected as rejected:
                return fail(*rejected.violations)
            recalculated = derivation.recalculate(draft, reason or operation.replace("_", " "), self.clock.now(),
                                                  self.clock.today())
            if recalculated is not None:
                draft.tier = recalculated
            if idempotency is not None:
                draft.idempotency = [*draft.idempotency, IdempotencyRecord(
                    key=idempotency.key, operation=idempotency.operation, record_ids=record_ids(created),
                    at=self.clock.now())][-MAX_IDEMPOTENCY_RECORDS:]
            draft.version = case.version + 1
            draft.updated = self.stamp(principal)
            if recalculated is not None:
                recalculated.case_version = draft.version
            try:
                written = await self.cases.replace(draft, expected_version=case.version)
            except DocumentTooLarge as too_large:
                return fail(Violation(ErrorCode.DOCUMENT_TOO_LARGE,
                                      f"The case record would be too large to store ({too_large}).", ()))
            if written:
                if recalculated is not None and self.tiers is not None:
                    await self.tiers.append(draft.id, draft.crn, recalculated)
                await self.record(audit_trail.event(audit_trail.AuditKind.WRITE, self.clock.now(), operation, principal,
                                                    crn=crn, version_before=case.version, version_after=draft.version))
                return Outcome(case=draft, created=created)
            if expected_version is not None:
                current = await self.cases.get(crn)
                return fail(version_conflict(expected_version, current.version if current else None))
        return fail(Violation(ErrorCode.VERSION_CONFLICT,
                              f"Case {crn} kept changing while this command was applied; try again.", ()))

    async def on_sentence(self, principal: Principal, command, change: SentenceChange, *, operation: str,
                          replay: Callable[[Sentence, list[str]], Any] | None = None) -> Outcome:
        """``update`` for a command against one sentence (and one of its requirements, if it names
        one): resolves them, refusing with NOT_FOUND when they do not exist, then applies
        ``change``. With ``replay`` and the command's ``idempotency_key``, a retry is answered from
        the first result."""

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

        idempotency = None
        key = getattr(command, "idempotency_key", None)
        if key is not None and replay is not None:
            def replay_on_case(case: Case, ids: list[str]):
                sentence = case.sentence(command.sentence_id)
                return replay(sentence, ids) if sentence is not None else None

            idempotency = Idempotency(key=key, operation=type(command).__name__, replay=replay_on_case)
        return await self.update(principal, command.crn, command.expected_version, resolved, operation=operation,
                                 idempotency=idempotency)

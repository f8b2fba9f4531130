"""The unit of work every use case shares: load a case, apply a command's rules to it, write what
changed guarded by the version read, then record what happened. Rules are pure; this is the only
place that sequences them with storage. Each capability's ``use_cases`` module is a set of
functions over a ``UnitOfWork``.

The change works on the case as loaded, in place: it is this call's own object (parsed from the
store for it), so there is nothing to copy; a refused change leaves it half-changed, and it is
dropped unwritten. The repository writes only the difference (docs/storage.md).

Concurrency (docs/design.md, Documents): every write is a single-document update filtered on the
version it read. If another writer got there first:
- the client named ``expectedVersion``: its view is stale, so VERSION_CONFLICT and nothing written;
- it did not: the command is re-applied to the fresh case (its rules re-checked against the
  new state), at most ``MAX_ATTEMPTS`` times.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime, timedelta
from typing import Any

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.base import Actor, Recorded
from domain.core.case import Case, IdempotencyRecord, Sentence
from domain.core.errors import ErrorCode, Violation, invalid
from domain.core.ports import (
    AuditLog,
    CaseRepository,
    Claims,
    Clock,
    DocumentTooLarge,
    EventStore,
    OfficerDirectory,
    TierHistory,
    VictimRepository,
)
from domain.core.principal import Principal
from domain.events import derive
from domain.events.model import Draft
from domain.events.outbox import Outbox, events_for
from domain.records.model import Requirement
from domain.risk import derivation

logger = logging.getLogger("probation.outbox")

MAX_ATTEMPTS = 5
DEFAULT_IDEMPOTENCY_WINDOW = timedelta(hours=24)  # api/settings.py passes the configured one
MAX_IDEMPOTENCY_KEY_LENGTH = 128  # a UUID is 36; longer keys are refused, not stored
# Keys remembered on one case within the window. Past it a keyed write is refused rather than a key
# forgotten early (forgetting is how a retry turned into a second write, issue 11).
MAX_LIVE_IDEMPOTENCY_KEYS = 1000


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


@dataclass(frozen=True)
class IdempotencyKey:
    """The key a client sent with a command, and the fingerprint of that command's input."""

    key: str
    fingerprint: str


def fingerprint(command: Any) -> str:
    """A stable hash of a command's input (its idempotency key left out): the same input always
    gives the same fingerprint, in any process."""
    if is_dataclass(command):
        items = [(f.name, getattr(command, f.name)) for f in fields(command) if f.name != "idempotency_key"]
        text = repr((type(command).__name__, [(name, _canonical(value)) for name, value in items]))
    else:
        text = repr(_canonical(command))
    return hashlib.sha256(text.encode()).hexdigest()


def _canonical(value: Any) -> Any:
    if is_dataclass(value):
        return (type(value).__name__, [(f.name, _canonical(getattr(value, f.name))) for f in fields(value)])
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return sorted((repr(k), _canonical(v)) for k, v in value.items())
    return value


def key_refused(key: str) -> Violation | None:
    if not key or len(key) > MAX_IDEMPOTENCY_KEY_LENGTH:
        return invalid(("clientMutationId",), f"An idempotency key has 1 to {MAX_IDEMPOTENCY_KEY_LENGTH} characters; "
                                              f"{len(key)} were sent.")
    return None


def key_reused(operation: str) -> Violation:
    return Violation(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                     f"This clientMutationId was already used for a {operation.replace('_', ' ')} with different input; "
                     "send a new key for a new request (nothing was written).", ("clientMutationId",))


def _same_operation(a: str, b: str) -> bool:
    return a.replace("_", "").lower() == b.replace("_", "").lower()


def record_ids(created: Any, case: Case | None = None) -> list[str]:
    """Where to find what a command created, by position: its id, or for a record without one its
    ``@path`` in the case (an empty string where nothing was, or it cannot be found)."""
    items = created if isinstance(created, tuple) else (created,)
    return [("" if item is None else getattr(item, "id", None) or (_path_of(case, item) if case else ""))
            for item in items]


def _path_of(case: Case, item: Any) -> str:
    """``@path`` of a record without an id, at the case or sentence level (found by identity)."""
    owners = [("", case)] + [(f"sentences.{s.id}.", s) for s in case.sentences]
    for prefix, owner in owners:
        for name in type(owner).model_fields:
            value = getattr(owner, name)
            if value is item:
                return f"@{prefix}{name}"
            if isinstance(value, list):
                for index, element in enumerate(value):
                    if element is item:
                        return f"@{prefix}{name}.{index}"
    return ""


def locate(case: Case, locator: str):
    """The record ``record_ids`` pointed at (None when it is not there)."""
    if not locator:
        return None
    if locator.startswith("@"):
        parts = locator[1:].split(".")
        owner: Any = case
        if parts[0] == "sentences":
            owner = case.sentence(parts[1])
            parts = parts[2:]
        value = getattr(owner, parts[0], None) if owner is not None else None
        if len(parts) == 2 and isinstance(value, list):
            index = int(parts[1])
            return value[index] if index < len(value) else None
        return value
    for owner in [case, *case.sentences]:
        if owner is not case and owner.id == locator:
            return owner
        for name in type(owner).model_fields:
            value = getattr(owner, name)
            if isinstance(value, list):
                found = find_in(value, locator)
                if found is not None:
                    return found
    return None


def replay_created(case: Case, ids: list[str]):
    """What the first request created, found again in the case (a tuple when it created several)."""
    found = tuple(locate(case, i) for i in ids)
    return found if len(found) != 1 else found[0]


def find_in(records: list, record_id: str):
    """The record with this id in a list of records (None for an empty id or none found)."""
    return next((r for r in records if getattr(r, "id", None) == record_id), None) if record_id else None


Change = Callable[[Case, date], Any]
SentenceChange = Callable[[Case, Sentence, Requirement | None, date], Any]


class UnitOfWork:
    """The ports a use case needs (cases, clock, tier history, audit log, victims, staff directory) and the one way
    a case is changed: ``update``."""

    def __init__(self, cases: CaseRepository, clock: Clock, tiers: TierHistory | None = None,
                 audit: AuditLog | None = None, victims: VictimRepository | None = None,
                 officers: OfficerDirectory | None = None, claims: Claims | None = None,
                 idempotency_window: timedelta = DEFAULT_IDEMPOTENCY_WINDOW, events: EventStore | None = None,
                 webhooks: Any = None, webhook_rules: Any = None) -> None:
        self.cases = cases
        self.clock = clock
        self.tiers = tiers
        self.audit = audit
        self.victims = victims
        self.officers = officers
        self.claims = claims
        self.events = events
        self.webhooks = webhooks  # the webhook store (repositories.webhooks)
        self.webhook_rules = webhook_rules  # domain.events.webhooks.WebhookRules (None: none may be registered)
        self.idempotency_window = idempotency_window
        self.request_key: IdempotencyKey | None = None

    def keyed(self, key: str | None, command: Any) -> "UnitOfWork":
        """This unit of work for one command sent with idempotency key ``key`` (None: as it is).
        Every write through the returned one remembers the key with the command's fingerprint."""
        if key is None:
            return self
        bound = copy.copy(self)
        bound.request_key = IdempotencyKey(key, fingerprint(command))
        return bound

    def key_expired(self, at: datetime) -> bool:
        return at <= self.clock.now() - self.idempotency_window

    def keyed_record_id(self, principal: Principal, operation: str) -> str | None:
        """For a record written outside a case (e.g. the victims collection), the id a keyed command
        gives it: the same for a retry of the same key by the same caller, so a second insert finds
        the first (None without a key)."""
        if self.request_key is None:
            return None
        text = f"{principal.subject}\x00{operation}\x00{self.request_key.key}"
        return "k" + hashlib.sha256(text.encode()).hexdigest()[:31]

    def replay_or_refuse(self, operation: str, stored: Any) -> Outcome | None:
        """A keyed retry of a record stored outside a case: the first result when the input is the
        same and the key is live, IDEMPOTENCY_KEY_REUSED when it differs, None when the key expired
        (the command is then new)."""
        if stored is None or self.request_key is None or self.key_expired(stored.recorded.at):
            return None
        if stored.key_fingerprint != self.request_key.fingerprint:
            return fail(key_reused(operation))
        return Outcome(case=None, created=stored)

    async def record(self, entry: audit_trail.AuditEvent) -> None:
        """Append to the audit trail, awaited before the caller answers (REC-1, REC-4)."""
        if self.audit is not None:
            await self.audit.append(entry)

    async def record_many(self, entries: list[audit_trail.AuditEvent]) -> None:
        """Append several events in one write, before the answer (a partner batch: one event per CRN; a
        request's batched reads)."""
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

    async def settle(self, crn: str) -> None:
        """After a write: move the case's outbox now, best effort, so the audit trail, the tier history
        and the events read as written in the common path; if this fails the background relay moves
        it (the outbox, written with the change, is the source of truth)."""
        try:
            await self.cases.drain(crn)
        except Exception:  # noqa: BLE001  (anything: the relay catches up; the write itself stands)
            logger.warning("Outbox of %s not moved after the write; the relay will move it", crn, exc_info=True)

    async def update(self, principal: Principal, crn: str, expected_version: int | None, change: Change, *,
                     operation: str, idempotency: Idempotency | None = None, check_policy: bool = True,
                     reason: str | None = None, announce: Callable[[Case, date], list[Draft]] | None = None) -> Outcome:
        """Apply ``change`` to case ``crn`` and write it, all or nothing. ``operation`` names the
        use case in the audit trail and, in words (unless ``reason`` says otherwise), as the reason of
        a tier recalculation. The events the change makes (``domain.events.derive``, from the case
        before and after, plus what ``announce`` says of the case as loaded), its audit event and its
        tier-history entry go on the case's outbox in the same write."""
        key = self.request_key or (IdempotencyKey(idempotency.key, "") if idempotency is not None else None)
        if key is not None and (refused := key_refused(key.key)) is not None:
            return fail(refused)
        replay = idempotency.replay if idempotency is not None else replay_created
        for _ in range(MAX_ATTEMPTS):
            loaded = await self.cases.load(crn)
            if loaded is None:
                return fail(not_found(crn))
            case = loaded.case
            if check_policy and not policy.can_see(principal, case):
                await self.refuse(principal, operation, "case not visible to the caller (answered as not found)", crn)
                return fail(not_found(crn))  # a case the caller may not see looks like no case
            if check_policy and not policy.can_write(principal, case):
                return await self.forbidden(principal, operation, crn, "Your role may read this case but not change it.")
            live = [r for r in case.idempotency if not self.key_expired(r.at)]
            if key is not None:
                seen = next((r for r in live if r.key == key.key and r.subject in (None, principal.subject)), None)
                if seen is not None:
                    if not _same_operation(seen.operation, operation) or (
                            seen.fingerprint and key.fingerprint and seen.fingerprint != key.fingerprint):
                        return fail(key_reused(seen.operation))
                    return Outcome(case=case, created=replay(case, seen.record_ids))
                if len(live) >= MAX_LIVE_IDEMPOTENCY_KEYS:
                    return fail(invalid(("clientMutationId",), f"This case took {len(live)} keyed writes in the last "
                                        f"{self.idempotency_window}; try again later."))
            if expected_version is not None and case.version != expected_version:
                return fail(version_conflict(expected_version, case.version))
            before = derive.facts(case)
            announced = announce(case, self.clock.today()) if announce is not None else []
            try:
                created = change(case, self.clock.today())
            except Rejected as rejected:
                return fail(*rejected.violations)
            recalculated = derivation.recalculate(case, reason or operation.replace("_", " "), self.clock.now(),
                                                  self.clock.today())
            if recalculated is not None:
                case.tier = recalculated
            if len(live) != len(case.idempotency) or key is not None:  # expired keys are dropped at a write
                case.idempotency = live + ([IdempotencyRecord(
                    key=key.key, operation=operation, record_ids=record_ids(created, case), at=self.clock.now(),
                    fingerprint=key.fingerprint or None, subject=principal.subject)] if key is not None else [])
            case.version = loaded.version + 1
            case.updated = self.stamp(principal)
            if recalculated is not None:
                recalculated.case_version = case.version
            outbox = Outbox(
                events=events_for(case, derive.changes(before, derive.facts(case)) + announced, self.clock.now(),
                                  self.clock.today()),
                audit=[audit_trail.event(audit_trail.AuditKind.WRITE, self.clock.now(), operation, principal, crn=crn,
                                         version_before=loaded.version, version_after=case.version)],
                tiers=[recalculated] if recalculated is not None else [])
            try:
                written = await self.cases.save(loaded, outbox)
            except DocumentTooLarge as too_large:
                return fail(Violation(ErrorCode.DOCUMENT_TOO_LARGE,
                                      f"The case record would be too large to store ({too_large}).", ()))
            if written:
                await self.settle(crn)
                return Outcome(case=case, created=created)
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
        # A key that came on the command itself (not bound by ``keyed``) is fingerprinted here.
        uow = self if self.request_key is not None or key is None else self.keyed(key, command)
        return await uow.update(principal, command.crn, command.expected_version, resolved,
                                operation=operation, idempotency=idempotency)

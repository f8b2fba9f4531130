"""Ports: what the use cases need from the outside world, as protocols. ``repositories``
implements them over MongoDB; tests may hand-write fakes."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from domain.audit.events import AuditEvent
from domain.core.calendar import LONDON
from domain.core.case import Case
from domain.events.model import DomainEvent, EventType
from domain.events.outbox import Outbox
from domain.records.commands import CaseOrder, CaseQuery
from domain.risk.model import TierCalculation
from domain.sharing.victims import VictimContactDecisionRecord, VictimRecord
from domain.staff.commands import OfficerQuery
from domain.staff.model import StaffOfficer


class DuplicateCrn(Exception):
    """A case with this CRN already exists."""


class DuplicateOfficer(Exception):
    """An officer with this code is already in the staff directory."""


class DocumentTooLarge(Exception):
    """The case would exceed the document size budget."""

    def __init__(self, size: int, budget: int) -> None:
        super().__init__(f"case document of {size} bytes exceeds the budget of {budget} bytes")
        self.size = size
        self.budget = budget


class DuplicateClaim(Exception):
    """The name is already claimed (see ``Claims``)."""


@dataclass
class Loaded:
    """A case read for a change: the use case changes ``case`` in place (no copy); ``version`` is
    the version read, which the write is guarded by; ``snapshot`` is the repository's own record of
    what it read (opaque here), from which it writes only what the change changed."""

    case: Case
    version: int
    snapshot: Any = None


@dataclass
class Tally:
    """Per standard, how many cases are in each state on a day, counted from stored summaries."""

    cases: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


class CaseRepository(Protocol):
    async def get(self, crn: str) -> Case | None: ...

    async def load(self, crn: str) -> Loaded | None:
        """The case to change, and what the repository needs to write only the change."""
        ...

    async def save(self, loaded: Loaded, outbox: "Outbox | None" = None) -> bool:
        """Write what changed in ``loaded.case`` (its version already bumped) if the stored version
        is still ``loaded.version``; False if it is not (nothing written). Stores the summary of the
        standards as of the day of the write (``case.updated``), and appends ``outbox`` to the case's
        outbox in the same update. Raises DocumentTooLarge (nothing written) past the budget."""
        ...

    async def drain(self, crn: str) -> int:
        """Best effort, right after a write: move this case's outbox now (the background relay
        guarantees it happens anyway). Returns how many entries were moved."""
        ...

    async def get_many(self, crns: Sequence[str]) -> list[Case | None]:
        """The cases for these CRNs, in the same order, None where there is none."""
        ...

    async def get_many_for_sharing(self, crns: Sequence[str]) -> list[Case | None]:
        """``get_many`` for the partner view: read-only cases holding at least what it reads, in
        about the same time whether a CRN has a case or not."""
        ...

    async def add(self, case: Case, outbox: "Outbox | None" = None) -> None:
        """Insert a new case (with its summary as of the day it was written, and ``outbox`` as its
        outbox); raises DuplicateCrn if the CRN is taken."""
        ...

    async def find(self, query: CaseQuery, first: int, after_crn: str | None, *, before_crn: str | None = None,
                   backward: bool = False) -> list[Case]:
        """Up to ``first`` cases matching ``query``, in CRN order, after ``after_crn`` and before
        ``before_crn`` (both exclusive). ``backward``: the ``first`` nearest ``before_crn``, in
        descending CRN order."""
        ...

    async def count(self, query: CaseQuery) -> int:
        """How many cases match ``query`` (``totalCount``)."""
        ...

    async def any_beyond(self, query: CaseQuery, crn: str, *, before: bool) -> bool:
        """Whether a case matching ``query`` has a CRN at or before ``crn`` (``before``), or at or
        after it: whether there is a page on that side of a cursor."""
        ...

    async def page(self, query: CaseQuery, first: int, order: CaseOrder,
                   after: tuple[str, ...] | None) -> list[tuple[tuple[str, ...], Case]]:
        """Up to ``first`` cases in ``order``, each with its keyset key (what a cursor encodes),
        after the key ``after``."""
        ...

    async def tally(self, query: CaseQuery, as_of: date) -> Tally:
        """The report on ``as_of`` counted from the stored summaries that answer for that day."""
        ...

    def unsummarised(self, query: CaseQuery, as_of: date) -> AsyncIterator[Case]:
        """The cases matching ``query`` whose stored summary does not answer for ``as_of``."""
        ...


@dataclass(frozen=True)
class Claim:
    """A unique name held for a case: a person's normalised PNC number, or a client's idempotency
    key for ``createCase`` (with the fingerprint of the input it came with)."""

    name: str
    case_id: str
    crn: str
    at: datetime
    fingerprint: str | None = None


class Claims(Protocol):
    """Unique names written before the case they belong to (a unique ``_id``), so that two writers
    cannot both create a case for one person or one key."""

    async def claim(self, claim: Claim) -> None:
        """Hold the name; raises DuplicateClaim if it is held."""
        ...

    async def get(self, name: str) -> Claim | None: ...

    async def take_over(self, stale: Claim, claim: Claim) -> bool:
        """Replace ``stale`` (a claim whose case was never written) by ``claim``; False if it changed."""
        ...

    async def release(self, claim: Claim) -> None:
        """Drop the claim if it is still held for the same case."""
        ...


class OfficerDirectory(Protocol):
    """The staff directory (``officers``): officers by normal-form code, pages in name order."""

    async def get(self, code: str) -> StaffOfficer | None:
        """The officer with this code (already in normal form), or None."""
        ...

    async def add(self, officer: StaffOfficer) -> None:
        """Insert a new officer; raises DuplicateOfficer if the code is taken."""
        ...

    async def replace(self, officer: StaffOfficer, expected_version: int) -> bool:
        """Write ``officer`` if the stored version is still ``expected_version``; False if it is not."""
        ...

    async def find(self, query: OfficerQuery, first: int, after: tuple[str, str] | None) -> list[StaffOfficer]:
        """Up to ``first`` officers matching ``query`` in (name key, code) order, after that keyset position."""
        ...


class TierHistory(Protocol):
    """TIER-1 history, stored apart from the case (docs/design.md: ``tier_calculations``)."""

    async def append(self, case_id: str, crn: str, calculation: TierCalculation) -> None:
        """Store a calculation (idempotent by its id)."""
        ...

    async def history(self, case_id: str) -> list[TierCalculation]:
        """Every calculation for the case, newest first."""
        ...


class AuditLog(Protocol):
    """Append-only audit store (REC-1, REC-4)."""

    async def append(self, event: AuditEvent) -> None: ...

    async def append_many(self, events: Sequence[AuditEvent]) -> None:
        """Append several events in one write, in order (a partner batch, a request's batched reads)."""
        ...

    async def find(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None,
                   first: int, after: tuple[datetime, str] | None, *, before: tuple[datetime, str] | None = None,
                   backward: bool = False) -> list[AuditEvent]:
        """Up to ``first`` events, newest first, after the (at, id) keyset cursor ``after`` and
        before ``before``. ``backward``: the ``first`` events nearest ``before`` (oldest first)."""
        ...

    async def count(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None) -> int:
        """How many events match (``totalCount``)."""
        ...

    async def any_beyond(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None,
                         position: tuple[datetime, str], *, newer: bool) -> bool:
        """Whether a matching event is at the (at, id) ``position`` or newer (``newer``), or older."""
        ...


class VictimRepository(Protocol):
    """The ``victims`` collection (VIC-3): apart from the case."""

    async def add(self, record: VictimRecord) -> bool:
        """Insert the record; False when a record with its id is already there (a keyed retry)."""
        ...

    async def get(self, record_id: str) -> VictimRecord | VictimContactDecisionRecord | None: ...

    async def for_case(self, crn: str) -> list[VictimRecord]: ...

    async def add_decision(self, record: VictimContactDecisionRecord) -> bool:
        """Insert the decision; False when one with its id is already there (a keyed retry)."""
        ...

    async def decisions_for_case(self, crn: str) -> list[VictimContactDecisionRecord]: ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...

    def today(self) -> date:
        """Today's date in England and Wales."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(tz=LONDON)

    def today(self) -> date:
        return self.now().date()


class FixedClock:
    """A clock that says what it is told (tests, replays)."""

    def __init__(self, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._now = now

    def set(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self._now.astimezone(LONDON).date()


@dataclass(frozen=True)
class EventQuery:
    """Which stored events a reader asks for (``events`` feed, subscription): after a feed
    position, of some types, about one CRN; ``agency`` for a partner (only the events stored as
    heard by it); ``providers`` and ``viewer`` for staff (``None`` providers: every provider; a
    restricted case's events only for the subjects on its allow-list)."""

    after: int | None = None
    types: tuple[EventType, ...] | None = None
    crn: str | None = None
    agency: str | None = None
    providers: frozenset[str | None] | None = None
    viewer: str | None = None
    staff: bool = True


class EventStore(Protocol):
    """The append-only ``events`` collection, in feed order (``position``)."""

    async def find(self, query: EventQuery, first: int) -> list[DomainEvent]:
        """Up to ``first`` events matching ``query`` after ``query.after``, in feed order, none past
        the settled horizon (an event still being stored by a relay holds back those after it)."""
        ...

    async def latest_position(self) -> int:
        """The position of the newest settled event (0 when there is none): where a new subscriber
        without a cursor starts."""
        ...

    async def wait_for_new(self, timeout: float) -> None:
        """Until new events may have been stored (this process's relay stored some), or ``timeout``
        seconds (another instance's relay is found by polling)."""
        ...

"""Ports: what the use cases need from the outside world, as protocols. ``repositories``
implements them over MongoDB; tests may hand-write fakes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from domain.audit.events import AuditEvent
from domain.core.calendar import LONDON
from domain.core.case import Case
from domain.records.commands import CaseQuery
from domain.risk.model import TierCalculation
from domain.sharing.victims import VictimRecord


class DuplicateCrn(Exception):
    """A case with this CRN already exists."""


class DocumentTooLarge(Exception):
    """The case would exceed the document size budget."""

    def __init__(self, size: int, budget: int) -> None:
        super().__init__(f"case document of {size} bytes exceeds the budget of {budget} bytes")
        self.size = size
        self.budget = budget


class CaseRepository(Protocol):
    async def get(self, crn: str) -> Case | None: ...

    async def get_many(self, crns: Sequence[str]) -> list[Case | None]:
        """The cases for these CRNs, in the same order, None where there is none."""
        ...

    async def add(self, case: Case) -> None:
        """Insert a new case; raises DuplicateCrn if the CRN is taken."""
        ...

    async def replace(self, case: Case, expected_version: int) -> bool:
        """Write ``case`` if the stored version is still ``expected_version``; False if it is not."""
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
        """Append several events in one write (the batched reads of one request)."""
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

    async def add(self, record: VictimRecord) -> None: ...

    async def for_case(self, crn: str) -> list[VictimRecord]: ...


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

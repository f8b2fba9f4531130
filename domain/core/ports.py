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


class CaseRepository(Protocol):
    async def get(self, crn: str) -> Case | None: ...

    async def get_many(self, crns: Sequence[str]) -> list[Case | None]:
        """The cases for these CRNs, in the same order, None where there is none."""
        ...

    async def get_many_for_sharing(self, crns: Sequence[str]) -> list[Case | None]:
        """``get_many`` for the partner view: read-only cases holding at least what it reads, in
        about the same time whether a CRN has a case or not."""
        ...

    async def add(self, case: Case) -> None:
        """Insert a new case; raises DuplicateCrn if the CRN is taken."""
        ...

    async def replace(self, case: Case, expected_version: int) -> bool:
        """Write ``case`` if the stored version is still ``expected_version``; False if it is not."""
        ...

    async def find(self, query: CaseQuery, first: int, after_crn: str | None) -> list[Case]:
        """Up to ``first`` cases matching ``query``, in CRN order, after ``after_crn``."""
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
        """Append several events in one write, in order."""
        ...

    async def find(self, crn: str | None, actor: str | None, since: datetime | None, until: datetime | None,
                   first: int, after: tuple[datetime, str] | None) -> list[AuditEvent]:
        """Up to ``first`` events, newest first, after the (at, id) keyset cursor."""
        ...


class VictimRepository(Protocol):
    """The ``victims`` collection (VIC-3): apart from the case."""

    async def add(self, record: VictimRecord) -> None: ...

    async def for_case(self, crn: str) -> list[VictimRecord]: ...

    async def add_decision(self, record: VictimContactDecisionRecord) -> None: ...

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

"""The case document as the domain sees it: one aggregate per case.

Everything a rule decides on lives in the case it changes, so every command is one
single-document write guarded by the version it read (DESIGN.md, Documents). History is
appended, never edited: allocations, assessments and registrations are added and superseded.
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

from pydantic import BaseModel, ConfigDict, Field

from domain.enums import (
    AllocationKind,
    Gender,
    MappaCategory,
    MappaLevel,
    OffenceCategory,
    Provider,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceStatus,
    SentenceType,
)


def new_id() -> str:
    return uuid4().hex


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Actor(Model):
    """Who made a write: the token's subject and display name."""

    subject: str
    name: str


class Recorded(Model):
    """When and by whom a record was written (REC-1: the time it was recorded, beside the date
    it happened)."""

    by: Actor
    at: datetime


class Offender(Model):
    forename: str
    surname: str
    date_of_birth: date
    gender: Gender
    pnc_number: str | None = None


class Officer(Model):
    code: str
    name: str


class Allocation(Model):
    """One entry of the allocation history (ALLOC-1, ALLOC-2). The current allocation is the
    last entry: a transfer appends a new one, it never edits or removes the old."""

    kind: AllocationKind
    provider: Provider
    officer: Officer
    allocated_on: date
    rationale: str | None = None
    recorded: Recorded


class Offence(Model):
    description: str
    category: OffenceCategory
    committed_on: date


class Requirement(Model):
    """A requirement of a community order/SSO or a condition of a licence/PSS, with the
    parameters its type takes (REQ-*)."""

    id: str = Field(default_factory=new_id)
    type: RequirementType
    hours: int | None = None
    days: int | None = None
    length_months: int | None = None
    consent_given: bool | None = None
    alcohol_dependent: bool | None = None
    programme: str | None = None
    details: str | None = None
    status: RequirementStatus = RequirementStatus.ACTIVE
    recorded: Recorded


class Sentence(Model):
    id: str = Field(default_factory=new_id)
    type: SentenceType
    imposed_on: date
    length_months: int
    release_date: date | None = None
    custodial_term_months: int | None = None
    end_date: date
    offence: Offence
    requirements: list[Requirement] = Field(default_factory=list)
    status: SentenceStatus = SentenceStatus.ACTIVE
    recorded: Recorded

    def requirement(self, requirement_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)


class RoshAssessment(Model):
    """One risk of serious harm assessment (RISK-1). Kept as history; the current one is the
    latest by assessment date (ties: the one recorded last)."""

    id: str = Field(default_factory=new_id)
    level: RoshLevel
    risk_to_children: RoshLevel | None = None
    assessed_on: date
    rationale: str
    recorded: Recorded


class MappaRegistration(Model):
    id: str = Field(default_factory=new_id)
    category: MappaCategory
    level: MappaLevel
    registered_on: date
    visor_recorded: bool
    deregistered_on: date | None = None
    recorded: Recorded


class SafeguardingConcern(Model):
    id: str = Field(default_factory=new_id)
    kind: SafeguardingKind
    started_on: date
    ended_on: date | None = None
    recorded: Recorded


class Case(Model):
    id: str = Field(default_factory=new_id)
    crn: str
    version: int = 1
    offender: Offender
    allocations: list[Allocation] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    rosh_assessments: list[RoshAssessment] = Field(default_factory=list)
    mappa_registrations: list[MappaRegistration] = Field(default_factory=list)
    safeguarding: list[SafeguardingConcern] = Field(default_factory=list)
    created: Recorded
    updated: Recorded

    @property
    def allocation(self) -> Allocation | None:
        """The current allocation (ALLOC-2: exactly one officer once allocated)."""
        return self.allocations[-1] if self.allocations else None

    @property
    def rosh(self) -> RoshAssessment | None:
        """The current RoSH: the latest assessment by date; on the same date, the last recorded."""
        if not self.rosh_assessments:
            return None
        indexed = list(enumerate(self.rosh_assessments))
        return max(indexed, key=lambda pair: (pair[1].assessed_on, pair[0]))[1]

    @property
    def mappa(self) -> MappaRegistration | None:
        """The current MAPPA registration: the latest not deregistered, if any."""
        live = [m for m in self.mappa_registrations if m.deregistered_on is None]
        if not live:
            return None
        indexed = list(enumerate(live))
        return max(indexed, key=lambda pair: (pair[1].registered_on, pair[0]))[1]

    def sentence(self, sentence_id: str) -> Sentence | None:
        return next((s for s in self.sentences if s.id == sentence_id), None)

"""Risk records: RoSH assessments, MAPPA and safeguarding registrations, complexity factors, needs,
emergency actions and tier calculations."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import Field

from domain.core.base import Model, Recorded, new_id
from domain.core.enums import MappaCategory, MappaLevel, RoshLevel, SafeguardingAgency, SafeguardingKind
from domain.risk.tiering import ChangeLevel, ComplexityFactor, Need, NeedSeverity, ProblemLevel, ProtectLevel


class RoshAssessment(Model):
    """One risk of serious harm assessment (RISK-1): the overall level, the level by group, the
    likelihood-of-reoffending scores (exact percentages), the assessor (``recorded.by``), date and
    rationale. Kept as history; the current one is the latest by date (ties: the last recorded)."""

    id: str = Field(default_factory=new_id)
    level: RoshLevel
    risk_to_children: RoshLevel | None = None
    risk_to_public: RoshLevel | None = None
    risk_to_known_adult: RoshLevel | None = None
    risk_to_staff: RoshLevel | None = None
    reoffending_score: Decimal | None = None
    serious_recidivism_score: Decimal | None = None
    assessed_on: date
    rationale: str
    recorded: Recorded


class MappaRegistration(Model):
    id: str = Field(default_factory=new_id)
    category: MappaCategory
    level: MappaLevel
    registered_on: date
    visor_recorded: bool
    visor_reference: str | None = None
    review_due_on: date | None = None
    deregistered_on: date | None = None
    deregistration_reason: str | None = None
    recorded: Recorded


class SafeguardingConcern(Model):
    """SAFE-1: a time-bounded safeguarding registration with the referral made, to whom and when."""

    id: str = Field(default_factory=new_id)
    kind: SafeguardingKind
    started_on: date
    review_on: date | None = None
    ended_on: date | None = None
    referred_to: SafeguardingAgency | None = None
    referred_on: date | None = None
    details: str | None = None
    recorded: Recorded

    def active_on(self, day: date) -> bool:
        return self.started_on <= day and (self.ended_on is None or self.ended_on > day)


class ComplexityRegistration(Model):
    """A complexity factor registered on the case (TIER-1), time-bounded."""

    id: str = Field(default_factory=new_id)
    factor: ComplexityFactor
    started_on: date
    ended_on: date | None = None
    recorded: Recorded


class NeedsAssessment(Model):
    """Criminogenic needs and their severity (TIER-1 change level)."""

    id: str = Field(default_factory=new_id)
    assessed_on: date
    needs: dict[Need, NeedSeverity]
    # The OASys answers behind hmpps-tier's additional factors for women (6.9, 11.2, 11.4); None: not answered.
    parenting_responsibilities: bool | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None
    recorded: Recorded


class EmergencyAction(Model):
    """RISK-3: immediate action on an immediate risk, and when a manager was informed (which is
    recorded later, as soon as possible after the event)."""

    id: str = Field(default_factory=new_id)
    occurred_at: datetime
    action: str
    manager_informed_at: datetime | None = None
    recorded: Recorded


class TierCalculation(Model):
    """TIER-1: one stored calculation with its inputs, breakdown, rule version and reason."""

    id: str = Field(default_factory=new_id)
    tier: str
    protect: ProtectLevel
    change: ChangeLevel
    provisional: bool
    protect_points: int
    change_points: int
    breakdown: dict[str, int]
    explanation: list[str]
    inputs: dict[str, Any]
    rule_version: str
    reason: str
    calculated_at: datetime
    # Provisional parts (domain.risk.tiering): the levels still possible and the missing inputs behind them.
    range: str | None = None
    possible_protect: list[ProtectLevel] = Field(default_factory=list)
    possible_change: list[ChangeLevel] = Field(default_factory=list)
    missing_inputs: list[dict[str, Any]] = Field(default_factory=list)
    unsupervised: bool = False
    case_version: int = 1  # the case version written with it: orders the history exactly

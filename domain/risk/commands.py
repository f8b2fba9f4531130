"""Commands: what a caller asks the domain to do, already typed but not yet validated.
The GraphQL layer builds them from inputs; the use cases validate them against the rules.

This module: RoSH, MAPPA, safeguarding, complexity factors, needs, emergency actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from domain.core.enums import MappaCategory, MappaLevel, RoshLevel, SafeguardingAgency, SafeguardingKind
from domain.risk.tiering import ComplexityFactor, Need, NeedSeverity, ProblemLevel


@dataclass(frozen=True)
class RecordRoshAssessment:
    crn: str
    level: RoshLevel
    assessed_on: date
    rationale: str
    risk_to_children: RoshLevel | None = None
    risk_to_public: RoshLevel | None = None
    risk_to_known_adult: RoshLevel | None = None
    risk_to_staff: RoshLevel | None = None
    reoffending_score: Decimal | None = None
    serious_recidivism_score: Decimal | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterMappa:
    crn: str
    category: MappaCategory
    level: MappaLevel
    registered_on: date
    visor_recorded: bool
    visor_reference: str | None = None
    review_due_on: date | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class DeregisterMappa:
    crn: str
    deregistered_on: date
    reason: str
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterSafeguarding:
    crn: str
    kind: SafeguardingKind
    started_on: date
    review_on: date | None = None
    referred_to: SafeguardingAgency | None = None
    referred_on: date | None = None
    details: str | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class EndSafeguarding:
    crn: str
    safeguarding_id: str
    ended_on: date
    expected_version: int | None = None


@dataclass(frozen=True)
class RegisterComplexityFactor:
    crn: str
    factor: ComplexityFactor
    started_on: date
    ended_on: date | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordNeedsAssessment:
    crn: str
    assessed_on: date
    needs: tuple[tuple[Need, NeedSeverity], ...]
    expected_version: int | None = None
    parenting_responsibilities: bool | None = None
    impulsivity: ProblemLevel | None = None
    temper_control: ProblemLevel | None = None


@dataclass(frozen=True)
class RecordEmergencyAction:
    crn: str
    occurred_at: datetime
    action: str
    manager_informed_at: datetime | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class RecordManagerInformed:
    """RISK-3: when the manager was informed of an emergency action recorded earlier."""

    crn: str
    emergency_action_id: str
    informed_at: datetime
    expected_version: int | None = None

"""Builders of domain objects for unit tests: a case as a rule sees it, with only what matters."""

from __future__ import annotations

from datetime import date, datetime, timezone

from domain.core.base import Actor, Recorded
from domain.core.case import Case, Sentence
from domain.core.dates import period_end
from domain.core.enums import (
    AllocationKind,
    AppointmentKind,
    AppointmentOutcome,
    Gender,
    OffenceCategory,
    Provider,
    RequirementType,
    RoshLevel,
    SentenceType,
)
from domain.delivery.model import Appointment, Plan, PlanObjective
from domain.records.model import Allocation, Offence, Offender, Officer, Requirement
from domain.risk.model import RoshAssessment

STAMP = Recorded(by=Actor(subject="u-1", name="Pat"), at=datetime(2026, 1, 1, tzinfo=timezone.utc))


def case(born: date = date(1990, 5, 17), gender: Gender = Gender.MALE) -> Case:
    return Case(crn="X123456", offender=Offender(forename="A", surname="B", date_of_birth=born, gender=gender),
                created=STAMP, updated=STAMP)


def sentence(type: SentenceType = SentenceType.COMMUNITY_ORDER, imposed_on: date = date(2026, 11, 2),
             length_months: int = 12, release_date: date | None = None, custodial_term_months: int | None = None,
             category: OffenceCategory = OffenceCategory.ACQUISITIVE, committed_on: date | None = None,
             requirements: list[Requirement] | None = None) -> Sentence:
    return Sentence(type=type, imposed_on=imposed_on, length_months=length_months, release_date=release_date,
                    custodial_term_months=custodial_term_months, end_date=period_end(imposed_on, length_months),
                    offence=Offence(description="o", category=category, committed_on=committed_on or imposed_on),
                    requirements=requirements or [], recorded=STAMP)


def requirement(type: RequirementType = RequirementType.UNPAID_WORK, **parameters) -> Requirement:
    return Requirement(type=type, recorded=STAMP, **parameters)


def allocate(c: Case, on: date, provider: Provider = Provider.NPS, kind: AllocationKind = AllocationKind.ALLOCATION,
             officer: str = "N1") -> Case:
    c.allocations.append(Allocation(kind=kind, provider=provider, officer=Officer(code=officer, name=officer),
                                    allocated_on=on, recorded=STAMP))
    return c


def assess(c: Case, level: RoshLevel, on: date, children: RoshLevel | None = None) -> Case:
    c.rosh_assessments.append(RoshAssessment(level=level, risk_to_children=children, assessed_on=on, rationale="r",
                                             recorded=STAMP))
    return c


def appointment(s: Sentence, on: date, kind: AppointmentKind = AppointmentKind.SUPERVISION,
                outcome: AppointmentOutcome | None = AppointmentOutcome.ATTENDED_COMPLIED, face_to_face: bool = True,
                arranged_on: date | None = None) -> Sentence:
    """An appointment on ``on``, arranged on ``arranged_on`` (default: the same day)."""
    s.appointments.append(Appointment(kind=kind, face_to_face=face_to_face, date=on, outcome=outcome, recorded=STAMP,
                                      arranged_on=arranged_on or on))
    return s


def plan(s: Sentence, on: date, level: RoshLevel = RoshLevel.LOW, rmp: str | None = None,
         children: bool = False) -> Sentence:
    s.plans.append(Plan(completed_on=on, rosh_level_identified=level, risk_management_plan=rmp,
                        objectives=[PlanObjective(description="o", targets_risk_to_children=children)], recorded=STAMP))
    return s

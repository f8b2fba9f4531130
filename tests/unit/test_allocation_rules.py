"""ALLOC-2 and ALLOC-3 as pure rules."""

from datetime import date, datetime, timezone

import pytest

from domain.core.base import Actor, Recorded
from domain.core.case import Case
from domain.core.enums import AllocationKind, Gender, Provider, RoshLevel
from domain.core.errors import ErrorCode
from domain.records.allocation import can_allocate, can_transfer
from domain.records.commands import AllocateCase, OfficerDetails, TransferCase
from domain.records.model import Allocation, Offender, Officer
from domain.risk.model import RoshAssessment

TODAY = date(2026, 11, 20)
STAMP = Recorded(by=Actor(subject="u", name="U"), at=datetime(2026, 11, 1, tzinfo=timezone.utc))


def case_with(rosh: RoshLevel | None = None, allocated: bool = False) -> Case:
    case = Case(crn="X123456", offender=Offender(forename="A", surname="B", date_of_birth=date(1990, 1, 1),
                                                 gender=Gender.MALE), created=STAMP, updated=STAMP)
    if rosh:
        case.rosh_assessments.append(RoshAssessment(level=rosh, assessed_on=date(2026, 11, 1), rationale="r", recorded=STAMP))
    if allocated:
        case.allocations.append(Allocation(kind=AllocationKind.ALLOCATION, provider=Provider.NPS,
                                           officer=Officer(code="N1", name="One"), allocated_on=date(2026, 11, 2),
                                           recorded=STAMP))
    return case


def allocate(provider=Provider.CRC, **kw) -> AllocateCase:
    return AllocateCase(crn="X123456", provider=provider, officer=kw.pop("officer", OfficerDetails("C1", "Cee")),
                        allocated_on=kw.pop("allocated_on", date(2026, 11, 3)),
                        rationale=kw.pop("rationale", "Allocated by RoSH band"), **kw)


@pytest.mark.parametrize("level, refused", [
    (None, False), (RoshLevel.LOW, False), (RoshLevel.MEDIUM, False), (RoshLevel.HIGH, True), (RoshLevel.VERY_HIGH, True)])
def test_alloc_3_high_rosh_cannot_go_to_a_crc(level, refused):
    violations = can_allocate(case_with(level), allocate(Provider.CRC), TODAY)
    assert bool(violations) is refused
    if refused:
        assert violations[0].code is ErrorCode.ROSH_REQUIRES_NPS
        assert violations[0].standard == "ALLOC-3"
        assert violations[0].field == ("provider",)


@pytest.mark.parametrize("level", list(RoshLevel))
def test_alloc_3_any_rosh_may_go_to_the_nps(level):
    assert can_allocate(case_with(level), allocate(Provider.NPS), TODAY) == []


def test_alloc_3_applies_to_transfers_too():
    command = TransferCase(crn="X123456", provider=Provider.CRC, officer=OfficerDetails("C1", "Cee"),
                           transferred_on=date(2026, 11, 10), rationale="Area move")
    violations = can_transfer(case_with(RoshLevel.VERY_HIGH, allocated=True), command, TODAY)
    assert [v.standard for v in violations] == ["ALLOC-3"]


def test_alloc_2_a_transfer_without_an_officer_is_refused():
    command = TransferCase(crn="X123456", provider=Provider.NPS, officer=None,
                           transferred_on=date(2026, 11, 10), rationale="Officer left")
    violations = can_transfer(case_with(allocated=True), command, TODAY)
    assert [(v.standard, v.field) for v in violations] == [("ALLOC-2", ("officer",))]


def test_alloc_2_an_allocated_case_is_transferred_not_reallocated():
    violations = can_allocate(case_with(allocated=True), allocate(Provider.NPS), TODAY)
    assert [v.standard for v in violations] == ["ALLOC-2"]


def test_rec_2_a_transfer_needs_a_rationale():
    command = TransferCase(crn="X123456", provider=Provider.NPS, officer=OfficerDetails("N2", "Two"),
                           transferred_on=date(2026, 11, 10), rationale="   ")
    assert [v.standard for v in can_transfer(case_with(allocated=True), command, TODAY)] == ["REC-2"]


def test_a_transfer_cannot_predate_the_current_allocation():
    command = TransferCase(crn="X123456", provider=Provider.NPS, officer=OfficerDetails("N2", "Two"),
                           transferred_on=date(2026, 11, 1), rationale="Because")
    assert [v.field for v in can_transfer(case_with(allocated=True), command, TODAY)] == [("transferredOn",)]


def test_blank_officer_code_is_refused():
    violations = can_allocate(case_with(), allocate(officer=OfficerDetails(" ", "Name")), TODAY)
    assert [v.field for v in violations] == [("officer", "code")]


def test_allocation_cannot_be_dated_in_the_future():
    violations = can_allocate(case_with(), allocate(allocated_on=date(2026, 11, 21)), TODAY)
    assert [v.field for v in violations] == [("allocatedOn",)]

"""The staff directory's pure parts (issue 16): codes in normal form, names compared without case
or accents, what a registration and an update must hold, and whether an allocation's officer may
be given the case."""

from datetime import date, datetime, timezone

import pytest

from domain.core.base import Actor, Recorded
from domain.core.enums import Provider
from domain.core.errors import ErrorCode
from domain.records.allocation import can_transfer
from domain.records.commands import OfficerDetails, TransferCase
from domain.staff import rules
from domain.staff.commands import RegisterOfficer, UpdateOfficer
from domain.staff.model import StaffOfficer, name_key, normalise_code
from tests import builders

STAMP = Recorded(by=Actor(subject="admin", name="Admin"), at=datetime(2026, 11, 1, tzinfo=timezone.utc))


def officer(code="N07A001", name="Dev Practitioner", provider=Provider.NPS, active=True) -> StaffOfficer:
    return StaffOfficer(code=code, name=name, provider=provider, active=active, created=STAMP, updated=STAMP)


@pytest.mark.parametrize("given, normal", [("N07A001", "N07A001"), ("n07a001", "N07A001"), ("  c12A004 ", "C12A004")])
def test_codes_are_compared_in_one_normal_form(given, normal):
    assert normalise_code(given) == normal


@pytest.mark.parametrize("a, b", [("José O'Neill", "jose o'neill"), ("  Priya   Shah ", "PRIYA SHAH"), ("Zoë", "zoe")])
def test_names_are_compared_without_case_accents_or_extra_spaces(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("code, ok", [
    ("N", True), ("A" * 20, True), ("A" * 21, False),   # 1 to 20 characters: the boundaries
    ("n07a001", True), (" N07A001 ", True), ("", False), ("   ", False), ("N07-A001", False), ("N07 A001", False),
])
def test_a_staff_code_is_one_to_twenty_letters_and_digits(code, ok):
    assert (rules.code_format(code) == []) is ok


@pytest.mark.parametrize("name, fields", [("Priya Shah", []), ("", [("name",)]), ("  ", [("name",)]),
                                          ("x" * 200, []), ("x" * 201, [("name",)])])
def test_a_registration_needs_a_name_of_at_most_200_characters(name, fields):
    assert [e.field for e in rules.registration(RegisterOfficer("C12A004", name, Provider.CRC))] == fields


def test_a_registration_reports_every_bad_field_at_once():
    assert [e.field for e in rules.registration(RegisterOfficer("bad code", " ", Provider.CRC))] == [("code",), ("name",)]


@pytest.mark.parametrize("command, fields", [
    (UpdateOfficer("N07A001", name="Dev Practitioner"), [()]),              # the same name: nothing to change
    (UpdateOfficer("N07A001"), [()]),                                        # nothing given
    (UpdateOfficer("N07A001", provider=Provider.NPS, active=True), [()]),
    (UpdateOfficer("N07A001", name=" "), [("name",)]),
    (UpdateOfficer("N07A001", name="Devi Practitioner"), []),
    (UpdateOfficer("N07A001", active=False), []),
    (UpdateOfficer("N07A001", provider=Provider.CRC), []),
])
def test_an_update_must_change_something_valid(command, fields):
    assert [e.field for e in rules.update(command, officer())] == fields


def test_an_unknown_code_is_not_found_at_officer_code():
    [error] = rules.allocatable(None, OfficerDetails("x9"), Provider.NPS)
    assert (error.code, error.field) == (ErrorCode.NOT_FOUND, ("officer", "code")) and "X9" in error.message


@pytest.mark.parametrize("details, found, provider, fields", [
    (OfficerDetails("n07a001"), officer(), Provider.NPS, []),                                   # code in any case
    (OfficerDetails("N07A001", "dev  PRACTITIONER"), officer(), Provider.NPS, []),               # the same name
    (OfficerDetails("N07A001", ""), officer(), Provider.NPS, []),                                # blank: as omitted
    (OfficerDetails("N07A001", "Bob Bogus"), officer(), Provider.NPS, [("officer", "name")]),   # another person
    (OfficerDetails("N07A001"), officer(active=False), Provider.NPS, [("officer", "code")]),    # a leaver
    (OfficerDetails("N07A001"), officer(), Provider.CRC, [("provider",)]),                      # another provider
    (OfficerDetails("N07A001", "Bob"), officer(active=False), Provider.CRC,
     [("officer", "code"), ("provider",), ("officer", "name")]),                                # all at once
])
def test_an_allocations_officer_is_in_post_of_the_provider_and_the_person_meant(details, found, provider, fields):
    errors = rules.allocatable(found, details, provider)
    assert [e.field for e in errors] == fields
    assert all(e.code is ErrorCode.INVALID_INPUT for e in errors)


def test_alloc_2_a_transfer_to_the_same_officer_in_another_case_is_still_the_same_officer():
    case = builders.allocate(builders.case(), date(2026, 11, 2), officer="N07A001")
    command = TransferCase(crn=case.crn, provider=Provider.NPS, officer=OfficerDetails("n07a001"),
                           transferred_on=date(2026, 11, 10), rationale="Balancing")
    assert [e.field for e in can_transfer(case, command, date(2026, 11, 20))] == [("officer", "code")]

"""Record keeping (REC-1, REC-3), information sharing (REC-4) and victim records (VIC-3) as pure
rules, at their boundaries."""

from datetime import date, datetime, timezone

import pytest

from domain.core.base import Actor, Recorded, recorded_late
from domain.core.calendar import LONDON
from domain.core.enums import Agency, AppointmentKind, AppointmentOutcome, NoteKind, VictimContactScheme
from domain.delivery.appointments import arrangement as appointment
from domain.delivery.commands import RecordAppointment
from domain.sharing import partner
from domain.sharing.victims import RecordVictim, check
from tests import builders

WHO = Actor(subject="u-1", name="Pat")


@pytest.mark.parametrize("happened, at, late", [
    (date(2026, 11, 19), datetime(2026, 11, 19, 23, 59, tzinfo=LONDON), False),   # the same day, last minute
    (date(2026, 11, 19), datetime(2026, 11, 20, 0, 0, tzinfo=LONDON), True),      # the next day
    (date(2026, 11, 19), datetime(2026, 11, 18, 9, 0, tzinfo=LONDON), False),     # arranged before the day
    # Summer time: 23:30 UTC on 19 July is already 20 July in England and Wales.
    (date(2026, 7, 19), datetime(2026, 7, 19, 23, 30, tzinfo=timezone.utc), True),
    (date(2026, 7, 19), datetime(2026, 7, 19, 22, 59, tzinfo=timezone.utc), False),
])
def test_rec_1_a_record_is_late_when_recorded_after_its_day_in_england_and_wales(happened, at, late):
    assert recorded_late(happened, Recorded(by=WHO, at=at)) is late


def _appointment(**overrides) -> RecordAppointment:
    fields = {"crn": "X123456", "sentence_id": "s", "kind": AppointmentKind.SUPERVISION, "face_to_face": True,
              "date": date(2026, 11, 19), "outcome": AppointmentOutcome.ATTENDED_COMPLIED, **overrides}
    return RecordAppointment(**fields)


@pytest.mark.parametrize("notes, kind, expected", [
    ("Partner present.", None, [("REC-3", ("notesKind",))]),
    ("Partner present.", NoteKind.FACT, []),
    ("Seemed evasive.", NoteKind.OPINION, []),
    (None, None, []),
    (None, NoteKind.FACT, [(None, ("notesKind",))]),  # a kind without notes is a plain input error
])
def test_rec_3_notes_say_whether_they_are_fact_or_opinion(notes, kind, expected):
    sentence = builders.sentence()
    errors = appointment(sentence, None, _appointment(notes=notes, notes_kind=kind), date(2026, 11, 20))
    assert [(e.standard, e.field) for e in errors] == expected


@pytest.mark.parametrize("agency, purpose, allowed", [
    (Agency.POLICE, partner.SharingPurpose.PUBLIC_PROTECTION, True),
    (Agency.CHILDREN_SERVICES, partner.SharingPurpose.PUBLIC_PROTECTION, False),
    (Agency.CHILDREN_SERVICES, partner.SharingPurpose.MAPPA_DECISION, False),
    (Agency.ADULT_SOCIAL_CARE, partner.SharingPurpose.VICTIM_PROTECTION, False),
    (Agency.YOUTH_OFFENDING_TEAM, partner.SharingPurpose.PUBLIC_PROTECTION, True),
])
def test_rec_4_information_is_shared_only_for_a_purpose_the_agency_holds(agency, purpose, allowed):
    case = builders.case(born=date(2007, 1, 1))  # 19: inside the youth offending team's row filter
    result = partner.share(case, agency, purpose, date(2026, 11, 20))
    if allowed:
        assert isinstance(result, partner.SharedRiskSummary) and result.crn == case.crn
    else:
        assert isinstance(result, partner.Refusal) and result.reason.startswith("REC-4")
        assert result.looks_absent is False  # the purpose is refused openly; the case's existence is not revealed


def test_rec_4_a_token_without_an_agency_is_refused():
    result = partner.share(builders.case(), None, partner.SharingPurpose.RISK_MANAGEMENT, date(2026, 11, 20))
    assert isinstance(result, partner.Refusal)


def _victim(**overrides) -> RecordVictim:
    fields = {"crn": "X123456", "sentence_id": "s", "scheme": VictimContactScheme.STATUTORY, "name": "Jane Victim",
              "contact_offered_on": date(2026, 11, 2), **overrides}
    return RecordVictim(**fields)


@pytest.mark.parametrize("overrides, sentence_on, fields", [
    ({}, date(2026, 11, 2), []),
    ({"name": " "}, date(2026, 11, 2), [("name",)]),
    ({}, None, [("sentenceId",)]),                                               # no such sentence on the case
    ({"contact_offered_on": date(2026, 11, 1)}, date(2026, 11, 2), [("contactOfferedOn",)]),  # before sentence
    ({"contact_offered_on": date(2026, 11, 21)}, date(2026, 11, 2), [("contactOfferedOn",)]),  # in the future
])
def test_vic_3_a_victim_record_is_checked_apart_from_the_case(overrides, sentence_on, fields):
    errors = check(_victim(**overrides), sentence_on, date(2026, 11, 20))
    assert [e.field for e in errors] == fields


def test_vic_3_the_case_record_has_no_place_for_victim_data():
    from domain.core.case import Case

    victim_words = {"victim", "contact_details", "name"}
    assert [f for f in Case.model_fields if f in victim_words] == []
    assert set(Case.model_fields["victim_contact_offered"].annotation.__args__) == {str, date}  # ids -> offer day only

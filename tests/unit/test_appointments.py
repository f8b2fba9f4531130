"""APPT-1, APPT-2 and IND-1 measure what the officer controls: arranging the first appointment in
time. Arranging, recording the outcome later, cancelling and moving, with REC-1's own dates and
REC-2's reasons, at their boundary days (the day before, of and after)."""

from datetime import date, datetime

import pytest

from domain.core.base import Actor, Recorded
from domain.core.calendar import LONDON
from domain.core.enums import AppointmentKind, AppointmentOutcome, RequirementType, SentenceType
from domain.delivery import appointments
from domain.delivery.commands import (
    CancelAppointment,
    RearrangeAppointment,
    RecordAppointment,
    RecordAppointmentOutcome,
)
from domain.delivery.model import AppointmentChange
from domain.delivery.views import appointment_recorded_late
from domain.delivery.vocabulary import ChangeRequestedBy
from domain.standards import StandardState as St
from tests import builders
from tests.builders import STAMP
from tests.unit.test_standards import community_case, licence_case, state, status

ALLOCATED = date(2026, 11, 20)  # a Friday: APPT-1 due Friday 2026-11-27
DUE = date(2026, 11, 27)
TODAY = date(2026, 11, 20)


def arranged(on: date, arranged_on: date, outcome=None, face_to_face=True, kind=AppointmentKind.SUPERVISION):
    case = community_case(allocated_on=ALLOCATED)
    builders.appointment(case.sentences[0], on, outcome=outcome, arranged_on=arranged_on, face_to_face=face_to_face,
                         kind=kind)
    return case


def change(case, changed_on: date, by: ChangeRequestedBy, replacement: str | None = None):
    case.sentences[0].appointments[0].change = AppointmentChange(changed_on=changed_on, requested_by=by, rationale="r",
                                                                 replacement_id=replacement, recorded=STAMP)
    return case


# APPT-1 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("on, expected", [(date(2026, 11, 26), St.MET), (DUE, St.MET), (date(2026, 11, 30), St.NOT_MET)])
@pytest.mark.parametrize("outcome", [None, AppointmentOutcome.FAILED_TO_ATTEND, AppointmentOutcome.ATTENDED_COMPLIED])
def test_appt_1_met_by_an_arrangement_for_a_day_up_to_the_due_date_whatever_the_outcome(on, expected, outcome):
    case = arranged(on, arranged_on=ALLOCATED, outcome=outcome if on <= TODAY else None)
    assert state(case, "APPT-1", date(2026, 12, 10)) is expected


@pytest.mark.parametrize("as_of, expected", [(date(2026, 11, 22), St.DUE), (date(2026, 11, 23), St.MET),
                                             (date(2026, 11, 24), St.MET)])
def test_appt_1_is_met_on_the_day_it_is_arranged_not_before(as_of, expected):
    case = arranged(date(2026, 11, 26), arranged_on=date(2026, 11, 23))
    assert state(case, "APPT-1", as_of) is expected


@pytest.mark.parametrize("as_of, expected", [(date(2026, 11, 26), St.DUE), (DUE, St.DUE), (date(2026, 11, 28), St.NOT_MET)])
def test_appt_1_an_arrangement_for_after_the_due_date_is_not_met_once_the_due_date_passes(as_of, expected):
    case = arranged(date(2026, 12, 2), arranged_on=date(2026, 11, 23))
    assert state(case, "APPT-1", as_of) is expected
    assert "after the due date" in status(case, "APPT-1", as_of).detail


def test_appt_1_an_arrangement_made_at_court_before_allocation_counts():
    case = arranged(date(2026, 11, 24), arranged_on=date(2026, 11, 2))  # the sentence day, before allocation
    assert state(case, "APPT-1", ALLOCATED) is St.MET


@pytest.mark.parametrize("as_of, expected", [(date(2026, 11, 22), St.MET), (date(2026, 11, 23), St.DUE),
                                             (date(2026, 11, 30), St.OVERDUE)])
@pytest.mark.parametrize("by", list(ChangeRequestedBy))
def test_appt_1_a_cancelled_appointment_no_longer_counts_from_the_day_it_is_cancelled(as_of, expected, by):
    case = change(arranged(date(2026, 11, 25), arranged_on=ALLOCATED), date(2026, 11, 23), by)
    assert state(case, "APPT-1", as_of) is expected


@pytest.mark.parametrize("by, expected", [(ChangeRequestedBy.OFFENDER, St.MET), (ChangeRequestedBy.SERVICE, St.NOT_MET)])
def test_appt_1_moved_at_the_offenders_request_the_original_arrangement_still_counts(by, expected):
    case = arranged(date(2026, 11, 25), arranged_on=ALLOCATED)
    builders.appointment(case.sentences[0], date(2026, 12, 2), outcome=None, arranged_on=date(2026, 11, 23))
    change(case, date(2026, 11, 23), by, replacement=case.sentences[0].appointments[1].id)
    assert state(case, "APPT-1", date(2026, 12, 10)) is expected


def test_appt_1_an_appointment_that_is_not_face_to_face_does_not_count():
    assert state(arranged(date(2026, 11, 24), ALLOCATED, face_to_face=False), "APPT-1", date(2026, 11, 30)) is St.OVERDUE


# APPT-2 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("on, expected", [(date(2026, 4, 2), St.MET), (date(2026, 4, 7), St.MET), (date(2026, 4, 8), St.NOT_MET)])
def test_appt_2_arranged_for_release_day_or_the_next_working_day_over_easter(on, expected):
    case = licence_case(release=date(2026, 4, 2))  # Thursday before Good Friday: next working day Tuesday 7 April
    builders.appointment(case.sentences[0], on, outcome=None, arranged_on=date(2026, 3, 20))
    assert state(case, "APPT-2", date(2026, 5, 1)) is expected


def test_appt_2_a_prison_visit_before_release_is_not_the_first_appointment():
    case = licence_case(release=date(2026, 4, 2))
    builders.appointment(case.sentences[0], date(2026, 4, 1), arranged_on=date(2026, 3, 20))
    assert state(case, "APPT-2", date(2026, 4, 8)) is St.OVERDUE


# IND-1 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("outcome, expected", [(AppointmentOutcome.ATTENDED_COMPLIED, St.MET),
                                               (AppointmentOutcome.FAILED_TO_ATTEND, St.OVERDUE), (None, St.OVERDUE)])
def test_ind_1_needs_the_induction_to_take_place_not_only_to_be_arranged(outcome, expected):
    case = arranged(date(2026, 11, 24), ALLOCATED, outcome=outcome, kind=AppointmentKind.INDUCTION)
    assert state(case, "APPT-1", date(2026, 11, 30)) is St.MET
    assert state(case, "IND-1", date(2026, 11, 30)) is expected


@pytest.mark.parametrize("types, sentence_type, applies", [
    ([RequirementType.CURFEW], SentenceType.COMMUNITY_ORDER, False),
    ([RequirementType.CURFEW, RequirementType.UNPAID_WORK], SentenceType.COMMUNITY_ORDER, True),
    ([RequirementType.CURFEW], SentenceType.SUSPENDED_SENTENCE_ORDER, True),
])
def test_ind_1_a_stand_alone_curfew_order_is_inducted_by_the_monitoring_provider(types, sentence_type, applies):
    requirements = [builders.requirement(t, hours=40 if t is RequirementType.UNPAID_WORK else 12) for t in types]
    case = community_case(allocated_on=ALLOCATED, requirements=requirements, type=sentence_type,
                          custodial_term_months=6 if sentence_type is SentenceType.SUSPENDED_SENTENCE_ORDER else None)
    assert (state(case, "IND-1", date(2026, 11, 30)) is not St.NOT_APPLICABLE) is applies
    assert state(case, "APPT-1", date(2026, 11, 30)) is St.OVERDUE


# Arranging, outcomes, cancelling and moving (rules) ------------------------------------------

def arrange(**overrides) -> RecordAppointment:
    fields = {"crn": "X123456", "sentence_id": "s", "kind": AppointmentKind.SUPERVISION, "face_to_face": True,
              "date": date(2026, 11, 25), **overrides}
    return RecordAppointment(**fields)


@pytest.mark.parametrize("arranged_on, fields", [
    (date(2026, 11, 1), [("arrangedOn",)]),     # the day before the sentence
    (date(2026, 11, 2), []),                    # the sentence day (at court)
    (TODAY, []),
    (date(2026, 11, 21), [("arrangedOn",)]),    # tomorrow
])
def test_rec_1_an_arrangement_carries_its_own_date_within_the_sentence_and_not_in_the_future(arranged_on, fields):
    errors = appointments.arrangement(builders.sentence(), None, arrange(arranged_on=arranged_on), TODAY)
    assert [e.field for e in errors] == fields


def test_rec_1_an_arrangement_is_not_after_the_appointment_day():
    errors = appointments.arrangement(builders.sentence(), None, arrange(date=date(2026, 11, 10),
                                                                         arranged_on=date(2026, 11, 11)), TODAY)
    assert [e.field for e in errors] == [("arrangedOn",)]


@pytest.mark.parametrize("command_date, expected", [(date(2026, 11, 19), date(2026, 11, 19)), (TODAY, TODAY),
                                                    (date(2026, 11, 21), TODAY)])
def test_rec_1_the_arrangement_date_defaults_to_today_or_the_day_of_an_earlier_appointment(command_date, expected):
    assert appointments.arranged_on(arrange(date=command_date), TODAY) == expected


def sentence_with_arrangement(on: date = date(2026, 11, 19), arranged_on: date = date(2026, 11, 10)):
    sentence = builders.sentence()
    builders.appointment(sentence, on, outcome=None, arranged_on=arranged_on)
    return sentence, sentence.appointments[0]


def outcome_of(outcome=AppointmentOutcome.FAILED_TO_ATTEND, **overrides) -> RecordAppointmentOutcome:
    return RecordAppointmentOutcome(crn="X123456", sentence_id="s", appointment_id="a", outcome=outcome, **overrides)


@pytest.mark.parametrize("on, fields", [(date(2026, 11, 19), []), (TODAY, []), (date(2026, 11, 21), [("outcome",)])])
def test_appt_1_an_outcome_is_recorded_on_or_after_the_appointment_day(on, fields):
    sentence, appointment = sentence_with_arrangement(on=on)
    assert [e.field for e in appointments.outcome(sentence, appointment, outcome_of(), TODAY)] == fields


def test_appt_1_no_outcome_for_a_cancelled_appointment_nor_a_second_one_nor_rescheduled():
    sentence, appointment = sentence_with_arrangement()
    assert [e.field for e in appointments.outcome(sentence, appointment,
                                                  outcome_of(AppointmentOutcome.RESCHEDULED), TODAY)] == [("outcome",)]
    appointment.outcome = AppointmentOutcome.ATTENDED_COMPLIED
    assert [e.field for e in appointments.outcome(sentence, appointment, outcome_of(), TODAY)] == [("appointmentId",)]
    appointment.outcome = None
    appointment.change = AppointmentChange(changed_on=date(2026, 11, 12), requested_by=ChangeRequestedBy.SERVICE,
                                           rationale="r", recorded=STAMP)
    assert [e.field for e in appointments.outcome(sentence, appointment, outcome_of(), TODAY)] == [("appointmentId",)]


def cancel(on: date, rationale: str = "Officer on leave") -> CancelAppointment:
    return CancelAppointment(crn="X123456", sentence_id="s", appointment_id="a", cancelled_on=on,
                             requested_by=ChangeRequestedBy.SERVICE, rationale=rationale)


@pytest.mark.parametrize("on, fields", [
    (date(2026, 11, 9), [("cancelledOn",)]),    # the day before it was arranged
    (date(2026, 11, 10), []),                   # the day it was arranged
    (date(2026, 11, 19), []),                   # the appointment's day
    (TODAY, [("cancelledOn",)]),                # the day after: its outcome is recorded instead
])
def test_appt_1_an_appointment_is_cancelled_between_its_arrangement_and_its_day(on, fields):
    _, appointment = sentence_with_arrangement()
    assert [e.field for e in appointments.cancellation(appointment, cancel(on), TODAY)] == fields


@pytest.mark.parametrize("rationale", ["", "  "])
def test_rec_2_a_cancellation_records_why(rationale):
    _, appointment = sentence_with_arrangement()
    [error] = appointments.cancellation(appointment, cancel(date(2026, 11, 12), rationale), TODAY)
    assert (error.standard, error.field) == ("REC-2", ("rationale",))


@pytest.mark.parametrize("new_date, fields", [(date(2026, 11, 11), [("newDate",)]), (date(2026, 11, 12), []),
                                              (date(2026, 11, 19), [("newDate",)]), (date(2027, 11, 1), []),
                                              (date(2027, 11, 2), [("newDate",)])])  # the order ends on 2027-11-01
def test_appt_1_a_rearrangement_moves_to_a_new_day_of_the_sentence_not_before_it_was_moved(new_date, fields):
    sentence, appointment = sentence_with_arrangement()
    command = RearrangeAppointment(crn="X123456", sentence_id="s", appointment_id="a", new_date=new_date,
                                   rearranged_on=date(2026, 11, 12), requested_by=ChangeRequestedBy.OFFENDER,
                                   rationale="Job interview")
    assert [e.field for e in appointments.rearrangement(sentence, appointment, command, TODAY)] == fields


# REC-1 on appointments -----------------------------------------------------------------------

@pytest.mark.parametrize("arranged_on, outcome_at, late", [
    (date(2025, 12, 31), None, True),                                        # arranged the day before it was entered
    (date(2026, 1, 1), None, False),                                         # entered the day it was arranged
    (date(2026, 1, 1), datetime(2026, 11, 19, 18, 0, tzinfo=LONDON), False),  # outcome entered on the appointment's day
    (date(2026, 1, 1), datetime(2026, 11, 20, 9, 0, tzinfo=LONDON), True),    # outcome entered the day after
])
def test_rec_1_an_appointment_is_late_when_its_arrangement_or_its_outcome_is_recorded_after_its_day(
        arranged_on, outcome_at, late):
    _, appointment = sentence_with_arrangement(arranged_on=arranged_on)  # the arrangement is entered (STAMP) on 2026-01-01
    if outcome_at is not None:
        appointment.outcome = AppointmentOutcome.ATTENDED_COMPLIED
        appointment.outcome_recorded = Recorded(by=Actor(subject="u-1", name="Pat"), at=outcome_at)
    assert appointment_recorded_late(appointment) is late

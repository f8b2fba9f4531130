"""Appointments: arranging one, recording its outcome later, cancelling or moving it.

The first-appointment standards measure what the officer controls. The PF's words are "the first
face-to-face appointment with the offender is arranged to occur within five-working days of
allocation" (community order / SSO) and, on licence, "arranged to take place on the day of release
(or on the next working day when this is impractical)". So an appointment is first *arranged*
(recorded with its day and the day it was arranged, no outcome) and its outcome follows on or after
its day (``recordAppointmentOutcome``); an absence is the offender's failure to comply (ENF-1), not
the officer's. Every step is dated with its own day and stamped when recorded (REC-1), so one
entered later is accepted and shown late; a cancellation or a move records who asked and why
(REC-2). Each check returns violations; the use cases apply the change only when there are none.
"""

from __future__ import annotations

from datetime import date

from domain.core.case import Sentence
from domain.core.checks import not_in_future, requirement_live, sentence_live, text_present
from domain.core.enums import AppointmentOutcome, NoteKind
from domain.core.errors import Violation, breaks, invalid
from domain.core.recording import REC_3, rationale_given
from domain.delivery.commands import (
    CancelAppointment,
    RearrangeAppointment,
    RecordAppointment,
    RecordAppointmentOutcome,
)
from domain.delivery.model import Appointment
from domain.delivery.rules import sentence_end
from domain.records import requirements as requirement_rules
from domain.records.model import Requirement

MAX_NOTE = 4000
APPOINTMENT_ID = ("appointmentId",)


def within_sentence(sentence: Sentence, on: date, path: tuple[str, ...]) -> list[Violation]:
    """An appointment falls on a day of the sentence: not before it, not after it ends."""
    errors = sentence_live(sentence, on, path)
    end = sentence_end(sentence)
    if not errors and on > end:
        errors.append(invalid(path, f"The sentence ends on {end.isoformat()}."))
    return errors


def notes_given(notes: str | None, kind: NoteKind | None) -> list[Violation]:
    """REC-3: contact notes say whether they record fact or opinion."""
    if notes is not None:
        errors = text_present(notes, ("notes",), "Notes", MAX_NOTE)
        if kind is None:
            errors.append(breaks(REC_3, ("notesKind",), "records distinguish fact from opinion: say which the notes are."))
        return errors
    if kind is not None:
        return [invalid(("notesKind",), "A notes kind needs notes.")]
    return []


def arranged_on(command: RecordAppointment, today: date) -> date:
    """The arrangement's own date: as given, else today (or the appointment's day, if that is
    earlier: an appointment recorded after it happened was arranged by its day at the latest)."""
    return command.arranged_on if command.arranged_on is not None else min(today, command.date)


def arrangement(sentence: Sentence, requirement: Requirement | None, command: RecordAppointment,
                today: date) -> list[Violation]:
    """A new appointment: arranged (no outcome) for any day of the live sentence, or recorded with
    what happened once its day has come. An arrangement may predate allocation (PF: the NPS gives
    "the offender with their first appointment" at court) but not the sentence."""
    errors = within_sentence(sentence, command.date, ("date",))
    if command.outcome is not None and command.date > today:
        errors.append(invalid(("outcome",), f"An appointment on {command.date.isoformat()} has not happened yet: "
                                            "arrange it without an outcome and record the outcome on or after the day."))
    if command.arranged_on is not None:
        errors += not_in_future(command.arranged_on, today, ("arrangedOn",), "Arrangement date")
        if command.arranged_on > command.date:
            errors.append(invalid(("arrangedOn",), "An appointment is arranged on or before its day."))
        if command.arranged_on < sentence.imposed_on:
            errors.append(invalid(("arrangedOn",), f"The arrangement ({command.arranged_on.isoformat()}) cannot predate "
                                                   f"the sentence ({sentence.imposed_on.isoformat()})."))
    if requirement is not None:
        errors += requirement_live(requirement)
        errors += requirement_rules.appointment_fits_requirement(requirement.type, command.kind, ("kind",))
    return errors + notes_given(command.notes, command.notes_kind)


def still_arranged(appointment: Appointment) -> list[Violation]:
    """Only an arrangement that stands and has no outcome yet can be given one, cancelled or moved."""
    change = appointment.change
    if change is not None:
        what = "rearranged" if change.replacement_id else "cancelled"
        return [invalid(APPOINTMENT_ID, f"That appointment was {what} on {change.changed_on.isoformat()}"
                                        + (": record the outcome on its replacement." if change.replacement_id else "."))]
    if appointment.outcome is not None:
        return [invalid(APPOINTMENT_ID, f"That appointment's outcome ({appointment.outcome.value}) is already recorded.")]
    return []


def outcome(sentence: Sentence, appointment: Appointment, command: RecordAppointmentOutcome,
            today: date) -> list[Violation]:
    """The outcome of an arranged appointment, on or after its day. RESCHEDULED is not an outcome
    here: moving an appointment is ``rearrangeAppointment``, which records who asked and why."""
    errors = still_arranged(appointment)
    if appointment.date > today:
        errors.append(invalid(("outcome",), f"The appointment on {appointment.date.isoformat()} has not happened yet: "
                                            "record its outcome on or after the day."))
    if command.outcome is AppointmentOutcome.RESCHEDULED:
        errors.append(invalid(("outcome",), "To move an appointment use rearrangeAppointment, which records who asked "
                                            "for the change and why."))
    if sentence.termination is not None and appointment.date > sentence.termination.terminated_on:
        errors.append(invalid(APPOINTMENT_ID, f"The sentence was terminated on "
                                              f"{sentence.termination.terminated_on.isoformat()}, before this appointment."))
    return errors + notes_given(command.notes, command.notes_kind)


def change(appointment: Appointment, changed_on: date, rationale: str, today: date, path: tuple[str, ...]
           ) -> list[Violation]:
    """A cancellation or a move: of a standing arrangement, dated between the day it was arranged
    and the appointment's day (after it, what happened is an outcome), with its reasons (REC-2)."""
    errors = [*still_arranged(appointment), *not_in_future(changed_on, today, path, "Date of the change"),
              *rationale_given(rationale, "Cancelling or moving an appointment")]
    if changed_on < appointment.arranged_day:
        errors.append(invalid(path, f"The appointment was only arranged on {appointment.arranged_day.isoformat()}."))
    if changed_on > appointment.date:
        errors.append(invalid(path, f"The appointment was on {appointment.date.isoformat()}: after its day, record its "
                                    "outcome (e.g. FAILED_TO_ATTEND or ACCEPTABLE_ABSENCE) instead."))
    return errors


def cancellation(appointment: Appointment, command: CancelAppointment, today: date) -> list[Violation]:
    return change(appointment, command.cancelled_on, command.rationale, today, ("cancelledOn",))


def rearrangement(sentence: Sentence, appointment: Appointment, command: RearrangeAppointment,
                  today: date) -> list[Violation]:
    errors = [*change(appointment, command.rearranged_on, command.rationale, today, ("rearrangedOn",)),
              *within_sentence(sentence, command.new_date, ("newDate",))]
    if command.new_date < command.rearranged_on:
        errors.append(invalid(("newDate",), "The new day cannot be before the day it was rearranged."))
    if command.new_date == appointment.date:
        errors.append(invalid(("newDate",), f"The appointment is already arranged for {appointment.date.isoformat()}."))
    return errors

"""Use cases of delivery: appointments (arranged, their outcome, cancelled or moved), plans and
reviews, Approved Premises referrals, the evaluation and termination, unpaid work sessions, RAR
activity days, court variations, accommodation and employment outcomes, and Prolific and other
Priority Offender designations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from domain.core.base import Recorded
from domain.core.case import Case, Sentence
from domain.core.enums import AppointmentOutcome, NoteKind, RequirementStatus, SentenceStatus
from domain.core.errors import ErrorCode, Violation
from domain.core.principal import Principal
from domain.core.unit_of_work import Idempotency, Outcome, Rejected, UnitOfWork, find_in, reject_if
from domain.delivery import appointments, outcomes, priority, rules
from domain.delivery import commands as c
from domain.delivery.model import (
    Appointment,
    AppointmentChange,
    ApprovedPremisesReferral,
    EmploymentSpell,
    Evaluation,
    IdentifiedNeed,
    Note,
    Plan,
    PlanObjective,
    PlanReview,
    PriorityOffenderPeriod,
    RarActivityDay,
    ResettlementStatus,
    Termination,
    UnpaidWorkSession,
)
from domain.enforcement.model import FailureToComply
from domain.records.model import RequirementVariation


def _note(text: str | None, kind: NoteKind | None) -> Note | None:
    return Note(kind=kind, text=text.strip()) if text is not None and kind is not None else None


def _failure_for(sentence: Sentence, appointment: Appointment, outcome: AppointmentOutcome, stamp: Recorded
                 ) -> FailureToComply | None:
    """ENF-1: a failure outcome creates a failure to comply awaiting decision, dated on the
    appointment's day (the clock runs from the failure, not from when it was recorded)."""
    if not outcome.is_failure:
        return None
    failure = FailureToComply(date=appointment.date, appointment_id=appointment.id,
                              requirement_id=appointment.requirement_id, outcome=outcome, recorded=stamp)
    sentence.failures.append(failure)
    return failure


def _replay_appointment_and_failure(sentence: Sentence, ids: list[str]):
    return find_in(sentence.appointments, ids[0]), find_in(sentence.failures, ids[1] if len(ids) > 1 else "")


async def record_appointment(uow: UnitOfWork, principal: Principal, command: c.RecordAppointment) -> Outcome:
    """Arranges an appointment, or records one with what happened; a failure outcome also creates a
    failure to comply awaiting decision (ENF-1). ``created`` is (appointment, failure or None)."""

    def change(case, sentence, requirement, today):
        reject_if(appointments.arrangement(sentence, requirement, command, today))
        stamp = uow.stamp(principal)
        appointment = Appointment(kind=command.kind, face_to_face=command.face_to_face, date=command.date,
                                  outcome=command.outcome, requirement_id=command.requirement_id,
                                  notes=_note(command.notes, command.notes_kind), recorded=stamp,
                                  arranged_on=appointments.arranged_on(command, today),
                                  outcome_recorded=stamp if command.outcome is not None else None)
        sentence.appointments.append(appointment)
        failure = _failure_for(sentence, appointment, command.outcome, stamp) if command.outcome else None
        return appointment, failure

    return await uow.on_sentence(principal, command, change, operation="record_appointment",
                                 replay=_replay_appointment_and_failure)


AppointmentChangeFn = Callable[[Case, Sentence, Appointment, date], Any]


async def _on_appointment(uow: UnitOfWork, principal: Principal, command, change: AppointmentChangeFn, *,
                          operation: str, replay: Callable[[Sentence, list[str]], Any]) -> Outcome:
    """``update`` for a command on one appointment (named by ``appointmentId``, which also names its
    sentence): NOT_FOUND at ``appointmentId`` when either does not exist; retries with the same
    idempotency key are answered from the first result."""

    def resolved(case: Case, today: date):
        sentence = case.sentence(command.sentence_id)
        appointment = find_in(sentence.appointments, command.appointment_id) if sentence is not None else None
        if appointment is None:
            raise Rejected([Violation(ErrorCode.NOT_FOUND, f"Case {case.crn} has no such appointment.",
                                      appointments.APPOINTMENT_ID)])
        return change(case, sentence, appointment, today)

    idempotency = None
    if command.idempotency_key is not None:
        def replay_on_case(case: Case, ids: list[str]):
            sentence = case.sentence(command.sentence_id)
            return replay(sentence, ids) if sentence is not None else None

        idempotency = Idempotency(key=command.idempotency_key, operation=type(command).__name__, replay=replay_on_case)
    return await uow.update(principal, command.crn, command.expected_version, resolved, operation=operation,
                            idempotency=idempotency)


async def record_appointment_outcome(uow: UnitOfWork, principal: Principal, command: c.RecordAppointmentOutcome) -> Outcome:
    """The outcome of an arranged appointment, recorded on or after its day. A failure outcome
    creates a failure to comply awaiting decision (ENF-1). ``created`` is (appointment, failure or None)."""

    def change(case, sentence, appointment, today):
        reject_if(appointments.outcome(sentence, appointment, command, today))
        stamp = uow.stamp(principal)
        appointment.outcome = command.outcome
        appointment.outcome_recorded = stamp
        appointment.outcome_notes = _note(command.notes, command.notes_kind)
        return appointment, _failure_for(sentence, appointment, command.outcome, stamp)

    return await _on_appointment(uow, principal, command, change, operation="record_appointment_outcome",
                                 replay=_replay_appointment_and_failure)


async def cancel_appointment(uow: UnitOfWork, principal: Principal, command: c.CancelAppointment) -> Outcome:
    """Cancels an arranged appointment, recording who asked and why; it no longer counts for
    APPT-1/APPT-2. ``created`` is the appointment."""

    def change(case, sentence, appointment, today):
        reject_if(appointments.cancellation(appointment, command, today))
        appointment.change = AppointmentChange(changed_on=command.cancelled_on, requested_by=command.requested_by,
                                               rationale=command.rationale.strip(), recorded=uow.stamp(principal))
        return appointment

    return await _on_appointment(uow, principal, command, change, operation="cancel_appointment",
                                 replay=lambda sentence, ids: find_in(sentence.appointments, ids[0]))


async def rearrange_appointment(uow: UnitOfWork, principal: Principal, command: c.RearrangeAppointment) -> Outcome:
    """Moves an arranged appointment to a new day: the original records the change (who asked, why,
    and its replacement); the replacement is a new arrangement dated ``rearrangedOn``.
    ``created`` is (original, replacement)."""

    def change(case, sentence, appointment, today):
        reject_if(appointments.rearrangement(sentence, appointment, command, today))
        stamp = uow.stamp(principal)
        replacement = Appointment(kind=appointment.kind, face_to_face=appointment.face_to_face, date=command.new_date,
                                  requirement_id=appointment.requirement_id, recorded=stamp,
                                  arranged_on=command.rearranged_on, rearranged_from=appointment.id)
        appointment.change = AppointmentChange(changed_on=command.rearranged_on, requested_by=command.requested_by,
                                               rationale=command.rationale.strip(), replacement_id=replacement.id,
                                               recorded=stamp)
        sentence.appointments.append(replacement)
        return appointment, replacement

    return await _on_appointment(uow, principal, command, change, operation="rearrange_appointment",
                                 replay=lambda sentence, ids: (find_in(sentence.appointments, ids[0]),
                                                               find_in(sentence.appointments, ids[1])))


async def record_plan(uow: UnitOfWork, principal: Principal, command: c.RecordPlan) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.plan(case, sentence, command, today))
        plan = Plan(completed_on=command.completed_on, rosh_level_identified=command.rosh_level_identified,
                    risk_management_plan=(command.risk_management_plan or "").strip() or None,
                    objectives=[PlanObjective(description=o.description.strip(),
                                              targets_risk_to_children=o.targets_risk_to_children, pathway=o.pathway)
                                for o in command.objectives],
                    needs_identified=[IdentifiedNeed(pathway=n.pathway, required=(n.required or "").strip() or None,
                                                     unaddressed_reason=n.unaddressed_reason)
                                      for n in command.needs_identified],
                    recorded=uow.stamp(principal))
        sentence.plans.append(plan)
        return plan

    return await uow.on_sentence(principal, command, change, operation="record_plan")


async def review_plan(uow: UnitOfWork, principal: Principal, command: c.ReviewPlan) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.review(sentence, command, today))
        entry = PlanReview(reviewed_on=command.reviewed_on, reason=command.reason.strip(),
                           summary=command.summary.strip(), recorded=uow.stamp(principal))
        sentence.plan_reviews.append(entry)
        return entry

    return await uow.on_sentence(principal, command, change, operation="review_plan")


async def refer_to_approved_premises(uow: UnitOfWork, principal: Principal, command: c.ReferToApprovedPremises) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.approved_premises_referral(sentence, command, today))
        referral = ApprovedPremisesReferral(referred_on=command.referred_on, premises=command.premises,
                                            recorded=uow.stamp(principal))
        sentence.approved_premises_referrals.append(referral)
        return referral

    return await uow.on_sentence(principal, command, change, operation="refer_to_approved_premises")


async def complete_evaluation(uow: UnitOfWork, principal: Principal, command: c.CompleteEvaluation) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.evaluation(sentence, command, today))
        sentence.evaluation = Evaluation(completed_on=command.completed_on, summary=command.summary.strip(),
                                         recorded=uow.stamp(principal))
        return sentence.evaluation

    return await uow.on_sentence(principal, command, change, operation="complete_evaluation")


async def terminate_sentence(uow: UnitOfWork, principal: Principal, command: c.TerminateSentence) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.termination(sentence, command, today))
        sentence.termination = Termination(terminated_on=command.terminated_on, reason=command.reason.strip(),
                                           agencies_notified=[a.strip() for a in command.agencies_notified],
                                           continuing_restrictions_explained=command.continuing_restrictions_explained,
                                           recorded=uow.stamp(principal))
        sentence.status = SentenceStatus.TERMINATED
        return sentence.termination

    return await uow.on_sentence(principal, command, change, operation="terminate_sentence")


async def record_unpaid_work_session(uow: UnitOfWork, principal: Principal, command: c.RecordUnpaidWorkSession) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.unpaid_work_session(sentence, requirement, command, today))
        credited, credited_ete = rules.unpaid_work_credit(sentence, requirement, command)
        session = UnpaidWorkSession(requirement_id=requirement.id, date=command.date,
                                    minutes_worked=command.minutes_worked,
                                    education_training_employment_minutes=command.education_training_employment_minutes,
                                    credited_minutes=credited,
                                    credited_education_training_employment_minutes=credited_ete,
                                    recorded=uow.stamp(principal))
        sentence.unpaid_work_sessions.append(session)
        return session

    return await uow.on_sentence(principal, command, change, operation="record_unpaid_work_session")


async def record_rar_activity_day(uow: UnitOfWork, principal: Principal, command: c.RecordRarActivityDay) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.rar_activity_day(sentence, requirement, command, today))
        day = RarActivityDay(requirement_id=requirement.id, date=command.date,
                             description=command.description.strip(), recorded=uow.stamp(principal))
        sentence.rar_activity_days.append(day)
        return day

    return await uow.on_sentence(principal, command, change, operation="record_rar_activity_day")


async def vary_requirement(uow: UnitOfWork, principal: Principal, command: c.VaryRequirement) -> Outcome:
    def change(case, sentence, requirement, today):
        errors, varied = rules.variation(case, sentence, requirement, command, today)
        reject_if(errors)
        fields = ("hours", "days", "length_months", "details")
        changes = {name: getattr(varied, name) for name in fields if getattr(command, name) is not None}
        previous = {name: getattr(requirement, name) for name in changes}
        if command.extend_completion_to is not None:
            previous["completion_due_extended_to"] = (requirement.completion_due_extended_to.isoformat()
                                                      if requirement.completion_due_extended_to else None)
            changes["completion_due_extended_to"] = command.extend_completion_to.isoformat()
            # REQ-UPW-3 (PF Unpaid Work): "Extending the order is an extension for the purposes of
            # completing unworked unpaid work hours and does not extend any other requirement": the
            # unpaid work's completion date moves; the sentence's end date and every other
            # requirement's dates do not.
            requirement.completion_due_extended_to = command.extend_completion_to
        for name in fields:
            if getattr(command, name) is not None:
                setattr(requirement, name, getattr(varied, name))
        if command.terminate:
            requirement.status = RequirementStatus.TERMINATED
        requirement.variations.append(RequirementVariation(
            varied_on=command.varied_on, previous=previous, changes=changes, terminated=command.terminate,
            rationale=command.rationale.strip(), recorded=uow.stamp(principal)))
        return requirement

    return await uow.on_sentence(principal, command, change, operation="vary_requirement")


async def record_resettlement_status(uow: UnitOfWork, principal: Principal, command: c.RecordResettlementStatus) -> Outcome:
    """Accommodation and employment at the start or end of supervision (a later record for the same
    point corrects an earlier one; both are kept)."""

    def change(case, sentence, requirement, today):
        reject_if(outcomes.resettlement_status(sentence, command, today))
        status = ResettlementStatus(point=command.point, assessed_on=command.assessed_on,
                                    accommodation=command.accommodation, employment=command.employment,
                                    recorded=uow.stamp(principal))
        sentence.resettlement.append(status)
        return status

    return await uow.on_sentence(principal, command, change, operation="record_resettlement_status")


async def record_employment_spell(uow: UnitOfWork, principal: Principal, command: c.RecordEmploymentSpell) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(outcomes.employment_spell(sentence, command, today))
        stamp = uow.stamp(principal)
        spell = EmploymentSpell(kind=command.kind, started_on=command.started_on, ended_on=command.ended_on,
                                details=(command.details or "").strip() or None, recorded=stamp,
                                ended_recorded=stamp if command.ended_on is not None else None)
        sentence.employment_spells.append(spell)
        return spell

    return await uow.on_sentence(principal, command, change, operation="record_employment_spell")


async def end_employment_spell(uow: UnitOfWork, principal: Principal, command: c.EndEmploymentSpell) -> Outcome:
    """Ends a spell (named by ``spellId``, which names its sentence too). ``created`` is the spell."""

    def change(case: Case, today: date):
        sentence = case.sentence(command.sentence_id)
        spell = find_in(sentence.employment_spells, command.spell_id) if sentence is not None else None
        if spell is None:
            raise Rejected([Violation(ErrorCode.NOT_FOUND, f"Case {case.crn} has no such employment spell.", ("spellId",))])
        reject_if(outcomes.spell_end(spell, command, today))
        spell.ended_on, spell.ended_recorded = command.ended_on, uow.stamp(principal)
        return sentence, spell

    return await uow.update(principal, command.crn, command.expected_version, change, operation="end_employment_spell")


async def set_priority_offender(uow: UnitOfWork, principal: Principal, command: c.SetPriorityOffender) -> Outcome:
    """Designates the case a Prolific and other Priority Offender, or ends the designation, with a
    rationale (REC-2). ``created`` is the designation started or ended."""

    def change(case: Case, today: date) -> PriorityOffenderPeriod:
        reject_if(priority.designation(case, command, today))
        stamp = uow.stamp(principal)
        if command.priority_offender:
            period = PriorityOffenderPeriod(started_on=command.effective_on, rationale=command.rationale.strip(),
                                            recorded=stamp)
            case.priority_offender_periods.append(period)
            return period
        period = priority.current(case)
        assert period is not None  # designation() refuses to end a designation that does not exist
        period.ended_on, period.end_rationale, period.ended_recorded = command.effective_on, command.rationale.strip(), stamp
        return period

    return await uow.update(principal, command.crn, command.expected_version, change, operation="set_priority_offender")

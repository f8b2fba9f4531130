"""Use cases of delivery: appointments, plans and reviews, Approved Premises referrals, the
evaluation and termination, unpaid work sessions, RAR activity days and court variations."""

from __future__ import annotations

from domain.core.case import Sentence
from domain.core.enums import RequirementStatus, SentenceStatus
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork, find_in, reject_if
from domain.delivery import commands as c
from domain.delivery import rules
from domain.delivery.model import (
    Appointment,
    ApprovedPremisesReferral,
    Evaluation,
    Note,
    Plan,
    PlanObjective,
    PlanReview,
    RarActivityDay,
    Termination,
    UnpaidWorkSession,
)
from domain.enforcement.model import FailureToComply
from domain.records.model import RequirementVariation


async def record_appointment(uow: UnitOfWork, principal: Principal, command: c.RecordAppointment) -> Outcome:
    """Records an appointment; a failure outcome also creates a failure to comply awaiting
    decision (ENF-1). ``created`` is (appointment, failure or None)."""

    def change(case, sentence, requirement, today):
        reject_if(rules.appointment(sentence, requirement, command, today))
        stamp = uow.stamp(principal)
        appointment = Appointment(kind=command.kind, face_to_face=command.face_to_face, date=command.date,
                                  outcome=command.outcome, requirement_id=command.requirement_id,
                                  notes=Note(kind=command.notes_kind, text=command.notes.strip())
                                  if command.notes is not None else None,
                                  recorded=stamp)
        sentence.appointments.append(appointment)
        failure = None
        if command.outcome is not None and command.outcome.is_failure:
            failure = FailureToComply(date=command.date, appointment_id=appointment.id,
                                      requirement_id=command.requirement_id, outcome=command.outcome, recorded=stamp)
            sentence.failures.append(failure)
        return appointment, failure

    def replay(sentence: Sentence, ids: list[str]):
        return find_in(sentence.appointments, ids[0]), find_in(sentence.failures, ids[1] if len(ids) > 1 else "")

    return await uow.on_sentence(principal, command, change, operation="record_appointment", replay=replay)


async def record_plan(uow: UnitOfWork, principal: Principal, command: c.RecordPlan) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(rules.plan(case, sentence, command, today))
        plan = Plan(completed_on=command.completed_on, rosh_level_identified=command.rosh_level_identified,
                    risk_management_plan=(command.risk_management_plan or "").strip() or None,
                    objectives=[PlanObjective(description=o.description.strip(),
                                              targets_risk_to_children=o.targets_risk_to_children)
                                for o in command.objectives],
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

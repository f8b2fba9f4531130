"""Monitored standards of delivery: first appointment and induction (APPT-1, APPT-2, IND-1),
planning (PLAN-1 to PLAN-5), Approved Premises (AP-1), completion (END-1, END-2) and unpaid work
(REQ-UPW-2, REQ-UPW-3).

Every monitor reads records by their own date: on ``as_of`` it sees what had happened by then
(an arrangement by its ``arrangedOn``, a plan by its ``completedOn``), whenever it was recorded. So
a record entered late for a day after ``as_of`` never changes the answer for ``as_of``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from domain.core.calendar import LONDON, add_working_days
from domain.core.case import Case, Sentence, commencement, rosh_as_of, rosh_history
from domain.core.enums import (
    AllocationKind,
    AppointmentKind,
    AppointmentOutcome,
    BreachOutcome,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SentenceType,
)
from domain.core.parameters import param
from domain.core.registry import Section, standard
from domain.core.standards import Check, check, first, upto
from domain.delivery.model import Appointment
from domain.delivery.priority import designated_between
from domain.delivery.rules import (
    END_1,
    END_2,
    PLAN_1,
    PLAN_2,
    PLAN_4,
    PLAN_5,
    REQ_UPW_3,
    ap_1_due,
    evaluation_window_opens,
    latest_plan,
    order_commencement,
    sentence_end,
    unpaid_work_completion_due,
)

# The catalogue's first wording of APPT-1/APPT-2 was "MET when a face-to-face appointment is
# attended"; the PF measures the arrangement ("is arranged to occur within five-working days of
# allocation"; on licence "arranged to take place on the day of release (or on the next working day
# when this is impractical)"). The PF wins: an absence is the offender's failure to comply (ENF-1).
APPT_1 = standard("APPT-1", Section.INDUCTION, "First face-to-face appointment arranged within 5 working days of allocation",
                  source="PF Implementing the sentence", parameters=("APPT_1_WORKING_DAYS",), monitored=True,
                  rule="Community order or SSO: the first face-to-face appointment is arranged to occur within 5 working "
                       "days of allocation to the responsible officer. MET by an arrangement for a day on or before the "
                       "due date whether or not the offender attends; a cancelled one no longer counts; NOT_MET when the "
                       "first one arranged is for a later day.")
APPT_2 = standard("APPT-2", Section.INDUCTION, "Face-to-face appointment arranged within 1 working day of release",
                  source="PF Implementing the sentence", parameters=("APPT_2_WORKING_DAYS",), monitored=True,
                  rule="Licence or PSS: a face-to-face appointment is arranged for the day of release, or the next working "
                       "day when that is impractical; states as APPT-1.")
IND_1 = standard("IND-1", Section.INDUCTION, "Induction: commitments, rights and consequences explained at the start",
                 source="PF Induction; PF Curfew Requirement", monitored=True,
                 rule="An induction appointment takes place (is attended) by the first appointment's due date (the due date "
                      "is the service's: the PF says \"at the start\"). A community order whose only requirement is a curfew "
                      "is inducted by the electronic monitoring provider, so IND-1 does not apply to it.")
# The catalogue ran PLAN-3's clock from allocation for a CO/SSO; the RRDP measure runs it from "the
# commencement of the order or release into the community", and names PPOs too. The RRDP wins.
PLAN_3 = standard("PLAN-3", Section.PLANNING, "Plan completed after sentence; within 5 working days of commencement for HIGH RoSH and PPOs",
                  source="PF Planning; RRDP Public Protection measures",
                  parameters=("PLAN_3_HIGH_ROSH_WORKING_DAYS", "PLAN_3_PPO_WORKING_DAYS"), monitored=True,
                  rule="A plan is completed after sentence. From the commencement of the order (the sentence date) or "
                       "release: a case at HIGH or VERY_HIGH RoSH then (or assessed so within the 5 working days) has its "
                       "RoSH assessment and a plan identifying it, with a risk management plan, within 5 working days; a "
                       "Prolific and other Priority Offender designated then has a RoSH assessment and a plan within 5 "
                       "working days. Otherwise DUE with no date.")
AP_1 = standard("AP-1", Section.APPROVED_PREMISES, "Approved Premises referral at least three months before release",
                source="PF Approved Premises", parameters=("AP_1_MIN_MONTHS_BEFORE_RELEASE",), monitored=True,
                rule="Where an Approved Premises placement is suitable it is prepared at least three months before "
                     "release; a later referral is accepted and shown as NOT_MET.")
REQ_UPW_2 = standard("REQ-UPW-2", Section.REQUIREMENTS, "Unpaid work starts within 7 working days of allocation",
                     source="PF Unpaid Work", parameters=("REQ_UPW_2_WORKING_DAYS",), monitored=True,
                     rule="The first unpaid work session is within 7 working days of allocation.")



def _counts_as_arranged(appointment: Appointment, floor: date, as_of: date) -> bool:
    """A face-to-face appointment arranged by ``as_of`` for a day of supervision, whose arrangement
    still stands then (not cancelled, not moved by the service; not RESCHEDULED, an outcome that does
    not say who moved it)."""
    return (appointment.face_to_face and appointment.date >= floor and appointment.arranged_day <= as_of
            and not appointment.withdrawn_by(as_of) and appointment.outcome is not AppointmentOutcome.RESCHEDULED)


def _what_happened(appointment: Appointment, as_of: date) -> str:
    if appointment.outcome is None or appointment.date > as_of:
        return "still to come"
    return appointment.outcome.value.lower().replace("_", " ")


def _inducted_by_monitoring_provider(sentence: Sentence) -> bool:
    """PF Curfew: "In community orders with a stand alone curfew requirement … the electronic
    monitoring provider will undertake induction and preparation"."""
    live = [r for r in sentence.requirements if r.status is RequirementStatus.ACTIVE]
    return (sentence.type is SentenceType.COMMUNITY_ORDER and bool(live)
            and all(r.type is RequirementType.CURFEW for r in live))


def first_appointment(case: Case, as_of: date) -> Iterable[Check]:
    """APPT-1 (CO/SSO: arranged within 5 working days of allocation), APPT-2 (licence/PSS: within 1
    working day of release) and IND-1 (an induction that took place, by the same date).

    Interpretations: the clock runs from the first allocation (or the sentence, if later; a
    transfer does not restart it) or from release. An arrangement counts from its own day
    (``arrangedOn``, which may precede allocation: the NPS gives the first appointment at court) for
    an appointment on or after the sentence date (licence/PSS: release), whatever its outcome. The
    duty is met on the day it is arranged; an arrangement for a day after the due date is NOT_MET
    once the due date has passed (before then another may still be arranged in time)."""
    for sentence in case.sentences:
        start = commencement(case, sentence)
        if start is None:
            continue
        if sentence.type.is_community:
            rule, days, floor = APPT_1, param("APPT_1_WORKING_DAYS"), sentence.imposed_on
        else:
            rule, days, floor = APPT_2, param("APPT_2_WORKING_DAYS"), sentence.release_date or start
        due = add_working_days(start, days)
        arranged = [a for a in sentence.appointments if _counts_as_arranged(a, floor, as_of)]
        in_time = [a for a in arranged if a.date <= due]
        if in_time:
            first_one = min(in_time, key=lambda a: (a.date, a.arranged_day))
            yield check(rule, sentence, arises_on=start, due_by=due, done_on=min(a.arranged_day for a in in_time),
                        detail=f"First face-to-face appointment arranged on {first_one.arranged_day.isoformat()} for "
                               f"{first_one.date.isoformat()} ({_what_happened(first_one, as_of)}).")
        elif arranged:
            first_one = min(arranged, key=lambda a: a.date)
            yield check(rule, sentence, arises_on=start, due_by=due, done_ok=False,
                        done_on=max(first_one.arranged_day, due + timedelta(days=1)),
                        detail=f"The first face-to-face appointment is arranged for {first_one.date.isoformat()}, after "
                               f"the due date {due.isoformat()}.")
        else:
            yield check(rule, sentence, arises_on=start, due_by=due,
                        detail=f"No face-to-face appointment arranged since {start.isoformat()}.")
        if _inducted_by_monitoring_provider(sentence):
            continue
        inducted = first(a.date for a in sentence.appointments
                         if a.kind is AppointmentKind.INDUCTION and a.outcome is not None and a.outcome.attended
                         and floor <= a.date <= as_of)
        yield check(IND_1, sentence, arises_on=start, due_by=due, done_on=inducted,
                    detail=f"Induction on {inducted.isoformat()}." if inducted else "No induction appointment attended yet.")


def _plan_3(case: Case, sentence: Sentence, as_of: date) -> Check:
    """PLAN-3 from the order's commencement (RRDP). HIGH: the RoSH in force at commencement or
    assessed within the 5 working days; if no RoSH had been assessed by then and the first assessment
    is HIGH, the assessment itself was late and the same date stands. A case that rises to HIGH from
    a lower assessment later, still without a plan, gets 5 working days from that assessment (the
    service's reading of PF "the initial plans for high risk of serious harm cases are prioritised")."""
    start = order_commencement(sentence)
    high_due = add_working_days(start, param("PLAN_3_HIGH_ROSH_WORKING_DAYS"))
    ppo_due = add_working_days(start, param("PLAN_3_PPO_WORKING_DAYS"))
    floor = sentence.release_date if sentence.type.is_post_release else sentence.imposed_on
    history = rosh_history(case, as_of)
    in_force = [a for a in history if a.assessed_on <= start][-1:]
    window = in_force + [a for a in history if start < a.assessed_on <= high_due]
    plans = sorted((p for p in sentence.plans if floor <= p.completed_on <= as_of), key=lambda p: p.completed_on)

    def high_plan(after: date) -> date | None:
        done = first(p.completed_on for p in plans if p.rosh_level_identified.at_least(RoshLevel.HIGH)
                     and p.risk_management_plan)
        return max(done, after) if done else None

    high = next((a for a in window if a.level.at_least(RoshLevel.HIGH)), None)
    later = next((a for a in history if a.assessed_on > high_due and a.level.at_least(RoshLevel.HIGH)), None)
    if high is None and not window and history and history[0].level.at_least(RoshLevel.HIGH):
        high = history[0]  # the first assessment, made late, is HIGH: the RRDP's date stands
    if high is not None:
        done = high_plan(high.assessed_on)
        return check(PLAN_3, sentence, arises_on=start, due_by=high_due, done_on=done,
                     detail=f"Plan for {high.level.value} RoSH completed on {done.isoformat()}." if done else
                     f"{high.level.value} RoSH (assessed {high.assessed_on.isoformat()}): the RoSH assessment and a plan "
                     f"with a risk management plan are due within 5 working days of commencement ({start.isoformat()}).")
    plain = first(p.completed_on for p in plans)
    if later is not None and (plain is None or plain >= later.assessed_on):
        done = high_plan(later.assessed_on)
        return check(PLAN_3, sentence, arises_on=start, done_on=done,
                     due_by=add_working_days(later.assessed_on, param("PLAN_3_HIGH_ROSH_WORKING_DAYS")),
                     detail=f"Plan for {later.level.value} RoSH completed on {done.isoformat()}." if done else
                     f"RoSH rose to {later.level.value} on {later.assessed_on.isoformat()} with no plan yet: the plan is "
                     "a priority.")
    ppo = designated_between(case, start, ppo_due, as_of)
    if ppo is not None:
        assessed = first(a.assessed_on for a in history)
        done = max(plain, assessed) if plain and assessed else None
        return check(PLAN_3, sentence, arises_on=start, due_by=ppo_due, done_on=done,
                     detail=f"Prolific and other Priority Offender: RoSH assessment and plan completed by {done.isoformat()}."
                     if done else f"Prolific and other Priority Offender (designated {ppo.started_on.isoformat()}): a RoSH "
                                  f"assessment and a plan are due within 5 working days of commencement ({start.isoformat()}).")
    return check(PLAN_3, sentence, arises_on=start, done_on=plain,
                 detail=f"Plan completed on {plain.isoformat()}." if plain else
                 "A plan is due; the sources set no date below HIGH RoSH for a case that is not a priority offender.")


def planning(case: Case, as_of: date) -> Iterable[Check]:
    """PLAN-1 to PLAN-4.

    Interpretations: PLAN-1 and PLAN-2 judge the latest plan against the RoSH current on the day
    asked, so a plan made before the risk rose shows NOT_MET until an updated plan is recorded.
    PLAN-3 is ``_plan_3``. PLAN-4 is met by a plan dated within the 12 weeks before release, and
    overdue after release without one.
    """
    rosh = rosh_as_of(case, as_of)
    for sentence in case.sentences:
        latest = latest_plan(sentence, as_of)
        if latest is not None:
            ok = rosh is None or (latest.rosh_level_identified is rosh.level and (
                not rosh.level.at_least(RoshLevel.MEDIUM) or bool(latest.risk_management_plan)))
            yield check(PLAN_1, sentence, arises_on=latest.completed_on, done_on=latest.completed_on, done_ok=ok,
                        detail="The plan reflects the current RoSH." if ok else
                        f"The plan ({latest.completed_on.isoformat()}) identifies {latest.rosh_level_identified.value} "
                        f"but the current RoSH is {rosh.level.value}: record an updated plan.")
        if rosh is not None and rosh.risk_to_children is not None and rosh.risk_to_children.at_least(RoshLevel.MEDIUM):
            has = latest is not None and any(o.targets_risk_to_children for o in latest.objectives)
            yield check(PLAN_2, sentence, arises_on=max(rosh.assessed_on, sentence.imposed_on),
                        done_on=latest.completed_on if latest else None, done_ok=has,
                        detail="The plan targets risk to children." if has else
                        f"RoSH to children is {rosh.risk_to_children.value}: the plan needs an objective targeting it.")
        yield _plan_3(case, sentence, as_of)
        if sentence.type.is_post_release and sentence.release_date is not None:
            release = sentence.release_date
            opens = release - timedelta(weeks=param("PLAN_4_MAX_WEEKS_BEFORE_RELEASE"))
            prepared = first(p.completed_on for p in sentence.plans
                             if opens <= p.completed_on < release and p.completed_on <= as_of)
            yield check(PLAN_4, sentence, arises_on=opens, due_by=release - timedelta(days=1), done_on=prepared,
                        detail=f"Pre-release plan on {prepared.isoformat()}." if prepared else
                        f"No pre-release plan between {opens.isoformat()} and release on {release.isoformat()}.")


def plan_review(case: Case, as_of: date) -> Iterable[Check]:
    """PLAN-5: a RoSH level change or a transfer (ALLOC-4) after the first plan sets a review
    due; a review, or a new plan, on or after it meets it. No fixed interval (PF: "no mandatory
    timescales"), so no due date. Recall and committal to custody for breach of post-sentence
    supervision are triggers too."""
    history = rosh_history(case, as_of)
    rosh_changes = [(b.assessed_on, f"RoSH changed from {a.level.value} to {b.level.value}")
                    for a, b in zip(history, history[1:]) if a.level is not b.level]
    transfers = [(t.allocated_on, f"transferred to {t.officer.name} ({t.provider.value})")
                 for t in case.allocations if t.kind is AllocationKind.TRANSFER and t.allocated_on <= as_of]
    custody = [(r.decided_at.astimezone(LONDON).date(), "recalled to custody") for s in case.sentences for r in s.recalls
               if r.decided_at.astimezone(LONDON).date() <= as_of]
    # PF: "following committal to custody for breach of post sentence supervision period". (A
    # CO/SSO revoked and resentenced is no PF trigger: the order ends and any custody is a new sentence.)
    custody += [(b.outcome_on, "committed to custody for breach of post-sentence supervision") for s in case.sentences
                for b in s.breaches if b.outcome is BreachOutcome.COMMITTED_TO_CUSTODY and b.outcome_on is not None
                and b.outcome_on <= as_of]
    for sentence in case.sentences:
        if not sentence.plans:
            continue
        first_plan = first(p.completed_on for p in sentence.plans if p.completed_on <= as_of)
        if first_plan is None:
            continue
        triggers = [t for t in rosh_changes + transfers + custody if t[0] >= first_plan]
        if not triggers:
            continue
        when, why = max(triggers, key=lambda t: t[0])
        reviewed = first([r.reviewed_on for r in sentence.plan_reviews if when <= r.reviewed_on <= as_of]
                         + [p.completed_on for p in sentence.plans if when <= p.completed_on <= as_of])
        yield check(PLAN_5, sentence, arises_on=when, done_on=reviewed,
                    detail=f"Reviewed on {reviewed.isoformat()} after: {why}." if reviewed
                    else f"Review due: {why} on {when.isoformat()}.")


def approved_premises(case: Case, as_of: date) -> Iterable[Check]:
    """AP-1: a referral made less than three months before release is accepted but NOT_MET.
    Applies only once a referral is recorded (suitability is a professional judgement)."""
    months = param("AP_1_MIN_MONTHS_BEFORE_RELEASE")
    for sentence in case.sentences:
        if sentence.release_date is None or not sentence.approved_premises_referrals:
            continue
        due = ap_1_due(sentence.release_date)
        referred = min(r.referred_on for r in sentence.approved_premises_referrals)
        yield check(AP_1, sentence, arises_on=referred, due_by=due, done_on=referred,
                    detail=f"Referred on {referred.isoformat()}; due by {due.isoformat()} "
                            f"({months} months before release on {sentence.release_date.isoformat()}).")


def completion(case: Case, as_of: date) -> Iterable[Check]:
    """END-1: the evaluation is due by the end of the sentence and may be done up to eight weeks
    before. END-2: once the sentence has ended, its termination (with the agencies notified) is
    recorded; the source sets no date, so DUE until recorded."""
    for sentence in case.sentences:
        end = sentence_end(sentence, as_of)
        evaluated = upto(sentence.evaluation.completed_on if sentence.evaluation else None, as_of)
        yield check(END_1, sentence, arises_on=evaluation_window_opens(sentence, as_of), due_by=end, done_on=evaluated,
                    survives_termination=True,
                    detail=f"Evaluation completed on {evaluated.isoformat()}." if evaluated
                    else f"Evaluation due by {end.isoformat()}.")
        terminated = sentence.termination if upto(sentence.termination and sentence.termination.terminated_on, as_of) else None
        yield check(END_2, sentence, arises_on=terminated.terminated_on if terminated else sentence.end_date,
                    survives_termination=True,
                    done_on=terminated.terminated_on if terminated else None,
                    detail=f"Notified: {', '.join(terminated.agencies_notified)}." if terminated
                    else "The sentence has ended: record its termination and the agencies notified.")


def unpaid_work(case: Case, as_of: date) -> Iterable[Check]:
    """REQ-UPW-2 (first session within 7 working days of allocation) and REQ-UPW-3 (hours
    completed within 12 months, or the extended date; never beyond an SSO's operational period).
    A session counts when it credited time; hours are complete on the day the credit reaches them."""
    for sentence in case.sentences:
        start = commencement(case, sentence)
        for requirement in sentence.requirements:
            if requirement.type is not RequirementType.UNPAID_WORK or requirement.status is not RequirementStatus.ACTIVE:
                continue
            sessions = sorted((s for s in sentence.unpaid_work_sessions
                               if s.requirement_id == requirement.id and s.credited_minutes > 0 and s.date <= as_of),
                              key=lambda s: s.date)
            if start is not None:
                first = sessions[0].date if sessions else None
                yield check(REQ_UPW_2, sentence, arises_on=start,
                            due_by=add_working_days(start, param("REQ_UPW_2_WORKING_DAYS")), done_on=first,
                            detail=f"First work session on {first.isoformat()}." if first else "No work session yet.")
            target, total, completed = (requirement.hours or 0) * 60, 0, None
            for session in sessions:
                total += session.credited_minutes
                if total >= target:
                    completed = session.date
                    break
            due = unpaid_work_completion_due(sentence, requirement)
            yield check(REQ_UPW_3, sentence, arises_on=sentence.imposed_on, due_by=due, done_on=completed,
                        detail=f"{requirement.hours} hours completed on {completed.isoformat()}." if completed else
                        f"{total // 60}h{total % 60:02d}m of {requirement.hours}h credited; due by {due.isoformat()}.")

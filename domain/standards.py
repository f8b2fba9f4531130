"""Where a case stands against each national standard, as of a given day.

Every rule contributes ``Check``s: facts derived from the case history alone (when the duty
arose, when it is due, when and how it was discharged). ``state_on`` turns a check into a state
for a day, ignoring anything dated after that day, so the same history always gives the same
answer for the same ``as_of`` however late it is asked.

States (API.md): MET (done as required), DUE (not yet done, not yet late), OVERDUE (not done and
past its date), NOT_MET (done, but late or not as the standard requires), NOT_APPLICABLE.
Where the source sets no deadline (e.g. ALLOC-1: "prompt"), a check has no ``due_by`` and can be
DUE but never OVERDUE: the API does not invent deadlines (STANDARDS.md preamble).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from domain import compliance, risk
from domain.calendar import add_working_days
from domain.enums import (
    AllocationKind,
    AppointmentKind,
    BreachOutcome,
    OffenceCategory,
    Provider,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SentenceType,
    VictimContactScheme,
)
from domain.model import Case, RoshAssessment, Sentence
from domain.parameters import param
from domain.ports import LONDON
from domain.rules.records import (
    ap_1_due,
    evaluation_window_opens,
    sentence_end,
    unpaid_work_completion_due,
)


class StandardState(str, Enum):
    MET = "MET"
    DUE = "DUE"
    OVERDUE = "OVERDUE"
    NOT_MET = "NOT_MET"
    NOT_APPLICABLE = "NOT_APPLICABLE"


@dataclass(frozen=True)
class Check:
    """One duty under one standard, from the history alone.

    ``arises_on``: the day the duty began (before it the check is NOT_APPLICABLE).
    ``due_by``: last day it may be done on time (None: no deadline set by the source).
    ``done_on``: the day it was discharged (None: not yet). ``done_ok``: whether what was done
    meets the standard (e.g. a referral made, but too late, is done but not OK).
    """

    standard: str
    title: str
    arises_on: date | None
    due_by: date | None = None
    done_on: date | None = None
    done_ok: bool = True
    sentence_id: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class StandardStatus:
    standard: str
    title: str
    state: StandardState
    due_by: date | None
    sentence_id: str | None
    detail: str


def state_on(check: Check, as_of: date) -> StandardState:
    if check.arises_on is None or check.arises_on > as_of:
        return StandardState.NOT_APPLICABLE
    if check.done_on is not None and check.done_on <= as_of:
        on_time = check.due_by is None or check.done_on <= check.due_by
        return StandardState.MET if (on_time and check.done_ok) else StandardState.NOT_MET
    if check.due_by is not None and as_of > check.due_by:
        return StandardState.OVERDUE
    return StandardState.DUE


Rule = Callable[[Case, date], Iterable[Check]]

TITLES = {
    "ALLOC-1": "Allocated to a provider and responsible officer",
    "APPT-1": "First face-to-face appointment within 5 working days of allocation",
    "APPT-2": "Face-to-face appointment within 1 working day of release",
    "IND-1": "Induction: commitments, rights and consequences explained at the start",
    "PLAN-1": "Plan identifies the present RoSH and, at MEDIUM or above, how it is managed",
    "PLAN-2": "Plan has objectives on risk to children",
    "PLAN-3": "Plan completed after sentence; within 5 working days for HIGH RoSH",
    "PLAN-4": "Pre-release plan prepared no more than 12 weeks before release",
    "PLAN-5": "Plan reviewed after a significant change",
    "AP-1": "Approved Premises referral at least three months before release",
    "VIC-1": "Victim contact eligibility",
    "VIC-2": "Victim contact offered within eight weeks of sentence",
    "END-1": "Evaluation of the plan's objectives by the end of the sentence",
    "END-2": "Termination notified to the relevant agencies",
    "REQ-UPW-2": "Unpaid work starts within 7 working days of allocation",
    "REQ-UPW-3": "Unpaid work hours completed within 12 months",
    "ENF-3": "Warning or enforcement action within 6 working days of an unacceptable failure",
    "ENF-4": "Breach instigated on the 2nd (CO/SSO) or 3rd (PSS) unacceptable failure in 12 months",
    "LIC-1": "Licence: warning or recall decision by the end of the 9th working day",
    "LIC-2": "Recall report within 24 hours of the decision (2 hours in an emergency)",
    "LIC-5": "CRC non-emergency recall at HIGH RoSH endorsed by the NPS",
    "RISK-2": "CRC case at HIGH RoSH or above referred and transferred to the NPS",
    "RISK-3": "Emergency action on an immediate risk recorded, and the manager informed as soon as possible after",
    "MAPPA-1": "MAPPA case recorded on ViSOR",
}
ORDER = list(TITLES)


def _check(standard: str, sentence: Sentence | None, **fields) -> Check:
    return Check(standard, TITLES[standard], sentence_id=sentence.id if sentence else None, **fields)


def _rosh_as_of(case: Case, as_of: date) -> RoshAssessment | None:
    dated = [(a.assessed_on, i, a) for i, a in enumerate(case.rosh_assessments) if a.assessed_on <= as_of]
    return max(dated, key=lambda t: (t[0], t[1]))[2] if dated else None


def _rosh_history(case: Case, as_of: date) -> list[RoshAssessment]:
    dated = sorted(((a.assessed_on, i, a) for i, a in enumerate(case.rosh_assessments) if a.assessed_on <= as_of),
                   key=lambda t: (t[0], t[1]))
    return [a for _, _, a in dated]


def commencement(case: Case, sentence: Sentence) -> date | None:
    """When supervision of the sentence starts: allocation to the responsible officer for a
    CO/SSO (not before the sentence), release for a licence or PSS. None until known."""
    if sentence.type.is_post_release:
        return sentence.release_date
    if not case.allocations:
        return None
    return max(case.allocations[0].allocated_on, sentence.imposed_on)


def _first(dates: Iterable[date]) -> date | None:
    return min(dates, default=None)


def _upto(day: date | None, as_of: date) -> date | None:
    """A record's date if it had happened by ``as_of``: later records do not exist yet."""
    return day if day is not None and day <= as_of else None


def alloc_1(case: Case, as_of: date) -> Iterable[Check]:
    """ALLOC-1: offenders sentenced to a CO, SSO or custody of more than one day are allocated
    to a provider (PF Allocation). PF sets no number ("prompt notification"), so no due date."""
    if not case.sentences:
        return
    first_sentence = min(s.imposed_on for s in case.sentences)
    allocated = _upto(case.allocations[0].allocated_on if case.allocations else None, as_of)
    yield _check("ALLOC-1", None, arises_on=first_sentence, done_on=allocated,
                 detail="Allocated." if allocated else "Sentenced but not yet allocated to a provider and officer.")


def first_appointment(case: Case, as_of: date) -> Iterable[Check]:
    """APPT-1 (CO/SSO: within 5 working days of allocation), APPT-2 (licence/PSS: within 1
    working day of release) and IND-1 (an induction, due by the same date).

    Interpretations: "attended" is ATTENDED_COMPLIED or ATTENDED_FAILED_TO_COMPLY (the offender
    was seen either way); the appointment counts from the day supervision starts; before
    allocation APPT-1 does not yet apply (ALLOC-1 shows the gap)."""
    for sentence in case.sentences:
        start = commencement(case, sentence)
        if start is None:
            continue
        if sentence.type.is_community:
            standard, days = "APPT-1", param("APPT_1_WORKING_DAYS")
        else:
            standard, days = "APPT-2", param("APPT_2_WORKING_DAYS")
        due = add_working_days(start, days)
        attended = [a for a in sentence.appointments
                    if a.outcome is not None and a.outcome.attended and start <= a.date <= as_of]
        seen = _first(a.date for a in attended if a.face_to_face)
        yield _check(standard, sentence, arises_on=start, due_by=due, done_on=seen,
                     detail=f"First face-to-face contact on {seen.isoformat()}." if seen
                     else f"No attended face-to-face appointment since {start.isoformat()}.")
        inducted = _first(a.date for a in attended if a.kind is AppointmentKind.INDUCTION)
        yield _check("IND-1", sentence, arises_on=start, due_by=due, done_on=inducted,
                     detail=f"Induction on {inducted.isoformat()}." if inducted else "No induction appointment attended yet.")


def _latest_plan(sentence: Sentence, as_of: date):
    plans = [(p.completed_on, i, p) for i, p in enumerate(sentence.plans) if p.completed_on <= as_of]
    return max(plans, key=lambda t: (t[0], t[1]))[2] if plans else None


def planning(case: Case, as_of: date) -> Iterable[Check]:
    """PLAN-1 to PLAN-4.

    Interpretations: PLAN-1 and PLAN-2 judge the latest plan against the RoSH current on the day
    asked, so a plan made before the risk rose shows NOT_MET until an updated plan is recorded.
    PLAN-3's 5-working-day clock (RRDP) runs from commencement or, if the case was assessed HIGH
    only later, from that assessment: nobody can prioritise a risk before it is known. PLAN-4 is
    met by a plan dated within the 12 weeks before release, and overdue after release without one.
    """
    rosh = _rosh_as_of(case, as_of)
    history = _rosh_history(case, as_of)
    for sentence in case.sentences:
        start = commencement(case, sentence)
        latest = _latest_plan(sentence, as_of)
        if latest is not None:
            ok = rosh is None or (latest.rosh_level_identified is rosh.level and (
                not rosh.level.at_least(RoshLevel.MEDIUM) or bool(latest.risk_management_plan)))
            yield _check("PLAN-1", sentence, arises_on=latest.completed_on, done_on=latest.completed_on, done_ok=ok,
                         detail="The plan reflects the current RoSH." if ok else
                         f"The plan ({latest.completed_on.isoformat()}) identifies {latest.rosh_level_identified.value} "
                         f"but the current RoSH is {rosh.level.value}: record an updated plan.")
        if rosh is not None and rosh.risk_to_children is not None and rosh.risk_to_children.at_least(RoshLevel.MEDIUM):
            has = latest is not None and any(o.targets_risk_to_children for o in latest.objectives)
            yield _check("PLAN-2", sentence, arises_on=max(rosh.assessed_on, sentence.imposed_on),
                         done_on=latest.completed_on if latest else None, done_ok=has,
                         detail="The plan targets risk to children." if has else
                         f"RoSH to children is {rosh.risk_to_children.value}: the plan needs an objective targeting it.")
        if start is not None:
            floor = sentence.release_date if sentence.type.is_post_release else sentence.imposed_on
            planned = _first(p.completed_on for p in sentence.plans if floor <= p.completed_on <= as_of)
            due = None
            if rosh is not None and rosh.level.at_least(RoshLevel.HIGH):
                first_high = min(a.assessed_on for a in history if a.level.at_least(RoshLevel.HIGH))
                due = add_working_days(max(start, first_high), param("PLAN_3_HIGH_ROSH_WORKING_DAYS"))
            yield _check("PLAN-3", sentence, arises_on=start, due_by=due, done_on=planned,
                         detail=f"Plan completed on {planned.isoformat()}." if planned else
                         ("HIGH RoSH: the plan is a priority." if due else "A plan is due; the source sets no date below HIGH RoSH."))
        if sentence.type.is_post_release and sentence.release_date is not None:
            release = sentence.release_date
            opens = release - timedelta(weeks=param("PLAN_4_MAX_WEEKS_BEFORE_RELEASE"))
            prepared = _first(p.completed_on for p in sentence.plans
                              if opens <= p.completed_on < release and p.completed_on <= as_of)
            yield _check("PLAN-4", sentence, arises_on=opens, due_by=release - timedelta(days=1), done_on=prepared,
                         detail=f"Pre-release plan on {prepared.isoformat()}." if prepared else
                         f"No pre-release plan between {opens.isoformat()} and release on {release.isoformat()}.")


def plan_review(case: Case, as_of: date) -> Iterable[Check]:
    """PLAN-5: a RoSH level change or a transfer (ALLOC-4) after the first plan sets a review
    due; a review, or a new plan, on or after it meets it. No fixed interval (PF: "no mandatory
    timescales"), so no due date. Recall and committal to custody on breach (order revoked) are
    triggers too."""
    history = _rosh_history(case, as_of)
    rosh_changes = [(b.assessed_on, f"RoSH changed from {a.level.value} to {b.level.value}")
                    for a, b in zip(history, history[1:]) if a.level is not b.level]
    transfers = [(t.allocated_on, f"transferred to {t.officer.name} ({t.provider.value})")
                 for t in case.allocations if t.kind is AllocationKind.TRANSFER and t.allocated_on <= as_of]
    custody = [(r.decided_at.astimezone(LONDON).date(), "recalled to custody") for s in case.sentences for r in s.recalls
               if r.decided_at.astimezone(LONDON).date() <= as_of]
    custody += [(b.outcome_on, "committed to custody on breach (order revoked)") for s in case.sentences for b in s.breaches
                if b.outcome is BreachOutcome.ORDER_REVOKED and b.outcome_on is not None and b.outcome_on <= as_of]
    for sentence in case.sentences:
        if not sentence.plans:
            continue
        first_plan = _first(p.completed_on for p in sentence.plans if p.completed_on <= as_of)
        if first_plan is None:
            continue
        triggers = [t for t in rosh_changes + transfers + custody if t[0] >= first_plan]
        if not triggers:
            continue
        when, why = max(triggers, key=lambda t: t[0])
        reviewed = _first([r.reviewed_on for r in sentence.plan_reviews if when <= r.reviewed_on <= as_of]
                          + [p.completed_on for p in sentence.plans if when <= p.completed_on <= as_of])
        yield _check("PLAN-5", sentence, arises_on=when, done_on=reviewed,
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
        yield _check("AP-1", sentence, arises_on=referred, due_by=due, done_on=referred,
                     detail=f"Referred on {referred.isoformat()}; due by {due.isoformat()} "
                            f"({months} months before release on {sentence.release_date.isoformat()}).")


def victim_contact_scheme(sentence: Sentence) -> tuple[VictimContactScheme | None, str]:
    """VIC-1 eligibility from offence category and custodial term.

    Interpretation: statutory contact applies to violent (intimate partner violence included) and
    sexual offences with a custodial term of 12 months or more served in custody (licence, PSS);
    a suspended term is not served in custody, so an SSO is not statutory. Discretionary contact is
    to be considered for intimate partner violence whatever the sentence, and for violent or sexual
    offences below 12 months (the seeds' "identified victim" is for the victim liaison officer)."""
    category = sentence.offence.category
    violent = category in (OffenceCategory.VIOLENT, OffenceCategory.SEXUAL, OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    term = sentence.custodial_term_months or 0
    threshold = param("VIC_1_STATUTORY_MIN_CUSTODIAL_MONTHS")
    if violent and sentence.type.is_post_release and term >= threshold:
        return VictimContactScheme.STATUTORY, f"{category.value.lower().replace('_', ' ')} offence, custodial term {term} months"
    if category is OffenceCategory.INTIMATE_PARTNER_VIOLENCE:
        return VictimContactScheme.DISCRETIONARY, "intimate partner violence: contact to be considered whatever the sentence"
    if violent:
        return VictimContactScheme.DISCRETIONARY, f"{category.value.lower()} offence below the statutory threshold"
    return None, ""


def vic_2_due(sentence: Sentence) -> date:
    """VIC-2: contact is offered within eight weeks of sentence."""
    return sentence.imposed_on + timedelta(weeks=param("VIC_2_WEEKS"))


def victims(case: Case, as_of: date) -> Iterable[Check]:
    """VIC-1 (eligibility) and VIC-2 (contact offered within eight weeks of sentence, statutory
    cases). The victim records live apart (VIC-3); the case holds only the earliest offer date per
    sentence, and the detail says only whether the offer was in time."""
    offered = case.victim_contact_offered
    for sentence in case.sentences:
        scheme, reason = victim_contact_scheme(sentence)
        if scheme is None:
            continue
        statutory = scheme is VictimContactScheme.STATUTORY
        yield _check("VIC-1", sentence, arises_on=sentence.imposed_on,
                     done_on=sentence.imposed_on if statutory else None,
                     detail=f"{scheme.value.title()} victim contact: {reason}.")
        if statutory:
            due = vic_2_due(sentence)
            done = _upto(offered.get(sentence.id), as_of)
            yield _check("VIC-2", sentence, arises_on=sentence.imposed_on, due_by=due, done_on=done,
                         detail=("Victim contact was offered within eight weeks." if done <= due else
                                 "Victim contact was offered, but after eight weeks.") if done else
                         f"Victim contact to be offered by {due.isoformat()} (recorded by the victim liaison officer).")


def completion(case: Case, as_of: date) -> Iterable[Check]:
    """END-1: the evaluation is due by the end of the sentence and may be done up to eight weeks
    before. END-2: once the sentence has ended, its termination (with the agencies notified) is
    recorded; the source sets no date, so DUE until recorded."""
    for sentence in case.sentences:
        end = sentence_end(sentence, as_of)
        evaluated = _upto(sentence.evaluation.completed_on if sentence.evaluation else None, as_of)
        yield _check("END-1", sentence, arises_on=evaluation_window_opens(sentence, as_of), due_by=end, done_on=evaluated,
                     detail=f"Evaluation completed on {evaluated.isoformat()}." if evaluated
                     else f"Evaluation due by {end.isoformat()}.")
        terminated = sentence.termination if _upto(sentence.termination and sentence.termination.terminated_on, as_of) else None
        yield _check("END-2", sentence, arises_on=terminated.terminated_on if terminated else sentence.end_date,
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
                yield _check("REQ-UPW-2", sentence, arises_on=start,
                             due_by=add_working_days(start, param("REQ_UPW_2_WORKING_DAYS")), done_on=first,
                             detail=f"First work session on {first.isoformat()}." if first else "No work session yet.")
            target, total, completed = (requirement.hours or 0) * 60, 0, None
            for session in sessions:
                total += session.credited_minutes
                if total >= target:
                    completed = session.date
                    break
            due = unpaid_work_completion_due(sentence, requirement)
            yield _check("REQ-UPW-3", sentence, arises_on=sentence.imposed_on, due_by=due, done_on=completed,
                         detail=f"{requirement.hours} hours completed on {completed.isoformat()}." if completed else
                         f"{total // 60}h{total % 60:02d}m of {requirement.hours}h credited; due by {due.isoformat()}.")


def enforcement(case: Case, as_of: date) -> Iterable[Check]:
    """ENF-3, ENF-4 and LIC-1 from ``domain.compliance`` (the one definition of what counts),
    and LIC-2 and LIC-5 for each recall recommendation."""
    for sentence in case.sentences:
        dates = compliance.unacceptable_failure_dates(sentence, as_of)
        if dates:
            latest = dates[-1]
            if sentence.type is SentenceType.LICENCE:
                acted = _first(d for d in [w.issued_on for w in sentence.warnings]
                               + [r.decided_at.astimezone(LONDON).date() for r in sentence.recalls] if latest <= d <= as_of)
                yield _check("LIC-1", sentence, arises_on=latest,
                             due_by=add_working_days(latest, param("LIC_1_WORKING_DAYS")), done_on=acted,
                             detail=f"Acted on {acted.isoformat()} after the failure of {latest.isoformat()}." if acted
                             else f"Unacceptable failure on {latest.isoformat()}: warn or decide on recall.")
            else:
                due = add_working_days(latest, param("ENF_3_WORKING_DAYS"))
                acted = _first(d for d in [w.issued_on for w in sentence.warnings] + [b.initiated_on for b in sentence.breaches]
                               if latest <= d <= as_of)
                yield _check("ENF-3", sentence, arises_on=latest, due_by=due, done_on=acted,
                             detail=f"Acted on {acted.isoformat()} after the failure of {latest.isoformat()}." if acted
                             else f"Unacceptable failure on {latest.isoformat()}: warn or take action.")
                threshold = compliance.breach_threshold(sentence.type)
                counting = compliance.counting_failures(sentence, as_of)
                if threshold is not None and len(counting) >= threshold:
                    breached = _first(b.initiated_on for b in sentence.breaches if latest <= b.initiated_on <= as_of)
                    yield _check("ENF-4", sentence, arises_on=latest, due_by=due, done_on=breached,
                                 detail=f"Breach initiated on {breached.isoformat()}." if breached else
                                 f"{len(counting)} unacceptable failures in 12 months "
                                 f"({', '.join(d.isoformat() for d in counting)}): breach is required.")
        for recall in sentence.recalls:
            decided = recall.decided_at.astimezone(LONDON)
            if decided.date() > as_of:
                continue
            deadline = compliance.lic_2_deadline(recall)
            sent = recall.report_sent_at if recall.report_sent_at and recall.report_sent_at.astimezone(LONDON).date() <= as_of else None
            yield _check("LIC-2", sentence, arises_on=decided.date(), due_by=deadline.astimezone(LONDON).date(),
                         done_on=sent.astimezone(LONDON).date() if sent else None,
                         done_ok=sent is None or sent <= deadline,
                         detail=f"Report due by {deadline.astimezone(LONDON).isoformat(timespec='minutes')}"
                                + (f"; sent {sent.astimezone(LONDON).isoformat(timespec='minutes')}." if sent else "."))
            if _lic_5_applies(case, decided.date()):
                ok = recall.emergency or recall.nps_endorsed
                yield _check("LIC-5", sentence, arises_on=decided.date(), done_on=decided.date(), done_ok=ok,
                             detail="Emergency recall." if recall.emergency else
                             ("Endorsed by the NPS." if recall.nps_endorsed else
                              "CRC non-emergency recall at HIGH RoSH without NPS endorsement."))


def _lic_5_applies(case: Case, on: date) -> bool:
    allocations = [a for a in case.allocations if a.allocated_on <= on]
    rosh = _rosh_as_of(case, on)
    return (bool(allocations) and allocations[-1].provider is Provider.CRC and rosh is not None
            and rosh.level.at_least(RoshLevel.HIGH))


def risk_and_mappa(case: Case, as_of: date) -> Iterable[Check]:
    """RISK-2 (see ``domain.risk``) and MAPPA-1: a current MAPPA registration needs a ViSOR
    record reference, or it is NOT_MET."""
    for escalated, transferred, detail in risk.risk_2_events(case, as_of):
        yield _check("RISK-2", None, arises_on=escalated, done_on=transferred, detail=detail)
    live = [m for m in case.mappa_registrations if m.registered_on <= as_of
            and (m.deregistered_on is None or m.deregistered_on > as_of)]
    if live:
        current = live[-1]
        recorded = bool(current.visor_reference)
        yield _check("MAPPA-1", None, arises_on=current.registered_on, done_on=current.registered_on, done_ok=recorded,
                     detail=f"ViSOR record {current.visor_reference}." if recorded else
                     "MAPPA case without a ViSOR record reference: ViSOR use is mandatory.")


def emergency_actions(case: Case, as_of: date) -> Iterable[Check]:
    """RISK-3: each emergency action is DUE from the day it happened until the manager is
    informed, then MET. No deadline: the PF says the manager is informed "as soon as possible
    after the event", so none is invented. The catalogue has the action recorded "with the time a
    manager was informed"; the PF's "all action should be recorded and the relevant manager
    informed as soon as possible after the event" puts the record first and the informing after,
    so the time may be recorded later (the PF wins)."""
    for action in case.emergency_actions:
        occurred = action.occurred_at.astimezone(LONDON)
        informed = action.manager_informed_at.astimezone(LONDON) if action.manager_informed_at else None
        yield _check("RISK-3", None, arises_on=occurred.date(), done_on=informed.date() if informed else None,
                     detail=f"Emergency action ({action.action.rstrip('.')}) at {occurred:%H:%M on %d %b %Y}; "
                            + (f"manager informed at {informed:%H:%M on %d %b %Y}." if informed else
                               "inform the manager as soon as possible after the event."))


RULES: list[Rule] = [alloc_1, first_appointment, planning, plan_review, approved_premises, victims, completion,
                     unpaid_work, enforcement, risk_and_mappa, emergency_actions]


def _ended_before(sentence: Sentence | None, as_of: date) -> date | None:
    if sentence is None or sentence.termination is None or sentence.termination.terminated_on > as_of:
        return None
    return sentence.termination.terminated_on


def checks(case: Case, as_of: date) -> list[Check]:
    """Every check for the case on ``as_of``. A sentence terminated by then owes nothing more
    except its completion duties: an undone duty that was not due before the termination lapses."""
    sentences = {s.id: s for s in case.sentences}
    found = []
    for rule in RULES:
        for check in rule(case, as_of):
            ended = _ended_before(sentences.get(check.sentence_id), as_of)
            if (ended is not None and check.standard not in ("END-1", "END-2") and check.done_on is None
                    and (check.due_by is None or check.due_by >= ended)):
                continue
            found.append(check)
    return sorted(found, key=lambda c: ORDER.index(c.standard))


def evaluate(case: Case, as_of: date) -> list[StandardStatus]:
    """Every applicable standard's status on ``as_of``, in catalogue order."""
    result = []
    for check in checks(case, as_of):
        state = state_on(check, as_of)
        if state is StandardState.NOT_APPLICABLE:
            continue
        result.append(StandardStatus(check.standard, check.title, state, check.due_by, check.sentence_id, check.detail))
    return result


FAR_FUTURE = date(9999, 12, 30)


def overdue_from(case: Case) -> date | None:
    """The first day on which this case has a standard OVERDUE, if nothing more is recorded.

    Stored on the case document at every write so a caseload can be filtered by "has overdue
    standards today" with an index (overdue today <=> overdue_from <= today). Sound because a
    check that is not done stays OVERDUE from the day after its due date until something is
    recorded, which is a write that recomputes this."""
    days = [c.due_by + timedelta(days=1) for c in checks(case, FAR_FUTURE)
            if c.due_by is not None and c.arises_on is not None and c.done_on is None]
    return min(days, default=None)


@dataclass
class Report:
    """Caseload tally: per standard, how many cases are in each state on ``as_of`` (a case with
    several checks under one standard counts once, in its worst state)."""

    as_of: date
    cases: int = 0
    counts: dict[str, dict[StandardState, int]] = field(default_factory=dict)

    def add(self, case: Case, statuses: list[StandardStatus]) -> None:
        self.cases += 1
        worst: dict[str, StandardState] = {}
        for status in statuses:
            current = worst.get(status.standard)
            if current is None or SEVERITY.index(status.state) > SEVERITY.index(current):
                worst[status.standard] = status.state
        for standard, state in worst.items():
            self.counts.setdefault(standard, dict.fromkeys(SEVERITY, 0))[state] += 1

    def rows(self) -> list[tuple[str, str, dict[StandardState, int]]]:
        return [(s, TITLES[s], self.counts[s]) for s in ORDER if s in self.counts]


SEVERITY = [StandardState.MET, StandardState.DUE, StandardState.NOT_MET, StandardState.OVERDUE]

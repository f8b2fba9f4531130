"""GraphQL object types for the case record, each made from its domain object."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from domain import compliance, model
from domain import standards as domain_standards
from domain.enums import RequirementType
from domain.enums import VictimContactScheme as DomainScheme
from domain.ports import LONDON
from domain.rules import records
from schema import enums, ids
from schema.context import Context


@strawberry.interface(description="An object with a stable, opaque global ID that `Query.node` can refetch.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


@strawberry.type(description="Who made a write and when (REC-1: the time it was recorded, beside the date it happened).")
class RecordStamp:
    by_subject: str = strawberry.field(description="User ID (token subject) of whoever made the write.")
    by_name: str = strawberry.field(description="Display name of whoever made the write.")
    at: datetime = strawberry.field(description="When the write was recorded.")

    @classmethod
    def of(cls, recorded: model.Recorded) -> "RecordStamp":
        return cls(by_subject=recorded.by.subject, by_name=recorded.by.name, at=recorded.at)


@strawberry.type(description="The person under supervision.")
class Offender:
    forename: str = strawberry.field(description="Forename.")
    surname: str = strawberry.field(description="Surname.")
    date_of_birth: date = strawberry.field(description="Date of birth.")
    gender: enums.Gender = strawberry.field(description="Gender as recorded.")
    pnc_number: str | None = strawberry.field(description="Police National Computer number, when known.")

    @classmethod
    def of(cls, offender: model.Offender) -> "Offender":
        return cls(forename=offender.forename, surname=offender.surname, date_of_birth=offender.date_of_birth,
                   gender=enums.to_graphql(offender.gender, enums.Gender), pnc_number=offender.pnc_number)


@strawberry.type(description="A responsible officer (ALLOC-2).")
class Officer:
    code: str = strawberry.field(description="Staff code.")
    name: str = strawberry.field(description="Name.")


@strawberry.type(description="An allocation of the case to a provider and responsible officer (ALLOC-1, ALLOC-2).")
class Allocation:
    provider: enums.Provider = strawberry.field(description="Provider managing the case.")
    officer: Officer = strawberry.field(description="Responsible officer.")
    allocated_on: date = strawberry.field(description="Date of the allocation or transfer.")
    kind: enums.AllocationKind = strawberry.field(description="First allocation or transfer.")
    rationale: str | None = strawberry.field(description="Why (required for a transfer, REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, allocation: model.Allocation) -> "Allocation":
        return cls(provider=enums.to_graphql(allocation.provider, enums.Provider),
                   officer=Officer(code=allocation.officer.code, name=allocation.officer.name),
                   allocated_on=allocation.allocated_on,
                   kind=enums.to_graphql(allocation.kind, enums.AllocationKind),
                   rationale=allocation.rationale, recorded=RecordStamp.of(allocation.recorded))


@strawberry.type(description="The index offence of a sentence.")
class Offence:
    description: str = strawberry.field(description="What the offence was.")
    category: enums.OffenceCategory = strawberry.field(description="Broad category (drives VIC-1 and programme eligibility).")
    committed_on: date = strawberry.field(description="When it was committed (ORA commencement matters: REQ-RAR-1, ENF-6).")


@strawberry.type(description="A court's variation or termination of a requirement.")
class RequirementVariation:
    varied_on: date = strawberry.field(description="Date of the court's decision.")
    changes: list[str] = strawberry.field(description="What changed, e.g. \"hours: 120 -> 80\".")
    terminated: bool = strawberry.field(description="Whether the requirement was terminated.")
    rationale: str = strawberry.field(description="The court's reasons (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, variation: model.RequirementVariation) -> "RequirementVariation":
        changes = [f"{name}: {variation.previous.get(name)} -> {value}" for name, value in variation.changes.items()]
        return cls(varied_on=variation.varied_on, changes=changes, terminated=variation.terminated,
                   rationale=variation.rationale, recorded=RecordStamp.of(variation.recorded))


@strawberry.type(description="Unpaid work progress on one requirement (REQ-UPW-3, REQ-UPW-4).")
class UnpaidWorkProgress:
    ordered_minutes: int = strawberry.field(description="Hours ordered, in minutes.")
    credited_minutes: int = strawberry.field(description="Minutes credited so far (never beyond the hours ordered).")
    remaining_minutes: int = strawberry.field(description="Minutes still to work.")
    education_training_employment_cap_minutes: int = strawberry.field(description="At most 30% of the hours may be education, training and employment, rounded down to whole minutes (REQ-UPW-4).")
    education_training_employment_credited_minutes: int = strawberry.field(description="Education, training and employment minutes credited so far.")
    completion_due: date = strawberry.field(description="Date by which the hours must be completed (REQ-UPW-3).")


@strawberry.type(description="A requirement of a CO/SSO or a condition of a licence/PSS, with the parameters of its type.")
class Requirement(Node):
    type: enums.RequirementType = strawberry.field(description="Kind of requirement; says which parameters apply.")
    hours: int | None = strawberry.field(description="Hours (unpaid work total; curfew hours per day; attendance centre total).")
    days: int | None = strawberry.field(description="Days (RAR maximum activity days; AAMR monitoring days; specified activity days; programme sessions).")
    length_months: int | None = strawberry.field(description="Duration in months, where the type has one.")
    consent_given: bool | None = strawberry.field(description="Whether the offender consented (treatment requirements, REQ-TRT-1).")
    alcohol_dependent: bool | None = strawberry.field(description="Assessed alcohol dependency (AAMR, REQ-AAMR-1).")
    programme: str | None = strawberry.field(description="Accredited programme name (REQ-PRG-1).")
    details: str | None = strawberry.field(description="Free-text details: the place, activity or times.")
    status: enums.RequirementStatus = strawberry.field(description="Whether it is in force.")
    variations: list[RequirementVariation] = strawberry.field(description="Court variations, oldest first.")
    unpaid_work: UnpaidWorkProgress | None = strawberry.field(description="Progress, for an unpaid work requirement.")
    activity_days_delivered: int | None = strawberry.field(description="Distinct activity days delivered, for a RAR (never more than `days`).")

    @classmethod
    def of(cls, crn: str, sentence: model.Sentence, requirement: model.Requirement) -> "Requirement":
        sentence_id = sentence.id
        return cls(id=strawberry.ID(ids.encode("Requirement", crn, sentence_id, requirement.id)),
                   type=enums.to_graphql(requirement.type, enums.RequirementType),
                   hours=requirement.hours, days=requirement.days, length_months=requirement.length_months,
                   consent_given=requirement.consent_given, alcohol_dependent=requirement.alcohol_dependent,
                   programme=requirement.programme, details=requirement.details,
                   status=enums.to_graphql(requirement.status, enums.RequirementStatus),
                   variations=[RequirementVariation.of(v) for v in requirement.variations],
                   unpaid_work=_unpaid_work_progress(sentence, requirement),
                   activity_days_delivered=len(records.rar_activity_days_delivered(sentence, requirement.id))
                   if requirement.type is RequirementType.REHABILITATION_ACTIVITY else None)


def _unpaid_work_progress(sentence: model.Sentence, requirement: model.Requirement) -> UnpaidWorkProgress | None:
    if requirement.type is not RequirementType.UNPAID_WORK:
        return None
    p = records.unpaid_work_progress(sentence, requirement)
    return UnpaidWorkProgress(ordered_minutes=p.ordered_minutes, credited_minutes=p.credited_minutes,
                              remaining_minutes=p.remaining_minutes,
                              education_training_employment_cap_minutes=p.ete_cap_minutes,
                              education_training_employment_credited_minutes=p.ete_credited_minutes,
                              completion_due=p.completion_due)


def _recorded_late(happened_on: date, recorded: model.Recorded) -> bool:
    """REC-1: recorded after the day it happened (days in England and Wales)."""
    return recorded.at.astimezone(LONDON).date() > happened_on


@strawberry.type(description="An appointment with the offender.")
class Appointment(Node):
    kind: enums.AppointmentKind = strawberry.field(description="Kind of appointment.")
    face_to_face: bool = strawberry.field(description="Whether it was face to face (APPT-1, APPT-2).")
    date: date = strawberry.field(description="When it was (or is) due to happen.")
    outcome: enums.AppointmentOutcome | None = strawberry.field(description="What happened; null while it is still to come.")
    requirement_id: strawberry.ID | None = strawberry.field(description="Global ID of the requirement it delivers, if any.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened.")
    notes: str | None = strawberry.field(description="Contact notes.")
    notes_kind: enums.NoteKind | None = strawberry.field(description="Whether the notes are fact or opinion (REC-3).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, appointment: model.Appointment) -> "Appointment":
        return cls(id=strawberry.ID(ids.encode("Appointment", crn, sentence_id, appointment.id)),
                   kind=enums.to_graphql(appointment.kind, enums.AppointmentKind), face_to_face=appointment.face_to_face,
                   date=appointment.date, outcome=enums.to_graphql(appointment.outcome, enums.AppointmentOutcome),
                   requirement_id=_requirement_gid(crn, sentence_id, appointment.requirement_id),
                   recorded_late=appointment.outcome is not None and _recorded_late(appointment.date, appointment.recorded),
                   notes=appointment.notes.text if appointment.notes else None,
                   notes_kind=enums.to_graphql(appointment.notes.kind, enums.NoteKind) if appointment.notes else None,
                   recorded=RecordStamp.of(appointment.recorded))


def _requirement_gid(crn: str, sentence_id: str, requirement_id: str | None) -> strawberry.ID | None:
    return strawberry.ID(ids.encode("Requirement", crn, sentence_id, requirement_id)) if requirement_id else None


@strawberry.type(description="An explanation for a failure to comply (ENF-1).")
class Explanation:
    received_on: date = strawberry.field(description="When it was received.")
    received_by: str = strawberry.field(description="Who received it.")
    details: str = strawberry.field(description="What the offender said.")


@strawberry.type(description="A decision on whether a failure to comply is acceptable (ENF-1). Never edited: a correction is a later decision.")
class FailureDecision:
    acceptable: bool = strawberry.field(description="Whether the explanation was accepted.")
    decided_on: date = strawberry.field(description="When it was decided.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    explanation: Explanation | None = strawberry.field(description="The explanation it was based on, if one was received.")
    correction_reason: str | None = strawberry.field(description="Why it supersedes the previous decision, for a correction.")
    recorded: RecordStamp = strawberry.field(description="Who decided and when it was recorded.")

    @classmethod
    def of(cls, decision: model.FailureDecision) -> "FailureDecision":
        explanation = decision.explanation
        return cls(acceptable=decision.acceptable, decided_on=decision.decided_on, rationale=decision.rationale,
                   explanation=Explanation(received_on=explanation.received_on, received_by=explanation.received_by,
                                           details=explanation.details) if explanation else None,
                   correction_reason=decision.correction_reason, recorded=RecordStamp.of(decision.recorded))


@strawberry.type(description="An apparent failure to comply (ENF-1). Never deleted.")
class FailureToComply(Node):
    date: date = strawberry.field(description="Day of the failure (ENF-2: failures on one day count once).")
    outcome: enums.AppointmentOutcome | None = strawberry.field(description="The appointment outcome that created it, if an appointment did.")
    reason: str | None = strawberry.field(description="Why it is a failure when no appointment created it (e.g. ENF-6 change of address).")
    decisions: list[FailureDecision] = strawberry.field(description="Every decision, oldest first; the last is in force.")
    appointment_id: strawberry.ID | None = strawberry.field(description="Global ID of the appointment, if one.")
    requirement_id: strawberry.ID | None = strawberry.field(description="Global ID of the requirement it concerns, if one.")
    status: enums.FailureStatus = strawberry.field(description="Awaiting decision, acceptable or unacceptable.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, failure: model.FailureToComply) -> "FailureToComply":
        return cls(id=strawberry.ID(ids.encode("FailureToComply", crn, sentence_id, failure.id)), date=failure.date,
                   outcome=enums.to_graphql(failure.outcome, enums.AppointmentOutcome), reason=failure.reason,
                   decisions=[FailureDecision.of(d) for d in failure.decisions],
                   appointment_id=strawberry.ID(ids.encode("Appointment", crn, sentence_id, failure.appointment_id))
                   if failure.appointment_id else None,
                   requirement_id=_requirement_gid(crn, sentence_id, failure.requirement_id),
                   status=enums.to_graphql(failure.status, enums.FailureStatus), recorded=RecordStamp.of(failure.recorded))


@strawberry.type(description="A warning (ENF-3; a final licence warning needs the senior manager grade, LIC-3).")
class Warning:
    issued_on: date = strawberry.field(description="When it was issued.")
    final: bool = strawberry.field(description="Whether it is a final warning.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    offender_response: str | None = strawberry.field(description="The offender's response (ENF-1).")
    recorded: RecordStamp = strawberry.field(description="Who issued it and when it was recorded.")


@strawberry.type(description="Breach proceedings (ENF-4) and the court's outcome (ENF-5).")
class Breach:
    initiated_on: date = strawberry.field(description="When breach was initiated.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    referred_to_nps: bool = strawberry.field(description="Referred to the NPS for court (ENF-7).")
    referral_reason: str | None = strawberry.field(description="Why it was referred (ENF-7).")
    outcome: enums.BreachOutcome | None = strawberry.field(description="The court's outcome, once known.")
    outcome_on: date | None = strawberry.field(description="When the court decided.")

    @classmethod
    def of(cls, breach: model.Breach) -> "Breach":
        return cls(initiated_on=breach.initiated_on, rationale=breach.rationale, referred_to_nps=breach.referred_to_nps,
                   referral_reason=breach.referral_reason, outcome=enums.to_graphql(breach.outcome, enums.BreachOutcome),
                   outcome_on=breach.outcome_on)


@strawberry.type(description="A recommendation to recall (LIC-1), its report (LIC-2) and the re-release (LIC-4).")
class Recall:
    decided_at: datetime = strawberry.field(description="When the decision to recommend recall was made.")
    emergency: bool = strawberry.field(description="An emergency recall (2-hour report deadline).")
    rationale: str = strawberry.field(description="Why (REC-2).")
    nps_endorsed: bool = strawberry.field(description="Endorsed by the NPS (LIC-5, for a CRC recall at HIGH RoSH).")
    report_due_at: datetime = strawberry.field(description="When the report must reach the NPS/NOMS (LIC-2).")
    report_sent_at: datetime | None = strawberry.field(description="When the report was sent.")
    rereleased_on: date | None = strawberry.field(description="Re-release from the recall, after which warnings are spent (LIC-4).")


@strawberry.type(description="The next enforcement action due.")
class EnforcementAction:
    standard: str = strawberry.field(description="The standard that requires it (ENF-3, ENF-4 or LIC-1).")
    action: str = strawberry.field(description="What to do.")
    due_by: date = strawberry.field(description="Last day to do it.")

    @classmethod
    def of(cls, action: compliance.NextAction | None) -> "EnforcementAction | None":
        return cls(standard=action.standard, action=action.action, due_by=action.due_by) if action else None


@strawberry.type(description="Compliance of one sentence, computed in one place (domain/compliance.py).")
class ComplianceSummary:
    failures: int = strawberry.field(description="All failures to comply recorded by the day asked.")
    awaiting_decision: int = strawberry.field(description="Failures not yet decided.")
    unacceptable: int = strawberry.field(description="Failures decided unacceptable (spent ones included).")
    counting_failure_dates: list[date] = strawberry.field(description="Distinct days of unacceptable, unspent failures inside the 12-month window that counts (ENF-2, ENF-4).")
    window_starts_on: date | None = strawberry.field(description="First day of that window.")
    breach_threshold: int | None = strawberry.field(description="Failures in the window that require breach: 2 on CO/SSO, 3 on PSS, none on a licence.")
    live_warnings: int = strawberry.field(description="Warnings not spent.")
    spent_warnings: int = strawberry.field(description="Warnings spent by a continued order (ENF-5) or re-release (LIC-4).")
    breach_in_progress: bool = strawberry.field(description="Breach initiated and awaiting the court.")
    recall_in_progress: bool = strawberry.field(description="Recalled and not yet re-released.")
    next_action: EnforcementAction | None = strawberry.field(description="The next enforcement action due, if any.")

    @classmethod
    def of(cls, summary: compliance.ComplianceSummary) -> "ComplianceSummary":
        return cls(failures=summary.failures, awaiting_decision=summary.awaiting_decision,
                   unacceptable=summary.unacceptable, counting_failure_dates=summary.counting_dates,
                   window_starts_on=summary.window_starts, breach_threshold=summary.threshold,
                   live_warnings=summary.live_warnings, spent_warnings=summary.spent_warnings,
                   breach_in_progress=summary.breach_in_progress, recall_in_progress=summary.recall_in_progress,
                   next_action=EnforcementAction.of(summary.next_action))


@strawberry.type(description="Compliance across all of a case's sentences.")
class CaseCompliance:
    failures: int = strawberry.field(description="All failures to comply.")
    awaiting_decision: int = strawberry.field(description="Failures not yet decided.")
    unacceptable: int = strawberry.field(description="Failures decided unacceptable.")
    live_warnings: int = strawberry.field(description="Warnings not spent.")
    breach_in_progress: bool = strawberry.field(description="Any breach awaiting the court.")
    recall_in_progress: bool = strawberry.field(description="Any recall not yet re-released.")
    next_action: EnforcementAction | None = strawberry.field(description="The most urgent enforcement action due.")


def recall_of(recall: model.Recall) -> Recall:
    return Recall(decided_at=recall.decided_at, emergency=recall.emergency, rationale=recall.rationale,
                  nps_endorsed=recall.nps_endorsed, report_due_at=compliance.lic_2_deadline(recall),
                  report_sent_at=recall.report_sent_at, rereleased_on=recall.rereleased_on)


@strawberry.type(description="An objective of a plan.")
class PlanObjective:
    description: str = strawberry.field(description="What the objective is.")
    targets_risk_to_children: bool = strawberry.field(description="Whether it targets risk to children (PLAN-2).")


@strawberry.type(description="A sentence plan (PLAN-1 to PLAN-4).")
class Plan:
    completed_on: date = strawberry.field(description="Date completed.")
    rosh_level_identified: enums.RoshLevel = strawberry.field(description="The present RoSH the plan identifies (PLAN-1).")
    risk_management_plan: str | None = strawberry.field(description="How the risk is managed and mitigated (PLAN-1, MEDIUM and above).")
    objectives: list[PlanObjective] = strawberry.field(description="Objectives and the activity to deliver the sentence.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, plan: model.Plan) -> "Plan":
        return cls(completed_on=plan.completed_on,
                   rosh_level_identified=enums.to_graphql(plan.rosh_level_identified, enums.RoshLevel),
                   risk_management_plan=plan.risk_management_plan,
                   objectives=[PlanObjective(description=o.description, targets_risk_to_children=o.targets_risk_to_children)
                               for o in plan.objectives], recorded=RecordStamp.of(plan.recorded))


@strawberry.type(description="A review of the plan (PLAN-5).")
class PlanReview:
    reviewed_on: date = strawberry.field(description="Date of the review.")
    reason: str = strawberry.field(description="What prompted it (e.g. RoSH change, transfer).")
    summary: str = strawberry.field(description="What changed in the plan.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")


@strawberry.type(description="A referral to Approved Premises (AP-1).")
class ApprovedPremisesReferral:
    referred_on: date = strawberry.field(description="Date of the referral.")
    premises: str | None = strawberry.field(description="The premises, if known.")
    on_time: bool = strawberry.field(description="Made at least three months before release (AP-1).")

    @classmethod
    def of(cls, sentence: model.Sentence, referral: model.ApprovedPremisesReferral) -> "ApprovedPremisesReferral":
        return cls(referred_on=referral.referred_on, premises=referral.premises,
                   on_time=sentence.release_date is not None and referral.referred_on <= records.ap_1_due(sentence.release_date))


@strawberry.type(description="The evaluation of the plan's objectives at the end of the sentence (END-1).")
class Evaluation:
    completed_on: date = strawberry.field(description="Date completed.")
    summary: str = strawberry.field(description="Progress, risk and need at the end.")


@strawberry.type(description="The end of a sentence, with the agencies notified (END-2).")
class Termination:
    terminated_on: date = strawberry.field(description="Date the sentence ended.")
    reason: str = strawberry.field(description="Why it ended (completed, revoked, ...).")
    agencies_notified: list[str] = strawberry.field(description="Agencies notified of the termination.")
    continuing_restrictions_explained: bool = strawberry.field(description="Whether the offender was told of restrictions that continue.")

    @classmethod
    def of(cls, termination: model.Termination) -> "Termination":
        return cls(terminated_on=termination.terminated_on, reason=termination.reason,
                   agencies_notified=termination.agencies_notified,
                   continuing_restrictions_explained=termination.continuing_restrictions_explained)


@strawberry.type(description="A session of unpaid work (REQ-UPW-4).")
class UnpaidWorkSession:
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the unpaid work requirement.")
    date: date = strawberry.field(description="Day of the session.")
    minutes_worked: int = strawberry.field(description="Minutes worked, as reported.")
    education_training_employment_minutes: int = strawberry.field(description="Of which education, training and employment.")
    credited_minutes: int = strawberry.field(description="Minutes credited: within the 30% cap and never beyond the hours remaining.")
    credited_education_training_employment_minutes: int = strawberry.field(description="Of the credit, how much is education, training and employment.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, session: model.UnpaidWorkSession) -> "UnpaidWorkSession":
        return cls(requirement_id=_requirement_gid(crn, sentence_id, session.requirement_id), date=session.date,
                   minutes_worked=session.minutes_worked,
                   education_training_employment_minutes=session.education_training_employment_minutes,
                   credited_minutes=session.credited_minutes,
                   credited_education_training_employment_minutes=session.credited_education_training_employment_minutes,
                   recorded_late=_recorded_late(session.date, session.recorded))


@strawberry.type(description="A rehabilitation activity day delivered under a RAR (REQ-RAR-1).")
class RarActivityDay:
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the RAR.")
    date: date = strawberry.field(description="Day of the activity.")
    description: str = strawberry.field(description="What was done.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, day: model.RarActivityDay) -> "RarActivityDay":
        return cls(requirement_id=_requirement_gid(crn, sentence_id, day.requirement_id), date=day.date,
                   description=day.description)


@strawberry.type(description="Victim contact eligibility for a sentence (VIC-1).")
class VictimContactEligibility:
    scheme: enums.VictimContactScheme = strawberry.field(description="Statutory or discretionary.")
    reason: str = strawberry.field(description="Why it applies.")
    offer_due_by: date | None = strawberry.field(description="Statutory contact is offered within eight weeks of sentence (VIC-2).")


def _victim_contact(sentence: model.Sentence) -> VictimContactEligibility | None:
    scheme, reason = domain_standards.victim_contact_scheme(sentence)
    if scheme is None:
        return None
    due = domain_standards.vic_2_due(sentence) if scheme is DomainScheme.STATUTORY else None
    return VictimContactEligibility(scheme=enums.to_graphql(scheme, enums.VictimContactScheme), reason=reason, offer_due_by=due)


@strawberry.type(description="A sentence supervised by probation: community order, SSO, licence or PSS.")
class Sentence(Node):
    type: enums.SentenceType = strawberry.field(description="Kind of sentence.")
    imposed_on: date = strawberry.field(description="Date of sentence.")
    length_months: int = strawberry.field(description="Length in months from the sentence date (SSO: operational period).")
    release_date: date | None = strawberry.field(description="Release from custody (licence and PSS only).")
    custodial_term_months: int | None = strawberry.field(description="Custodial term in months (SSO: the term suspended).")
    end_date: date = strawberry.field(description="Last day of the sentence: sentence date + length - 1 day.")
    offence: Offence = strawberry.field(description="The index offence.")
    requirements: list[Requirement] = strawberry.field(description="Requirements or licence conditions.")
    status: enums.SentenceStatus = strawberry.field(description="Where the sentence stands.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    appointments: list[Appointment] = strawberry.field(description="Appointments, in the order recorded.")
    failures_to_comply: list[FailureToComply] = strawberry.field(description="Failures to comply (ENF-1), never deleted.")
    plans: list[Plan] = strawberry.field(description="Plans, in the order recorded.")
    plan_reviews: list[PlanReview] = strawberry.field(description="Plan reviews (PLAN-5).")
    approved_premises_referrals: list[ApprovedPremisesReferral] = strawberry.field(description="Approved Premises referrals (AP-1).")
    evaluation: Evaluation | None = strawberry.field(description="The end-of-sentence evaluation (END-1), once completed.")
    termination: Termination | None = strawberry.field(description="The termination (END-2), once recorded.")
    unpaid_work_sessions: list[UnpaidWorkSession] = strawberry.field(description="Unpaid work sessions (REQ-UPW-4).")
    rar_activity_days: list[RarActivityDay] = strawberry.field(description="RAR activity days delivered (REQ-RAR-1).")
    warnings: list[Warning] = strawberry.field(description="Warnings, oldest first.")
    breaches: list[Breach] = strawberry.field(description="Breach proceedings, oldest first.")
    recalls: list[Recall] = strawberry.field(description="Recall recommendations, oldest first.")
    _sentence: strawberry.Private[model.Sentence]

    @strawberry.field(description="Compliance on `asOf` (default today): failures, the window that counts, warnings, breach or recall, next action.")
    def compliance(self, info: strawberry.Info[Context],
                   as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None
                   ) -> ComplianceSummary:
        return ComplianceSummary.of(compliance.summarise(self._sentence, as_of or info.context.clock.today()))

    victim_contact: VictimContactEligibility | None = strawberry.field(description="Victim contact scheme that applies (VIC-1); null if none. Nothing about any victim is held on the case (VIC-3).")

    @classmethod
    def of(cls, crn: str, sentence: model.Sentence) -> "Sentence":
        return cls(id=strawberry.ID(ids.encode("Sentence", crn, sentence.id)),
                   type=enums.to_graphql(sentence.type, enums.SentenceType), imposed_on=sentence.imposed_on,
                   length_months=sentence.length_months, release_date=sentence.release_date,
                   custodial_term_months=sentence.custodial_term_months, end_date=sentence.end_date,
                   offence=Offence(description=sentence.offence.description,
                                   category=enums.to_graphql(sentence.offence.category, enums.OffenceCategory),
                                   committed_on=sentence.offence.committed_on),
                   requirements=[Requirement.of(crn, sentence, r) for r in sentence.requirements],
                   status=enums.to_graphql(sentence.status, enums.SentenceStatus),
                   recorded=RecordStamp.of(sentence.recorded),
                   appointments=[Appointment.of(crn, sentence.id, a) for a in sentence.appointments],
                   failures_to_comply=[FailureToComply.of(crn, sentence.id, f) for f in sentence.failures],
                   plans=[Plan.of(p) for p in sentence.plans],
                   plan_reviews=[PlanReview(reviewed_on=r.reviewed_on, reason=r.reason, summary=r.summary,
                                            recorded=RecordStamp.of(r.recorded)) for r in sentence.plan_reviews],
                   approved_premises_referrals=[ApprovedPremisesReferral.of(sentence, r)
                                                for r in sentence.approved_premises_referrals],
                   evaluation=Evaluation(completed_on=sentence.evaluation.completed_on, summary=sentence.evaluation.summary)
                   if sentence.evaluation else None,
                   termination=Termination.of(sentence.termination) if sentence.termination else None,
                   unpaid_work_sessions=[UnpaidWorkSession.of(crn, sentence.id, u) for u in sentence.unpaid_work_sessions],
                   rar_activity_days=[RarActivityDay.of(crn, sentence.id, r) for r in sentence.rar_activity_days],
                   victim_contact=_victim_contact(sentence),
                   warnings=[Warning(issued_on=w.issued_on, final=w.final, rationale=w.rationale,
                                     offender_response=w.offender_response, recorded=RecordStamp.of(w.recorded))
                             for w in sentence.warnings],
                   breaches=[Breach.of(b) for b in sentence.breaches],
                   recalls=[recall_of(r) for r in sentence.recalls], _sentence=sentence)


@strawberry.type(description="A risk of serious harm assessment (RISK-1). Kept as history.")
class RoshAssessment:
    level: enums.RoshLevel = strawberry.field(description="Overall RoSH level (the highest of the levels by group).")
    risk_to_children: enums.RoshLevel | None = strawberry.field(description="RoSH to children, recorded separately (PLAN-2).")
    risk_to_public: enums.RoshLevel | None = strawberry.field(description="RoSH to the public.")
    risk_to_known_adult: enums.RoshLevel | None = strawberry.field(description="RoSH to a known adult.")
    risk_to_staff: enums.RoshLevel | None = strawberry.field(description="RoSH to staff.")
    reoffending_score: Decimal | None = strawberry.field(description="Likelihood of reoffending, an exact percentage (TIER-1 change points).")
    serious_recidivism_score: Decimal | None = strawberry.field(description="Likelihood of serious reoffending, an exact percentage (TIER-1 protect points).")
    assessed_on: date = strawberry.field(description="Date of the assessment.")
    rationale: str = strawberry.field(description="The assessor's rationale (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it (the assessor) and when.")

    @classmethod
    def of(cls, assessment: model.RoshAssessment) -> "RoshAssessment":
        return cls(level=enums.to_graphql(assessment.level, enums.RoshLevel),
                   risk_to_children=enums.to_graphql(assessment.risk_to_children, enums.RoshLevel),
                   risk_to_public=enums.to_graphql(assessment.risk_to_public, enums.RoshLevel),
                   risk_to_known_adult=enums.to_graphql(assessment.risk_to_known_adult, enums.RoshLevel),
                   risk_to_staff=enums.to_graphql(assessment.risk_to_staff, enums.RoshLevel),
                   reoffending_score=assessment.reoffending_score,
                   serious_recidivism_score=assessment.serious_recidivism_score,
                   assessed_on=assessment.assessed_on, rationale=assessment.rationale,
                   recorded=RecordStamp.of(assessment.recorded))


@strawberry.type(description="A MAPPA registration (MAPPA-1). Kept as history.")
class MappaRegistration:
    category: enums.MappaCategory = strawberry.field(description="MAPPA category 1-4.")
    level: enums.MappaLevel = strawberry.field(description="MAPPA management level 1-3.")
    registered_on: date = strawberry.field(description="Date registered.")
    visor_recorded: bool = strawberry.field(description="Whether the case is recorded on ViSOR (mandatory for MAPPA cases).")
    visor_reference: str | None = strawberry.field(description="The ViSOR record reference; without it MAPPA-1 is NOT_MET.")
    review_due_on: date | None = strawberry.field(description="When the registration is next reviewed.")
    deregistered_on: date | None = strawberry.field(description="Date deregistered or superseded, if it has been.")
    deregistration_reason: str | None = strawberry.field(description="Why it ended.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, registration: model.MappaRegistration) -> "MappaRegistration":
        return cls(category=enums.to_graphql(registration.category, enums.MappaCategory),
                   level=enums.to_graphql(registration.level, enums.MappaLevel),
                   registered_on=registration.registered_on, visor_recorded=registration.visor_recorded,
                   visor_reference=registration.visor_reference, review_due_on=registration.review_due_on,
                   deregistered_on=registration.deregistered_on,
                   deregistration_reason=registration.deregistration_reason, recorded=RecordStamp.of(registration.recorded))


@strawberry.type(description="A safeguarding registration (SAFE-1), time-bounded, with the referral made.")
class SafeguardingConcern(Node):
    kind: enums.SafeguardingKind = strawberry.field(description="Kind of concern.")
    started_on: date = strawberry.field(description="Start of the registration.")
    review_on: date | None = strawberry.field(description="When it is next reviewed.")
    ended_on: date | None = strawberry.field(description="End of the registration; null while it is active.")
    referred_to: enums.SafeguardingAgency | None = strawberry.field(description="Where the concern was referred.")
    referred_on: date | None = strawberry.field(description="When it was referred.")
    details: str | None = strawberry.field(description="What the concern is.")

    @classmethod
    def of(cls, crn: str, concern: model.SafeguardingConcern) -> "SafeguardingConcern":
        return cls(id=strawberry.ID(ids.encode("SafeguardingConcern", crn, concern.id)),
                   kind=enums.to_graphql(concern.kind, enums.SafeguardingKind), started_on=concern.started_on,
                   review_on=concern.review_on, ended_on=concern.ended_on,
                   referred_to=enums.to_graphql(concern.referred_to, enums.SafeguardingAgency),
                   referred_on=concern.referred_on, details=concern.details)


@strawberry.type(description="A complexity factor registered on the case (TIER-1).")
class ComplexityRegistration:
    factor: enums.ComplexityFactor = strawberry.field(description="The factor.")
    started_on: date = strawberry.field(description="From.")
    ended_on: date | None = strawberry.field(description="To, if it has ended.")


@strawberry.type(description="A need and its severity.")
class NeedScore:
    need: enums.Need = strawberry.field(description="The need area.")
    severity: enums.NeedSeverity = strawberry.field(description="Its severity.")


@strawberry.type(description="A needs assessment (TIER-1 change level).")
class NeedsAssessment:
    assessed_on: date = strawberry.field(description="When assessed.")
    needs: list[NeedScore] = strawberry.field(description="Needs and severities.")
    parenting_responsibilities: bool | None = strawberry.field(default=None, description="OASys 6.9 parenting or caring responsibilities; null if not answered (a factor for women).")
    impulsivity: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.2 impulsivity; null if not answered (a factor for women).")
    temper_control: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.4 temper control; null if not answered (a factor for women).")


@strawberry.type(description="An emergency action on an immediate risk (RISK-3).")
class EmergencyAction(Node):
    occurred_at: datetime = strawberry.field(description="When the risk arose and action was taken.")
    action: str = strawberry.field(description="What was done.")
    manager_informed_at: datetime | None = strawberry.field(description="When a manager was informed; null until recorded (recordManagerInformed).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, action: model.EmergencyAction) -> "EmergencyAction":
        return cls(id=strawberry.ID(ids.encode("EmergencyAction", crn, action.id)), occurred_at=action.occurred_at,
                   action=action.action, manager_informed_at=action.manager_informed_at,
                   recorded=RecordStamp.of(action.recorded))


@strawberry.type(description="Points behind a tier.")
class TierPoints:
    name: str = strawberry.field(description="What scored: rosh, seriousRecidivism, mappa, complexity, additionalFactorsForWomen, "
                                             "needs, reoffending, iom (a missing input has no entry).")
    points: int = strawberry.field(description="Points.")


@strawberry.type(description="What a tier was calculated from (stored with it).")
class TierInputs:
    rosh: enums.RoshLevel | None = strawberry.field(description="Current RoSH; null if none.")
    serious_recidivism_score: Decimal | None = strawberry.field(description="Serious recidivism (RSR) percentage; 999.99 is OASys's \"no score\".")
    mappa_level: enums.MappaLevel | None = strawberry.field(description="Current MAPPA level.")
    complexity_factors: list[enums.ComplexityFactor] = strawberry.field(description="Active complexity factors.")
    reoffending_score: Decimal | None = strawberry.field(description="Likelihood of reoffending percentage.")
    needs: list[NeedScore] | None = strawberry.field(description="Needs; null if never assessed.")
    mandate_for_change: bool = strawberry.field(description="A live sentence that is not only restrictive requirements and unpaid work.")
    active_sentence: bool = strawberry.field(description="A sentence not terminated; without one the tier is N/A.")
    unsupervised: bool = strawberry.field(description="Every live sentence is a CO/SSO with no active requirement left (suffix S).")
    female: bool | None = strawberry.field(description="Whether the additional factors for women apply; null if the gender is not known.")
    previous_enforcement: bool = strawberry.field(description="A breach or recall on a sentence live or ended within the last year.")
    parenting_responsibilities: bool | None = strawberry.field(description="OASys 6.9 from the latest needs assessment; null if not answered.")
    impulsivity: enums.ProblemLevel | None = strawberry.field(description="OASys 11.2 from the latest needs assessment; null if not answered.")
    temper_control: enums.ProblemLevel | None = strawberry.field(description="OASys 11.4 from the latest needs assessment; null if not answered.")


@strawberry.type(description="The level a tier would have at one value of a missing input.")
class TierOutcome:
    value: str = strawberry.field(description="The input's value, e.g. HIGH, YES, or a run of points such as \"0–9 points\".")
    levels: str = strawberry.field(description="The level(s) it gives, e.g. \"B\" or \"A–B\" while another input is missing too.")


@strawberry.type(description="A missing input that could change the tier, with the level at each of its possible values.")
class TierMissingInput:
    input: enums.TierInput = strawberry.field(description="What is missing.")
    axis: enums.TierAxis = strawberry.field(description="Which level it bears on.")
    outcomes: list[TierOutcome] = strawberry.field(description="The level at each possible value.")


def _enum_or_none(graphql_enum, name):
    return graphql_enum[name] if name else None


@strawberry.type(description="A tier calculation (TIER-1): stored with its inputs, points, rule version and reason.")
class TierCalculation:
    tier: str = strawberry.field(description="Protect letter and change digit, e.g. B2; ? for a level a missing input "
                                             "leaves open (see `range`); suffix S when unsupervised; N/A without an active sentence.")
    protect_level: enums.ProtectLevel = strawberry.field(description="Protect level.")
    change_level: enums.ChangeLevel = strawberry.field(description="Change level.")
    provisional: bool = strawberry.field(description="A missing input could change the tier; see `range` and `missingInputs`.")
    range: str | None = strawberry.field(description="The possible levels and what is missing, e.g. \"A–D, RoSH missing\"; null when determined.")
    possible_protect_levels: list[enums.ProtectLevel] = strawberry.field(description="Every protect level the missing inputs allow (one when determined).")
    possible_change_levels: list[enums.ChangeLevel] = strawberry.field(description="Every change level the missing inputs allow (one when determined).")
    missing_inputs: list[TierMissingInput] = strawberry.field(description="Missing inputs that could change the tier; a missing input that cannot is only explained.")
    unsupervised: bool = strawberry.field(description="Under sentence but not supervised (suffix S).")
    protect_points: int = strawberry.field(description="Protect points from the known inputs.")
    change_points: int = strawberry.field(description="Change points from the known inputs.")
    breakdown: list[TierPoints] = strawberry.field(description="Points by component.")
    explanation: list[str] = strawberry.field(description="How the tier was reached, in words.")
    inputs: TierInputs = strawberry.field(description="What it was calculated from.")
    rule_version: str = strawberry.field(description="The tiering rules that produced it, e.g. hmpps-tier-v2.2026.")
    reason: str = strawberry.field(description="What prompted the calculation: the use case that changed an input, "
                                               "RULES_CHANGED, or Scheduled recalculation.")
    calculated_at: datetime = strawberry.field(description="When.")

    @classmethod
    def of(cls, calculation: model.TierCalculation) -> "TierCalculation":
        raw = calculation.inputs

        def decimal(value):
            return Decimal(value) if value is not None else None

        return cls(tier=calculation.tier, protect_level=enums.to_graphql(calculation.protect, enums.ProtectLevel),
                   change_level=enums.to_graphql(calculation.change, enums.ChangeLevel),
                   provisional=calculation.provisional, range=calculation.range,
                   possible_protect_levels=[enums.to_graphql(p, enums.ProtectLevel) for p in calculation.possible_protect],
                   possible_change_levels=[enums.to_graphql(c, enums.ChangeLevel) for c in calculation.possible_change],
                   missing_inputs=[TierMissingInput(input=enums.TierInput[m["input"]], axis=enums.TierAxis[m["axis"]],
                                                    outcomes=[TierOutcome(value=o["value"], levels=o["levels"])
                                                              for o in m["outcomes"]])
                                   for m in calculation.missing_inputs],
                   unsupervised=calculation.unsupervised, protect_points=calculation.protect_points,
                   change_points=calculation.change_points,
                   breakdown=[TierPoints(name=k, points=v) for k, v in calculation.breakdown.items()],
                   explanation=list(calculation.explanation),
                   inputs=TierInputs(
                       rosh=_enum_or_none(enums.RoshLevel, raw.get("rosh")),
                       serious_recidivism_score=decimal(raw.get("seriousRecidivismScore")),
                       mappa_level=_enum_or_none(enums.MappaLevel, raw.get("mappaLevel")),
                       complexity_factors=[enums.ComplexityFactor[f] for f in raw.get("complexityFactors", [])],
                       reoffending_score=decimal(raw.get("reoffendingScore")),
                       needs=[NeedScore(need=enums.Need[n], severity=enums.NeedSeverity[v]) for n, v in raw["needs"].items()]
                       if raw.get("needs") is not None else None,
                       mandate_for_change=bool(raw.get("mandateForChange")),
                       active_sentence=bool(raw.get("activeSentence", True)),
                       unsupervised=bool(raw.get("unsupervised")),
                       female=raw.get("female"),
                       previous_enforcement=bool(raw.get("previousEnforcement")),
                       parenting_responsibilities=raw.get("parentingResponsibilities"),
                       impulsivity=_enum_or_none(enums.ProblemLevel, raw.get("impulsivity")),
                       temper_control=_enum_or_none(enums.ProblemLevel, raw.get("temperControl"))),
                   rule_version=calculation.rule_version, reason=calculation.reason,
                   calculated_at=calculation.calculated_at)


@strawberry.type(description="Where the case stands against one national standard on a given day.")
class StandardStatus:
    standard: str = strawberry.field(description="Rule ID from STANDARDS.md, e.g. APPT-1.")
    title: str = strawberry.field(description="What the standard asks, in a line.")
    state: enums.StandardState = strawberry.field(description="MET, DUE, OVERDUE, NOT_MET or NOT_APPLICABLE.")
    due_by: date | None = strawberry.field(description="Last day to meet it on time; null where the source sets no deadline.")
    sentence_id: strawberry.ID | None = strawberry.field(description="Global ID of the sentence it concerns, if one.")
    detail: str | None = strawberry.field(description="Human-readable explanation.")


@strawberry.type(description="A probation case: one offender, their sentences, risk and the standards that apply.")
class Case(Node):
    _case: strawberry.Private[model.Case]

    @classmethod
    def of(cls, case: model.Case) -> "Case":
        return cls(id=strawberry.ID(ids.encode("Case", case.crn)), _case=case)

    @strawberry.field(description="Case reference number: one capital letter and six digits, e.g. X123456.")
    def crn(self) -> str:
        return self._case.crn

    @strawberry.field(description="Incremented by every write; pass it back as `expectedVersion` to detect conflicts.")
    def version(self) -> int:
        return self._case.version

    @strawberry.field(description="The person under supervision.")
    def offender(self) -> Offender:
        return Offender.of(self._case.offender)

    @strawberry.field(description="The current allocation; null until allocated (ALLOC-1).")
    def allocation(self) -> Allocation | None:
        return Allocation.of(self._case.allocation) if self._case.allocation else None

    @strawberry.field(description="Every allocation and transfer, oldest first (ALLOC-2: history kept).")
    def allocation_history(self) -> list[Allocation]:
        return [Allocation.of(a) for a in self._case.allocations]

    @strawberry.field(description="Sentences, in the order recorded.")
    def sentences(self) -> list[Sentence]:
        return [Sentence.of(self._case.crn, s) for s in self._case.sentences]

    @strawberry.field(description="The current RoSH assessment (the latest by date), null if none.")
    def rosh(self) -> RoshAssessment | None:
        return RoshAssessment.of(self._case.rosh) if self._case.rosh else None

    @strawberry.field(description="Every RoSH assessment, oldest first (RISK-1).")
    def rosh_history(self) -> list[RoshAssessment]:
        ordered = sorted(enumerate(self._case.rosh_assessments), key=lambda pair: (pair[1].assessed_on, pair[0]))
        return [RoshAssessment.of(a) for _, a in ordered]

    @strawberry.field(description="The current MAPPA registration, null if none.")
    def mappa(self) -> MappaRegistration | None:
        return MappaRegistration.of(self._case.mappa) if self._case.mappa else None

    @strawberry.field(description="Every MAPPA registration, in the order recorded.")
    def mappa_history(self) -> list[MappaRegistration]:
        return [MappaRegistration.of(m) for m in self._case.mappa_registrations]

    @strawberry.field(description="Safeguarding registrations (SAFE-1), active and ended.")
    def safeguarding(self) -> list[SafeguardingConcern]:
        return [SafeguardingConcern.of(self._case.crn, s) for s in self._case.safeguarding]

    @strawberry.field(description="The current tier (TIER-1), recalculated whenever an input changes.")
    def tier(self) -> TierCalculation | None:
        return TierCalculation.of(self._case.tier) if self._case.tier else None

    @strawberry.field(description="Every tier calculation, newest first, from the tier history.")
    async def tier_history(self, info: strawberry.Info[Context]) -> list[TierCalculation]:
        return [TierCalculation.of(t) for t in await info.context.service.tier_history(self._case)]

    @strawberry.field(description="Complexity factors registered (TIER-1); safeguarding adds its own.")
    def complexity_factors(self) -> list[ComplexityRegistration]:
        return [ComplexityRegistration(factor=enums.to_graphql(c.factor, enums.ComplexityFactor), started_on=c.started_on,
                                       ended_on=c.ended_on) for c in self._case.complexity_factors]

    @strawberry.field(description="Needs assessments, in the order recorded.")
    def needs_assessments(self) -> list[NeedsAssessment]:
        return [NeedsAssessment(assessed_on=n.assessed_on, needs=[
            NeedScore(need=enums.to_graphql(k, enums.Need), severity=enums.to_graphql(v, enums.NeedSeverity))
            for k, v in n.needs.items()], parenting_responsibilities=n.parenting_responsibilities,
            impulsivity=enums.to_graphql(n.impulsivity, enums.ProblemLevel),
            temper_control=enums.to_graphql(n.temper_control, enums.ProblemLevel)) for n in self._case.needs_assessments]

    @strawberry.field(description="Emergency actions on immediate risk (RISK-3).")
    def emergency_actions(self) -> list[EmergencyAction]:
        return [EmergencyAction.of(self._case.crn, e) for e in self._case.emergency_actions]

    @strawberry.field(description="Status of every applicable national standard on `asOf` (default: today in England "
                                  "and Wales). The same history gives the same answer for the same `asOf`.")
    def standards(self, info: strawberry.Info[Context],
                  as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate on; defaults to today.")] = None) -> list[StandardStatus]:
        day = as_of or info.context.clock.today()
        return [StandardStatus(standard=s.standard, title=s.title,
                               state=enums.to_graphql(s.state, enums.StandardState), due_by=s.due_by,
                               sentence_id=strawberry.ID(ids.encode("Sentence", self._case.crn, s.sentence_id))
                               if s.sentence_id else None,
                               detail=s.detail or None)
                for s in domain_standards.evaluate(self._case, day)]

    @strawberry.field(description="Compliance across the case's sentences on `asOf` (default today).")
    def compliance(self, info: strawberry.Info[Context],
                   as_of: Annotated[date | None, strawberry.argument(description="The day to evaluate; defaults to today.")] = None
                   ) -> CaseCompliance:
        summary = compliance.summarise_case(self._case.sentences, as_of or info.context.clock.today())
        return CaseCompliance(failures=summary.failures, awaiting_decision=summary.awaiting_decision,
                              unacceptable=summary.unacceptable, live_warnings=summary.live_warnings,
                              breach_in_progress=summary.breach_in_progress, recall_in_progress=summary.recall_in_progress,
                              next_action=EnforcementAction.of(summary.next_action))

    @strawberry.field(description="When and by whom the case was created.")
    def created(self) -> RecordStamp:
        return RecordStamp.of(self._case.created)

    @strawberry.field(description="When and by whom the case was last changed.")
    def updated(self) -> RecordStamp:
        return RecordStamp.of(self._case.updated)


@strawberry.type(description="Relay page information.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="Always false: these connections page forwards only.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge in this page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge; pass as `after` for the next page.")


@strawberry.type(description="A case in a page of cases.")
class CaseEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this case.")
    node: Case = strawberry.field(description="The case.")


@strawberry.type(description="A page of cases, in CRN order (keyset pagination).")
class CaseConnection:
    edges: list[CaseEdge] = strawberry.field(description="The cases in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


@strawberry.type(description="How many cases stand in each state against one standard.")
class StandardTally:
    standard: str = strawberry.field(description="Rule ID from STANDARDS.md.")
    title: str = strawberry.field(description="What the standard asks, in a line.")
    met: int = strawberry.field(description="Cases MET.")
    due: int = strawberry.field(description="Cases DUE.")
    overdue: int = strawberry.field(description="Cases OVERDUE.")
    not_met: int = strawberry.field(description="Cases NOT_MET.")


@strawberry.type(description="Per standard, how many cases are met, due, overdue or not met on a day: the picture an inspector asks for. "
                             "A case with several checks under one standard (e.g. two sentences) counts once, in its worst state "
                             "(OVERDUE, then NOT_MET, then DUE, then MET).")
class StandardsReport:
    as_of: date = strawberry.field(description="The day evaluated.")
    cases_examined: int = strawberry.field(description="How many cases the filter selected.")
    standards: list[StandardTally] = strawberry.field(description="One row per standard that applies to at least one case, in catalogue order.")

    @classmethod
    def of(cls, report: domain_standards.Report) -> "StandardsReport":
        S = domain_standards.StandardState
        return cls(as_of=report.as_of, cases_examined=report.cases, standards=[
            StandardTally(standard=standard, title=title, met=counts[S.MET], due=counts[S.DUE],
                          overdue=counts[S.OVERDUE], not_met=counts[S.NOT_MET])
            for standard, title, counts in report.rows()])


@strawberry.type(description="An audit event (REC-1, REC-4): a write, a partner read or a refusal. Append-only.")
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="Event id.")
    kind: str = strawberry.field(description="WRITE, PARTNER_READ or REFUSAL.")
    at: datetime = strawberry.field(description="When (before the response was sent).")
    operation: str = strawberry.field(description="The mutation, query or step (e.g. authenticate).")
    actor_subject: str | None = strawberry.field(description="Who (token subject); null for an unauthenticated refusal.")
    actor_name: str | None = strawberry.field(description="Their display name.")
    roles: list[str] = strawberry.field(description="Their roles.")
    agency: str | None = strawberry.field(description="Partner agency, for a partner.")
    crn: str | None = strawberry.field(description="The case, if one.")
    version_before: int | None = strawberry.field(description="Case version before a write.")
    version_after: int | None = strawberry.field(description="Case version after a write.")
    purpose: str | None = strawberry.field(description="The purpose a partner stated (REC-4).")
    fields_returned: list[str] = strawberry.field(description="The fields a partner read was given.")
    reason: str | None = strawberry.field(description="Why a request was refused.")

    @classmethod
    def of(cls, event) -> "AuditEvent":
        return cls(id=strawberry.ID(event.id), kind=event.kind.value, at=event.at, operation=event.operation,
                   actor_subject=event.actor_subject, actor_name=event.actor_name, roles=list(event.roles),
                   agency=event.agency, crn=event.crn, version_before=event.version_before,
                   version_after=event.version_after, purpose=event.purpose, fields_returned=list(event.fields_returned),
                   reason=event.reason)


@strawberry.type(description="An audit event in a page.")
class AuditEventEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this event.")
    node: AuditEvent = strawberry.field(description="The event.")


@strawberry.type(description="A page of audit events, newest first (keyset pagination).")
class AuditEventConnection:
    edges: list[AuditEventEdge] = strawberry.field(description="The events in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


@strawberry.type(description="A restrictive requirement shared with partners: exclusion, curfew, prohibited activity or residence.")
class SharedRestriction:
    type: enums.RequirementType = strawberry.field(description="Kind of restriction.")
    starts_on: date = strawberry.field(description="From.")
    ends_on: date | None = strawberry.field(description="To.")
    details: str | None = strawberry.field(description="Area, activity, address or times.")


@strawberry.type(description="What a partner agency may see of a case (API.md partner view): the band only, never a narrative or a raw score.")
class SharedRiskSummary:
    crn: str = strawberry.field(description="Case reference number.")
    rosh_level: enums.RoshLevel | None = strawberry.field(description="RoSH band.")
    mappa_category: enums.MappaCategory | None = strawberry.field(description="MAPPA category.")
    mappa_level: enums.MappaLevel | None = strawberry.field(description="MAPPA level.")
    safeguarding: list[enums.SafeguardingKind] = strawberry.field(description="Active safeguarding registrations only.")
    restrictions: list[SharedRestriction] = strawberry.field(description="Restrictive requirements in force, with dates.")
    managing_provider: enums.Provider | None = strawberry.field(description="The responsible officer's provider.")
    withheld_fields: list[str] = strawberry.field(description="Fields your agency does not receive (null or empty above, never computed).")

    @classmethod
    def of(cls, summary) -> "SharedRiskSummary":
        return cls(crn=summary.crn, rosh_level=enums.to_graphql(summary.rosh_level, enums.RoshLevel),
                   mappa_category=enums.to_graphql(summary.mappa_category, enums.MappaCategory),
                   mappa_level=enums.to_graphql(summary.mappa_level, enums.MappaLevel),
                   safeguarding=[enums.to_graphql(k, enums.SafeguardingKind) for k in summary.safeguarding],
                   restrictions=[SharedRestriction(type=enums.to_graphql(r.type, enums.RequirementType), starts_on=r.starts_on,
                                                   ends_on=r.ends_on, details=r.details) for r in summary.restrictions],
                   managing_provider=enums.to_graphql(summary.managing_provider, enums.Provider),
                   withheld_fields=list(summary.withheld))


@strawberry.type(description="A victim record (VIC-1 to VIC-3): stored apart from the case, read only by victim liaison officers.")
class VictimRecord:
    id: strawberry.ID = strawberry.field(description="Record id.")
    crn: str = strawberry.field(description="The offender's case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the sentence.")
    scheme: enums.VictimContactScheme = strawberry.field(description="Statutory or discretionary contact.")
    name: str = strawberry.field(description="The victim's name.")
    contact_details: str | None = strawberry.field(description="How to reach them.")
    contact_offered_on: date | None = strawberry.field(description="When contact was offered (VIC-2: within eight weeks of sentence).")
    notes: str | None = strawberry.field(description="Notes.")

    @classmethod
    def of(cls, record) -> "VictimRecord":
        return cls(id=strawberry.ID(record.id), crn=record.crn,
                   sentence_id=strawberry.ID(ids.encode("Sentence", record.crn, record.sentence_id)),
                   scheme=enums.to_graphql(record.scheme, enums.VictimContactScheme), name=record.name,
                   contact_details=record.contact_details, contact_offered_on=record.contact_offered_on, notes=record.notes)

"""GraphQL types of delivery: appointments, plans, reviews, referrals, evaluation, termination, unpaid work and RAR days,
needs on the RRDP pathways, accommodation and employment outcomes, and priority offender designations."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import case as aggregate
from domain.core.base import recorded_late
from domain.delivery import model as delivery_model
from domain.delivery import views as delivery_views
from schema import enums, ids
from schema.common import Node, RecordStamp

LATE = "REC-1: recorded after the day it happened (its own date); accepted all the same, never refused for lateness."


def _stamp(recorded) -> RecordStamp | None:
    return RecordStamp.of(recorded) if recorded is not None else None


@strawberry.type(description="A cancellation or rearrangement of an arranged appointment: who asked, why and when (REC-2).")
class AppointmentChange:
    changed_on: date = strawberry.field(description="The day it was cancelled or moved.")
    requested_by: enums.ChangeRequestedBy = strawberry.field(description="Who asked for it.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    replacement_id: strawberry.ID | None = strawberry.field(description="Global ID of the appointment that replaces it; null when cancelled.")
    recorded: RecordStamp = strawberry.field(description="Who recorded the change and when.")
    recorded_late: bool = strawberry.field(description=LATE)


@strawberry.type(description="An appointment with the offender: arranged for a day, and its outcome once recorded.")
class Appointment(Node):
    kind: enums.AppointmentKind = strawberry.field(description="Kind of appointment.")
    face_to_face: bool = strawberry.field(description="Whether it was face to face (APPT-1, APPT-2).")
    date: date = strawberry.field(description="When it was (or is) due to happen.")
    arranged_on: date = strawberry.field(description="The day it was arranged (APPT-1 and APPT-2 measure the arrangement).")
    outcome: enums.AppointmentOutcome | None = strawberry.field(description="What happened; null while it is still to come (record it with recordAppointmentOutcome).")
    requirement_id: strawberry.ID | None = strawberry.field(description="Global ID of the requirement it delivers, if any.")
    recorded_late: bool = strawberry.field(description="REC-1: the arrangement was recorded after the day it was arranged, or the outcome after the appointment's day. Accepted all the same.")
    notes: str | None = strawberry.field(description="Contact notes given when it was recorded.")
    notes_kind: enums.NoteKind | None = strawberry.field(description="Whether the notes are fact or opinion (REC-3).")
    outcome_notes: str | None = strawberry.field(description="Contact notes given with a later recorded outcome.")
    outcome_notes_kind: enums.NoteKind | None = strawberry.field(description="Whether the outcome notes are fact or opinion (REC-3).")
    outcome_recorded: RecordStamp | None = strawberry.field(description="Who recorded the outcome and when; null while there is none.")
    change: AppointmentChange | None = strawberry.field(description="The cancellation or rearrangement, if any: a cancelled one (or one moved by the service) no longer counts for APPT-1/APPT-2.")
    rearranged_from: strawberry.ID | None = strawberry.field(description="Global ID of the appointment this one replaces, if it was rearranged.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, appointment: delivery_model.Appointment) -> "Appointment":
        def gid(appointment_id: str | None) -> strawberry.ID | None:
            return strawberry.ID(ids.encode("Appointment", crn, sentence_id, appointment_id)) if appointment_id else None

        change = appointment.change
        notes, outcome_notes = appointment.notes, appointment.outcome_notes
        return cls(id=gid(appointment.id),
                   kind=enums.to_graphql(appointment.kind, enums.AppointmentKind), face_to_face=appointment.face_to_face,
                   date=appointment.date, arranged_on=appointment.arranged_day,
                   outcome=enums.to_graphql(appointment.outcome, enums.AppointmentOutcome),
                   requirement_id=ids.requirement_gid(crn, sentence_id, appointment.requirement_id),
                   recorded_late=delivery_views.appointment_recorded_late(appointment),
                   notes=notes.text if notes else None,
                   notes_kind=enums.to_graphql(notes.kind, enums.NoteKind) if notes else None,
                   outcome_notes=outcome_notes.text if outcome_notes else None,
                   outcome_notes_kind=enums.to_graphql(outcome_notes.kind, enums.NoteKind) if outcome_notes else None,
                   outcome_recorded=_stamp(appointment.outcome_stamp),
                   change=AppointmentChange(changed_on=change.changed_on,
                                            requested_by=enums.to_graphql(change.requested_by, enums.ChangeRequestedBy),
                                            rationale=change.rationale, replacement_id=gid(change.replacement_id),
                                            recorded=RecordStamp.of(change.recorded),
                                            recorded_late=recorded_late(change.changed_on, change.recorded))
                   if change else None,
                   rearranged_from=gid(appointment.rearranged_from), recorded=RecordStamp.of(appointment.recorded))


@strawberry.type(description="An objective of a plan.")
class PlanObjective:
    description: str = strawberry.field(description="What the objective is.")
    targets_risk_to_children: bool = strawberry.field(description="Whether it targets risk to children (PLAN-2).")
    pathway: enums.Pathway | None = strawberry.field(description="The RRDP pathway it addresses; null when it addresses none (e.g. the punitive part of the sentence).")


@strawberry.type(description="A need the plan identifies, on an RRDP pathway (PLAN-6).")
class IdentifiedNeed:
    pathway: enums.Pathway = strawberry.field(description="The pathway of the need.")
    required: str | None = strawberry.field(description="What is required to meet it (whether or not it is available).")
    unaddressed_reason: enums.UnaddressedReason | None = strawberry.field(description="Why no objective addresses it; null when one does.")


@strawberry.type(description="A sentence plan (PLAN-1 to PLAN-4, PLAN-6).")
class Plan:
    completed_on: date = strawberry.field(description="Date completed.")
    rosh_level_identified: enums.RoshLevel = strawberry.field(description="The present RoSH the plan identifies (PLAN-1).")
    risk_management_plan: str | None = strawberry.field(description="How the risk is managed and mitigated (PLAN-1, MEDIUM and above).")
    objectives: list[PlanObjective] = strawberry.field(description="Objectives and the activity to deliver the sentence.")
    needs_identified: list[IdentifiedNeed] = strawberry.field(description="The needs the plan identifies, by RRDP pathway (PLAN-6).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, plan: delivery_model.Plan) -> "Plan":
        return cls(completed_on=plan.completed_on,
                   rosh_level_identified=enums.to_graphql(plan.rosh_level_identified, enums.RoshLevel),
                   risk_management_plan=plan.risk_management_plan,
                   objectives=[PlanObjective(description=o.description, targets_risk_to_children=o.targets_risk_to_children,
                                             pathway=enums.to_graphql(o.pathway, enums.Pathway))
                               for o in plan.objectives],
                   needs_identified=[IdentifiedNeed(pathway=enums.to_graphql(n.pathway, enums.Pathway), required=n.required,
                                                    unaddressed_reason=enums.to_graphql(n.unaddressed_reason,
                                                                                        enums.UnaddressedReason))
                                     for n in plan.needs_identified],
                   recorded=RecordStamp.of(plan.recorded), recorded_late=recorded_late(plan.completed_on, plan.recorded))


@strawberry.type(description="A review of the plan (PLAN-5).")
class PlanReview:
    reviewed_on: date = strawberry.field(description="Date of the review.")
    reason: str = strawberry.field(description="What prompted it (e.g. RoSH change, transfer).")
    summary: str = strawberry.field(description="What changed in the plan.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, review: delivery_model.PlanReview) -> "PlanReview":
        return cls(reviewed_on=review.reviewed_on, reason=review.reason, summary=review.summary,
                   recorded=RecordStamp.of(review.recorded), recorded_late=recorded_late(review.reviewed_on, review.recorded))


@strawberry.type(description="A referral to Approved Premises (AP-1).")
class ApprovedPremisesReferral:
    referred_on: date = strawberry.field(description="Date of the referral.")
    premises: str | None = strawberry.field(description="The premises, if known.")
    on_time: bool = strawberry.field(description="Made at least three months before release (AP-1).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, sentence: aggregate.Sentence, referral: delivery_model.ApprovedPremisesReferral) -> "ApprovedPremisesReferral":
        return cls(referred_on=referral.referred_on, premises=referral.premises,
                   on_time=delivery_views.referral_on_time(sentence, referral), recorded=RecordStamp.of(referral.recorded),
                   recorded_late=recorded_late(referral.referred_on, referral.recorded))


@strawberry.type(description="The evaluation of the plan's objectives at the end of the sentence (END-1).")
class Evaluation:
    completed_on: date = strawberry.field(description="Date completed.")
    summary: str = strawberry.field(description="Progress, risk and need at the end.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, evaluation: delivery_model.Evaluation) -> "Evaluation":
        return cls(completed_on=evaluation.completed_on, summary=evaluation.summary,
                   recorded=RecordStamp.of(evaluation.recorded),
                   recorded_late=recorded_late(evaluation.completed_on, evaluation.recorded))


@strawberry.type(description="The end of a sentence, with the agencies notified (END-2).")
class Termination:
    terminated_on: date = strawberry.field(description="Date the sentence ended.")
    reason: str = strawberry.field(description="Why it ended (completed, revoked, ...).")
    agencies_notified: list[str] = strawberry.field(description="Agencies notified of the termination.")
    continuing_restrictions_explained: bool = strawberry.field(description="Whether the offender was told of restrictions that continue.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, termination: delivery_model.Termination) -> "Termination":
        return cls(terminated_on=termination.terminated_on, reason=termination.reason,
                   agencies_notified=termination.agencies_notified,
                   continuing_restrictions_explained=termination.continuing_restrictions_explained,
                   recorded=RecordStamp.of(termination.recorded),
                   recorded_late=recorded_late(termination.terminated_on, termination.recorded))


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
    def of(cls, crn: str, sentence_id: str, session: delivery_model.UnpaidWorkSession) -> "UnpaidWorkSession":
        return cls(requirement_id=ids.requirement_gid(crn, sentence_id, session.requirement_id), date=session.date,
                   minutes_worked=session.minutes_worked,
                   education_training_employment_minutes=session.education_training_employment_minutes,
                   credited_minutes=session.credited_minutes,
                   credited_education_training_employment_minutes=session.credited_education_training_employment_minutes,
                   recorded_late=recorded_late(session.date, session.recorded))


@strawberry.type(description="A rehabilitation activity day delivered under a RAR (REQ-RAR-1).")
class RarActivityDay:
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the RAR.")
    date: date = strawberry.field(description="Day of the activity.")
    description: str = strawberry.field(description="What was done.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, day: delivery_model.RarActivityDay) -> "RarActivityDay":
        return cls(requirement_id=ids.requirement_gid(crn, sentence_id, day.requirement_id), date=day.date,
                   description=day.description)


@strawberry.type(description="Unpaid work progress on one requirement (REQ-UPW-3, REQ-UPW-4).")
class UnpaidWorkProgress:
    ordered_minutes: int = strawberry.field(description="Hours ordered, in minutes.")
    credited_minutes: int = strawberry.field(description="Minutes credited so far (never beyond the hours ordered).")
    remaining_minutes: int = strawberry.field(description="Minutes still to work.")
    education_training_employment_cap_minutes: int = strawberry.field(description="At most 30% of the hours may be education, training and employment, rounded down to whole minutes (REQ-UPW-4).")
    education_training_employment_credited_minutes: int = strawberry.field(description="Education, training and employment minutes credited so far.")
    completion_due: date = strawberry.field(description="Date by which the hours must be completed (REQ-UPW-3).")

    @classmethod
    def of(cls, progress: delivery_views.UnpaidWorkProgress | None) -> "UnpaidWorkProgress | None":
        if progress is None:
            return None
        return cls(ordered_minutes=progress.ordered_minutes, credited_minutes=progress.credited_minutes,
                   remaining_minutes=progress.remaining_minutes,
                   education_training_employment_cap_minutes=progress.ete_cap_minutes,
                   education_training_employment_credited_minutes=progress.ete_credited_minutes,
                   completion_due=progress.completion_due)


@strawberry.type(description="A need identified on the plan in force, and whether an objective addresses it (PLAN-6).")
class PathwayNeed:
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the sentence whose plan identifies it.")
    pathway: enums.Pathway = strawberry.field(description="The RRDP pathway of the need.")
    identified_on: date = strawberry.field(description="Date of the plan that identifies it.")
    required: str | None = strawberry.field(description="What is required to meet it.")
    met: bool = strawberry.field(description="Whether an objective of that plan addresses it.")
    addressed_by: list[str] = strawberry.field(description="The objectives that address it (empty when not met).")
    unaddressed_reason: enums.UnaddressedReason | None = strawberry.field(description="Why it is not addressed, when it is not.")

    @classmethod
    def of(cls, crn: str, need: delivery_views.PathwayNeed) -> "PathwayNeed":
        return cls(sentence_id=strawberry.ID(ids.encode("Sentence", crn, need.sentence_id)),
                   pathway=enums.to_graphql(need.pathway, enums.Pathway), identified_on=need.identified_on,
                   required=need.required, met=need.met, addressed_by=list(need.addressed_by),
                   unaddressed_reason=enums.to_graphql(need.unaddressed_reason, enums.UnaddressedReason))


@strawberry.type(description="Accommodation and employment at the start or end of supervision (RRDP outcome measures).")
class ResettlementStatus:
    point: enums.SupervisionPoint = strawberry.field(description="Start or end of supervision.")
    assessed_on: date = strawberry.field(description="The day the status was established.")
    accommodation: enums.AccommodationStatus = strawberry.field(description="Accommodation then.")
    employment: enums.EmploymentStatus = strawberry.field(description="Employment then.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, status: delivery_model.ResettlementStatus | None) -> "ResettlementStatus | None":
        if status is None:
            return None
        return cls(point=enums.to_graphql(status.point, enums.SupervisionPoint), assessed_on=status.assessed_on,
                   accommodation=enums.to_graphql(status.accommodation, enums.AccommodationStatus),
                   employment=enums.to_graphql(status.employment, enums.EmploymentStatus),
                   recorded=RecordStamp.of(status.recorded), recorded_late=recorded_late(status.assessed_on, status.recorded))


@strawberry.type(description="A spell of employment or vocational training (RRDP employment measure).")
class EmploymentSpell:
    id: strawberry.ID = strawberry.field(description="Opaque ID of the spell, for endEmploymentSpell.")
    kind: enums.EmploymentKind = strawberry.field(description="Employment or vocational training.")
    started_on: date = strawberry.field(description="First day.")
    ended_on: date | None = strawberry.field(description="Last day; null while it continues.")
    details: str | None = strawberry.field(description="The employer, course or role.")
    counts_for_employment_measure: bool = strawberry.field(description="Found during supervision and kept for 4 weeks or more before it ended, as of today (RRDP).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, crn: str, sentence: aggregate.Sentence, spell: delivery_model.EmploymentSpell, today: date) -> "EmploymentSpell":
        return cls(id=strawberry.ID(ids.encode("EmploymentSpell", crn, sentence.id, spell.id)),
                   kind=enums.to_graphql(spell.kind, enums.EmploymentKind), started_on=spell.started_on,
                   ended_on=spell.ended_on, details=spell.details,
                   counts_for_employment_measure=delivery_views.kept_four_weeks(sentence, spell, today),
                   recorded=RecordStamp.of(spell.recorded), recorded_late=recorded_late(spell.started_on, spell.recorded))


@strawberry.type(description="A period in which the case is designated a Prolific and other Priority Offender (PLAN-3).")
class PriorityOffenderPeriod:
    started_on: date = strawberry.field(description="First day of the designation.")
    rationale: str = strawberry.field(description="Why the case was designated (REC-2).")
    ended_on: date | None = strawberry.field(description="The day it ended (no longer designated from that day); null while it lasts.")
    end_rationale: str | None = strawberry.field(description="Why it ended (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who recorded the designation and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, period: delivery_model.PriorityOffenderPeriod | None) -> "PriorityOffenderPeriod | None":
        if period is None:
            return None
        return cls(started_on=period.started_on, rationale=period.rationale, ended_on=period.ended_on,
                   end_rationale=period.end_rationale, recorded=RecordStamp.of(period.recorded),
                   recorded_late=recorded_late(period.started_on, period.recorded))


@strawberry.type(description="Unmet needs on one RRDP pathway across the caseload.")
class PathwayNeedTally:
    pathway: enums.Pathway = strawberry.field(description="The pathway.")
    unmet: int = strawberry.field(description="Needs identified on plans in force with no objective addressing them.")
    not_available: int = strawberry.field(description="Of those, how many because the intervention required is not available.")


@strawberry.type(description="The Reducing Re-offending Delivery Plan's outcome measures across the caseload. Accommodation "
                             "and employment are counted over the sentences that had ended by `asOf`; unmet needs over the "
                             "sentences then being served.")
class OutcomeMeasures:
    sentences_ended: int = strawberry.field(description="Sentences ended by `asOf`.")
    accommodation_compared: int = strawberry.field(description="Of those, how many have both a start and an end status recorded.")
    settled_at_start: int = strawberry.field(description="Of those compared, how many were in settled accommodation at the start.")
    settled_at_end: int = strawberry.field(description="Of those compared, how many were in settled accommodation at the end (RRDP: suitable accommodation at the end compared with start).")
    in_work_or_training_at_start: int = strawberry.field(description="Of those compared, how many were employed or in vocational training at the start.")
    in_work_or_training_at_end: int = strawberry.field(description="Of those compared, how many were employed or in vocational training at the end.")
    unemployed_at_start: int = strawberry.field(description="Sentences ended whose start status was UNEMPLOYED: the RRDP employment measure's population.")
    found_and_kept_work: int = strawberry.field(description="Of those, how many found and kept employment or vocational training for 4 weeks or more during supervision (the RRDP measure).")
    unmet_needs: list[PathwayNeedTally] = strawberry.field(description="Unmet needs by pathway, in RRDP order (pathways with none are left out).")

    @classmethod
    def of(cls, tally: delivery_views.OutcomesTally) -> "OutcomeMeasures":
        return cls(sentences_ended=tally.sentences_ended, accommodation_compared=tally.accommodation_compared,
                   settled_at_start=tally.settled_at_start, settled_at_end=tally.settled_at_end,
                   in_work_or_training_at_start=tally.in_work_or_training_at_start,
                   in_work_or_training_at_end=tally.in_work_or_training_at_end,
                   unemployed_at_start=tally.unemployed_at_start, found_and_kept_work=tally.found_and_kept_work,
                   unmet_needs=[PathwayNeedTally(pathway=enums.to_graphql(p, enums.Pathway), unmet=unmet, not_available=na)
                                for p, unmet, na in tally.needs_rows()])

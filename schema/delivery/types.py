"""GraphQL types of delivery: appointments, plans, reviews, referrals, evaluation, termination, unpaid work and RAR days."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import case as aggregate
from domain.core.base import recorded_late
from domain.delivery import model as delivery_model
from domain.delivery import views as delivery_views
from schema import enums, ids
from schema.common import Node, RecordStamp


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
    def of(cls, crn: str, sentence_id: str, appointment: delivery_model.Appointment) -> "Appointment":
        return cls(id=strawberry.ID(ids.encode("Appointment", crn, sentence_id, appointment.id)),
                   kind=enums.to_graphql(appointment.kind, enums.AppointmentKind), face_to_face=appointment.face_to_face,
                   date=appointment.date, outcome=enums.to_graphql(appointment.outcome, enums.AppointmentOutcome),
                   requirement_id=ids.requirement_gid(crn, sentence_id, appointment.requirement_id),
                   recorded_late=appointment.outcome is not None and recorded_late(appointment.date, appointment.recorded),
                   notes=appointment.notes.text if appointment.notes else None,
                   notes_kind=enums.to_graphql(appointment.notes.kind, enums.NoteKind) if appointment.notes else None,
                   recorded=RecordStamp.of(appointment.recorded))


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
    def of(cls, plan: delivery_model.Plan) -> "Plan":
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
    def of(cls, sentence: aggregate.Sentence, referral: delivery_model.ApprovedPremisesReferral) -> "ApprovedPremisesReferral":
        return cls(referred_on=referral.referred_on, premises=referral.premises,
                   on_time=delivery_views.referral_on_time(sentence, referral))


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
    def of(cls, termination: delivery_model.Termination) -> "Termination":
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

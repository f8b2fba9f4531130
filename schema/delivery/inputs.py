"""GraphQL inputs of delivery and their conversion to domain commands."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import enums as d
from domain.delivery import commands as c
from domain.delivery import vocabulary as v
from schema import enums, ids
from schema.common import CLIENT_MUTATION_ID, EXPECTED_VERSION, SENTENCE_ID, MutationInput, local_id

APPOINTMENT_ID = "Global ID of the appointment (`Appointment.id`); it names the case's sentence too."


def sentence_record(global_id: strawberry.ID, type_name: str, crn: str) -> tuple[str, str]:
    """(sentence id, record id) inside the global ID of a record on a sentence of case ``crn``; a
    foreign or malformed ID gives ids that match nothing, so the domain answers NOT_FOUND."""
    decoded = ids.decode(global_id)
    if decoded is None or decoded[0] != type_name or len(decoded[1]) != 3 or decoded[1][0] != crn:
        return f"unknown:{global_id}", f"unknown:{global_id}"
    return decoded[1][1], decoded[1][2]


@strawberry.input(description="An appointment: arranged (no outcome) or with what happened.")
class RecordAppointmentInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    kind: enums.AppointmentKind = strawberry.field(description="Kind of appointment.")
    face_to_face: bool = strawberry.field(description="Whether it is face to face (APPT-1, APPT-2 count only these).")
    date: date = strawberry.field(description="Day of the appointment; a future day takes no outcome.")
    outcome: enums.AppointmentOutcome | None = strawberry.field(default=None, description="What happened; omit while it is still to come. A failure outcome creates a failure to comply awaiting decision.")
    requirement_id: strawberry.ID | None = strawberry.field(default=None, description="Global ID of the requirement it delivers, if any.")
    notes: str | None = strawberry.field(default=None, description="Contact notes (at most 4,000 characters).")
    notes_kind: enums.NoteKind | None = strawberry.field(default=None, description="Whether the notes are fact or opinion: required with notes (REC-3).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description="Idempotency key (Relay's clientMutationId): a retry with the same key returns the first result and creates no second failure to comply.")
    arranged_on: date | None = strawberry.field(default=None, description="The day it was arranged (not in the future, not after `date`, not before the sentence); default today, or `date` if that is earlier. Recorded after that day, it is marked `recordedLate` (REC-1).")

    def to_domain(self) -> c.RecordAppointment:
        return c.RecordAppointment(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                   kind=enums.to_domain(self.kind, d.AppointmentKind), face_to_face=self.face_to_face,
                                   date=self.date, outcome=enums.to_domain(self.outcome, d.AppointmentOutcome),
                                   requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                   notes=self.notes, notes_kind=enums.to_domain(self.notes_kind, d.NoteKind),
                                   expected_version=self.expected_version, idempotency_key=self.client_mutation_id,
                                   arranged_on=self.arranged_on)


@strawberry.input(description="The outcome of an arranged appointment, on or after its day.")
class RecordAppointmentOutcomeInput:
    crn: str = strawberry.field(description="The case.")
    appointment_id: strawberry.ID = strawberry.field(description=APPOINTMENT_ID)
    outcome: enums.AppointmentOutcome = strawberry.field(description="What happened. A failure outcome creates a failure to comply awaiting decision; RESCHEDULED is refused (use rearrangeAppointment).")
    notes: str | None = strawberry.field(default=None, description="Contact notes (at most 4,000 characters).")
    notes_kind: enums.NoteKind | None = strawberry.field(default=None, description="Whether the notes are fact or opinion: required with notes (REC-3).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordAppointmentOutcome:
        sentence_id, appointment_id = sentence_record(self.appointment_id, "Appointment", self.crn)
        return c.RecordAppointmentOutcome(crn=self.crn, sentence_id=sentence_id, appointment_id=appointment_id,
                                          outcome=enums.to_domain(self.outcome, d.AppointmentOutcome), notes=self.notes,
                                          notes_kind=enums.to_domain(self.notes_kind, d.NoteKind),
                                          expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="Cancel an arranged appointment (it no longer counts for APPT-1/APPT-2).")
class CancelAppointmentInput:
    crn: str = strawberry.field(description="The case.")
    appointment_id: strawberry.ID = strawberry.field(description=APPOINTMENT_ID)
    cancelled_on: date = strawberry.field(description="The day it was cancelled: not before it was arranged, not after its day, not in the future.")
    requested_by: enums.ChangeRequestedBy = strawberry.field(description="Who asked for the cancellation.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.CancelAppointment:
        sentence_id, appointment_id = sentence_record(self.appointment_id, "Appointment", self.crn)
        return c.CancelAppointment(crn=self.crn, sentence_id=sentence_id, appointment_id=appointment_id,
                                   cancelled_on=self.cancelled_on,
                                   requested_by=enums.to_domain(self.requested_by, v.ChangeRequestedBy),
                                   rationale=self.rationale, expected_version=self.expected_version,
                                   idempotency_key=self.client_mutation_id)


@strawberry.input(description="Move an arranged appointment to another day: the original records the change, a replacement is arranged.")
class RearrangeAppointmentInput:
    crn: str = strawberry.field(description="The case.")
    appointment_id: strawberry.ID = strawberry.field(description=APPOINTMENT_ID)
    new_date: date = strawberry.field(description="The new day (within the sentence, not before `rearrangedOn`).")
    rearranged_on: date = strawberry.field(description="The day it was rearranged: not before it was arranged, not after its day, not in the future.")
    requested_by: enums.ChangeRequestedBy = strawberry.field(description="Who asked: moved at the offender's request, the original arrangement still counts for APPT-1/APPT-2; moved by the service, only the replacement does.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RearrangeAppointment:
        sentence_id, appointment_id = sentence_record(self.appointment_id, "Appointment", self.crn)
        return c.RearrangeAppointment(crn=self.crn, sentence_id=sentence_id, appointment_id=appointment_id,
                                      new_date=self.new_date, rearranged_on=self.rearranged_on,
                                      requested_by=enums.to_domain(self.requested_by, v.ChangeRequestedBy),
                                      rationale=self.rationale, expected_version=self.expected_version,
                                      idempotency_key=self.client_mutation_id)


@strawberry.input(description="An objective of a plan.")
class PlanObjectiveInput:
    description: str = strawberry.field(description="The objective (not blank).")
    targets_risk_to_children: bool = strawberry.field(default=False, description="Whether it targets risk to children (PLAN-2).")
    pathway: enums.Pathway | None = strawberry.field(default=None, description="The RRDP pathway it addresses, if any (PLAN-6).")


@strawberry.input(description="A need the plan identifies (PLAN-6).")
class IdentifiedNeedInput:
    pathway: enums.Pathway = strawberry.field(description="The RRDP pathway of the need (each pathway once).")
    required: str | None = strawberry.field(default=None, description="What is required to meet it, whether or not it is available.")
    unaddressed_reason: enums.UnaddressedReason | None = strawberry.field(default=None, description="Why no objective on this pathway addresses it: required then (PLAN-6), refused when one does.")


@strawberry.input(description="A sentence plan (PLAN-1, PLAN-2, PLAN-4).")
class RecordPlanInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    completed_on: date = strawberry.field(description="Date completed; for a licence or PSS, a pre-release plan is no more than 12 weeks before release (PLAN-4).")
    rosh_level_identified: enums.RoshLevel = strawberry.field(description="The present RoSH (PLAN-1: it must be the current assessment's level).")
    objectives: list[PlanObjectiveInput] = strawberry.field(default_factory=list, description="At least one objective (PLAN-1); one targeting risk to children when that risk is MEDIUM or above (PLAN-2).")
    risk_management_plan: str | None = strawberry.field(default=None, description="How the risk is managed: required at MEDIUM RoSH or above (PLAN-1).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    needs_identified: list[IdentifiedNeedInput] = strawberry.field(default_factory=list, description="The needs the plan identifies, by RRDP pathway: each addressed by an objective on its pathway or with `unaddressedReason` (PLAN-6).")

    def to_domain(self) -> c.RecordPlan:
        return c.RecordPlan(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                            completed_on=self.completed_on,
                            rosh_level_identified=enums.to_domain(self.rosh_level_identified, d.RoshLevel),
                            objectives=tuple(c.PlanObjectiveDetails(o.description, o.targets_risk_to_children,
                                                                    enums.to_domain(o.pathway, v.Pathway))
                                             for o in self.objectives),
                            risk_management_plan=self.risk_management_plan, expected_version=self.expected_version,
                            needs_identified=tuple(c.NeedDetails(enums.to_domain(n.pathway, v.Pathway), n.required,
                                                                 enums.to_domain(n.unaddressed_reason, v.UnaddressedReason))
                                                   for n in self.needs_identified))


@strawberry.input(description="A review of the plan (PLAN-5).")
class ReviewPlanInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    reviewed_on: date = strawberry.field(description="Date of the review.")
    reason: str = strawberry.field(description="What prompted it.")
    summary: str = strawberry.field(description="What changed in the plan.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.ReviewPlan:
        return c.ReviewPlan(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                            reviewed_on=self.reviewed_on, reason=self.reason, summary=self.summary,
                            expected_version=self.expected_version)


@strawberry.input(description="A referral to Approved Premises before release (AP-1).")
class ReferToApprovedPremisesInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the licence or PSS sentence.")
    referred_on: date = strawberry.field(description="Date of the referral; less than three months before release is accepted but NOT_MET (AP-1).")
    premises: str | None = strawberry.field(default=None, description="The premises, if known.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.ReferToApprovedPremises:
        return c.ReferToApprovedPremises(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                         referred_on=self.referred_on, premises=self.premises,
                                         expected_version=self.expected_version)


@strawberry.input(description="The end-of-sentence evaluation (END-1).")
class CompleteEvaluationInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    completed_on: date = strawberry.field(description="Date completed: no earlier than eight weeks before the sentence ends (END-1).")
    summary: str = strawberry.field(description="Progress, risk and need at the end (not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.CompleteEvaluation:
        return c.CompleteEvaluation(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                    completed_on=self.completed_on, summary=self.summary,
                                    expected_version=self.expected_version)


@strawberry.input(description="The end of a sentence, with the agencies notified (END-2).")
class TerminateSentenceInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    terminated_on: date = strawberry.field(description="Date the sentence ended.")
    reason: str = strawberry.field(description="Why it ended (completed, revoked, ...).")
    agencies_notified: list[str] = strawberry.field(description="Each agency notified (END-2: at least one, none blank).")
    continuing_restrictions_explained: bool = strawberry.field(description="Whether the offender was told of restrictions that continue (END-2).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.TerminateSentence:
        return c.TerminateSentence(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                   terminated_on=self.terminated_on, reason=self.reason,
                                   agencies_notified=tuple(self.agencies_notified),
                                   continuing_restrictions_explained=self.continuing_restrictions_explained,
                                   expected_version=self.expected_version)


@strawberry.input(description="A session of unpaid work that has happened (REQ-UPW-4).")
class RecordUnpaidWorkSessionInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the unpaid work requirement.")
    date: date = strawberry.field(description="Day of the session (not in the future).")
    minutes_worked: int = strawberry.field(description="Minutes worked in the session.")
    education_training_employment_minutes: int = strawberry.field(default=0, description="Of which education, training and employment (credited within a 30% cap).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordUnpaidWorkSession:
        return c.RecordUnpaidWorkSession(
            crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
            requirement_id=local_id(self.requirement_id, "Requirement", self.crn), date=self.date,
            minutes_worked=self.minutes_worked,
            education_training_employment_minutes=self.education_training_employment_minutes,
            expected_version=self.expected_version)


@strawberry.input(description="A rehabilitation activity day delivered (REQ-RAR-1).")
class RecordRarActivityDayInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the RAR.")
    date: date = strawberry.field(description="Day of the activity; several activities on one day are one activity day.")
    description: str = strawberry.field(description="What was done.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordRarActivityDay:
        return c.RecordRarActivityDay(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                      requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                      date=self.date, description=self.description, expected_version=self.expected_version)


@strawberry.input(description="A court's variation or termination of a requirement; the varied requirement must pass the REQ-* rules.")
class VaryRequirementInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description="Global ID of the requirement.")
    varied_on: date = strawberry.field(description="Date of the court's decision.")
    rationale: str = strawberry.field(description="The court's reasons (REC-2).")
    terminate: bool = strawberry.field(default=False, description="Terminate the requirement.")
    hours: int | None = strawberry.field(default=None, description="New hours, if varied.")
    days: int | None = strawberry.field(default=None, description="New days, if varied.")
    length_months: int | None = strawberry.field(default=None, description="New duration, if varied.")
    details: str | None = strawberry.field(default=None, description="New details, if varied.")
    extend_completion_to: date | None = strawberry.field(default=None, description="Unpaid work on a community order only: the date the court extended the order to for the hours to be completed (REQ-UPW-3).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.VaryRequirement:
        return c.VaryRequirement(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                 requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                 varied_on=self.varied_on, rationale=self.rationale, terminate=self.terminate,
                                 hours=self.hours, days=self.days, length_months=self.length_months, details=self.details,
                                 extend_completion_to=self.extend_completion_to, expected_version=self.expected_version)


@strawberry.input(description="Accommodation and employment at the start or end of supervision (RRDP outcome measures).")
class RecordResettlementStatusInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    point: enums.SupervisionPoint = strawberry.field(description="Start or end of supervision.")
    assessed_on: date = strawberry.field(description="The day the status was established: within the sentence, not in the future; the end within END-1's window and not before the start.")
    accommodation: enums.AccommodationStatus = strawberry.field(description="Accommodation then.")
    employment: enums.EmploymentStatus = strawberry.field(description="Employment then.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordResettlementStatus:
        return c.RecordResettlementStatus(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                          point=enums.to_domain(self.point, v.SupervisionPoint), assessed_on=self.assessed_on,
                                          accommodation=enums.to_domain(self.accommodation, v.AccommodationStatus),
                                          employment=enums.to_domain(self.employment, v.EmploymentStatus),
                                          expected_version=self.expected_version)


@strawberry.input(description="A spell of employment or vocational training.")
class RecordEmploymentSpellInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    kind: enums.EmploymentKind = strawberry.field(description="Employment or vocational training.")
    started_on: date = strawberry.field(description="First day (not in the future, not after the sentence ended).")
    ended_on: date | None = strawberry.field(default=None, description="Last day, if it has ended (not before the start, not before the sentence).")
    details: str | None = strawberry.field(default=None, description="The employer, course or role (at most 1,000 characters).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordEmploymentSpell:
        return c.RecordEmploymentSpell(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                       kind=enums.to_domain(self.kind, v.EmploymentKind), started_on=self.started_on,
                                       ended_on=self.ended_on, details=self.details, expected_version=self.expected_version)


@strawberry.input(description="The end of a spell of employment or vocational training.")
class EndEmploymentSpellInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    spell_id: strawberry.ID = strawberry.field(description="Global ID of the spell (`EmploymentSpell.id`).")
    ended_on: date = strawberry.field(description="Its last day (not before it started, not in the future).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.EndEmploymentSpell:
        sentence_id, spell_id = sentence_record(self.spell_id, "EmploymentSpell", self.crn)
        return c.EndEmploymentSpell(crn=self.crn, sentence_id=sentence_id, spell_id=spell_id, ended_on=self.ended_on,
                                    expected_version=self.expected_version)


@strawberry.input(description="Designate the case a Prolific and other Priority Offender, or end the designation (PLAN-3).")
class SetPriorityOffenderInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    priority_offender: bool = strawberry.field(description="True: designate from `effectiveOn`; false: end the designation on `effectiveOn`.")
    effective_on: date = strawberry.field(description="The day it takes effect (not in the future; an end after the start).")
    rationale: str = strawberry.field(description="Why (REC-2, not blank): the local scheme's decision.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.SetPriorityOffender:
        return c.SetPriorityOffender(crn=self.crn, priority_offender=self.priority_offender,
                                     effective_on=self.effective_on, rationale=self.rationale,
                                     expected_version=self.expected_version)

"""GraphQL input types (one ``<Name>Input`` per mutation) and their conversion to domain commands.

GraphQL types enforce the shape a client programmer controls (types, enums, required fields);
the domain checks the content a user types (blank text, dates in order, limits) and answers with
``userErrors`` pointing at the field."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from domain import commands as c
from domain import enums as d
from domain import tiering as t
from domain.victims import RecordVictim
from schema import enums, ids

EXPECTED_VERSION = "If given, the mutation fails with VERSION_CONFLICT (writing nothing) unless the case is still at this version."


@strawberry.input(description="The person under supervision.")
class OffenderInput:
    forename: str = strawberry.field(description="Forename (not blank).")
    surname: str = strawberry.field(description="Surname (not blank).")
    date_of_birth: date = strawberry.field(description="Date of birth (not in the future).")
    gender: enums.Gender = strawberry.field(description="Gender as recorded.")
    pnc_number: str | None = strawberry.field(default=None, description="Police National Computer number, if known.")

    def to_domain(self) -> c.OffenderDetails:
        return c.OffenderDetails(forename=self.forename, surname=self.surname, date_of_birth=self.date_of_birth,
                                 gender=enums.to_domain(self.gender, d.Gender), pnc_number=self.pnc_number)


@strawberry.input(description="A new case.")
class CreateCaseInput:
    offender: OffenderInput = strawberry.field(description="The person under supervision.")
    crn: str | None = strawberry.field(default=None, description="Case reference number (one capital letter and six digits); generated when absent.")

    def to_domain(self) -> c.CreateCase:
        return c.CreateCase(offender=self.offender.to_domain(), crn=self.crn)


@strawberry.input(description="The index offence.")
class OffenceInput:
    description: str = strawberry.field(description="What the offence was (not blank).")
    category: enums.OffenceCategory = strawberry.field(description="Broad category.")
    committed_on: date = strawberry.field(description="When it was committed (not after the sentence date).")

    def to_domain(self) -> c.OffenceDetails:
        return c.OffenceDetails(description=self.description, category=enums.to_domain(self.category, d.OffenceCategory),
                                committed_on=self.committed_on)


@strawberry.input(description="A requirement or licence condition. Which parameters a type needs, and their limits, are in "
                              "STANDARDS.md (REQ-*) and on each `RequirementType` value; a missing, out-of-range or "
                              "foreign parameter is a user error pointing at it.")
class RequirementInput:
    type: enums.RequirementType = strawberry.field(description="Kind of requirement.")
    hours: int | None = strawberry.field(default=None, description="Hours, for the types that take them.")
    days: int | None = strawberry.field(default=None, description="Days, for the types that take them.")
    length_months: int | None = strawberry.field(default=None, description="Duration in months, for the types that take one.")
    consent_given: bool | None = strawberry.field(default=None, description="Offender's consent (treatment requirements).")
    alcohol_dependent: bool | None = strawberry.field(default=None, description="Assessed alcohol dependency (AAMR).")
    programme: str | None = strawberry.field(default=None, description="Accredited programme name (PROGRAMME).")
    details: str | None = strawberry.field(default=None, description="The place, activity or times.")

    def to_domain(self) -> c.RequirementDetails:
        return c.RequirementDetails(type=enums.to_domain(self.type, d.RequirementType), hours=self.hours, days=self.days,
                                    length_months=self.length_months, consent_given=self.consent_given,
                                    alcohol_dependent=self.alcohol_dependent, programme=self.programme, details=self.details)


@strawberry.input(description="A sentence to add to a case.")
class AddSentenceInput:
    crn: str = strawberry.field(description="The case.")
    type: enums.SentenceType = strawberry.field(description="Kind of sentence.")
    imposed_on: date = strawberry.field(description="Date of sentence (not in the future).")
    length_months: int = strawberry.field(description="Length from the sentence date in months (CO 1-36; SSO operational period 6-24).")
    offence: OffenceInput = strawberry.field(description="The index offence.")
    requirements: list[RequirementInput] = strawberry.field(default_factory=list, description="Requirements or licence conditions (a CO/SSO needs at least one).")
    release_date: date | None = strawberry.field(default=None, description="Release from custody: required for licence and PSS, absent otherwise.")
    custodial_term_months: int | None = strawberry.field(default=None, description="Custodial term in months: SSO (the term suspended, 1-24), licence and PSS; absent for a CO.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.AddSentence:
        return c.AddSentence(crn=self.crn, type=enums.to_domain(self.type, d.SentenceType), imposed_on=self.imposed_on,
                             length_months=self.length_months, offence=self.offence.to_domain(),
                             requirements=tuple(r.to_domain() for r in self.requirements),
                             release_date=self.release_date, custodial_term_months=self.custodial_term_months,
                             expected_version=self.expected_version)


@strawberry.input(description="A responsible officer.")
class OfficerInput:
    code: str = strawberry.field(description="Staff code (not blank).")
    name: str = strawberry.field(description="Name (not blank).")

    def to_domain(self) -> c.OfficerDetails:
        return c.OfficerDetails(code=self.code, name=self.name)


@strawberry.input(description="The first allocation of a case (ALLOC-1).")
class AllocateCaseInput:
    crn: str = strawberry.field(description="The case.")
    provider: enums.Provider = strawberry.field(description="Provider (ALLOC-3: NPS when RoSH is HIGH or above).")
    officer: OfficerInput = strawberry.field(description="Responsible officer (ALLOC-2).")
    allocated_on: date = strawberry.field(description="Date of allocation (not in the future).")
    rationale: str | None = strawberry.field(default=None, description="Why this provider and officer, if anything needs saying.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.AllocateCase:
        return c.AllocateCase(crn=self.crn, provider=enums.to_domain(self.provider, d.Provider),
                              officer=self.officer.to_domain(), allocated_on=self.allocated_on,
                              rationale=self.rationale, expected_version=self.expected_version)


@strawberry.input(description="A transfer to another officer and/or provider (ALLOC-2, ALLOC-4).")
class TransferCaseInput:
    crn: str = strawberry.field(description="The case.")
    provider: enums.Provider = strawberry.field(description="Receiving provider (ALLOC-3).")
    officer: OfficerInput | None = strawberry.field(default=None, description="Receiving responsible officer: required (ALLOC-2: never without an officer).")
    transferred_on: date = strawberry.field(description="Date of transfer (not before the current allocation, not in the future).")
    rationale: str = strawberry.field(description="Why the case is transferred (REC-2, not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.TransferCase:
        return c.TransferCase(crn=self.crn, provider=enums.to_domain(self.provider, d.Provider),
                              officer=self.officer.to_domain() if self.officer else None,
                              transferred_on=self.transferred_on, rationale=self.rationale,
                              expected_version=self.expected_version)


@strawberry.input(description="A RoSH assessment (RISK-1).")
class RecordRoshAssessmentInput:
    crn: str = strawberry.field(description="The case.")
    level: enums.RoshLevel = strawberry.field(description="Overall RoSH level.")
    assessed_on: date = strawberry.field(description="Date of assessment (not in the future).")
    rationale: str = strawberry.field(description="The assessor's rationale (REC-2, not blank).")
    risk_to_children: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to children, if assessed.")
    risk_to_public: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to the public, if assessed.")
    risk_to_known_adult: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to a known adult, if assessed.")
    risk_to_staff: enums.RoshLevel | None = strawberry.field(default=None, description="RoSH to staff, if assessed.")
    reoffending_score: Decimal | None = strawberry.field(default=None, description="Likelihood of reoffending: a percentage 0-100, at most two decimals, exact.")
    serious_recidivism_score: Decimal | None = strawberry.field(default=None, description="Likelihood of serious reoffending: a percentage 0-100, at most two decimals, exact.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordRoshAssessment:
        return c.RecordRoshAssessment(crn=self.crn, level=enums.to_domain(self.level, d.RoshLevel),
                                      assessed_on=self.assessed_on, rationale=self.rationale,
                                      risk_to_children=enums.to_domain(self.risk_to_children, d.RoshLevel),
                                      risk_to_public=enums.to_domain(self.risk_to_public, d.RoshLevel),
                                      risk_to_known_adult=enums.to_domain(self.risk_to_known_adult, d.RoshLevel),
                                      risk_to_staff=enums.to_domain(self.risk_to_staff, d.RoshLevel),
                                      reoffending_score=self.reoffending_score,
                                      serious_recidivism_score=self.serious_recidivism_score,
                                      expected_version=self.expected_version)


@strawberry.input(description="A MAPPA registration (MAPPA-1); supersedes the current one.")
class RegisterMappaInput:
    crn: str = strawberry.field(description="The case.")
    category: enums.MappaCategory = strawberry.field(description="MAPPA category.")
    level: enums.MappaLevel = strawberry.field(description="MAPPA level.")
    registered_on: date = strawberry.field(description="Date of registration (not in the future).")
    visor_recorded: bool = strawberry.field(description="Whether the case is recorded on ViSOR.")
    visor_reference: str | None = strawberry.field(default=None, description="The ViSOR record reference (MAPPA-1: NOT_MET without one).")
    review_due_on: date | None = strawberry.field(default=None, description="When the registration is next reviewed.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterMappa:
        return c.RegisterMappa(crn=self.crn, category=enums.to_domain(self.category, d.MappaCategory),
                               level=enums.to_domain(self.level, d.MappaLevel), registered_on=self.registered_on,
                               visor_recorded=self.visor_recorded, visor_reference=self.visor_reference,
                               review_due_on=self.review_due_on, expected_version=self.expected_version)


@strawberry.input(description="Caseload filter; conditions combine with AND.")
class CaseFilter:
    officer_code: str | None = strawberry.field(default=None, description="Only cases whose responsible officer has this staff code.")
    provider: enums.Provider | None = strawberry.field(default=None, description="Only cases managed by this provider.")
    rosh_levels: list[enums.RoshLevel] | None = strawberry.field(default=None, description="Only cases whose current RoSH is one of these.")
    has_overdue_standards: bool | None = strawberry.field(default=None, description="True: only cases with a standard OVERDUE today; false: only cases with none.")
    tiers: list[str] | None = strawberry.field(default=None, description="Only cases whose current tier is one of these, e.g. [\"A3\", \"B2\"] (TIER-1).")

    def to_domain(self, today: date) -> c.CaseQuery:
        return c.CaseQuery(officer_code=self.officer_code, provider=enums.to_domain(self.provider, d.Provider),
                           rosh_levels=tuple(enums.to_domain(r, d.RoshLevel) for r in self.rosh_levels)
                           if self.rosh_levels is not None else None,
                           overdue_as_of=today if self.has_overdue_standards is True else None,
                           not_overdue_as_of=today if self.has_overdue_standards is False else None,
                           tiers=tuple(self.tiers) if self.tiers is not None else None)


def local_id(global_id: strawberry.ID | None, type_name: str, crn: str) -> str | None:
    """The stored id inside a global ID of ``type_name`` on case ``crn``; a foreign or malformed
    ID becomes an id that matches nothing, so the domain answers NOT_FOUND on that field."""
    if global_id is None:
        return None
    decoded = ids.decode(global_id)
    if decoded is None or decoded[0] != type_name or decoded[1][0] != crn:
        return f"unknown:{global_id}"
    return decoded[1][-1]


SENTENCE_ID = "Global ID of the sentence (`Sentence.id`)."


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

    def to_domain(self) -> c.RecordAppointment:
        return c.RecordAppointment(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                   kind=enums.to_domain(self.kind, d.AppointmentKind), face_to_face=self.face_to_face,
                                   date=self.date, outcome=enums.to_domain(self.outcome, d.AppointmentOutcome),
                                   requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                   notes=self.notes, notes_kind=enums.to_domain(self.notes_kind, d.NoteKind),
                                   expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="An objective of a plan.")
class PlanObjectiveInput:
    description: str = strawberry.field(description="The objective (not blank).")
    targets_risk_to_children: bool = strawberry.field(default=False, description="Whether it targets risk to children (PLAN-2).")


@strawberry.input(description="A sentence plan (PLAN-1, PLAN-2, PLAN-4).")
class RecordPlanInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    completed_on: date = strawberry.field(description="Date completed; for a licence or PSS, a pre-release plan is no more than 12 weeks before release (PLAN-4).")
    rosh_level_identified: enums.RoshLevel | None = strawberry.field(default=None, description="The present RoSH (PLAN-1: required, and it must be the current assessment's level).")
    objectives: list[PlanObjectiveInput] = strawberry.field(default_factory=list, description="At least one objective (PLAN-1); one targeting risk to children when that risk is MEDIUM or above (PLAN-2).")
    risk_management_plan: str | None = strawberry.field(default=None, description="How the risk is managed: required at MEDIUM RoSH or above (PLAN-1).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordPlan:
        return c.RecordPlan(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                            completed_on=self.completed_on,
                            rosh_level_identified=enums.to_domain(self.rosh_level_identified, d.RoshLevel),
                            objectives=tuple(c.PlanObjectiveDetails(o.description, o.targets_risk_to_children)
                                             for o in self.objectives),
                            risk_management_plan=self.risk_management_plan, expected_version=self.expected_version)


@strawberry.input(description="A review of the plan (PLAN-5).")
class ReviewPlanInput:
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
class ReferToApprovedPremisesInput:
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
class CompleteEvaluationInput:
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
class TerminateSentenceInput:
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
class RecordUnpaidWorkSessionInput:
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
class RecordRarActivityDayInput:
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
class VaryRequirementInput:
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


CLIENT_MUTATION_ID = ("Idempotency key (Relay's clientMutationId): a retry with the same key returns the first result "
                      "and writes nothing more, so a repeated request never creates a second failure to comply.")


@strawberry.input(description="An explanation received for a failure to comply (ENF-1).")
class ExplanationInput:
    received_on: date = strawberry.field(description="When it was received.")
    received_by: str = strawberry.field(description="Who received it.")
    details: str = strawberry.field(description="What the offender said.")


def _failure_ids(global_id: strawberry.ID, crn: str) -> tuple[str, str]:
    decoded = ids.decode(global_id)
    if decoded is None or decoded[0] != "FailureToComply" or len(decoded[1]) != 3 or decoded[1][0] != crn:
        return "unknown", f"unknown:{global_id}"
    return decoded[1][1], decoded[1][2]


@strawberry.input(description="The officer's decision on a failure to comply (ENF-1, REC-2).")
class DecideFailureToComplyInput:
    crn: str = strawberry.field(description="The case.")
    failure_id: strawberry.ID = strawberry.field(description="Global ID of the failure to comply.")
    acceptable: bool = strawberry.field(description="Whether the explanation is accepted (an accepted failure never counts).")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    explanation: ExplanationInput | None = strawberry.field(default=None, description="The explanation, if one was received (required to accept).")
    correction_reason: str | None = strawberry.field(default=None, description="Required when the failure was already decided: why this decision supersedes it.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.DecideFailureToComply:
        sentence_id, failure_id = _failure_ids(self.failure_id, self.crn)
        explanation = self.explanation
        return c.DecideFailureToComply(
            crn=self.crn, sentence_id=sentence_id, failure_id=failure_id, acceptable=self.acceptable,
            rationale=self.rationale, correction_reason=self.correction_reason,
            explanation=c.ExplanationDetails(explanation.received_on, explanation.received_by, explanation.details)
            if explanation else None, expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="A warning (ENF-3). Refused with BREACH_REQUIRED when ENF-4's count is reached; a final licence warning needs SENIOR_MANAGER (LIC-3).")
class IssueWarningInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    issued_on: date = strawberry.field(description="When it was issued.")
    final: bool = strawberry.field(description="A final warning.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    offender_response: str | None = strawberry.field(default=None, description="The offender's response (ENF-1).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.IssueWarning:
        return c.IssueWarning(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                              issued_on=self.issued_on, final=self.final, rationale=self.rationale,
                              offender_response=self.offender_response, expected_version=self.expected_version,
                              idempotency_key=self.client_mutation_id)


@strawberry.input(description="Breach proceedings on a CO, SSO or PSS (ENF-4; ENF-7 referral to the NPS is recorded automatically).")
class InitiateBreachInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    initiated_on: date = strawberry.field(description="When breach was initiated.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.InitiateBreach:
        return c.InitiateBreach(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                initiated_on=self.initiated_on, rationale=self.rationale,
                                expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="The court's outcome of breach proceedings (ENF-5).")
class RecordBreachOutcomeInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    decided_on: date = strawberry.field(description="When the court decided.")
    outcome: enums.BreachOutcome = strawberry.field(description="ORDER_CONTINUED (warnings spent) or ORDER_REVOKED.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordBreachOutcome:
        return c.RecordBreachOutcome(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                     decided_on=self.decided_on, outcome=enums.to_domain(self.outcome, d.BreachOutcome),
                                     expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="The decision to recommend recall of a licence (LIC-1, LIC-2, LIC-5).")
class RecommendRecallInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the licence.")
    decided_at: datetime = strawberry.field(description="When the decision was made, with its UTC offset.")
    emergency: bool = strawberry.field(description="An emergency recall: the report is due within 2 hours, not 24.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    nps_endorsed: bool = strawberry.field(default=False, description="Endorsed by the NPS (LIC-5: needed for a CRC non-emergency recall at HIGH RoSH).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecommendRecall:
        return c.RecommendRecall(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                 decided_at=self.decided_at, emergency=self.emergency, rationale=self.rationale,
                                 nps_endorsed=self.nps_endorsed, expected_version=self.expected_version,
                                 idempotency_key=self.client_mutation_id)


@strawberry.input(description="The recall report reached the NPS/NOMS (LIC-2).")
class RecordRecallReportSentInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the licence.")
    sent_at: datetime = strawberry.field(description="When it was sent, with its UTC offset.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordRecallReportSent:
        return c.RecordRecallReportSent(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                        sent_at=self.sent_at, expected_version=self.expected_version,
                                        idempotency_key=self.client_mutation_id)


@strawberry.input(description="Re-release after recall: earlier warnings and failures are spent (LIC-4).")
class RecordReReleaseInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the licence.")
    released_on: date = strawberry.field(description="Day of re-release.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordReRelease:
        return c.RecordReRelease(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                 released_on=self.released_on, expected_version=self.expected_version,
                                 idempotency_key=self.client_mutation_id)


@strawberry.input(description="A change of address (ENF-6): a permanent move without prior permission, not an emergency, on a CO/SSO for an offence on or after 2015-02-01 creates a failure to comply.")
class RecordAddressChangeInput:
    crn: str = strawberry.field(description="The case.")
    changed_on: date = strawberry.field(description="Day of the move.")
    permanent: bool = strawberry.field(description="A permanent move.")
    permission_sought: bool = strawberry.field(description="Whether permission was sought before the move.")
    emergency: bool = strawberry.field(description="An emergency outside the offender's control.")
    details: str = strawberry.field(description="Where and why (not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordAddressChange:
        return c.RecordAddressChange(crn=self.crn, changed_on=self.changed_on, permanent=self.permanent,
                                     permission_sought=self.permission_sought, emergency=self.emergency,
                                     details=self.details, expected_version=self.expected_version,
                                     idempotency_key=self.client_mutation_id)



@strawberry.input(description="End the current MAPPA registration (MAPPA-1; history kept).")
class DeregisterMappaInput:
    crn: str = strawberry.field(description="The case.")
    deregistered_on: date = strawberry.field(description="Date deregistered.")
    reason: str = strawberry.field(description="Why (not blank).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.DeregisterMappa:
        return c.DeregisterMappa(crn=self.crn, deregistered_on=self.deregistered_on, reason=self.reason,
                                 expected_version=self.expected_version)


@strawberry.input(description="A safeguarding registration (SAFE-1): time-bounded, with the referral made and to whom.")
class RegisterSafeguardingInput:
    crn: str = strawberry.field(description="The case.")
    kind: enums.SafeguardingKind = strawberry.field(description="Kind of concern.")
    started_on: date = strawberry.field(description="Start of the registration.")
    review_on: date | None = strawberry.field(default=None, description="When it is next reviewed.")
    referred_to: enums.SafeguardingAgency | None = strawberry.field(default=None, description="Where it was referred (with referredOn).")
    referred_on: date | None = strawberry.field(default=None, description="When it was referred (with referredTo).")
    details: str | None = strawberry.field(default=None, description="What the concern is.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterSafeguarding:
        return c.RegisterSafeguarding(crn=self.crn, kind=enums.to_domain(self.kind, d.SafeguardingKind),
                                      started_on=self.started_on, review_on=self.review_on,
                                      referred_to=enums.to_domain(self.referred_to, d.SafeguardingAgency),
                                      referred_on=self.referred_on, details=self.details,
                                      expected_version=self.expected_version)


@strawberry.input(description="End a safeguarding registration.")
class EndSafeguardingInput:
    crn: str = strawberry.field(description="The case.")
    safeguarding_id: strawberry.ID = strawberry.field(description="Global ID of the registration.")
    ended_on: date = strawberry.field(description="Date it ended.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.EndSafeguarding:
        return c.EndSafeguarding(crn=self.crn, safeguarding_id=local_id(self.safeguarding_id, "SafeguardingConcern", self.crn),
                                 ended_on=self.ended_on, expected_version=self.expected_version)


@strawberry.input(description="Register a complexity factor (TIER-1).")
class RegisterComplexityFactorInput:
    crn: str = strawberry.field(description="The case.")
    factor: enums.ComplexityFactor = strawberry.field(description="The factor.")
    started_on: date = strawberry.field(description="From.")
    ended_on: date | None = strawberry.field(default=None, description="To, if known.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RegisterComplexityFactor:
        return c.RegisterComplexityFactor(crn=self.crn, factor=enums.to_domain(self.factor, t.ComplexityFactor),
                                          started_on=self.started_on, ended_on=self.ended_on,
                                          expected_version=self.expected_version)


@strawberry.input(description="A need and its severity.")
class NeedScoreInput:
    need: enums.Need = strawberry.field(description="The need area.")
    severity: enums.NeedSeverity = strawberry.field(description="Its severity.")


@strawberry.input(description="A needs assessment (TIER-1 change level).")
class RecordNeedsAssessmentInput:
    crn: str = strawberry.field(description="The case.")
    assessed_on: date = strawberry.field(description="When assessed.")
    needs: list[NeedScoreInput] = strawberry.field(description="Each need area assessed, once.")
    parenting_responsibilities: bool | None = strawberry.field(default=None, description="OASys 6.9: parenting or caring responsibilities (a factor for women); omit if not answered.")
    impulsivity: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.2 impulsivity (a factor for women); omit if not answered.")
    temper_control: enums.ProblemLevel | None = strawberry.field(default=None, description="OASys 11.4 temper control (a factor for women); omit if not answered.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordNeedsAssessment:
        return c.RecordNeedsAssessment(crn=self.crn, assessed_on=self.assessed_on,
                                       needs=tuple((enums.to_domain(n.need, t.Need), enums.to_domain(n.severity, t.NeedSeverity))
                                                   for n in self.needs), expected_version=self.expected_version,
                                       parenting_responsibilities=self.parenting_responsibilities,
                                       impulsivity=enums.to_domain(self.impulsivity, t.ProblemLevel),
                                       temper_control=enums.to_domain(self.temper_control, t.ProblemLevel))


@strawberry.input(description="An emergency action on an immediate risk (RISK-3).")
class RecordEmergencyActionInput:
    crn: str = strawberry.field(description="The case.")
    occurred_at: datetime = strawberry.field(description="When the risk arose and action was taken (with offset).")
    action: str = strawberry.field(description="What was done (not blank).")
    manager_informed_at: datetime | None = strawberry.field(default=None, description="When a manager was informed (with offset; not before the event). Omit it if not yet: record it later with recordManagerInformed.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordEmergencyAction:
        return c.RecordEmergencyAction(crn=self.crn, occurred_at=self.occurred_at, action=self.action,
                                       manager_informed_at=self.manager_informed_at, expected_version=self.expected_version)


@strawberry.input(description="When the manager was informed of an emergency action recorded earlier (RISK-3).")
class RecordManagerInformedInput:
    crn: str = strawberry.field(description="The case.")
    emergency_action_id: strawberry.ID = strawberry.field(description="Global ID of the emergency action.")
    informed_at: datetime = strawberry.field(description="When the manager was informed (with offset; not before the event, not in the future).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RecordManagerInformed:
        return c.RecordManagerInformed(crn=self.crn, emergency_action_id=local_id(self.emergency_action_id, "EmergencyAction", self.crn),
                                       informed_at=self.informed_at, expected_version=self.expected_version)


@strawberry.input(description="Restrict a case to an allow-list of staff; to everyone else it does not exist. You stay on the list.")
class RestrictCaseInput:
    crn: str = strawberry.field(description="The case.")
    allowed_subjects: list[str] = strawberry.field(description="Token subjects (user ids) of the staff who may see it; empty lifts the restriction.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RestrictCase:
        return c.RestrictCase(crn=self.crn, allowed_subjects=tuple(self.allowed_subjects),
                              expected_version=self.expected_version)


@strawberry.input(description="A victim record (VICTIM_LIAISON_OFFICER only); kept apart from the case (VIC-3).")
class RecordVictimInput:
    crn: str = strawberry.field(description="The offender's case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    scheme: enums.VictimContactScheme = strawberry.field(description="Statutory or discretionary contact (VIC-1).")
    name: str = strawberry.field(description="The victim's name.")
    contact_details: str | None = strawberry.field(default=None, description="How to reach them.")
    contact_offered_on: date | None = strawberry.field(default=None, description="When contact was offered (VIC-2).")
    notes: str | None = strawberry.field(default=None, description="Notes.")

    def to_domain(self) -> RecordVictim:
        return RecordVictim(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                            scheme=enums.to_domain(self.scheme, d.VictimContactScheme), name=self.name,
                            contact_details=self.contact_details, contact_offered_on=self.contact_offered_on, notes=self.notes)

"""GraphQL inputs and payloads of requirements in delivery: programme referral (REQ-PRG-1), drug
test results (REQ-DRG-1) and police notifications (NOTIFY-1, NOTIFY-2)."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.records import commands as c
from domain.records import model as record_model
from domain.records import programmes as catalogue
from schema import enums
from schema.common import CLIENT_ID, CLIENT_MUTATION_ID, EXPECTED_VERSION, SENTENCE_ID, UserError, local_id
from schema.enforcement.types import FailureToComply
from schema.records.requirement_types import (
    DrugTest,
    DrugTestResult,
    PoliceNotification,
    PoliceNotificationKind,
    ProgrammeConfirmation,
    ProgrammeReferral,
)
from schema.records.types import Case, Requirement

REQUIREMENT_ID = "Global ID of the requirement (`Requirement.id`)."


@strawberry.input(description="Refer a programme requirement or licence condition to a catalogue programme (REQ-PRG-1). "
                              "Eligibility is evaluated on `referredOn`; an ineligible referral is refused with the criteria "
                              "that fail.")
class ReferToProgrammeInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description=REQUIREMENT_ID + " A PROGRAMME requirement in force.")
    referred_on: date = strawberry.field(description="Date of the referral (from the sentence date; not in the future).")
    suitability_confirmed: bool = strawberry.field(description="The officer confirms eligibility and suitability (PF: \"Eligibility and suitability for the programme are confirmed\"); false is refused.")
    rationale: str = strawberry.field(description="Why this programme, and the timing of delivery (REC-2; not blank).")
    programme: str | None = strawberry.field(default=None, description="Code, name or alias of a catalogue programme (`programmeCatalogue`); defaults to the programme the court named.")
    confirmations: list[ProgrammeConfirmation] = strawberry.field(default_factory=list, description="Criteria the record does not hold, confirmed by the officer (only the programme's own).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.ReferToProgramme:
        return c.ReferToProgramme(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                  requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                  referred_on=self.referred_on, suitability_confirmed=self.suitability_confirmed,
                                  rationale=self.rationale, programme=self.programme,
                                  confirmations=tuple(enums.to_domain(x, catalogue.Confirmation) for x in self.confirmations),
                                  expected_version=self.expected_version,
            idempotency_key=self.client_mutation_id)


@strawberry.input(description="A drug test result (REQ-DRG-1) against a DRUG_TESTING condition (licence/PSS) or a "
                              "DRUG_REHABILITATION requirement (CO/SSO). A positive result never creates a failure to comply; "
                              "a refusal creates an apparent failure awaiting decision.")
class RecordDrugTestResultInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description=REQUIREMENT_ID)
    tested_on: date = strawberry.field(description="Day of the test (while the requirement is in force; not in the future).")
    result: DrugTestResult = strawberry.field(description="Positive, negative or refused.")
    substances: list[str] = strawberry.field(default_factory=list, description="Substances found: at least one for a positive result, none otherwise.")
    notes: str | None = strawberry.field(default=None, description="Notes.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordDrugTestResult:
        return c.RecordDrugTestResult(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                      requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
                                      tested_on=self.tested_on,
                                      result=enums.to_domain(self.result, record_model.DrugTestResult),
                                      substances=tuple(self.substances), notes=self.notes,
                                      expected_version=self.expected_version,
            idempotency_key=self.client_mutation_id)


@strawberry.input(description="A notification to the police (NOTIFY-1 at the start of an exclusion or prohibited activity "
                              "requirement or licence condition: written notice of the offender's name and its length and "
                              "scope; NOTIFY-2 at the end of those, and of residence and supervision requirements).")
class RecordPoliceNotificationInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    requirement_id: strawberry.ID = strawberry.field(description=REQUIREMENT_ID)
    kind: PoliceNotificationKind = strawberry.field(description="START or END.")
    notified_on: date = strawberry.field(description="When the notice was sent (from the sentence date; not in the future; START not after the requirement ended).")
    police_recipient: str = strawberry.field(description="The force or station notified (not blank).")
    in_writing: bool = strawberry.field(description="Sent in writing; false is refused (the PF asks for written notice).")
    contact_for_non_compliance: str | None = strawberry.field(default=None, description="Whom the police contact about non-compliance: required for START.")
    other_stakeholders: list[str] = strawberry.field(default_factory=list, description="Other key stakeholders notified.")
    offender_notified: bool | None = strawberry.field(default=None, description="END only: whether the offender was told of the termination.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordPoliceNotification:
        return c.RecordPoliceNotification(
            crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
            requirement_id=local_id(self.requirement_id, "Requirement", self.crn),
            kind=enums.to_domain(self.kind, record_model.NotificationKind), notified_on=self.notified_on,
            police_recipient=self.police_recipient, in_writing=self.in_writing,
            contact_for_non_compliance=self.contact_for_non_compliance, other_stakeholders=tuple(self.other_stakeholders),
            offender_notified=self.offender_notified, expected_version=self.expected_version,
            idempotency_key=self.client_mutation_id)


@strawberry.type(description="Result of referToProgramme.")
class ReferToProgrammePayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    requirement: Requirement | None = strawberry.field(description="The requirement, with its eligibility; null when rejected.")
    referral: ProgrammeReferral | None = strawberry.field(description="The referral; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of recordDrugTestResult.")
class RecordDrugTestResultPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    drug_test: DrugTest | None = strawberry.field(description="The result; null when rejected.")
    failure_to_comply: FailureToComply | None = strawberry.field(description="For a refusal: the apparent failure to comply created (awaiting decision); null otherwise.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)


@strawberry.type(description="Result of recordPoliceNotification.")
class RecordPoliceNotificationPayload:
    case: Case | None = strawberry.field(description="The case as written; null when rejected.")
    notification: PoliceNotification | None = strawberry.field(description="The notification; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_ID)

"""GraphQL enums and types of requirements in delivery: the programme catalogue and eligibility
(REQ-PRG-1), drug tests (REQ-DRG-1) and police notifications (NOTIFY-1, NOTIFY-2)."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core.base import recorded_late
from domain.records import model as record_model
from domain.records import programmes as catalogue
from domain.records import views as record_views
from schema import enums, ids
from schema.common import RecordStamp
from schema.enums import _graphql_enum

DrugTestResult = _graphql_enum(record_model.DrugTestResult, "Result of a drug test (REQ-DRG-1).", {
    "POSITIVE": "A substance was found: information for risk and enforcement, never by itself a failure to comply.",
    "NEGATIVE": "Nothing was found.",
    "REFUSED": "The offender refused to provide a sample: an apparent failure to comply is created, awaiting decision."})

PoliceNotificationKind = _graphql_enum(record_model.NotificationKind, "Which notification to the police (NOTIFY-1, NOTIFY-2).", {
    "START": "Written notice of the offender's name and the requirement's length and scope (NOTIFY-1).",
    "END": "Notice of the termination of the requirement (NOTIFY-2)."})

ProgrammeConfirmation = _graphql_enum(catalogue.Confirmation, "A programme criterion the case record does not hold, "
                                      "confirmed by the officer at referral (REQ-PRG-1).", {
    "HISTORICAL_IPV_OFFENCE": "An intimate partner violence offence not on this case (BBR: \"index or historical\").",
    "AGAINST_FEMALE_PARTNER": "The intimate partner violence was against a female partner (BBR).",
    "IPV_RISK_MODERATE_OR_HIGH": "A moderate or high risk of committing future IPV offences (BBR; e.g. on SARA).",
    "RELATIONSHIP_PROBLEMS": "Relationship problems (BBR individual requirements).",
    "HETEROSEXUAL_RELATIONSHIP": "In, or was in, a heterosexual relationship (CDVP, IDAP)."})

ProgrammeEligibilityStatus = _graphql_enum(catalogue.EligibilityStatus, "Eligibility for a programme (REQ-PRG-1).", {
    "ELIGIBLE": "Every criterion in the sources is met.",
    "NOT_ELIGIBLE": "A criterion in the sources is not met (`criteria` says which).",
    "TO_BE_CONFIRMED": "Not yet referred: the record meets what it can, the officer confirms the rest at referral.",
    "NO_CRITERIA_IN_SOURCES": "The sources state no criteria: referred on the officer's confirmation of eligibility and suitability.",
    "NOT_REFERABLE": "The sources mark the programme as prison only, previously accredited or not accredited.",
    "UNKNOWN_PROGRAMME": "The requirement names a programme that is not in the catalogue."})

ProgrammeSetting = _graphql_enum(catalogue.Setting, "Where the sources say a programme is delivered.", {
    "COMMUNITY": "In the community.", "PRISON": "In prison only.", "NOT_STATED": "The sources do not say."})

ProgrammeAccreditation = _graphql_enum(catalogue.Accreditation, "A programme's accreditation as the sources state it.", {
    "ACCREDITED": "Named as an accredited programme.",
    "PREVIOUSLY_ACCREDITED": "Listed among the \"Previous CSAAP accredited programmes\".",
    "NOT_YET_ACCREDITED": "Described as to be submitted for accreditation.",
    "NOT_STATED": "The sources do not say it is accredited."})


@strawberry.type(description="A source passage, in its own words.")
class ProgrammeSource:
    cite: str = strawberry.field(description="Document and section (docs/sources.md).")
    quote: str = strawberry.field(description="The words relied on, verbatim.")

    @classmethod
    def of(cls, source: catalogue.Source) -> "ProgrammeSource":
        return cls(cite=source.cite, quote=source.quote)


@strawberry.type(description="An eligibility criterion of a programme, with its source.")
class ProgrammeCriterion:
    requires: str = strawberry.field(description="What the criterion requires.")
    confirmation: ProgrammeConfirmation | None = strawberry.field(description="The confirmation that meets it at referral, when the record cannot.")
    source: ProgrammeSource = strawberry.field(description="Where it comes from.")


@strawberry.type(description="A programme of the catalogue (REQ-PRG-1): every programme the sources name, with only their criteria.")
class Programme:
    code: str = strawberry.field(description="Code to refer with (`ReferToProgrammeInput.programme` takes the code, name or an alias).")
    name: str = strawberry.field(description="Name as the sources spell it.")
    aliases: list[str] = strawberry.field(description="Other names accepted.")
    setting: ProgrammeSetting = strawberry.field(description="Where it is delivered, per the sources.")
    accreditation: ProgrammeAccreditation = strawberry.field(description="Accreditation, per the sources.")
    referable: bool = strawberry.field(description="Whether a requirement or licence condition can be referred to it.")
    not_referable_because: str | None = strawberry.field(description="Why not, when it cannot.")
    named_in: list[ProgrammeSource] = strawberry.field(description="Where the sources name it.")
    criteria: list[ProgrammeCriterion] = strawberry.field(description="Eligibility criteria the sources state (empty: none stated).")
    stated_target: list[ProgrammeSource] = strawberry.field(description="For a programme that cannot be referred: whom the sources say it is for (not evaluated).")
    note: str | None = strawberry.field(description="Anything else worth knowing about the sources.")

    @classmethod
    def of(cls, programme: catalogue.Programme) -> "Programme":
        return cls(code=programme.code, name=programme.name, aliases=list(programme.aliases),
                   setting=enums.to_graphql(programme.setting, ProgrammeSetting),
                   accreditation=enums.to_graphql(programme.accreditation, ProgrammeAccreditation),
                   referable=programme.not_referable_because is None,
                   not_referable_because=programme.not_referable_because,
                   named_in=[ProgrammeSource.of(s) for s in programme.named_in],
                   criteria=[ProgrammeCriterion(requires=c.requires, source=ProgrammeSource.of(c.source),
                                                confirmation=enums.to_graphql(
                                                    c.value if c.criterion is catalogue.Criterion.CONFIRMED else c.or_confirmed,
                                                    ProgrammeConfirmation))
                             for c in programme.conditions],
                   stated_target=[ProgrammeSource.of(s) for s in programme.stated_target], note=programme.note or None)


@strawberry.type(description="One criterion as evaluated.")
class ProgrammeCriterionOutcome:
    requires: str = strawberry.field(description="What the criterion requires.")
    source: str = strawberry.field(description="Where it comes from.")
    quote: str | None = strawberry.field(description="The source's words (before referral; a referral keeps the citation).")
    met: bool | None = strawberry.field(description="Whether it is met; null: for the officer to confirm at referral.")
    explanation: str = strawberry.field(description="What the record says.")


@strawberry.type(description="Eligibility of a programme requirement for its programme (REQ-PRG-1): as found at the latest "
                             "referral, or, before any referral, on today's record.")
class ProgrammeEligibility:
    programme_code: str | None = strawberry.field(description="Catalogue code; null when the programme is not in the catalogue.")
    programme_name: str | None = strawberry.field(description="Catalogue name.")
    status: ProgrammeEligibilityStatus = strawberry.field(description="The result.")
    evaluated_on: date = strawberry.field(description="The day evaluated on (the referral date once referred).")
    referred: bool = strawberry.field(description="Whether this is the eligibility found at a referral.")
    criteria: list[ProgrammeCriterionOutcome] = strawberry.field(description="Each criterion and whether it is met.")
    detail: str = strawberry.field(description="In words.")

    @classmethod
    def of(cls, view: record_views.EligibilityView | None) -> "ProgrammeEligibility | None":
        if view is None:
            return None
        return cls(programme_code=view.programme.code if view.programme else None,
                   programme_name=view.programme.name if view.programme else None,
                   status=enums.to_graphql(view.status, ProgrammeEligibilityStatus), evaluated_on=view.evaluated_on,
                   referred=view.referred, detail=view.detail,
                   criteria=[ProgrammeCriterionOutcome(requires=c.requires, source=c.source, quote=c.quote, met=c.met,
                                                       explanation=c.explanation) for c in view.criteria])


@strawberry.type(description="A referral to a catalogue programme (REQ-PRG-1), with the eligibility found on its date.")
class ProgrammeReferral:
    programme_code: str = strawberry.field(description="Catalogue code.")
    referred_on: date = strawberry.field(description="Date of the referral.")
    confirmations: list[ProgrammeConfirmation] = strawberry.field(description="What the officer confirmed.")
    suitability_confirmed: bool = strawberry.field(description="The officer confirmed eligibility and suitability (PF).")
    rationale: str = strawberry.field(description="Why, and the timing of delivery (PF: \"The rationale for timing of programme delivery is recorded\").")
    status: ProgrammeEligibilityStatus = strawberry.field(description="ELIGIBLE or NO_CRITERIA_IN_SOURCES (anything else is refused).")
    detail: str = strawberry.field(description="In words.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, referral: record_model.ProgrammeReferral) -> "ProgrammeReferral":
        return cls(programme_code=referral.programme_code, referred_on=referral.referred_on,
                   confirmations=[ProgrammeConfirmation[c] for c in referral.confirmations],
                   suitability_confirmed=referral.suitability_confirmed, rationale=referral.rationale,
                   status=ProgrammeEligibilityStatus[referral.status], detail=referral.detail,
                   recorded_late=recorded_late(referral.referred_on, referral.recorded),
                   recorded=RecordStamp.of(referral.recorded))


@strawberry.type(description="A drug test result (REQ-DRG-1) under a drug testing condition or a drug rehabilitation requirement.")
class DrugTest:
    id: strawberry.ID = strawberry.field(description="Record id.")
    tested_on: date = strawberry.field(description="Day of the test.")
    result: DrugTestResult = strawberry.field(description="Positive, negative or refused.")
    substances: list[str] = strawberry.field(description="Substances found (positive results only).")
    notes: str | None = strawberry.field(description="Notes.")
    failure_to_comply_id: strawberry.ID | None = strawberry.field(description="For a refusal: global ID of the apparent failure to comply it created.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, test: record_model.DrugTest) -> "DrugTest":
        return cls(id=strawberry.ID(test.id), tested_on=test.tested_on,
                   result=enums.to_graphql(test.result, DrugTestResult), substances=list(test.substances), notes=test.notes,
                   failure_to_comply_id=strawberry.ID(ids.encode("FailureToComply", crn, sentence_id, test.failure_id))
                   if test.failure_id else None,
                   recorded_late=recorded_late(test.tested_on, test.recorded), recorded=RecordStamp.of(test.recorded))


@strawberry.type(description="A notification to the police of a requirement's start or end (NOTIFY-1, NOTIFY-2).")
class PoliceNotification:
    kind: PoliceNotificationKind = strawberry.field(description="Start or end.")
    notified_on: date = strawberry.field(description="When the notice was sent.")
    police_recipient: str = strawberry.field(description="The force or station notified.")
    in_writing: bool = strawberry.field(description="Sent in writing (always true: the PF asks for written notice).")
    contact_for_non_compliance: str | None = strawberry.field(description="Whom the police contact about non-compliance (START).")
    other_stakeholders: list[str] = strawberry.field(description="Other key stakeholders notified.")
    offender_notified: bool | None = strawberry.field(description="END: whether the offender was told of the termination.")
    recorded_late: bool = strawberry.field(description="REC-1: recorded after the day it happened.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, notice: record_model.PoliceNotification) -> "PoliceNotification":
        return cls(kind=enums.to_graphql(notice.kind, PoliceNotificationKind), notified_on=notice.notified_on,
                   police_recipient=notice.police_recipient, in_writing=notice.in_writing,
                   contact_for_non_compliance=notice.contact_for_non_compliance,
                   other_stakeholders=list(notice.other_stakeholders), offender_notified=notice.offender_notified,
                   recorded_late=recorded_late(notice.notified_on, notice.recorded), recorded=RecordStamp.of(notice.recorded))

"""GraphQL types of sharing: the partner view and victim records (and victim contact eligibility on a sentence)."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain.core import case as aggregate
from domain.sharing import partner as sharing_partner
from domain.sharing import victims as victim_model
from domain.sharing import views as sharing_views
from schema import enums, ids
from schema.context import Context
from schema.enums import _graphql_enum

VictimContactDecision = _graphql_enum(victim_model.VictimContactDecision, "The victim liaison officer's decision that "
                                      "closes discretionary victim contact (VIC-1).", {
    "OFFERED": "Contact was offered (also sets the VIC-2 offer date).",
    "NOT_APPROPRIATE": "Contact is not appropriate (discretionary contact only), with the reason, held apart from the case."})


@strawberry.type(description="Victim contact eligibility for a sentence (VIC-1), and whether discretionary contact is closed. "
                             "Nothing about any victim is shown.")
class VictimContactEligibility:
    scheme: enums.VictimContactScheme = strawberry.field(description="Statutory or discretionary.")
    reason: str = strawberry.field(description="Why it applies.")
    offer_due_by: date | None = strawberry.field(description="Statutory contact is offered within eight weeks of sentence (VIC-2).")
    _crn: strawberry.Private[str]
    _sentence_id: strawberry.Private[str]

    @strawberry.field(description="How discretionary contact was closed (the earliest decision): offered, or not appropriate; "
                                  "null while open (VIC-1).")
    async def closed_by(self, info: strawberry.Info[Context]) -> VictimContactDecision | None:
        closure = await self._closure(info)
        return enums.to_graphql(closure[0], VictimContactDecision) if closure else None

    @strawberry.field(description="When it was closed; null while open (VIC-1).")
    async def closed_on(self, info: strawberry.Info[Context]) -> date | None:
        closure = await self._closure(info)
        return closure[1] if closure else None

    async def _closure(self, info: strawberry.Info[Context]):
        case = await info.context.loaders.case_by_crn.load(self._crn)
        return sharing_views.contact_closure(case, self._sentence_id) if case else None

    @classmethod
    def of(cls, crn: str, sentence: aggregate.Sentence) -> "VictimContactEligibility | None":
        contact = sharing_views.victim_contact(sentence)
        if contact is None:
            return None
        return cls(scheme=enums.to_graphql(contact.scheme, enums.VictimContactScheme), reason=contact.reason,
                   offer_due_by=contact.offer_due_by, _crn=crn, _sentence_id=sentence.id)


WITHHELD = " Also null when your agency does not receive this field (it is then listed in `withheldFields`)."


@strawberry.type(description="A restrictive requirement shared with partners: exclusion, curfew, prohibited activity or residence. "
                             "Dates are inclusive at both ends, like `Sentence.endDate`: the restriction is in force from "
                             "`startsOn` to `endsOn`, both days included.")
class SharedRestriction:
    type: enums.RequirementType = strawberry.field(description="Kind of restriction.")
    starts_on: date = strawberry.field(description="First day in force (inclusive): the sentence date, or the release date on licence or PSS.")
    ends_on: date = strawberry.field(description="Last day in force (inclusive, like `Sentence.endDate`): a 6-month exclusion "
                                                 "from 2 November ends on 1 May. Restrictions that ended before today are not listed.")
    details: str | None = strawberry.field(description="Area, activity, address or times; null when the court recorded none.")


@strawberry.type(description="What a partner agency may see of a case (docs/access.md, the partner view): the band only, never a "
                             "narrative or a raw score. Which fields your agency receives is in `sharingPolicy`; a field it "
                             "does not receive is null (or empty) and listed in `withheldFields`.")
class SharedRiskSummary:
    crn: str = strawberry.field(description="Case reference number.")
    updated_at: datetime = strawberry.field(description="When the case last changed, in any part (also parts you do not "
                                                        "receive): the \"as of\" of this summary.")
    case_version: int = strawberry.field(description="The case's version, raised by every change to it: keep it, and re-read "
                                                     "only the CRNs whose version moved.")
    rosh_level: enums.RoshLevel | None = strawberry.field(description="Current RoSH band. Null: no RoSH assessment recorded yet "
                                                                      "(not assessed, which is not the same as LOW)." + WITHHELD)
    rosh_assessed_on: date | None = strawberry.field(description="The day the current RoSH band was assessed. Null: not assessed."
                                                                 + WITHHELD)
    mappa_category: enums.MappaCategory | None = strawberry.field(description="MAPPA category. Null: not MAPPA-registered."
                                                                             + WITHHELD)
    mappa_level: enums.MappaLevel | None = strawberry.field(description="MAPPA level. Null: not MAPPA-registered." + WITHHELD)
    safeguarding: list[enums.SafeguardingKind] = strawberry.field(description="Active safeguarding registrations only; empty: none "
                                                                             "active (or withheld, see `withheldFields`).")
    restrictions: list[SharedRestriction] = strawberry.field(description="Restrictive requirements in force today or later, with "
                                                                         "inclusive dates; empty: none (or withheld).")
    managing_provider: enums.Provider | None = strawberry.field(description="The responsible officer's provider. Null: not "
                                                                           "allocated yet." + WITHHELD)
    pnc_number: str | None = strawberry.field(description="Police National Computer number as recorded, to confirm you have "
                                                          "the right person. Null: none recorded." + WITHHELD)
    date_of_birth: date | None = strawberry.field(description="Date of birth, to confirm you have the right person." + WITHHELD)
    withheld_fields: list[str] = strawberry.field(description="Fields your agency does not receive (null or empty above, never computed).")

    @classmethod
    def of(cls, summary) -> "SharedRiskSummary":
        return cls(crn=summary.crn, updated_at=summary.updated_at, case_version=summary.case_version,
                   rosh_level=enums.to_graphql(summary.rosh_level, enums.RoshLevel),
                   rosh_assessed_on=summary.rosh_assessed_on,
                   mappa_category=enums.to_graphql(summary.mappa_category, enums.MappaCategory),
                   mappa_level=enums.to_graphql(summary.mappa_level, enums.MappaLevel),
                   safeguarding=[enums.to_graphql(k, enums.SafeguardingKind) for k in summary.safeguarding],
                   restrictions=[SharedRestriction(type=enums.to_graphql(r.type, enums.RequirementType), starts_on=r.starts_on,
                                                   ends_on=r.ends_on, details=r.details) for r in summary.restrictions],
                   managing_provider=enums.to_graphql(summary.managing_provider, enums.Provider),
                   pnc_number=summary.pnc_number, date_of_birth=summary.date_of_birth,
                   withheld_fields=list(summary.withheld))


@strawberry.type(description="One CRN of a `sharedRiskSummaries` batch, in the order asked.")
class SharedRiskResult:
    crn: str = strawberry.field(description="The CRN as you sent it.")
    summary: SharedRiskSummary | None = strawberry.field(
        description="The summary; null alike when there is no such case, the CRN is malformed, the case is outside your "
                    "agency's row filter or it is restricted (which of these is never said, so a null reveals nothing).")


@strawberry.type(description="What your agency may ask for (REC-4): its purposes, the fields it receives and which cases "
                             "exist for it, so a partner can discover what it may ask before asking.")
class SharingPolicy:
    agency: enums.Agency = strawberry.field(description="Your agency, from your token.")
    purposes: list[enums.SharingPurpose] = strawberry.field(description="The purposes you may state; any other is refused "
                                                                        "(FORBIDDEN, naming REC-4).")
    fields: list[str] = strawberry.field(description="The `SharedRiskSummary` fields you receive (`crn`, `updatedAt` and "
                                                     "`caseVersion` always).")
    withheld_fields: list[str] = strawberry.field(description="The `SharedRiskSummary` fields you never receive: always null "
                                                              "or empty for you.")
    row_filter: str = strawberry.field(description="Which cases exist for your agency, in words; any other answers null.")
    max_batch_size: int = strawberry.field(description="How many CRNs one `sharedRiskSummaries` request may name.")

    @classmethod
    def of(cls, agency, rules) -> "SharingPolicy":
        return cls(agency=enums.to_graphql(agency, enums.Agency),
                   purposes=[enums.to_graphql(p, enums.SharingPurpose) for p in sharing_partner.SharingPurpose
                             if p in rules.purposes],
                   fields=[*sharing_partner.ALWAYS, *[f for f in sharing_partner.FIELDS if f in rules.fields]],
                   withheld_fields=[f for f in sharing_partner.FIELDS if f not in rules.fields],
                   row_filter=rules.row_filter_text, max_batch_size=sharing_partner.MAX_BATCH)


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


@strawberry.type(description="A victim liaison officer's decision on victim contact (VIC-1), stored apart from the case (VIC-3).")
class VictimContactDecisionRecord:
    id: strawberry.ID = strawberry.field(description="Record id.")
    crn: str = strawberry.field(description="The offender's case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the sentence.")
    decision: VictimContactDecision = strawberry.field(description="Offered, or not appropriate.")
    decided_on: date = strawberry.field(description="Date of the decision (or of the offer).")
    reason: str | None = strawberry.field(description="The reason (required when not appropriate).")

    @classmethod
    def of(cls, record) -> "VictimContactDecisionRecord":
        return cls(id=strawberry.ID(record.id), crn=record.crn,
                   sentence_id=strawberry.ID(ids.encode("Sentence", record.crn, record.sentence_id)),
                   decision=enums.to_graphql(record.decision, VictimContactDecision), decided_on=record.decided_on,
                   reason=record.reason)

"""GraphQL types of sharing: the partner view and victim records (and victim contact eligibility on a sentence)."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import case as aggregate
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


@strawberry.type(description="A restrictive requirement shared with partners: exclusion, curfew, prohibited activity or residence.")
class SharedRestriction:
    type: enums.RequirementType = strawberry.field(description="Kind of restriction.")
    starts_on: date = strawberry.field(description="From.")
    ends_on: date | None = strawberry.field(description="To.")
    details: str | None = strawberry.field(description="Area, activity, address or times.")


@strawberry.type(description="What a partner agency may see of a case (docs/api.md partner view): the band only, never a narrative or a raw score.")
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

"""GraphQL inputs of sharing and their conversion to domain commands."""

from __future__ import annotations

from datetime import date

import strawberry

from domain.core import enums as d
from domain.sharing import commands as c
from domain.sharing.victims import RecordVictim, RecordVictimContactDecision
from domain.sharing.victims import VictimContactDecision as VictimContactDecisionDomain
from schema import enums
from schema.common import EXPECTED_VERSION, SENTENCE_ID, MutationInput, local_id
from schema.sharing.types import VictimContactDecision


@strawberry.input(description="Restrict a case to an allow-list of staff; to everyone else it does not exist. You stay on the list.")
class RestrictCaseInput(MutationInput):
    crn: str = strawberry.field(description="The case.")
    allowed_subjects: list[str] = strawberry.field(description="Token subjects (user ids) of the staff who may see it; empty lifts the restriction.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)

    def to_domain(self) -> c.RestrictCase:
        return c.RestrictCase(crn=self.crn, allowed_subjects=tuple(self.allowed_subjects),
                              expected_version=self.expected_version)


@strawberry.input(description="A victim record (VICTIM_LIAISON_OFFICER only); kept apart from the case (VIC-3).")
class RecordVictimInput(MutationInput):
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


@strawberry.input(description="The victim liaison officer's decision closing victim contact for a sentence (VIC-1; "
                              "VICTIM_LIAISON_OFFICER only). The reason stays in the victims collection (VIC-3).")
class RecordVictimContactDecisionInput(MutationInput):
    crn: str = strawberry.field(description="The offender's case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    decision: VictimContactDecision = strawberry.field(description="Offered, or not appropriate (discretionary contact only).")
    decided_on: date = strawberry.field(description="Date of the decision or of the offer (from the sentence date; not in the future).")
    reason: str | None = strawberry.field(default=None, description="Why; required when contact is not appropriate.")

    def to_domain(self) -> RecordVictimContactDecision:
        return RecordVictimContactDecision(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                           decision=enums.to_domain(self.decision, VictimContactDecisionDomain),
                                           decided_on=self.decided_on, reason=self.reason)

"""GraphQL inputs of enforcement and their conversion to domain commands."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain.core import enums as d
from domain.enforcement import commands as c
from schema import enums, ids
from schema.common import CLIENT_MUTATION_ID, EXPECTED_VERSION, SENTENCE_ID, local_id


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
    decided_on: date | None = strawberry.field(default=None, description="The day the decision was made (default today): not before the failure, not in the future, not before a decision it corrects. A decision entered later is accepted and marked `recordedLate` (REC-1).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.DecideFailureToComply:
        sentence_id, failure_id = _failure_ids(self.failure_id, self.crn)
        explanation = self.explanation
        return c.DecideFailureToComply(
            crn=self.crn, sentence_id=sentence_id, failure_id=failure_id, acceptable=self.acceptable,
            rationale=self.rationale, correction_reason=self.correction_reason, decided_on=self.decided_on,
            explanation=c.ExplanationDetails(explanation.received_on, explanation.received_by, explanation.details)
            if explanation else None, expected_version=self.expected_version, idempotency_key=self.client_mutation_id)


@strawberry.input(description="A warning (ENF-3), judged on what was known on its `issuedOn`. Refused with BREACH_REQUIRED when ENF-4's count is reached; on a licence the second live warning is the final one and needs SENIOR_MANAGER (LIC-3).")
class IssueWarningInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    issued_on: date = strawberry.field(description="When it was issued.")
    final: bool = strawberry.field(description="A final warning. On a licence with a live warning the new one is final whatever this says (LIC-3).")
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


@strawberry.input(description="A failure to comply after breach was laid, added to the breach awaiting the court (ENF-3: the enforcement action for it; ENF-5: the court deals with it).")
class AddFailureToBreachInput:
    crn: str = strawberry.field(description="The case.")
    failure_id: strawberry.ID = strawberry.field(description="Global ID of the failure to comply: dated after the breach was laid and decided unacceptable.")
    rationale: str = strawberry.field(description="Why (REC-2, not blank).")
    added_on: date | None = strawberry.field(default=None, description="The day it was added (default today): while the breach awaited the court, not before the failure, not in the future.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.AddFailureToBreach:
        sentence_id, failure_id = _failure_ids(self.failure_id, self.crn)
        return c.AddFailureToBreach(crn=self.crn, sentence_id=sentence_id, failure_id=failure_id, rationale=self.rationale,
                                    added_on=self.added_on, expected_version=self.expected_version,
                                    idempotency_key=self.client_mutation_id)


@strawberry.input(description="The court's outcome of breach proceedings (ENF-5).")
class RecordBreachOutcomeInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description=SENTENCE_ID)
    decided_on: date = strawberry.field(description="When the court decided.")
    outcome: enums.BreachOutcome = strawberry.field(description="ORDER_CONTINUED (warnings spent), ORDER_REVOKED, or on post-sentence supervision COMMITTED_TO_CUSTODY.")
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


@strawberry.input(description="The recall report was sent. LIC-2 is met when it is received by the Public Protection Casework Section: record that with recordRecallReportReceived.")
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


@strawberry.input(description="The Public Protection Casework Section received the recall report (LIC-2).")
class RecordRecallReportReceivedInput:
    crn: str = strawberry.field(description="The case.")
    sentence_id: strawberry.ID = strawberry.field(description="Global ID of the licence.")
    received_at: datetime = strawberry.field(description="When the completed report and documentation were received, with its UTC offset.")
    sent_at: datetime | None = strawberry.field(default=None, description="When it was sent, if not already recorded (recordRecallReportSent).")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordRecallReportReceived:
        return c.RecordRecallReportReceived(crn=self.crn, sentence_id=local_id(self.sentence_id, "Sentence", self.crn),
                                            received_at=self.received_at, sent_at=self.sent_at,
                                            expected_version=self.expected_version,
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


@strawberry.input(description="The officer's balanced decision on an emergency move without prior permission (ENF-6): whether the move was outside the offender's control, and whether breach action is warranted. It is the decision on the failure the move creates.")
class EmergencyMoveDecisionInput:
    outside_offenders_control: bool = strawberry.field(description="The change of address was outside the offender's control (e.g. immediate removal by the landlord with no notice).")
    breach_action_warranted: bool = strawberry.field(description="Breach action is warranted: the failure is unacceptable and counts (ENF-3, ENF-4); false: accepted.")
    rationale: str = strawberry.field(description="The considerations behind the decision (REC-2, not blank).")
    decided_on: date | None = strawberry.field(default=None, description="The day it was decided (default today): not before the move, not in the future.")


@strawberry.input(description="A change of address (ENF-6): a permanent move without prior permission granted, on a CO/SSO for an offence on or after 2015-02-01, creates a failure to comply; in an emergency the officer's balanced decision (emergencyDecision) decides it.")
class RecordAddressChangeInput:
    crn: str = strawberry.field(description="The case.")
    changed_on: date = strawberry.field(description="Day of the move.")
    permanent: bool = strawberry.field(description="A permanent move (the residence duty does not apply to temporary ones).")
    emergency: bool = strawberry.field(description="The move happened as an emergency and the offender was unable to gain prior permission.")
    details: str = strawberry.field(description="Where and why (not blank).")
    permission_granted: bool | None = strawberry.field(default=None, description="Prior permission was granted by the officer or the court before the move.")
    permission_sought: bool | None = strawberry.field(default=None, description="Whether permission was sought before the move (recorded only; seeking is not having permission).",
                                                      deprecation_reason="Seeking permission does not meet the residence duty: send permissionGranted. "
                                                                         "permissionSought alone no longer stops the failure to comply being created.")
    emergency_decision: EmergencyMoveDecisionInput | None = strawberry.field(default=None, description="For an emergency move: the officer's balanced decision, recorded as the decision on the failure it creates.")
    expected_version: int | None = strawberry.field(default=None, description=EXPECTED_VERSION)
    client_mutation_id: str | None = strawberry.field(default=None, description=CLIENT_MUTATION_ID)

    def to_domain(self) -> c.RecordAddressChange:
        decision = self.emergency_decision
        return c.RecordAddressChange(
            crn=self.crn, changed_on=self.changed_on, permanent=self.permanent, emergency=self.emergency,
            details=self.details, permission_granted=self.permission_granted, permission_sought=self.permission_sought,
            emergency_decision=c.EmergencyMoveDecision(decision.outside_offenders_control, decision.breach_action_warranted,
                                                       decision.rationale, decision.decided_on) if decision else None,
            expected_version=self.expected_version, idempotency_key=self.client_mutation_id)

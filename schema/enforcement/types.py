"""GraphQL types of enforcement: failures to comply and decisions, warnings, breaches, recalls and compliance summaries."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain.enforcement import compliance
from domain.enforcement import model as enforcement_model
from schema import enums, ids
from schema.common import Node, RecordStamp


@strawberry.type(description="An explanation for a failure to comply (ENF-1).")
class Explanation:
    received_on: date = strawberry.field(description="When it was received.")
    received_by: str = strawberry.field(description="Who received it.")
    details: str = strawberry.field(description="What the offender said.")


@strawberry.type(description="A decision on whether a failure to comply is acceptable (ENF-1). Never edited: a correction is a later decision.")
class FailureDecision:
    acceptable: bool = strawberry.field(description="Whether the explanation was accepted.")
    decided_on: date = strawberry.field(description="When it was decided.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    explanation: Explanation | None = strawberry.field(description="The explanation it was based on, if one was received.")
    correction_reason: str | None = strawberry.field(description="Why it supersedes the previous decision, for a correction.")
    recorded: RecordStamp = strawberry.field(description="Who decided and when it was recorded.")

    @classmethod
    def of(cls, decision: enforcement_model.FailureDecision) -> "FailureDecision":
        explanation = decision.explanation
        return cls(acceptable=decision.acceptable, decided_on=decision.decided_on, rationale=decision.rationale,
                   explanation=Explanation(received_on=explanation.received_on, received_by=explanation.received_by,
                                           details=explanation.details) if explanation else None,
                   correction_reason=decision.correction_reason, recorded=RecordStamp.of(decision.recorded))


@strawberry.type(description="An apparent failure to comply (ENF-1). Never deleted.")
class FailureToComply(Node):
    date: date = strawberry.field(description="Day of the failure (ENF-2: failures on one day count once).")
    outcome: enums.AppointmentOutcome | None = strawberry.field(description="The appointment outcome that created it, if an appointment did.")
    reason: str | None = strawberry.field(description="Why it is a failure when no appointment created it (e.g. ENF-6 change of address).")
    decisions: list[FailureDecision] = strawberry.field(description="Every decision, oldest first; the last is in force.")
    appointment_id: strawberry.ID | None = strawberry.field(description="Global ID of the appointment, if one.")
    requirement_id: strawberry.ID | None = strawberry.field(description="Global ID of the requirement it concerns, if one.")
    status: enums.FailureStatus = strawberry.field(description="Awaiting decision, acceptable or unacceptable.")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, failure: enforcement_model.FailureToComply) -> "FailureToComply":
        return cls(id=strawberry.ID(ids.encode("FailureToComply", crn, sentence_id, failure.id)), date=failure.date,
                   outcome=enums.to_graphql(failure.outcome, enums.AppointmentOutcome), reason=failure.reason,
                   decisions=[FailureDecision.of(d) for d in failure.decisions],
                   appointment_id=strawberry.ID(ids.encode("Appointment", crn, sentence_id, failure.appointment_id))
                   if failure.appointment_id else None,
                   requirement_id=ids.requirement_gid(crn, sentence_id, failure.requirement_id),
                   status=enums.to_graphql(failure.status, enums.FailureStatus), recorded=RecordStamp.of(failure.recorded))


@strawberry.type(description="A warning (ENF-3; a final licence warning needs the senior manager grade, LIC-3).")
class Warning:
    issued_on: date = strawberry.field(description="When it was issued.")
    final: bool = strawberry.field(description="Whether it is a final warning.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    offender_response: str | None = strawberry.field(description="The offender's response (ENF-1).")
    recorded: RecordStamp = strawberry.field(description="Who issued it and when it was recorded.")


@strawberry.type(description="Breach proceedings (ENF-4) and the court's outcome (ENF-5).")
class Breach:
    initiated_on: date = strawberry.field(description="When breach was initiated.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    referred_to_nps: bool = strawberry.field(description="Referred to the NPS for court (ENF-7).")
    referral_reason: str | None = strawberry.field(description="Why it was referred (ENF-7).")
    outcome: enums.BreachOutcome | None = strawberry.field(description="The court's outcome, once known.")
    outcome_on: date | None = strawberry.field(description="When the court decided.")

    @classmethod
    def of(cls, breach: enforcement_model.Breach) -> "Breach":
        return cls(initiated_on=breach.initiated_on, rationale=breach.rationale, referred_to_nps=breach.referred_to_nps,
                   referral_reason=breach.referral_reason, outcome=enums.to_graphql(breach.outcome, enums.BreachOutcome),
                   outcome_on=breach.outcome_on)


@strawberry.type(description="A recommendation to recall (LIC-1), its report (LIC-2) and the re-release (LIC-4).")
class Recall:
    decided_at: datetime = strawberry.field(description="When the decision to recommend recall was made.")
    emergency: bool = strawberry.field(description="An emergency recall (2-hour report deadline).")
    rationale: str = strawberry.field(description="Why (REC-2).")
    nps_endorsed: bool = strawberry.field(description="Endorsed by the NPS (LIC-5, for a CRC recall at HIGH RoSH).")
    report_due_at: datetime = strawberry.field(description="When the report must reach the NPS/NOMS (LIC-2).")
    report_sent_at: datetime | None = strawberry.field(description="When the report was sent.")
    rereleased_on: date | None = strawberry.field(description="Re-release from the recall, after which warnings are spent (LIC-4).")


@strawberry.type(description="The next enforcement action due.")
class EnforcementAction:
    standard: str = strawberry.field(description="The standard that requires it (ENF-3, ENF-4 or LIC-1).")
    action: str = strawberry.field(description="What to do.")
    due_by: date = strawberry.field(description="Last day to do it.")

    @classmethod
    def of(cls, action: compliance.NextAction | None) -> "EnforcementAction | None":
        return cls(standard=action.standard, action=action.action, due_by=action.due_by) if action else None


@strawberry.type(description="Compliance of one sentence, computed in one place (domain/compliance.py).")
class ComplianceSummary:
    failures: int = strawberry.field(description="All failures to comply recorded by the day asked.")
    awaiting_decision: int = strawberry.field(description="Failures not yet decided.")
    unacceptable: int = strawberry.field(description="Failures decided unacceptable (spent ones included).")
    counting_failure_dates: list[date] = strawberry.field(description="Distinct days of unacceptable, unspent failures inside the 12-month window that counts (ENF-2, ENF-4).")
    window_starts_on: date | None = strawberry.field(description="First day of that window.")
    breach_threshold: int | None = strawberry.field(description="Failures in the window that require breach: 2 on CO/SSO, 3 on PSS, none on a licence.")
    live_warnings: int = strawberry.field(description="Warnings not spent.")
    spent_warnings: int = strawberry.field(description="Warnings spent by a continued order (ENF-5) or re-release (LIC-4).")
    breach_in_progress: bool = strawberry.field(description="Breach initiated and awaiting the court.")
    recall_in_progress: bool = strawberry.field(description="Recalled and not yet re-released.")
    next_action: EnforcementAction | None = strawberry.field(description="The next enforcement action due, if any.")

    @classmethod
    def of(cls, summary: compliance.ComplianceSummary) -> "ComplianceSummary":
        return cls(failures=summary.failures, awaiting_decision=summary.awaiting_decision,
                   unacceptable=summary.unacceptable, counting_failure_dates=summary.counting_dates,
                   window_starts_on=summary.window_starts, breach_threshold=summary.threshold,
                   live_warnings=summary.live_warnings, spent_warnings=summary.spent_warnings,
                   breach_in_progress=summary.breach_in_progress, recall_in_progress=summary.recall_in_progress,
                   next_action=EnforcementAction.of(summary.next_action))


@strawberry.type(description="Compliance across all of a case's sentences.")
class CaseCompliance:
    failures: int = strawberry.field(description="All failures to comply.")
    awaiting_decision: int = strawberry.field(description="Failures not yet decided.")
    unacceptable: int = strawberry.field(description="Failures decided unacceptable.")
    live_warnings: int = strawberry.field(description="Warnings not spent.")
    breach_in_progress: bool = strawberry.field(description="Any breach awaiting the court.")
    recall_in_progress: bool = strawberry.field(description="Any recall not yet re-released.")
    next_action: EnforcementAction | None = strawberry.field(description="The most urgent enforcement action due.")


def recall_of(recall: enforcement_model.Recall) -> Recall:
    return Recall(decided_at=recall.decided_at, emergency=recall.emergency, rationale=recall.rationale,
                  nps_endorsed=recall.nps_endorsed, report_due_at=compliance.lic_2_deadline(recall),
                  report_sent_at=recall.report_sent_at, rereleased_on=recall.rereleased_on)

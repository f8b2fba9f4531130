"""GraphQL types of enforcement: failures to comply and decisions, warnings, breaches, recalls and compliance summaries."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain.core.base import recorded_late
from domain.enforcement import compliance
from domain.enforcement import model as enforcement_model
from schema import enums, ids
from schema.common import Node, RecordStamp

LATE = "REC-1: recorded after the day it happened (accepted, and marked)."


@strawberry.type(description="An explanation for a failure to comply (ENF-1).")
class Explanation:
    received_on: date = strawberry.field(description="When it was received.")
    received_by: str = strawberry.field(description="Who received it.")
    details: str = strawberry.field(description="What the offender said.")


@strawberry.type(description="ENF-6: the officer's balanced decision on an emergency move without prior permission.")
class EmergencyMoveDecision:
    outside_offenders_control: bool = strawberry.field(description="The move was outside the offender's control.")
    breach_action_warranted: bool = strawberry.field(description="Breach action is warranted (the failure is unacceptable).")


@strawberry.type(description="A decision on whether a failure to comply is acceptable (ENF-1). Never edited: a correction is a later decision.")
class FailureDecision:
    acceptable: bool = strawberry.field(description="Whether the explanation was accepted.")
    decided_on: date = strawberry.field(description="When it was decided (its own date; rules and `asOf` use it).")
    rationale: str = strawberry.field(description="Why (REC-2).")
    explanation: Explanation | None = strawberry.field(description="The explanation it was based on, if one was received.")
    correction_reason: str | None = strawberry.field(description="Why it supersedes the previous decision, for a correction.")
    emergency_move: EmergencyMoveDecision | None = strawberry.field(description="For an emergency change of address (ENF-6), the balanced decision this is.")
    recorded: RecordStamp = strawberry.field(description="Who decided and when it was recorded.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, decision: enforcement_model.FailureDecision) -> "FailureDecision":
        explanation, move = decision.explanation, decision.emergency_move
        return cls(acceptable=decision.acceptable, decided_on=decision.decided_on, rationale=decision.rationale,
                   explanation=Explanation(received_on=explanation.received_on, received_by=explanation.received_by,
                                           details=explanation.details) if explanation else None,
                   correction_reason=decision.correction_reason,
                   emergency_move=EmergencyMoveDecision(outside_offenders_control=move.outside_offenders_control,
                                                        breach_action_warranted=move.breach_action_warranted)
                   if move else None,
                   recorded=RecordStamp.of(decision.recorded),
                   recorded_late=recorded_late(decision.decided_on, decision.recorded))


@strawberry.type(description="An apparent failure to comply (ENF-1). Never deleted.")
class FailureToComply(Node):
    date: date = strawberry.field(description="Day of the failure (ENF-2: failures on one day count once).")
    outcome: enums.AppointmentOutcome | None = strawberry.field(description="The appointment outcome that created it, if an appointment did.")
    reason: str | None = strawberry.field(description="Why it is a failure when no appointment created it (e.g. ENF-6 change of address).")
    decisions: list[FailureDecision] = strawberry.field(description="Every decision, oldest first; the last is in force.")
    appointment_id: strawberry.ID | None = strawberry.field(description="Global ID of the appointment, if one.")
    requirement_id: strawberry.ID | None = strawberry.field(description="Global ID of the requirement it concerns, if one.")
    status: enums.FailureStatus = strawberry.field(description="Awaiting decision, acceptable or unacceptable (the decision in force now).")
    recorded: RecordStamp = strawberry.field(description="Who recorded it and when.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, crn: str, sentence_id: str, failure: enforcement_model.FailureToComply) -> "FailureToComply":
        return cls(id=strawberry.ID(ids.encode("FailureToComply", crn, sentence_id, failure.id)), date=failure.date,
                   outcome=enums.to_graphql(failure.outcome, enums.AppointmentOutcome), reason=failure.reason,
                   decisions=[FailureDecision.of(d) for d in failure.decisions],
                   appointment_id=strawberry.ID(ids.encode("Appointment", crn, sentence_id, failure.appointment_id))
                   if failure.appointment_id else None,
                   requirement_id=ids.requirement_gid(crn, sentence_id, failure.requirement_id),
                   status=enums.to_graphql(failure.status, enums.FailureStatus), recorded=RecordStamp.of(failure.recorded),
                   recorded_late=recorded_late(failure.date, failure.recorded))


@strawberry.type(description="A warning (ENF-3; on a licence the second live warning is the final one and needs the senior manager grade, LIC-3).")
class Warning:
    issued_on: date = strawberry.field(description="When it was issued (its own date; the rules judged it on what was known then).")
    final: bool = strawberry.field(description="Whether it is a final warning.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    offender_response: str | None = strawberry.field(description="The offender's response (ENF-1).")
    recorded: RecordStamp = strawberry.field(description="Who issued it and when it was recorded.")
    recorded_late: bool = strawberry.field(description=LATE)

    @classmethod
    def of(cls, warning: enforcement_model.ComplianceWarning) -> "Warning":
        return cls(issued_on=warning.issued_on, final=warning.final, rationale=warning.rationale,
                   offender_response=warning.offender_response, recorded=RecordStamp.of(warning.recorded),
                   recorded_late=recorded_late(warning.issued_on, warning.recorded))


@strawberry.type(description="A failure to comply added to a pending breach (ENF-3, ENF-5).")
class BreachAddition:
    failure_id: strawberry.ID = strawberry.field(description="Global ID of the failure to comply.")
    added_on: date = strawberry.field(description="When it was added.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    recorded: RecordStamp = strawberry.field(description="Who added it and when it was recorded.")
    recorded_late: bool = strawberry.field(description=LATE)


@strawberry.type(description="Breach proceedings (ENF-4) and the court's outcome (ENF-5).")
class Breach:
    initiated_on: date = strawberry.field(description="When breach was initiated.")
    rationale: str = strawberry.field(description="Why (REC-2).")
    referred_to_nps: bool = strawberry.field(description="Referred to the NPS for court (ENF-7).")
    referral_reason: str | None = strawberry.field(description="Why it was referred (ENF-7).")
    outcome: enums.BreachOutcome | None = strawberry.field(description="The court's outcome, once known.")
    outcome_on: date | None = strawberry.field(description="When the court decided.")
    added_failures: list[BreachAddition] = strawberry.field(description="Failures after the breach was laid, added to it for the court.")
    recorded: RecordStamp = strawberry.field(description="Who initiated it and when it was recorded.")
    recorded_late: bool = strawberry.field(description=LATE)
    outcome_recorded: RecordStamp | None = strawberry.field(description="Who recorded the outcome and when; null before it (and for outcomes recorded before this was kept).")
    outcome_recorded_late: bool | None = strawberry.field(description="REC-1 for the outcome: recorded after the day the court decided; null without an outcome record.")

    @classmethod
    def of(cls, crn: str, sentence_id: str, breach: enforcement_model.Breach) -> "Breach":
        stamp = breach.outcome_recorded
        return cls(initiated_on=breach.initiated_on, rationale=breach.rationale, referred_to_nps=breach.referred_to_nps,
                   referral_reason=breach.referral_reason, outcome=enums.to_graphql(breach.outcome, enums.BreachOutcome),
                   outcome_on=breach.outcome_on,
                   added_failures=[BreachAddition(failure_id=strawberry.ID(ids.encode("FailureToComply", crn, sentence_id,
                                                                                      a.failure_id)),
                                                  added_on=a.added_on, rationale=a.rationale,
                                                  recorded=RecordStamp.of(a.recorded),
                                                  recorded_late=recorded_late(a.added_on, a.recorded))
                                   for a in breach.additions],
                   recorded=RecordStamp.of(breach.recorded),
                   recorded_late=recorded_late(breach.initiated_on, breach.recorded),
                   outcome_recorded=RecordStamp.of(stamp) if stamp else None,
                   outcome_recorded_late=recorded_late(breach.outcome_on, stamp) if stamp and breach.outcome_on else None)


@strawberry.type(description="A recommendation to recall (LIC-1), its report (LIC-2) and the re-release (LIC-4).")
class Recall:
    decided_at: datetime = strawberry.field(description="When the decision to recommend recall was made.")
    emergency: bool = strawberry.field(description="An emergency recall (2-hour report deadline).")
    rationale: str = strawberry.field(description="Why (REC-2).")
    nps_endorsed: bool = strawberry.field(description="Endorsed by the NPS (LIC-5, for a CRC recall at HIGH RoSH).")
    report_due_at: datetime = strawberry.field(description="When the report must be received by the Public Protection Casework Section (LIC-2): the decision + 24 hours, or 2 in an emergency, in elapsed time.")
    report_sent_at: datetime | None = strawberry.field(description="When the report was sent.")
    report_received_at: datetime | None = strawberry.field(description="When the Public Protection Casework Section received it (LIC-2 is met by this, not by sending). For a recall recorded before receipt was kept, the instant then recorded by recordRecallReportSent, which meant the report reached the NPS/NOMS.")
    rereleased_on: date | None = strawberry.field(description="Re-release from the recall, after which warnings are spent (LIC-4).")
    recorded: RecordStamp = strawberry.field(description="Who recorded the decision and when.")
    recorded_late: bool = strawberry.field(description="REC-1: the decision was recorded after the day it was made (in England and Wales).")
    report_recorded_late: bool | None = strawberry.field(description="REC-1 for the receipt: recorded after the day it was received; null until receipt is recorded.")


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
    received, stamp = compliance.report_received_at(recall), recall.report_recorded
    return Recall(decided_at=recall.decided_at, emergency=recall.emergency, rationale=recall.rationale,
                  nps_endorsed=recall.nps_endorsed, report_due_at=compliance.lic_2_deadline(recall),
                  report_sent_at=recall.report_sent_at, report_received_at=received, rereleased_on=recall.rereleased_on,
                  recorded=RecordStamp.of(recall.recorded),
                  recorded_late=recorded_late(compliance.london_date(recall.decided_at), recall.recorded),
                  report_recorded_late=recorded_late(compliance.london_date(received), stamp) if received and stamp else None)

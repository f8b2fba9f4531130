"""Use cases of enforcement: decisions on failures to comply, warnings, breach and its outcome,
recall, the recall report, re-release and changes of address (ENF-*, LIC-*)."""

from __future__ import annotations

from datetime import date

from domain.core.case import Case
from domain.core.enums import SentenceStatus
from domain.core.errors import ErrorCode, Violation
from domain.core.principal import Principal
from domain.core.unit_of_work import Idempotency, Outcome, Rejected, UnitOfWork, find_in, reject_if
from domain.enforcement import commands as c
from domain.enforcement import compliance
from domain.enforcement import rules as enforcement
from domain.enforcement.compliance import london_date
from domain.enforcement.model import (
    AddressChange,
    Breach,
    BreachAddition,
    ComplianceWarning,
    EmergencyMove,
    Explanation,
    FailureDecision,
    FailureToComply,
    Recall,
)


async def decide_failure_to_comply(uow: UnitOfWork, principal: Principal, command: c.DecideFailureToComply) -> Outcome:
    def change(case, sentence, requirement, today):
        failure = sentence.failure(command.failure_id)
        if failure is None:
            raise Rejected([Violation(ErrorCode.NOT_FOUND, "That sentence has no such failure to comply.", ("failureId",))])
        reject_if(enforcement.decide(failure, command, today))
        explanation = command.explanation
        failure.decisions.append(FailureDecision(
            acceptable=command.acceptable, decided_on=enforcement.own_date(command.decided_on, today),
            rationale=command.rationale.strip(),
            explanation=Explanation(received_on=explanation.received_on, received_by=explanation.received_by.strip(),
                                    details=explanation.details.strip()) if explanation else None,
            correction_reason=command.correction_reason.strip() if command.correction_reason else None,
            recorded=uow.stamp(principal)))
        return failure

    return await uow.on_sentence(principal, command, change,
                                 operation="decide_failure_to_comply", replay=lambda sentence, ids: find_in(sentence.failures, ids[0]))


async def issue_warning(uow: UnitOfWork, principal: Principal, command: c.IssueWarning) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.warning(principal, sentence, command, today))
        warning = ComplianceWarning(issued_on=command.issued_on, final=enforcement.warning_is_final(sentence, command),
                                    rationale=command.rationale.strip(),
                                    offender_response=command.offender_response, recorded=uow.stamp(principal))
        sentence.warnings.append(warning)
        return warning

    return await uow.on_sentence(principal, command, change,
                                 operation="issue_warning", replay=lambda sentence, ids: find_in(sentence.warnings, ids[0]))


async def initiate_breach(uow: UnitOfWork, principal: Principal, command: c.InitiateBreach) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.breach(sentence, command, today))
        referral = enforcement.referral_to_nps(case, sentence)
        breach = Breach(initiated_on=command.initiated_on, rationale=command.rationale.strip(),
                        referred_to_nps=referral is not None, referral_reason=referral,
                        recorded=uow.stamp(principal))
        sentence.breaches.append(breach)
        sentence.status = SentenceStatus.BREACHED
        return breach

    return await uow.on_sentence(principal, command, change,
                                 operation="initiate_breach", replay=lambda sentence, ids: find_in(sentence.breaches, ids[0]))


async def record_breach_outcome(uow: UnitOfWork, principal: Principal, command: c.RecordBreachOutcome) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.breach_outcome(sentence, command, today))
        breach = compliance.breach_in_progress(sentence, today)
        breach.outcome, breach.outcome_on = command.outcome, command.decided_on
        breach.outcome_recorded = uow.stamp(principal)
        sentence.status = SentenceStatus.ACTIVE if command.outcome.continues_sentence else SentenceStatus.TERMINATED
        return breach

    return await uow.on_sentence(principal, command, change,
                                 operation="record_breach_outcome", replay=lambda sentence, ids: find_in(sentence.breaches, ids[0]))


async def add_failure_to_breach(uow: UnitOfWork, principal: Principal, command: c.AddFailureToBreach) -> Outcome:
    """ENF-3 / ENF-5: a failure after breach was laid is added to the pending breach for the court."""

    def change(case, sentence, requirement, today):
        failure = sentence.failure(command.failure_id)
        if failure is None:
            raise Rejected([Violation(ErrorCode.NOT_FOUND, "That sentence has no such failure to comply.", ("failureId",))])
        reject_if(enforcement.addition(sentence, failure, command, today))
        added_on = enforcement.own_date(command.added_on, today)
        breach = compliance.breach_in_progress(sentence, added_on)
        breach.additions.append(BreachAddition(failure_id=failure.id, added_on=added_on,
                                               rationale=command.rationale.strip(), recorded=uow.stamp(principal)))
        return breach

    return await uow.on_sentence(principal, command, change,
                                 operation="add_failure_to_breach", replay=lambda sentence, ids: find_in(sentence.breaches, ids[0]))


async def recommend_recall(uow: UnitOfWork, principal: Principal, command: c.RecommendRecall) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.recall(sentence, command, uow.clock.now()))
        recall = Recall(decided_at=command.decided_at, emergency=command.emergency, rationale=command.rationale.strip(),
                        nps_endorsed=command.nps_endorsed, recorded=uow.stamp(principal))
        sentence.recalls.append(recall)
        sentence.status = SentenceStatus.RECALLED
        return recall

    return await uow.on_sentence(principal, command, change,
                                 operation="recommend_recall", replay=lambda sentence, ids: find_in(sentence.recalls, ids[0]))


async def record_recall_report_sent(uow: UnitOfWork, principal: Principal, command: c.RecordRecallReportSent) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.report_sent(sentence, command, uow.clock.now()))
        recall = compliance.recall_in_progress(sentence, london_date(command.sent_at))
        recall.report_sent_at, recall.report_sent_recorded = command.sent_at, uow.stamp(principal)
        return recall

    return await uow.on_sentence(principal, command, change,
                                 operation="record_recall_report_sent", replay=lambda sentence, ids: find_in(sentence.recalls, ids[0]))


async def record_recall_report_received(uow: UnitOfWork, principal: Principal,
                                        command: c.RecordRecallReportReceived) -> Outcome:
    """LIC-2: the Public Protection Casework Section received the report (and when it was sent)."""

    def change(case, sentence, requirement, today):
        reject_if(enforcement.report_received(sentence, command, uow.clock.now()))
        recall = compliance.recall_in_progress(sentence, london_date(command.sent_at or command.received_at))
        stamp = uow.stamp(principal)
        if command.sent_at is not None:
            recall.report_sent_at, recall.report_sent_recorded = command.sent_at, stamp
        recall.report_received_at, recall.report_recorded = command.received_at, stamp
        return recall

    return await uow.on_sentence(principal, command, change, operation="record_recall_report_received",
                                 replay=lambda sentence, ids: find_in(sentence.recalls, ids[0]))


async def record_rerelease(uow: UnitOfWork, principal: Principal, command: c.RecordReRelease) -> Outcome:
    def change(case, sentence, requirement, today):
        reject_if(enforcement.rerelease(sentence, command, today))
        recall = compliance.recall_in_progress(sentence, today)
        recall.rereleased_on = command.released_on
        sentence.status = SentenceStatus.ACTIVE
        return recall

    return await uow.on_sentence(principal, command, change,
                                 operation="record_rerelease", replay=lambda sentence, ids: find_in(sentence.recalls, ids[0]))


async def record_address_change(uow: UnitOfWork, principal: Principal, command: c.RecordAddressChange) -> Outcome:
    """ENF-6: records the move; on each CO/SSO it breaches, creates a failure to comply, decided
    by the officer's balanced decision when the move was an emergency and the decision is given,
    otherwise awaiting decision. ``created`` is (address change, *failures)."""

    def change(case: Case, today: date):
        reject_if(enforcement.address_change(case, command, today))
        stamp = uow.stamp(principal)
        moved = AddressChange(changed_on=command.changed_on, permanent=command.permanent,
                              permission_sought=bool(command.permission_sought or command.permission_granted),
                              permission_granted=enforcement.permission_granted(command), emergency=command.emergency,
                              details=command.details.strip(), recorded=stamp)
        case.address_changes.append(moved)
        failures = []
        reason = "ENF-6: permanent change of address without prior permission" + (
            " (an emergency)" if command.emergency else "")
        for sentence in case.sentences:
            if enforcement.address_change_is_failure(sentence, command):
                failure = FailureToComply(date=command.changed_on, reason=reason, recorded=stamp)
                if command.emergency_decision is not None:
                    failure.decisions.append(_balanced_decision(command.emergency_decision, today, stamp))
                sentence.failures.append(failure)
                failures.append(failure)
        return (moved, *failures)

    def replay(case: Case, ids: list[str]):
        failures = [f for s in case.sentences for f in s.failures if f.id in ids[1:]]
        return (find_in(case.address_changes, ids[0]), *failures)

    idempotency = (Idempotency(key=command.idempotency_key, operation="RecordAddressChange", replay=replay)
                   if command.idempotency_key else None)
    return await uow.update(principal, command.crn, command.expected_version, change,
                            operation="record_address_change", idempotency=idempotency)


def _balanced_decision(decision: c.EmergencyMoveDecision, today: date, stamp) -> FailureDecision:
    """ENF-6: the PF's balanced decision is the decision on the failure: acceptable when breach
    action is not warranted (whether the move was outside the offender's control is the
    consideration recorded beside it)."""
    return FailureDecision(acceptable=not decision.breach_action_warranted,
                           decided_on=enforcement.own_date(decision.decided_on, today),
                           rationale=decision.rationale.strip(),
                           emergency_move=EmergencyMove(outside_offenders_control=decision.outside_offenders_control,
                                                        breach_action_warranted=decision.breach_action_warranted),
                           recorded=stamp)

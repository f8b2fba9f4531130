"""Use cases of enforcement: decisions on failures to comply, warnings, breach and its outcome,
recall, the recall report, re-release and changes of address (ENF-*, LIC-*)."""

from __future__ import annotations

from datetime import date

from domain.core.case import Case
from domain.core.enums import BreachOutcome, SentenceStatus
from domain.core.errors import ErrorCode, Violation
from domain.core.principal import Principal
from domain.core.unit_of_work import Idempotency, Outcome, Rejected, UnitOfWork, find_in, reject_if
from domain.enforcement import commands as c
from domain.enforcement import compliance
from domain.enforcement import rules as enforcement
from domain.enforcement.model import (
    AddressChange,
    Breach,
    ComplianceWarning,
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
            acceptable=command.acceptable, decided_on=today, rationale=command.rationale.strip(),
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
        warning = ComplianceWarning(issued_on=command.issued_on, final=command.final, rationale=command.rationale.strip(),
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
        sentence.status = (SentenceStatus.ACTIVE if command.outcome is BreachOutcome.ORDER_CONTINUED
                           else SentenceStatus.TERMINATED)
        return breach

    return await uow.on_sentence(principal, command, change,
                                 operation="record_breach_outcome", replay=lambda sentence, ids: find_in(sentence.breaches, ids[0]))


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
        recall = compliance.recall_in_progress(sentence, today)
        recall.report_sent_at = command.sent_at
        return recall

    return await uow.on_sentence(principal, command, change,
                                 operation="record_recall_report_sent", replay=lambda sentence, ids: find_in(sentence.recalls, ids[0]))


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
    """ENF-6: records the move; on each CO/SSO it breaches, creates a failure to comply
    awaiting decision. ``created`` is (address change, *failures)."""

    def change(case: Case, today: date):
        reject_if(enforcement.address_change(command, today))
        stamp = uow.stamp(principal)
        moved = AddressChange(changed_on=command.changed_on, permanent=command.permanent,
                              permission_sought=command.permission_sought, emergency=command.emergency,
                              details=command.details.strip(), recorded=stamp)
        case.address_changes.append(moved)
        failures = []
        for sentence in case.sentences:
            if enforcement.address_change_is_failure(sentence, command):
                failure = FailureToComply(date=command.changed_on, reason="ENF-6: permanent change of address "
                                          "without prior permission", recorded=stamp)
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

"""Enforcement rules (docs/standards.md ENF-1..7, LIC-1..5, REC-2), over ``domain.compliance``."""

from __future__ import annotations

from datetime import date, datetime

from domain.core import policy
from domain.core.case import Case, Sentence
from domain.core.checks import has_offset, not_in_future, sentence_live, text_present
from domain.core.enums import (
    Provider,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SentenceStatus,
    SentenceType,
)
from domain.core.errors import ErrorCode, Violation, breaks, invalid
from domain.core.parameters import param
from domain.core.principal import Principal
from domain.core.recording import rationale_given
from domain.core.registry import Section, standard
from domain.enforcement import compliance
from domain.enforcement.commands import (
    DecideFailureToComply,
    InitiateBreach,
    IssueWarning,
    RecommendRecall,
    RecordAddressChange,
    RecordBreachOutcome,
    RecordRecallReportSent,
    RecordReRelease,
)
from domain.enforcement.compliance import ENF_3, ENF_4
from domain.enforcement.model import FailureToComply

ENF_1 = standard("ENF-1", Section.ENFORCEMENT, "Every apparent failure to comply is recorded, with its explanation and decision",
                 source="PF The sentence is enforced", enforced=True,
                 rule="Failures, explanations, decisions (with rationale), warnings and responses are stored; none is "
                      "deleted; a second decision is a correction that says why.")
ENF_6 = standard("ENF-6", Section.ENFORCEMENT, "A permanent move without permission is a failure to comply",
                 source="PF Transfers (residence duty)", parameters=("ORA_COMMENCEMENT",), enforced=True,
                 rule="On a CO/SSO for an offence on or after 2015-02-01, a permanent change of address without prior "
                      "permission, not an emergency, creates a failure to comply awaiting decision.")
ENF_7 = standard("ENF-7", Section.ENFORCEMENT, "Curfew-only and attendance-centre-only orders, and CRC breaches, go to the NPS",
                 source="PF The sentence is enforced", enforced=True)
LIC_3 = standard("LIC-3", Section.LICENCES, "A final licence warning is issued by a senior manager",
                 source="PF Licence enforcement", enforced=True,
                 rule="A second and final written warning on a licence may only be issued by a manager of the approved "
                      "senior management grade (SENIOR_MANAGER_REQUIRED).")
LIC_5 = standard("LIC-5", Section.LICENCES, "CRC non-emergency recall at HIGH RoSH endorsed by the NPS",
                 source="PF Licence enforcement", monitored=True)




def decide(failure: FailureToComply, command: DecideFailureToComply, today: date) -> list[Violation]:
    """ENF-1: the explanation (if any) and the decision, with rationale; a second decision is a
    correction that must say why it supersedes the first."""
    errors = rationale_given(command.rationale, "A decision on a failure to comply")
    explanation = command.explanation
    if explanation is not None:
        errors += text_present(explanation.received_by, ("explanation", "receivedBy"), "Received by", 200)
        errors += text_present(explanation.details, ("explanation", "details"), "Explanation details")
        errors += not_in_future(explanation.received_on, today, ("explanation", "receivedOn"), "Explanation date")
        if explanation.received_on < failure.date:
            errors.append(invalid(("explanation", "receivedOn"), "An explanation cannot be received before the failure."))
    if command.acceptable and explanation is None:
        errors.append(invalid(("explanation",), "A failure is accepted on the strength of an explanation: record it."))
    if failure.decisions and (command.correction_reason is None or not command.correction_reason.strip()):
        errors.append(breaks(ENF_1, ("correctionReason",),
                             f"this failure was decided on {failure.decisions[-1].decided_on.isoformat()}; a correction "
                             "supersedes that decision and must say why."))
    return errors


def warning(principal: Principal, sentence: Sentence, command: IssueWarning, today: date) -> list[Violation]:
    """ENF-3 (a warning follows an unacceptable failure), ENF-4 (refused when breach is
    required), LIC-3 (a final licence warning needs the senior manager grade), REC-2."""
    errors = [*rationale_given(command.rationale, "A warning"),
              *not_in_future(command.issued_on, today, ("issuedOn",), "Warning date"),
              *sentence_live(sentence, command.issued_on, ("issuedOn",)), *_active(sentence)]
    if not compliance.unacceptable_failure_dates(sentence, today):
        errors.append(breaks(ENF_3, ("sentenceId",), "a warning follows an unacceptable failure to comply, and this "
                                                       "sentence has no unacceptable, unspent failure."))
    if compliance.breach_required(sentence, today):
        counted = compliance.counting_failures(sentence, today)
        errors.append(breaks(ENF_4, ("final",) if command.final else ("issuedOn",),
                             f"{len(counted)} unacceptable failures within 12 months "
                             f"({', '.join(d.isoformat() for d in counted)}) on a {sentence.type.value}: breach proceedings "
                             "must be instigated instead of a warning.", ErrorCode.BREACH_REQUIRED))
    if (sentence.type is SentenceType.LICENCE and command.final
        and not policy.allows(principal, policy.Operation.ISSUE_FINAL_LICENCE_WARNING)):
        errors.append(breaks(LIC_3, ("final",), "a final licence warning may only be issued by a manager of the "
                                                  "approved senior management grade (SENIOR_MANAGER role).",
                             ErrorCode.SENIOR_MANAGER_REQUIRED))
    if command.offender_response is not None:
        errors += text_present(command.offender_response, ("offenderResponse",), "Offender's response")
    return errors


def _active(sentence: Sentence) -> list[Violation]:
    if sentence.status is not SentenceStatus.ACTIVE:
        return [invalid(("sentenceId",), f"The sentence is {sentence.status.value}, not ACTIVE.")]
    return []


def referral_to_nps(case: Case, sentence: Sentence) -> str | None:
    """ENF-7: enforcement of a curfew or attendance centre requirement that is the order's only
    requirement is the NPS's; a CRC's breach decisions are referred to the NPS for court."""
    active = [r for r in sentence.requirements if r.status is RequirementStatus.ACTIVE]
    if len(active) == 1 and active[0].type in (RequirementType.CURFEW, RequirementType.ATTENDANCE_CENTRE):
        return f"ENF-7: the order's only requirement is {active[0].type.value}; its enforcement is the NPS's."
    if case.allocation is not None and case.allocation.provider is Provider.CRC:
        return "ENF-7: breach initiated on a CRC case is referred to the NPS for court."
    return None


def breach(sentence: Sentence, command: InitiateBreach, today: date) -> list[Violation]:
    errors = [*rationale_given(command.rationale, "A breach"),
              *not_in_future(command.initiated_on, today, ("initiatedOn",), "Breach date"),
              *sentence_live(sentence, command.initiated_on, ("initiatedOn",)), *_active(sentence)]
    if sentence.type is SentenceType.LICENCE:
        errors.append(invalid(("sentenceId",), "A licence is enforced by warning or recall (LIC-1), not breach."))
    if not compliance.unacceptable_failure_dates(sentence, today):
        errors.append(breaks(ENF_4, ("sentenceId",), "breach follows unacceptable failures to comply: there is none "
                                                       "unspent on this sentence."))
    return errors


def breach_outcome(sentence: Sentence, command: RecordBreachOutcome, today: date) -> list[Violation]:
    errors = list(not_in_future(command.decided_on, today, ("decidedOn",), "Decision date"))
    pending = compliance.breach_in_progress(sentence, today)
    if pending is None:
        errors.append(invalid(("sentenceId",), "There is no breach awaiting the court's outcome."))
    elif command.decided_on < pending.initiated_on:
        errors.append(invalid(("decidedOn",), f"The outcome cannot predate the breach ({pending.initiated_on.isoformat()})."))
    return errors




def recall(sentence: Sentence, command: RecommendRecall, now: datetime) -> list[Violation]:
    errors = [*rationale_given(command.rationale, "A recall recommendation"), *_active(sentence),
              *has_offset(command.decided_at, ("decidedAt",))]
    if errors and any(v.field == ("decidedAt",) for v in errors):
        return errors
    if command.decided_at > now:
        errors.append(invalid(("decidedAt",), "The decision cannot be in the future."))
    if sentence.type is not SentenceType.LICENCE:
        errors.append(invalid(("sentenceId",), "Recall applies to licences; other sentences are breached (ENF-4)."))
    errors += sentence_live(sentence, command.decided_at.date(), ("decidedAt",))
    return errors


def lic_5_endorsement_missing(case: Case, command: RecommendRecall) -> bool:
    """LIC-5: a CRC's non-emergency recall of an offender at HIGH RoSH or above needs NPS
    endorsement. Recorded either way; the standards status flags it."""
    rosh = case.rosh
    return (case.allocation is not None and case.allocation.provider is Provider.CRC and rosh is not None
            and rosh.level.at_least(RoshLevel.HIGH) and not command.emergency and not command.nps_endorsed)


def report_sent(sentence: Sentence, command: RecordRecallReportSent, now: datetime) -> list[Violation]:
    if has_offset(command.sent_at, ("sentAt",)):
        return has_offset(command.sent_at, ("sentAt",))
    pending = compliance.recall_in_progress(sentence, now.date())
    if pending is None:
        return [invalid(("sentenceId",), "There is no recall in progress.")]
    if pending.report_sent_at is not None:
        return [invalid(("sentenceId",), f"The recall report was sent at {pending.report_sent_at.isoformat()}.")]
    if command.sent_at < pending.decided_at or command.sent_at > now:
        return [invalid(("sentAt",), "The report is sent after the decision and not in the future.")]
    return []


def rerelease(sentence: Sentence, command: RecordReRelease, today: date) -> list[Violation]:
    errors = list(not_in_future(command.released_on, today, ("releasedOn",), "Re-release date"))
    pending = compliance.recall_in_progress(sentence, today)
    if pending is None:
        errors.append(invalid(("sentenceId",), "There is no recall to be re-released from."))
    elif command.released_on < pending.decided_at.date():
        errors.append(invalid(("releasedOn",), "Re-release cannot predate the recall."))
    return errors


def address_change(command: RecordAddressChange, today: date) -> list[Violation]:
    return [*not_in_future(command.changed_on, today, ("changedOn",), "Date of the move"),
            *text_present(command.details, ("details",), "Details", 1000)]


def address_change_is_failure(sentence: Sentence, command: RecordAddressChange) -> bool:
    """ENF-6: on a CO/SSO for an offence on or after ORA commencement, a permanent move without
    prior permission, not an emergency outside the offender's control, is a failure to comply."""
    return (sentence.type.is_community and sentence.status is not SentenceStatus.TERMINATED
            and sentence.imposed_on <= command.changed_on
            and sentence.offence.committed_on >= param("ORA_COMMENCEMENT")
            and command.permanent and not command.permission_sought and not command.emergency)

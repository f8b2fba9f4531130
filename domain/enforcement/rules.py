"""Enforcement rules (docs/standards.md ENF-1..7, LIC-1..5, REC-2), over ``domain.enforcement.compliance``.

Every record is judged on its own date (REC-1), not on today: a warning dated 12 November is
checked against the failures, decisions, warnings and breaches known on 12 November. A record
entered days later is accepted and marked late (``recorded_late``), never refused for lateness."""

from __future__ import annotations

from datetime import date, datetime

from domain.core import policy
from domain.core.case import Case, Sentence
from domain.core.checks import has_offset, not_in_future, sentence_live, text_present
from domain.core.enums import (
    BreachOutcome,
    FailureStatus,
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
    AddFailureToBreach,
    DecideFailureToComply,
    InitiateBreach,
    IssueWarning,
    RecommendRecall,
    RecordAddressChange,
    RecordBreachOutcome,
    RecordRecallReportReceived,
    RecordRecallReportSent,
    RecordReRelease,
)
from domain.enforcement.compliance import ENF_3, ENF_4, london_date
from domain.enforcement.model import FailureToComply

ENF_1 = standard("ENF-1", Section.ENFORCEMENT, "Every apparent failure to comply is recorded, with its explanation and decision",
                 source="PF The sentence is enforced", enforced=True,
                 rule="Failures, explanations, decisions (with rationale and their own date), warnings and responses are "
                      "stored; none is deleted; a second decision is a correction that says why.")
ENF_6 = standard("ENF-6", Section.ENFORCEMENT, "A permanent move without prior permission is a failure to comply",
                 source="PF Transfers (residence duty)", parameters=("ORA_COMMENCEMENT",), enforced=True,
                 rule="On a CO/SSO for an offence on or after 2015-02-01, a permanent change of address without prior "
                      "permission granted creates a failure to comply. In an emergency the officer's balanced decision "
                      "(outside the offender's control? breach action warranted?) with its rationale decides it; "
                      "without that decision it awaits one.")
ENF_7 = standard("ENF-7", Section.ENFORCEMENT, "Curfew-only and attendance-centre-only orders, and CRC breaches, go to the NPS",
                 source="PF The sentence is enforced", enforced=True)
LIC_3 = standard("LIC-3", Section.LICENCES, "The second and final licence warning is issued by a senior manager",
                 source="PF Licence enforcement", enforced=True,
                 rule="A second and final written warning on a licence may only be issued by a manager of the approved "
                      "senior management grade (SENIOR_MANAGER_REQUIRED): a warning on a licence that already has a "
                      "live warning is the final one whatever the request says, and is recorded as final.")
LIC_5 = standard("LIC-5", Section.LICENCES, "CRC non-emergency recall at HIGH RoSH endorsed by the NPS",
                 source="PF Licence enforcement", monitored=True)


def own_date(value: date | None, today: date) -> date:
    """A record's own date: the one given, or today."""
    return value if value is not None else today


def decide(failure: FailureToComply, command: DecideFailureToComply, today: date) -> list[Violation]:
    """ENF-1: the explanation (if any) and the decision, with rationale and its own date (not
    before the failure, not in the future); a second decision is a correction that must say why
    it supersedes the first, and cannot predate it."""
    errors = rationale_given(command.rationale, "A decision on a failure to comply")
    decided_on = own_date(command.decided_on, today)
    errors += not_in_future(decided_on, today, ("decidedOn",), "Decision date")
    if decided_on < failure.date:
        errors.append(invalid(("decidedOn",), f"A decision cannot predate the failure ({failure.date.isoformat()})."))
    if failure.decisions and decided_on < failure.decisions[-1].decided_on:
        errors.append(invalid(("decidedOn",), "A correction cannot predate the decision it corrects "
                                              f"({failure.decisions[-1].decided_on.isoformat()})."))
    explanation = command.explanation
    if explanation is not None:
        errors += text_present(explanation.received_by, ("explanation", "receivedBy"), "Received by", 200)
        errors += text_present(explanation.details, ("explanation", "details"), "Explanation details")
        errors += not_in_future(explanation.received_on, today, ("explanation", "receivedOn"), "Explanation date")
        if explanation.received_on < failure.date:
            errors.append(invalid(("explanation", "receivedOn"), "An explanation cannot be received before the failure."))
        elif explanation.received_on > decided_on:
            errors.append(invalid(("explanation", "receivedOn"), "The explanation must have been received by the day "
                                                                 f"of the decision ({decided_on.isoformat()})."))
    if command.acceptable and explanation is None:
        errors.append(invalid(("explanation",), "A failure is accepted on the strength of an explanation: record it."))
    if failure.decisions and (command.correction_reason is None or not command.correction_reason.strip()):
        errors.append(breaks(ENF_1, ("correctionReason",),
                             f"this failure was decided on {failure.decisions[-1].decided_on.isoformat()}; a correction "
                             "supersedes that decision and must say why."))
    return errors


def open_on(sentence: Sentence, day: date, path: tuple[str, ...]) -> list[Violation]:
    """The sentence could be enforced on ``day``: not revoked by then, no breach awaiting the
    court and no recall in progress on that day (as of that day, not today)."""
    revoked = next((b.outcome_on for b in sentence.breaches if b.outcome is BreachOutcome.ORDER_REVOKED
                    and b.outcome_on is not None and b.outcome_on <= day), None)
    if revoked:
        return [invalid(path, f"The order was revoked by the court on {revoked.isoformat()}.")]
    pending = compliance.breach_in_progress(sentence, day)
    if pending:
        return [invalid(path, f"Breach initiated on {pending.initiated_on.isoformat()} awaits the court's outcome: a "
                              "later failure is added to that breach (addFailureToBreach).")]
    recalled = compliance.recall_in_progress(sentence, day)
    if recalled:
        return [invalid(path, f"The licence was recalled on {london_date(recalled.decided_at).isoformat()}.")]
    return []


def warning_is_final(sentence: Sentence, command: IssueWarning) -> bool:
    """LIC-3: on a licence the second live warning is "a second and final written warning" (PF),
    whatever ``final`` says; elsewhere a warning is final when the officer says so."""
    return command.final or (sentence.type is SentenceType.LICENCE
                             and bool(compliance.warnings_in_period(sentence, command.issued_on)))


def warning(principal: Principal, sentence: Sentence, command: IssueWarning, today: date) -> list[Violation]:
    """ENF-3 (a warning follows an unacceptable failure), ENF-4 (refused when breach is
    required), LIC-3 (the second and final licence warning needs the senior manager grade),
    REC-2; all as of the warning's own date."""
    on = command.issued_on
    errors = [*rationale_given(command.rationale, "A warning"), *not_in_future(on, today, ("issuedOn",), "Warning date"),
              *sentence_live(sentence, on, ("issuedOn",)), *open_on(sentence, on, ("issuedOn",))]
    if not compliance.unacceptable_failure_dates(sentence, on):
        errors.append(breaks(ENF_3, ("sentenceId",), "a warning follows an unacceptable failure to comply, and this "
                                                       f"sentence had no unacceptable, unspent failure on {on.isoformat()} "
                                                       "(a decision recorded later can carry its own decidedOn)."))
    if compliance.breach_required(sentence, on):
        counted = compliance.counting_failures(sentence, on)
        errors.append(breaks(ENF_4, ("final",) if command.final else ("issuedOn",),
                             f"{len(counted)} unacceptable failures within 12 months "
                             f"({', '.join(d.isoformat() for d in counted)}) on a {sentence.type.value}: breach proceedings "
                             "must be instigated instead of a warning.", ErrorCode.BREACH_REQUIRED))
    if (sentence.type is SentenceType.LICENCE and warning_is_final(sentence, command)
            and not policy.allows(principal, policy.Operation.ISSUE_FINAL_LICENCE_WARNING)):
        others = compliance.warnings_in_period(sentence, on)
        why = (f"this licence has a live warning (issued {others[0].issued_on.isoformat()}), so this one is the second "
               "and final warning, and " if others else "")
        errors.append(breaks(LIC_3, ("final",), f"{why}a final licence warning may only be issued by a manager of the "
                                                "approved senior management grade (SENIOR_MANAGER role).",
                             ErrorCode.SENIOR_MANAGER_REQUIRED))
    if command.offender_response is not None:
        errors += text_present(command.offender_response, ("offenderResponse",), "Offender's response")
    return errors


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
    on = command.initiated_on
    errors = [*rationale_given(command.rationale, "A breach"),
              *not_in_future(on, today, ("initiatedOn",), "Breach date"),
              *sentence_live(sentence, on, ("initiatedOn",)), *open_on(sentence, on, ("initiatedOn",))]
    later = [b.initiated_on for b in sentence.breaches if b.initiated_on > on]
    if later:
        errors.append(invalid(("initiatedOn",), f"Breach was already initiated on {later[0].isoformat()}, after this date."))
    if sentence.type is SentenceType.LICENCE:
        errors.append(invalid(("sentenceId",), "A licence is enforced by warning or recall (LIC-1), not breach."))
    if not compliance.unacceptable_failure_dates(sentence, on):
        errors.append(breaks(ENF_4, ("sentenceId",), "breach follows unacceptable failures to comply: there was none "
                                                       f"unspent on this sentence on {on.isoformat()}."))
    return errors


def addition(sentence: Sentence, failure: FailureToComply, command: AddFailureToBreach,
             today: date) -> list[Violation]:
    """ENF-3 / ENF-5: a failure after breach was laid and before the court's outcome, decided
    unacceptable, may be added to the pending breach (once), as the enforcement action for it."""
    on = own_date(command.added_on, today)
    errors = [*rationale_given(command.rationale, "Adding a failure to a breach"),
              *not_in_future(on, today, ("addedOn",), "Date added")]
    pending = compliance.breach_in_progress(sentence, on)
    if pending is None:
        errors.append(invalid(("addedOn",), f"No breach was awaiting the court's outcome on {on.isoformat()}."))
    elif failure.date <= pending.initiated_on:
        errors.append(invalid(("failureId",), f"That failure predates the breach laid on {pending.initiated_on.isoformat()}; "
                                              "the breach already covers it."))
    if on < failure.date:
        errors.append(invalid(("addedOn",), f"A failure cannot be added before it happened ({failure.date.isoformat()})."))
    elif compliance.status_on(failure, on) is not FailureStatus.UNACCEPTABLE:
        errors.append(invalid(("failureId",), f"That failure was not decided unacceptable by {on.isoformat()}: decide it "
                                              "first (decideFailureToComply)."))
    if any(a.failure_id == failure.id for b in sentence.breaches for a in b.additions):
        errors.append(Violation(ErrorCode.DUPLICATE, "That failure was already added to a breach.", ("failureId",)))
    return errors


def breach_outcome(sentence: Sentence, command: RecordBreachOutcome, today: date) -> list[Violation]:
    """ENF-5; committal to custody is an outcome of breach of post-sentence supervision only (PF:
    "committal to custody for breach of post sentence supervision period")."""
    errors = list(not_in_future(command.decided_on, today, ("decidedOn",), "Decision date"))
    if (command.outcome is BreachOutcome.COMMITTED_TO_CUSTODY
            and sentence.type is not SentenceType.POST_SENTENCE_SUPERVISION):
        errors.append(invalid(("outcome",), "Committal to custody is an outcome of breach of post-sentence supervision "
                                            f"only, not of a {sentence.type.value}."))
    pending = compliance.breach_in_progress(sentence, today)
    if pending is None:
        errors.append(invalid(("sentenceId",), "There is no breach awaiting the court's outcome."))
    elif command.decided_on < pending.initiated_on:
        errors.append(invalid(("decidedOn",), f"The outcome cannot predate the breach ({pending.initiated_on.isoformat()})."))
    elif any(a.added_on > command.decided_on for a in pending.additions):
        errors.append(invalid(("decidedOn",), "A failure was added to this breach after that date."))
    return errors


def recall(sentence: Sentence, command: RecommendRecall, now: datetime) -> list[Violation]:
    errors = [*rationale_given(command.rationale, "A recall recommendation"),
              *has_offset(command.decided_at, ("decidedAt",))]
    if any(v.field == ("decidedAt",) for v in errors):
        return errors
    on = london_date(command.decided_at)
    if command.decided_at > now:
        errors.append(invalid(("decidedAt",), "The decision cannot be in the future."))
    if sentence.type is not SentenceType.LICENCE:
        errors.append(invalid(("sentenceId",), "Recall applies to licences; other sentences are breached (ENF-4)."))
    elif sentence.status is SentenceStatus.TERMINATED:
        errors.append(invalid(("sentenceId",), "The licence has ended."))
    errors += sentence_live(sentence, on, ("decidedAt",))
    errors += open_on(sentence, on, ("decidedAt",))
    if any(r.decided_at > command.decided_at for r in sentence.recalls):
        errors.append(invalid(("decidedAt",), "A later recall is already recorded on this licence."))
    return errors


def lic_5_endorsement_missing(case: Case, command: RecommendRecall) -> bool:
    """LIC-5: a CRC's non-emergency recall of an offender at HIGH RoSH or above needs NPS
    endorsement. Recorded either way; the standards status flags it."""
    rosh = case.rosh
    return (case.allocation is not None and case.allocation.provider is Provider.CRC and rosh is not None
            and rosh.level.at_least(RoshLevel.HIGH) and not command.emergency and not command.nps_endorsed)


def _report_instants(sentence: Sentence, fields: dict[str, datetime | None], now: datetime):
    """The recall a report belongs to and the checks common to sending and receipt: instants with
    an offset, after the decision, not in the future."""
    errors = [v for name, value in fields.items() if value is not None for v in has_offset(value, (name,))]
    if errors:
        return None, errors
    first_instant = min(v for v in fields.values() if v is not None)
    pending = compliance.recall_in_progress(sentence, london_date(first_instant))
    if pending is None:
        return None, [invalid(("sentenceId",), "There was no recall in progress then.")]
    for name, value in fields.items():
        if value is not None and (value < pending.decided_at or value > now):
            errors.append(invalid((name,), "The report follows the decision and is not in the future."))
    return pending, errors


def report_sent(sentence: Sentence, command: RecordRecallReportSent, now: datetime) -> list[Violation]:
    pending, errors = _report_instants(sentence, {"sentAt": command.sent_at}, now)
    if pending is None or errors:
        return errors
    if pending.report_sent_at is not None:
        return [invalid(("sentenceId",), f"The recall report was sent at {pending.report_sent_at.isoformat()}.")]
    if pending.report_received_at is not None and command.sent_at > pending.report_received_at:
        return [invalid(("sentAt",), f"The report was received at {pending.report_received_at.isoformat()}, before that.")]
    return []


def report_received(sentence: Sentence, command: RecordRecallReportReceived, now: datetime) -> list[Violation]:
    """LIC-2: the receipt by the Public Protection Casework Section (and, if not yet recorded,
    when it was sent): once, after the decision, sent no later than received."""
    pending, errors = _report_instants(sentence, {"receivedAt": command.received_at, "sentAt": command.sent_at}, now)
    if pending is None or errors:
        return errors
    received = compliance.report_received_at(pending)
    if received is not None:
        return [invalid(("sentenceId",), f"Receipt was recorded at {received.isoformat()}.")]
    if command.sent_at is not None and pending.report_sent_at is not None:
        return [invalid(("sentAt",), f"Sending was recorded at {pending.report_sent_at.isoformat()}.")]
    sent = command.sent_at or pending.report_sent_at
    if sent is not None and sent > command.received_at:
        return [invalid(("receivedAt",), f"The report cannot be received before it was sent ({sent.isoformat()}).")]
    return []


def rerelease(sentence: Sentence, command: RecordReRelease, today: date) -> list[Violation]:
    errors = list(not_in_future(command.released_on, today, ("releasedOn",), "Re-release date"))
    pending = compliance.recall_in_progress(sentence, today)
    if pending is None:
        errors.append(invalid(("sentenceId",), "There is no recall to be re-released from."))
    elif command.released_on < london_date(pending.decided_at):
        errors.append(invalid(("releasedOn",), "Re-release cannot predate the recall."))
    return errors


def permission_granted(command: RecordAddressChange) -> bool:
    """Prior permission was *granted* (PF: "unable to gain prior permission"). Older clients send
    only ``permissionSought``: having sought permission is not having it."""
    return bool(command.permission_granted)


def address_change(case: Case, command: RecordAddressChange, today: date) -> list[Violation]:
    errors = [*not_in_future(command.changed_on, today, ("changedOn",), "Date of the move"),
              *text_present(command.details, ("details",), "Details", 1000)]
    decision = command.emergency_decision
    if decision is None:
        return errors
    path = ("emergencyDecision",)
    if not command.emergency:
        errors.append(invalid(path, "The balanced decision is for a move made in an emergency (emergency: true)."))
    elif not any(address_change_is_failure(s, command) for s in case.sentences):
        errors.append(invalid(path, "This move is not a failure to comply on any sentence, so there is nothing to decide."))
    errors += [Violation(v.code, v.message, (*path, *v.field), v.standard)
               for v in rationale_given(decision.rationale, "The balanced decision on an emergency move")]
    decided_on = own_date(decision.decided_on, today)
    errors += not_in_future(decided_on, today, (*path, "decidedOn"), "Decision date")
    if decided_on < command.changed_on:
        errors.append(invalid((*path, "decidedOn"), "The decision cannot predate the move."))
    return errors


def address_change_is_failure(sentence: Sentence, command: RecordAddressChange) -> bool:
    """ENF-6: on a CO/SSO for an offence on or after ORA commencement, a permanent move without
    prior permission granted is a failure to comply. An emergency no longer stops the failure
    being created: the PF asks the officer for "a balanced decision as to whether in these
    circumstances the change in address was outside of the offender's control ... and whether
    breach action is not warranted", which is the decision on that failure. (The catalogue's
    "not marked as an emergency" flag is not the PF's.) Licences and PSS are outside ENF-6: the
    PF's "failure to inform" is for "a community order/SSO case"."""
    return (sentence.type.is_community and sentence.status is not SentenceStatus.TERMINATED
            and sentence.imposed_on <= command.changed_on
            and sentence.offence.committed_on >= param("ORA_COMMENCEMENT")
            and command.permanent and not permission_granted(command))

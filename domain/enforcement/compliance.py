"""Compliance: the one definition of "failures to comply" that counts, computed in one place.

(The UK service's own code grew three definitions; every count, clock, rule and summary here goes
through this module.)

Definitions (docs/enforcement.md, PF "The sentence is enforced"):
- Everything is "as of" a day: a failure is known from its own date, a decision from its
  ``decided_on``, a warning from its ``issued_on`` (REC-1: not from when they were recorded), so a
  record added later for a later date never changes the answer for an earlier day.
- A failure is *undecided* on a day when no decision dated on or before it exists, *unacceptable*
  when the decision in force says so, *accepted* when it says acceptable.
- ENF-3 / LIC-1 clock: it runs from every failure without an accepted explanation, undecided ones
  included. The PF's condition is that the offender "has not provided an acceptable explanation",
  and "the responsibility for providing an explanation for a failure to comply rests with the
  offender" (PF). The catalogue says "unacceptable failure"; its own definition of that ("no
  acceptable explanation was accepted") covers undecided ones, and the PF wins either way.
- ENF-4 counts only unacceptable failures (the PF's "unacceptable absence" presupposes the
  officer's decision); ENF-2: failures on one calendar day count once.
- ENF-5: when the court deals with a breach so that the sentence continues (ORDER_CONTINUED; on
  PSS also COMMITTED_TO_CUSTODY) on day D, warnings issued on or before D are spent (PF: "Prior
  warnings are considered “spent”"). Failures are spent only up to the day breach was laid: a
  failure after that is not silently spent by the outcome. It either was added to the breach (then
  the court dealt with it, and it no longer counts) or it keeps its own clock and counts.
  (The catalogue's "failures before that date no longer count" goes beyond the PF, which speaks
  of warnings only.) LIC-4: after recall and re-release on day R, failures and warnings before R
  are spent.
- ENF-4 window: the 12 months up to and including the latest counting failure, i.e. dates in
  (latest - 12 months, latest]. 29 February minus 12 months is 28 February.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from domain.core.calendar import LONDON, add_working_days
from domain.core.case import Sentence
from domain.core.dates import add_months
from domain.core.enums import FailureStatus, SentenceType
from domain.core.parameters import param
from domain.core.registry import Section, Standard, standard
from domain.enforcement.model import Breach, BreachAddition, ComplianceWarning, FailureDecision, FailureToComply, Recall

ENF_2 = standard("ENF-2", Section.ENFORCEMENT, "Failures on one day count as one",
                 source="PF The sentence is enforced", enforced=True,
                 rule="A failure to comply with more than one appointment or requirement on one day is a single "
                      "failure for counting, though each is recorded and decided.")
ENF_3 = standard("ENF-3", Section.ENFORCEMENT,
                 "Warning or enforcement action within 6 working days of a failure without an accepted explanation",
                 source="PF The sentence is enforced", parameters=("ENF_3_WORKING_DAYS",), enforced=True,
                 monitored=True,
                 rule="From the latest failure on a CO, SSO or PSS that has no accepted explanation (undecided or "
                      "unacceptable), a warning, breach, or adding the failure to a pending breach is due by the 6th "
                      "working day; no days are added while an explanation is awaited. Accepting the explanation by "
                      "then meets it (NOT_MET when accepted later).")
ENF_4 = standard("ENF-4", Section.ENFORCEMENT,
                 "Breach instigated on the 2nd (CO/SSO) or 3rd (PSS) unacceptable failure in 12 months",
                 source="PF The sentence is enforced",
                 parameters=("ENF_4_WINDOW_MONTHS", "ENF_4_THRESHOLD_COMMUNITY", "ENF_4_THRESHOLD_PSS"),
                 enforced=True, monitored=True,
                 rule="When the count of unacceptable failure dates in the 12 months up to the latest reaches the "
                      "threshold, a warning is refused (BREACH_REQUIRED) and breach is due (while a breach is pending, "
                      "adding the failure to it). Undecided failures do not count, but the status says when deciding "
                      "one unacceptable would reach the threshold.")
ENF_5 = standard("ENF-5", Section.ENFORCEMENT, "Prior warnings are spent when a court continues the order",
                 source="PF The sentence is enforced", enforced=True,
                 rule="When the court's outcome lets the sentence continue, warnings issued by then are spent; failures "
                      "are spent only up to the day breach was laid; failures added to the breach were dealt with by "
                      "the court; a later failure not added keeps counting.")
LIC_1 = standard("LIC-1", Section.LICENCES, "Licence: warning or recall decision by the end of the 9th working day",
                 source="PF Licence enforcement", parameters=("LIC_1_WORKING_DAYS",), enforced=True, monitored=True,
                 rule="From the latest licence failure without an accepted explanation (undecided or unacceptable), a "
                      "warning or the decision to recommend recall is due by the end of the 9th working day. (The PF "
                      "states the 9 days for the recall decision; the catalogue applies them to warnings too.)")
LIC_2 = standard("LIC-2", Section.LICENCES,
                 "Recall report received within 24 hours of the decision (2 hours in an emergency)",
                 source="PF Licence enforcement", parameters=("LIC_2_REPORT_HOURS", "LIC_2_EMERGENCY_REPORT_HOURS"),
                 monitored=True,
                 rule="The report must be received by the Public Protection Casework Section within 24 hours of the "
                      "decision to recommend recall (2 in an emergency), measured in elapsed time: OVERDUE from the "
                      "instant the deadline passes, MET by the recorded receipt (sending alone does not meet it).")
LIC_4 = standard("LIC-4", Section.LICENCES, "Prior warnings are spent on recall and re-release",
                 source="PF Licence enforcement", enforced=True)


# --- what is known on a day --------------------------------------------------------------------

def decision_on(failure: FailureToComply, as_of: date) -> FailureDecision | None:
    """The decision in force on ``as_of``: the latest recorded among those dated by then."""
    decisions = [d for d in failure.decisions if d.decided_on <= as_of]
    return decisions[-1] if decisions else None


def status_on(failure: FailureToComply, as_of: date) -> FailureStatus:
    decision = decision_on(failure, as_of)
    if decision is None:
        return FailureStatus.AWAITING_DECISION
    return FailureStatus.ACCEPTABLE if decision.acceptable else FailureStatus.UNACCEPTABLE


def addition_of(sentence: Sentence, failure: FailureToComply, as_of: date) -> BreachAddition | None:
    """The failure's addition to a breach, if made by ``as_of``."""
    return next((a for b in sentence.breaches for a in b.additions
                 if a.failure_id == failure.id and a.added_on <= as_of), None)


def _disposed(sentence: Sentence, as_of: date) -> list[Breach]:
    """Breaches the court dealt with by ``as_of`` in a way that lets the sentence continue."""
    return [b for b in sentence.breaches if b.outcome is not None and b.outcome.continues_sentence
            and b.outcome_on is not None and b.outcome_on <= as_of]


def failure_spent(sentence: Sentence, failure: FailureToComply, as_of: date) -> bool:
    """ENF-5 (up to the day breach was laid, or added to the breach) and LIC-4 (before re-release)."""
    for breach in _disposed(sentence, as_of):
        if failure.date <= breach.initiated_on or any(a.failure_id == failure.id for a in breach.additions):
            return True
    return any(r.rereleased_on is not None and r.rereleased_on <= as_of and failure.date < r.rereleased_on
               for r in sentence.recalls)


def live_failures(sentence: Sentence, as_of: date) -> list[FailureToComply]:
    """Failures that had happened by ``as_of`` and are not spent."""
    return [f for f in sentence.failures if f.date <= as_of and not failure_spent(sentence, f, as_of)]


def failure_dates(sentence: Sentence, as_of: date, *statuses: FailureStatus) -> list[date]:
    """ENF-2: the distinct dates of live failures whose status on ``as_of`` is one of ``statuses``."""
    return sorted({f.date for f in live_failures(sentence, as_of) if status_on(f, as_of) in statuses})


def unacceptable_failure_dates(sentence: Sentence, as_of: date) -> list[date]:
    return failure_dates(sentence, as_of, FailureStatus.UNACCEPTABLE)


def undecided_failure_dates(sentence: Sentence, as_of: date) -> list[date]:
    return failure_dates(sentence, as_of, FailureStatus.AWAITING_DECISION)


def spent_through(sentence: Sentence, as_of: date) -> date | None:
    """The last day whose warnings are spent (ENF-5, LIC-4), as of ``as_of``."""
    days = [b.outcome_on for b in _disposed(sentence, as_of)]
    days += [r.rereleased_on - timedelta(days=1) for r in sentence.recalls
             if r.rereleased_on is not None and r.rereleased_on <= as_of]
    return max(days, default=None)


# --- ENF-4 ---------------------------------------------------------------------------------------

def window_start(latest: date) -> date:
    """First day inside the ENF-4 window ending on ``latest``."""
    return add_months(latest, -param("ENF_4_WINDOW_MONTHS")) + timedelta(days=1)


def _in_window(dates: list[date]) -> list[date]:
    return [d for d in dates if d >= window_start(dates[-1])] if dates else []


def counting_failures(sentence: Sentence, as_of: date) -> list[date]:
    """The unacceptable failure dates inside the 12-month window that counts on ``as_of``."""
    return _in_window(unacceptable_failure_dates(sentence, as_of))


def breach_threshold(sentence_type: SentenceType) -> int | None:
    """ENF-4: the 2nd unacceptable failure on a CO/SSO, the 3rd on PSS; licences are enforced by
    warning or recall (LIC-1), so they have no count threshold."""
    if sentence_type.is_community:
        return param("ENF_4_THRESHOLD_COMMUNITY")
    if sentence_type is SentenceType.POST_SENTENCE_SUPERVISION:
        return param("ENF_4_THRESHOLD_PSS")
    return None


def breach_acted_on(sentence: Sentence, latest: date, as_of: date) -> date | None:
    """The first day, on or after the failure of ``latest``, breach was initiated or a failure of
    that day was added to a pending breach."""
    days = [b.initiated_on for b in sentence.breaches if latest <= b.initiated_on <= as_of]
    days += [a.added_on for f in sentence.failures if f.date == latest
             for a in [addition_of(sentence, f, as_of)] if a is not None]
    return min(days, default=None)


def breach_required(sentence: Sentence, as_of: date) -> bool:
    """ENF-4: the count reached the threshold and breach has not been acted on since the latest
    counting failure."""
    threshold = breach_threshold(sentence.type)
    counting = counting_failures(sentence, as_of)
    if threshold is None or len(counting) < threshold:
        return False
    return breach_acted_on(sentence, counting[-1], as_of) is None


def breach_if_found_unacceptable(sentence: Sentence, as_of: date) -> list[date]:
    """Undecided failure dates that, if decided unacceptable, would bring ENF-4's count to the
    threshold (empty when the count is reached already or could not be)."""
    threshold = breach_threshold(sentence.type)
    if threshold is None or len(counting_failures(sentence, as_of)) >= threshold:
        return []
    undecided = undecided_failure_dates(sentence, as_of)
    window = _in_window(sorted(set(unacceptable_failure_dates(sentence, as_of)) | set(undecided)))
    return [d for d in window if d in undecided] if len(window) >= threshold else []


def _ordinal(n: int) -> str:
    return {1: "1st", 2: "2nd", 3: "3rd"}.get(n, f"{n}th")


def breach_warning(sentence: Sentence, as_of: date) -> str:
    """The sentence ENF-3/ENF-4 add when an undecided failure would make breach required."""
    would = breach_if_found_unacceptable(sentence, as_of)
    if not would:
        return ""
    days = ", ".join(d.isoformat() for d in would)
    return (f" If the failure of {days} is found unacceptable, breach is required "
            f"({_ordinal(breach_threshold(sentence.type))} unacceptable failure in 12 months).")


# --- warnings, breach and recall in progress -------------------------------------------------------

def live_warnings(sentence: Sentence, as_of: date) -> list[ComplianceWarning]:
    spent = spent_through(sentence, as_of)
    return [w for w in sentence.warnings if w.issued_on <= as_of and (spent is None or w.issued_on > spent)]


def spent_warnings(sentence: Sentence, as_of: date) -> list[ComplianceWarning]:
    live = {w.id for w in live_warnings(sentence, as_of)}
    return [w for w in sentence.warnings if w.issued_on <= as_of and w.id not in live]


def warnings_in_period(sentence: Sentence, on: date) -> list[ComplianceWarning]:
    """The warnings that are live together with one issued on ``on``: those issued between the
    spending (ENF-5, LIC-4) before ``on`` and the next one after it, whatever order they were
    recorded in (LIC-3: a second live warning on a licence is the final one)."""
    days = [b.outcome_on for b in sentence.breaches if b.outcome is not None and b.outcome.continues_sentence
            and b.outcome_on is not None]
    days += [r.rereleased_on - timedelta(days=1) for r in sentence.recalls if r.rereleased_on is not None]

    def period(day: date) -> int:
        return sum(1 for spent in days if day > spent)

    return [w for w in sentence.warnings if period(w.issued_on) == period(on)]


def breach_in_progress(sentence: Sentence, as_of: date) -> Breach | None:
    return next((b for b in reversed(sentence.breaches) if b.initiated_on <= as_of
                 and (b.outcome is None or b.outcome_on is None or b.outcome_on > as_of)), None)


def recall_in_progress(sentence: Sentence, as_of: date) -> Recall | None:
    return next((r for r in reversed(sentence.recalls) if london_date(r.decided_at) <= as_of
                 and (r.rereleased_on is None or r.rereleased_on > as_of)), None)


def london_date(instant: datetime) -> date:
    return instant.astimezone(LONDON).date()


# --- the ENF-3 / LIC-1 clock -----------------------------------------------------------------------

def response_rule(sentence: Sentence) -> Standard:
    """LIC-1 on a licence; ENF-3 on a CO, SSO or PSS (the PF's ENF-3 standard names all three)."""
    return LIC_1 if sentence.type is SentenceType.LICENCE else ENF_3


def response_due(sentence: Sentence, failure_on: date) -> date:
    days = "LIC_1_WORKING_DAYS" if sentence.type is SentenceType.LICENCE else "ENF_3_WORKING_DAYS"
    return add_working_days(failure_on, param(days))


def acted_on(sentence: Sentence, latest: date, as_of: date) -> date | None:
    """The first enforcement action on or after the failure of ``latest``: a warning; on a
    licence the decision to recommend recall; otherwise breach initiated or that failure added
    to a pending breach."""
    days = [w.issued_on for w in sentence.warnings if latest <= w.issued_on <= as_of]
    if sentence.type is SentenceType.LICENCE:
        days += [london_date(r.decided_at) for r in sentence.recalls if latest <= london_date(r.decided_at) <= as_of]
    else:
        breach = breach_acted_on(sentence, latest, as_of)
        days += [breach] if breach else []
    return min(days, default=None)


@dataclass(frozen=True)
class Response:
    """The ENF-3 / LIC-1 clock for one failure date: when the response was due and when (if by
    ``as_of``) it was given."""

    standard: Standard
    failure_on: date
    due_by: date
    done_on: date | None
    detail: str


def responses(sentence: Sentence, as_of: date) -> list[Response]:
    """The clock on the latest failure without an accepted explanation (met by an enforcement
    action), and, when the latest failure of all had its explanation accepted, that closure
    (MET when accepted by the due date, NOT_MET when later)."""
    rule, found = response_rule(sentence), []
    live = live_failures(sentence, as_of)
    pending = failure_dates(sentence, as_of, FailureStatus.UNACCEPTABLE, FailureStatus.AWAITING_DECISION)
    if pending:
        latest = pending[-1]
        acted = acted_on(sentence, latest, as_of)
        undecided = any(f.date == latest and status_on(f, as_of) is FailureStatus.AWAITING_DECISION for f in live)
        what = "warn or decide on recall" if rule is LIC_1 else (
            "add it to the pending breach" if breach_in_progress(sentence, as_of) else "warn or take action")
        if acted:
            detail = f"Acted on {acted.isoformat()} after the failure of {latest.isoformat()}."
        elif undecided:
            detail = f"Failure on {latest.isoformat()} awaiting decision: decide it, then {what}."
        else:
            detail = f"Unacceptable failure on {latest.isoformat()}: {what}."
        found.append(Response(rule, latest, response_due(sentence, latest), acted, detail + breach_warning(sentence, as_of)))
    last = max((f.date for f in live), default=None)
    if last is not None and (not pending or last > pending[-1]):
        accepted = [decision_on(f, as_of) for f in live if f.date == last]
        closed = max(accepted, key=lambda d: d.decided_on)
        acted = acted_on(sentence, last, as_of)
        done = min(closed.decided_on, acted) if acted else closed.decided_on
        found.append(Response(rule, last, response_due(sentence, last), done,
                              f"Explanation accepted on {closed.decided_on.isoformat()}: {closed.rationale}"))
    return found


# --- summaries ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NextAction:
    standard: str
    action: str
    due_by: date


def enforcement_due(sentence: Sentence, as_of: date) -> NextAction | None:
    """The most urgent enforcement step: deciding the earliest undecided failure (the precondition
    for acting in time), breach when ENF-4's count is reached (adding the failure to a pending
    breach), or a warning / action / recall decision on the latest unacceptable failure. On equal
    due dates, deciding comes first."""
    rule, candidates = response_rule(sentence), []
    undecided = undecided_failure_dates(sentence, as_of)
    if undecided:
        candidates.append(NextAction(rule.id, f"Decide the failure to comply of {undecided[0].isoformat()}",
                                     response_due(sentence, undecided[0])))
    pending = breach_in_progress(sentence, as_of) is not None
    if breach_required(sentence, as_of):
        latest = counting_failures(sentence, as_of)[-1]
        action = (f"Add the failure to comply of {latest.isoformat()} to the pending breach" if pending
                  else "Initiate breach proceedings")
        candidates.append(NextAction(ENF_4.id, action, response_due(sentence, latest)))
    else:
        unacceptable = unacceptable_failure_dates(sentence, as_of)
        clock = next((r for r in responses(sentence, as_of) if r.done_on is None), None)
        if clock is not None and unacceptable and unacceptable[-1] == clock.failure_on:
            action = ("Warn or decide whether to recommend recall" if rule is LIC_1 else
                      f"Add the failure to comply of {clock.failure_on.isoformat()} to the pending breach" if pending
                      else "Issue a warning or take enforcement action")
            candidates.append(NextAction(rule.id, action, clock.due_by))
    return min(candidates, key=lambda a: a.due_by, default=None)


@dataclass(frozen=True)
class ComplianceSummary:
    """One summary per sentence: the figures a practitioner and a court need."""

    failures: int
    awaiting_decision: int
    unacceptable: int
    counting_dates: list[date]
    window_starts: date | None
    threshold: int | None
    live_warnings: int
    spent_warnings: int
    breach_in_progress: bool
    recall_in_progress: bool
    next_action: NextAction | None


def summarise(sentence: Sentence, as_of: date) -> ComplianceSummary:
    known = [f for f in sentence.failures if f.date <= as_of]
    counting = counting_failures(sentence, as_of)
    return ComplianceSummary(
        failures=len(known),
        awaiting_decision=sum(1 for f in known if status_on(f, as_of) is FailureStatus.AWAITING_DECISION),
        unacceptable=sum(1 for f in known if status_on(f, as_of) is FailureStatus.UNACCEPTABLE),
        counting_dates=counting,
        window_starts=window_start(counting[-1]) if counting else None,
        threshold=breach_threshold(sentence.type),
        live_warnings=len(live_warnings(sentence, as_of)),
        spent_warnings=len(spent_warnings(sentence, as_of)),
        breach_in_progress=breach_in_progress(sentence, as_of) is not None,
        recall_in_progress=recall_in_progress(sentence, as_of) is not None,
        next_action=enforcement_due(sentence, as_of),
    )


@dataclass(frozen=True)
class CaseCompliance:
    """The case-wide view: totals over its sentences and the most urgent next action."""

    failures: int
    awaiting_decision: int
    unacceptable: int
    live_warnings: int
    breach_in_progress: bool
    recall_in_progress: bool
    next_action: NextAction | None


def summarise_case(sentences: list[Sentence], as_of: date) -> CaseCompliance:
    summaries = [summarise(s, as_of) for s in sentences]
    actions = [s.next_action for s in summaries if s.next_action is not None]
    return CaseCompliance(
        failures=sum(s.failures for s in summaries), awaiting_decision=sum(s.awaiting_decision for s in summaries),
        unacceptable=sum(s.unacceptable for s in summaries), live_warnings=sum(s.live_warnings for s in summaries),
        breach_in_progress=any(s.breach_in_progress for s in summaries),
        recall_in_progress=any(s.recall_in_progress for s in summaries),
        next_action=min(actions, key=lambda a: a.due_by, default=None))


def report_received_at(recall: Recall) -> datetime | None:
    """LIC-2: when the Public Protection Casework Section received the report. A recall written
    before receipt was kept has only ``report_sent_at``, recorded by a mutation that then meant
    "the recall report reached the NPS/NOMS"; that instant is the record of receipt it has."""
    if recall.report_received_at is not None:
        return recall.report_received_at
    return recall.report_sent_at if recall.report_sent_recorded is None else None


def lic_2_deadline(recall: Recall) -> datetime:
    """LIC-2: the recall report is received within 24 hours of the decision, 2 in an emergency
    (elapsed time: a deadline across a clock change is still 24 real hours)."""
    hours = param("LIC_2_EMERGENCY_REPORT_HOURS" if recall.emergency else "LIC_2_REPORT_HOURS")
    return recall.decided_at.astimezone(timezone.utc) + timedelta(hours=hours)

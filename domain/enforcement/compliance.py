"""Compliance: the one definition of "failures to comply" that counts, computed in one place.

(The UK service's own code grew three definitions; every count, rule and summary here goes
through ``counting_failures``.)

Definitions (docs/standards.md, PF "The sentence is enforced"):
- An unacceptable failure is a failure to comply whose decision in force says "not acceptable".
  Failures awaiting decision do not count yet; an accepted explanation never counts.
- ENF-2: failures on one calendar day count once.
- ENF-5: after a court continues the order on a breach (ORDER_CONTINUED on day D), failures
  on or before D are spent. LIC-4: after recall and re-release on day R, failures before R are
  spent. Warnings issued before those days are spent with them.
- ENF-4 window: the 12 months up to and including the latest counting failure, i.e. dates in
  (latest - 12 months, latest]. 29 February minus 12 months is 28 February.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.core.calendar import add_working_days
from domain.core.case import Sentence
from domain.core.dates import add_months
from domain.core.enums import BreachOutcome, FailureStatus, SentenceType
from domain.core.parameters import param
from domain.core.registry import Section, standard
from domain.enforcement.model import ComplianceWarning, Recall

ENF_2 = standard("ENF-2", Section.ENFORCEMENT, "Failures on one day count as one",
                 source="PF The sentence is enforced", enforced=True,
                 rule="A failure to comply with more than one appointment or requirement on one day is a single "
                      "failure for counting, though each is recorded and decided.")
ENF_3 = standard("ENF-3", Section.ENFORCEMENT, "Warning or enforcement action within 6 working days of an unacceptable failure",
                 source="PF The sentence is enforced", parameters=("ENF_3_WORKING_DAYS",), enforced=True,
                 monitored=True)
ENF_4 = standard("ENF-4", Section.ENFORCEMENT,
                 "Breach instigated on the 2nd (CO/SSO) or 3rd (PSS) unacceptable failure in 12 months",
                 source="PF The sentence is enforced",
                 parameters=("ENF_4_WINDOW_MONTHS", "ENF_4_THRESHOLD_COMMUNITY", "ENF_4_THRESHOLD_PSS"),
                 enforced=True, monitored=True,
                 rule="When the count of unacceptable failure dates in the 12 months up to the latest reaches the "
                      "threshold, a warning is refused (BREACH_REQUIRED) and breach is due.")
ENF_5 = standard("ENF-5", Section.ENFORCEMENT, "Prior warnings are spent when a court continues the order",
                 source="PF The sentence is enforced", enforced=True)
LIC_1 = standard("LIC-1", Section.LICENCES, "Licence: warning or recall decision by the end of the 9th working day",
                 source="PF Licence enforcement", parameters=("LIC_1_WORKING_DAYS",), enforced=True, monitored=True)
LIC_2 = standard("LIC-2", Section.LICENCES, "Recall report within 24 hours of the decision (2 hours in an emergency)",
                 source="PF Licence enforcement", parameters=("LIC_2_REPORT_HOURS", "LIC_2_EMERGENCY_REPORT_HOURS"),
                 monitored=True)
LIC_4 = standard("LIC-4", Section.LICENCES, "Prior warnings are spent on recall and re-release",
                 source="PF Licence enforcement", enforced=True)


def spent_through(sentence: Sentence, as_of: date) -> date | None:
    """The last day whose failures and warnings are spent (ENF-5, LIC-4), as of ``as_of``."""
    days = [b.outcome_on for b in sentence.breaches
            if b.outcome is BreachOutcome.ORDER_CONTINUED and b.outcome_on is not None and b.outcome_on <= as_of]
    days += [r.rereleased_on - timedelta(days=1) for r in sentence.recalls
             if r.rereleased_on is not None and r.rereleased_on <= as_of]
    return max(days, default=None)


def unacceptable_failure_dates(sentence: Sentence, as_of: date) -> list[date]:
    """ENF-2: the distinct dates of unacceptable, unspent failures known by ``as_of``, sorted.
    A failure is known once it happened and its decision in force was taken by ``as_of``."""
    spent = spent_through(sentence, as_of)
    dates = set()
    for failure in sentence.failures:
        decisions = [d for d in failure.decisions if d.decided_on <= as_of]
        if failure.date > as_of or not decisions or decisions[-1].acceptable:
            continue
        if spent is not None and failure.date <= spent:
            continue
        dates.add(failure.date)
    return sorted(dates)


def window_start(latest: date) -> date:
    """First day inside the ENF-4 window ending on ``latest``."""
    return add_months(latest, -param("ENF_4_WINDOW_MONTHS")) + timedelta(days=1)


def counting_failures(sentence: Sentence, as_of: date) -> list[date]:
    """The unacceptable failure dates inside the 12-month window that counts on ``as_of``."""
    dates = unacceptable_failure_dates(sentence, as_of)
    if not dates:
        return []
    start = window_start(dates[-1])
    return [d for d in dates if d >= start]


def breach_threshold(sentence_type: SentenceType) -> int | None:
    """ENF-4: the 2nd unacceptable failure on a CO/SSO, the 3rd on PSS; licences are enforced by
    warning or recall (LIC-1), so they have no count threshold."""
    if sentence_type.is_community:
        return param("ENF_4_THRESHOLD_COMMUNITY")
    if sentence_type is SentenceType.POST_SENTENCE_SUPERVISION:
        return param("ENF_4_THRESHOLD_PSS")
    return None


def breach_required(sentence: Sentence, as_of: date) -> bool:
    """ENF-4: the count reached the threshold and no breach has been initiated since the latest
    counting failure."""
    threshold = breach_threshold(sentence.type)
    counting = counting_failures(sentence, as_of)
    if threshold is None or len(counting) < threshold:
        return False
    return not any(b.initiated_on >= counting[-1] and b.initiated_on <= as_of for b in sentence.breaches)


def live_warnings(sentence: Sentence, as_of: date) -> list[ComplianceWarning]:
    spent = spent_through(sentence, as_of)
    return [w for w in sentence.warnings if w.issued_on <= as_of and (spent is None or w.issued_on > spent)]


def spent_warnings(sentence: Sentence, as_of: date) -> list[ComplianceWarning]:
    live = {w.id for w in live_warnings(sentence, as_of)}
    return [w for w in sentence.warnings if w.issued_on <= as_of and w.id not in live]


def breach_in_progress(sentence: Sentence, as_of: date):
    return next((b for b in reversed(sentence.breaches) if b.initiated_on <= as_of
                 and (b.outcome is None or b.outcome_on is None or b.outcome_on > as_of)), None)


def recall_in_progress(sentence: Sentence, as_of: date):
    return next((r for r in reversed(sentence.recalls) if r.decided_at.date() <= as_of
                 and (r.rereleased_on is None or r.rereleased_on > as_of)), None)


@dataclass(frozen=True)
class NextAction:
    standard: str
    action: str
    due_by: date


def enforcement_due(sentence: Sentence, as_of: date) -> NextAction | None:
    """After the latest unacceptable failure: a warning or breach within 6 working days (ENF-3),
    breach itself when ENF-4's count is reached, or for a licence a warning or the decision to
    recommend recall by the end of the 9th working day (LIC-1). None when it has been acted on."""
    dates = unacceptable_failure_dates(sentence, as_of)
    if not dates:
        return None
    latest = dates[-1]
    if sentence.type is SentenceType.LICENCE:
        acted = [w.issued_on for w in sentence.warnings] + [r.decided_at.date() for r in sentence.recalls]
        if any(latest <= day <= as_of for day in acted):
            return None
        return NextAction(LIC_1.id, "Warn or decide whether to recommend recall",
                          add_working_days(latest, param("LIC_1_WORKING_DAYS")))
    due = add_working_days(latest, param("ENF_3_WORKING_DAYS"))
    if breach_required(sentence, as_of):
        return NextAction(ENF_4.id, "Initiate breach proceedings", due)
    acted = [w.issued_on for w in sentence.warnings] + [b.initiated_on for b in sentence.breaches]
    if any(latest <= day <= as_of for day in acted):
        return None
    return NextAction(ENF_3.id, "Issue a warning or take enforcement action", due)


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
        awaiting_decision=sum(1 for f in known if f.status is FailureStatus.AWAITING_DECISION),
        unacceptable=sum(1 for f in known if f.status is FailureStatus.UNACCEPTABLE),
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


def lic_2_deadline(recall: Recall) -> datetime:
    """LIC-2: the recall report reaches the NPS/NOMS within 24 hours of the decision, 2 in an emergency."""
    hours = param("LIC_2_EMERGENCY_REPORT_HOURS" if recall.emergency else "LIC_2_REPORT_HOURS")
    return recall.decided_at + timedelta(hours=hours)

"""Monitored standards of enforcement: ENF-3, ENF-4, LIC-1, LIC-2 and LIC-5."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.calendar import LONDON, add_working_days
from domain.core.case import Case, rosh_as_of
from domain.core.enums import Provider, RoshLevel, SentenceType
from domain.core.parameters import param
from domain.core.standards import Check, check, first
from domain.enforcement import compliance
from domain.enforcement.compliance import ENF_3, ENF_4, LIC_1, LIC_2
from domain.enforcement.rules import LIC_5


def enforcement(case: Case, as_of: date) -> Iterable[Check]:
    """ENF-3, ENF-4 and LIC-1 from ``domain.compliance`` (the one definition of what counts),
    and LIC-2 and LIC-5 for each recall recommendation."""
    for sentence in case.sentences:
        dates = compliance.unacceptable_failure_dates(sentence, as_of)
        if dates:
            latest = dates[-1]
            if sentence.type is SentenceType.LICENCE:
                acted = first(d for d in [w.issued_on for w in sentence.warnings]
                              + [r.decided_at.astimezone(LONDON).date() for r in sentence.recalls] if latest <= d <= as_of)
                yield check(LIC_1, sentence, arises_on=latest,
                            due_by=add_working_days(latest, param("LIC_1_WORKING_DAYS")), done_on=acted,
                            detail=f"Acted on {acted.isoformat()} after the failure of {latest.isoformat()}." if acted
                            else f"Unacceptable failure on {latest.isoformat()}: warn or decide on recall.")
            else:
                due = add_working_days(latest, param("ENF_3_WORKING_DAYS"))
                acted = first(d for d in [w.issued_on for w in sentence.warnings] + [b.initiated_on for b in sentence.breaches]
                              if latest <= d <= as_of)
                yield check(ENF_3, sentence, arises_on=latest, due_by=due, done_on=acted,
                            detail=f"Acted on {acted.isoformat()} after the failure of {latest.isoformat()}." if acted
                            else f"Unacceptable failure on {latest.isoformat()}: warn or take action.")
                threshold = compliance.breach_threshold(sentence.type)
                counting = compliance.counting_failures(sentence, as_of)
                if threshold is not None and len(counting) >= threshold:
                    breached = first(b.initiated_on for b in sentence.breaches if latest <= b.initiated_on <= as_of)
                    yield check(ENF_4, sentence, arises_on=latest, due_by=due, done_on=breached,
                                detail=f"Breach initiated on {breached.isoformat()}." if breached else
                                f"{len(counting)} unacceptable failures in 12 months "
                                f"({', '.join(d.isoformat() for d in counting)}): breach is required.")
        for recall in sentence.recalls:
            decided = recall.decided_at.astimezone(LONDON)
            if decided.date() > as_of:
                continue
            deadline = compliance.lic_2_deadline(recall)
            sent = recall.report_sent_at if recall.report_sent_at and recall.report_sent_at.astimezone(LONDON).date() <= as_of else None
            yield check(LIC_2, sentence, arises_on=decided.date(), due_by=deadline.astimezone(LONDON).date(),
                        done_on=sent.astimezone(LONDON).date() if sent else None,
                        done_ok=sent is None or sent <= deadline,
                        detail=f"Report due by {deadline.astimezone(LONDON).isoformat(timespec='minutes')}"
                                + (f"; sent {sent.astimezone(LONDON).isoformat(timespec='minutes')}." if sent else "."))
            if _lic_5_applies(case, decided.date()):
                ok = recall.emergency or recall.nps_endorsed
                yield check(LIC_5, sentence, arises_on=decided.date(), done_on=decided.date(), done_ok=ok,
                            detail="Emergency recall." if recall.emergency else
                            ("Endorsed by the NPS." if recall.nps_endorsed else
                             "CRC non-emergency recall at HIGH RoSH without NPS endorsement."))


def _lic_5_applies(case: Case, on: date) -> bool:
    allocations = [a for a in case.allocations if a.allocated_on <= on]
    rosh = rosh_as_of(case, on)
    return (bool(allocations) and allocations[-1].provider is Provider.CRC and rosh is not None
            and rosh.level.at_least(RoshLevel.HIGH))

"""Monitored standards of enforcement: ENF-3, ENF-4, LIC-1, LIC-2 and LIC-5."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.calendar import LONDON
from domain.core.case import Case, rosh_as_of
from domain.core.enums import Provider, RoshLevel
from domain.core.standards import Check, check
from domain.enforcement import compliance
from domain.enforcement.compliance import ENF_4, LIC_2, london_date
from domain.enforcement.rules import LIC_5


def enforcement(case: Case, as_of: date) -> Iterable[Check]:
    """ENF-3 / LIC-1 and ENF-4 from ``domain.enforcement.compliance`` (the one definition of what
    counts), and LIC-2 and LIC-5 for each recall recommendation."""
    for sentence in case.sentences:
        for response in compliance.responses(sentence, as_of):
            yield check(response.standard, sentence, arises_on=response.failure_on, due_by=response.due_by,
                        done_on=response.done_on, detail=response.detail)
        threshold = compliance.breach_threshold(sentence.type)
        counting = compliance.counting_failures(sentence, as_of)
        if threshold is not None and len(counting) >= threshold:
            latest = counting[-1]
            breached = compliance.breach_acted_on(sentence, latest, as_of)
            pending = compliance.breach_in_progress(sentence, as_of)
            todo = ("add the failure to the pending breach" if pending and pending.initiated_on < latest
                    else "breach is required")
            how = ("Breach initiated" if any(b.initiated_on == breached for b in sentence.breaches)
                   else "Failure added to the pending breach")
            yield check(ENF_4, sentence, arises_on=latest, due_by=compliance.response_due(sentence, latest),
                        done_on=breached,
                        detail=f"{how} on {breached.isoformat()}." if breached else
                        f"{len(counting)} unacceptable failures in 12 months "
                        f"({', '.join(d.isoformat() for d in counting)}): {todo}.")
        yield from _recall_reports(case, sentence, as_of)


def _recall_reports(case: Case, sentence, as_of: date) -> Iterable[Check]:
    """LIC-2 at instants: due at the decision + 2 or 24 hours, met by the report's receipt by the
    Public Protection Casework Section (PF: "The report should be received by the Public
    Protection Casework Section within 24 hours"; the catalogue's "a report sent" is not the
    PF's measure). LIC-5 for a CRC non-emergency recall at HIGH RoSH."""
    for recall in sentence.recalls:
        decided = london_date(recall.decided_at)
        if decided > as_of:
            continue
        deadline = compliance.lic_2_deadline(recall)
        received = compliance.report_received_at(recall)
        received = received if received is not None and london_date(received) <= as_of else None
        sent = recall.report_sent_at
        sent = sent if sent is not None and london_date(sent) <= as_of else None
        detail = f"Report due by {_minute(deadline)}"
        detail += f"; sent {_minute(sent)}" if sent else ""
        detail += (f"; received by the Public Protection Casework Section {_minute(received)}." if received
                   else "; receipt by the Public Protection Casework Section not yet recorded.")
        yield check(LIC_2, sentence, arises_on=decided, arises_at=recall.decided_at, due_by=london_date(deadline),
                    due_at=deadline, done_on=london_date(received) if received else None, done_at=received,
                    detail=detail)
        if _lic_5_applies(case, decided):
            ok = recall.emergency or recall.nps_endorsed
            yield check(LIC_5, sentence, arises_on=decided, done_on=decided, done_ok=ok,
                        detail="Emergency recall." if recall.emergency else
                        ("Endorsed by the NPS." if recall.nps_endorsed else
                         "CRC non-emergency recall at HIGH RoSH without NPS endorsement."))


def _minute(instant) -> str:
    return instant.astimezone(LONDON).isoformat(timespec="minutes")


def _lic_5_applies(case: Case, on: date) -> bool:
    allocations = [a for a in case.allocations if a.allocated_on <= on]
    rosh = rosh_as_of(case, on)
    return (bool(allocations) and allocations[-1].provider is Provider.CRC and rosh is not None
            and rosh.level.at_least(RoshLevel.HIGH))

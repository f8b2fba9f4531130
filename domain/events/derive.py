"""What a change announces: the case's notable facts before and after a change, compared. Every use
case goes through ``UnitOfWork.update``, so comparing there catches each of them without any use case
declaring its events (only facts that time alone changes are announced by the daily job, as drafts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from domain.core.case import Case
from domain.core.enums import AllocationKind, SentenceStatus
from domain.events.model import Draft, EventType

T = EventType


@dataclass(frozen=True)
class Facts:
    """The parts of a case events are about, as plain values keyed by record id."""

    sentences: dict[str, tuple[str, str]]  # id -> (type, status)
    allocations: int
    allocation: tuple[str, str | None] | None  # (kind, provider) of the current allocation
    previous_provider: str | None
    rosh: str | None
    mappa: dict[str, tuple[str, str, bool]]  # id -> (category, level, deregistered)
    safeguarding: dict[str, tuple[str, bool]]  # id -> (kind, ended)
    tier: str | None
    failures: dict[str, str]  # id -> sentence id
    breaches: dict[str, tuple[str, str | None]]  # id -> (sentence id, outcome)
    recalls: dict[str, tuple[str, bool]]  # id -> (sentence id, emergency)


def facts(case: Case) -> Facts:
    allocations = case.allocations
    current = allocations[-1] if allocations else None
    previous = allocations[-2] if len(allocations) > 1 else None
    return Facts(
        sentences={s.id: (s.type.value, s.status.value) for s in case.sentences},
        allocations=len(allocations),
        allocation=(current.kind.value, current.provider.value if current.provider else None) if current else None,
        previous_provider=previous.provider.value if previous and previous.provider else None,
        rosh=case.rosh.level.value if case.rosh else None,
        mappa={m.id: (m.category.value, m.level.value, m.deregistered_on is not None) for m in case.mappa_registrations},
        safeguarding={s.id: (s.kind.value, s.ended_on is not None) for s in case.safeguarding},
        tier=case.tier.tier if case.tier else None,
        failures={f.id: s.id for s in case.sentences for f in s.failures},
        breaches={b.id: (s.id, b.outcome.value if b.outcome else None) for s in case.sentences for b in s.breaches},
        recalls={r.id: (s.id, r.emergency) for s in case.sentences for r in s.recalls},
    )


def created(case: Case) -> list[Draft]:
    """A new case: CASE_CREATED, and what it was opened with (its tier, if it has one)."""
    return [Draft(T.CASE_CREATED)] + changes(facts(_empty_like(case)), facts(case))


def _empty_like(case: Case) -> Case:
    return Case(crn=case.crn, offender=case.offender, created=case.created, updated=case.updated)


def changes(before: Facts, after: Facts) -> list[Draft]:
    """The events between two snapshots of one case, in a fixed order."""
    drafts: list[Draft] = []
    for sid, (kind, status) in after.sentences.items():
        if sid not in before.sentences:
            drafts.append(Draft(T.SENTENCE_ADDED, {"sentenceId": sid, "sentenceType": kind}))
        if status == SentenceStatus.TERMINATED.value and before.sentences.get(sid, ("", ""))[1] != status:
            drafts.append(Draft(T.SENTENCE_TERMINATED, {"sentenceId": sid}))
    if after.allocations > before.allocations and after.allocation is not None:
        kind, provider = after.allocation
        if kind == AllocationKind.TRANSFER.value:
            drafts.append(Draft(T.CASE_TRANSFERRED, {"from": after.previous_provider, "to": provider}))
        else:
            drafts.append(Draft(T.CASE_ALLOCATED, {"provider": provider}))
    if after.rosh != before.rosh:
        drafts.append(Draft(T.ROSH_CHANGED, {"from": before.rosh, "to": after.rosh}))
    for mid, (category, level, ended) in after.mappa.items():
        if mid not in before.mappa:
            drafts.append(Draft(T.MAPPA_REGISTERED, {"category": category, "level": level}))
        if ended and not before.mappa.get(mid, ("", "", False))[2]:
            drafts.append(Draft(T.MAPPA_DEREGISTERED, {"category": category}))
    for gid, (kind, ended) in after.safeguarding.items():
        if gid not in before.safeguarding:
            drafts.append(Draft(T.SAFEGUARDING_REGISTERED, {"kind": kind}))
        if ended and not before.safeguarding.get(gid, ("", False))[1]:
            drafts.append(Draft(T.SAFEGUARDING_ENDED, {"kind": kind}))
    if after.tier != before.tier:
        drafts.append(Draft(T.TIER_CHANGED, {"from": before.tier, "to": after.tier}))
    drafts += [Draft(T.FAILURE_TO_COMPLY_RECORDED, {"sentenceId": sid})
               for fid, sid in after.failures.items() if fid not in before.failures]
    for bid, (sid, outcome) in after.breaches.items():
        if bid not in before.breaches:
            drafts.append(Draft(T.BREACH_INITIATED, {"sentenceId": sid}))
        if outcome is not None and before.breaches.get(bid, ("", None))[1] is None:
            drafts.append(Draft(T.BREACH_DECIDED, {"sentenceId": sid, "outcome": outcome}))
    drafts += [Draft(T.RECALL_RECOMMENDED, {"sentenceId": sid, "emergency": emergency})
               for rid, (sid, emergency) in after.recalls.items() if rid not in before.recalls]
    return drafts


def overdue(case: Case, last_write: date, today: date) -> list[Draft]:
    """STANDARD_OVERDUE for each standard OVERDUE today that was not on the day of the case's last
    write (the day its stored summary is as of); keyed by standard and the day it became overdue, so
    the same fact announced twice is one event."""
    from domain import summary as summaries

    if today <= last_write:
        return []
    then = {s.standard: s.state for s in summaries.summarise(case, last_write).standards}
    drafts = []
    for item in summaries.summarise(case, today).standards:
        if item.state is summaries.StandardState.OVERDUE and then.get(item.standard) is not summaries.StandardState.OVERDUE:
            since = item.reaches.get(summaries.StandardState.OVERDUE)
            drafts.append(Draft(T.STANDARD_OVERDUE, {"standard": item.standard},
                                key=f"{item.standard}:{since.isoformat() if since else today.isoformat()}"))
    return drafts


def detail_keys(detail: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted(detail))

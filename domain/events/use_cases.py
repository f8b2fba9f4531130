"""Reading events (issue 12, points 3 and 4): the replayable feed, which the subscription and the
webhooks read too. Staff read the events of cases in their scope; a partner reads only the events
stored as heard by its agency, with the detail its agency may see; every event delivered to a
partner is audited like a partner read (one PARTNER_READ per event, naming its case, fields and
event)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from domain.audit import events as audit_trail
from domain.core import policy
from domain.audit.events import ordered_id
from domain.core.enums import Agency
from domain.core.errors import invalid
from domain.core.ports import EventQuery
from domain.core.principal import Principal
from domain.core.unit_of_work import Outcome, UnitOfWork, fail
from domain.events import webhooks as hooks
from domain.events.audience import is_partner, may_hear, may_subscribe, partner_types
from domain.events.model import DomainEvent, EventType, dotted

MAX_FEED_PAGE = 500


@dataclass(frozen=True)
class Heard:
    """An event as one reader receives it: the detail it may see."""

    event: DomainEvent
    detail: dict[str, Any]


def query_for(principal: Principal, after: int | None, types: tuple[EventType, ...] | None,
              crn: str | None) -> EventQuery | None:
    """The store query for what this caller may hear (None: nothing at all)."""
    if not may_subscribe(principal):
        return None
    if is_partner(principal):
        return EventQuery(after=after, types=types, crn=crn, agency=principal.agency.value, staff=False)
    scope = policy.provider_scope(principal)
    providers = None if scope is None else frozenset(p.value if p is not None else None for p in scope)
    return EventQuery(after=after, types=types, crn=crn, providers=providers, viewer=principal.subject)


def audit_deliveries(principal: Principal, heard: list[Heard], at, channel: str) -> list[audit_trail.AuditEvent]:
    """One PARTNER_READ per event delivered to a partner (none for staff)."""
    if not is_partner(principal):
        return []
    return [audit_trail.event(audit_trail.AuditKind.PARTNER_READ, at, channel, principal, crn=h.event.crn,
                              fields_returned=("eventType", *sorted(h.detail)), target=f"event:{h.event.id}")
            for h in heard]


async def feed(uow: UnitOfWork, principal: Principal, first: int, after: int | None,
               types: tuple[EventType, ...] | None = None, crn: str | None = None, *,
               channel: str = "events", audit: bool = True) -> list[Heard] | None:
    """Up to ``first`` events after feed position ``after`` that the caller may hear, in feed order;
    None when the caller may hear none at all (refused and audited). Partner deliveries are audited
    before they are returned."""
    query = query_for(principal, after, types, crn)
    if query is None:
        await uow.refuse(principal, channel, "role hears no events")
        return None
    found = await uow.events.find(query, first)
    heard = [Heard(e, detail) for e in found if (detail := may_hear(principal, e)) is not None]
    if audit:  # (webhooks audit each delivery when it is made instead)
        await uow.record_many(audit_deliveries(principal, heard, uow.clock.now(), channel))
    return heard


async def latest_position(uow: UnitOfWork) -> int:
    return await uow.events.latest_position()


def hmpps_body(event: DomainEvent, detail: dict[str, Any], detail_url: str) -> dict[str, Any]:
    """The HMPPS domain-event JSON shape (``ministryofjustice/hmpps-domain-events``) of an event."""
    body: dict[str, Any] = {
        "eventType": dotted(event.type), "version": event.version, "occurredAt": event.occurred_at.isoformat(),
        "detailUrl": detail_url, "description": event.type.value,
        "personReference": {"identifiers": [{"type": "CRN", "value": event.crn}]},
    }
    if detail:
        body["additionalInformation"] = dict(detail)
    return body


@dataclass(frozen=True)
class RegisterWebhook:
    agency: Agency
    url: str
    types: tuple[EventType, ...]
    secret: str


async def register_webhook(uow: UnitOfWork, principal: Principal, command: RegisterWebhook):
    """ADMIN: a webhook for a partner agency, for event types that agency may receive, to a URL on
    its allow-list that resolves only to public addresses (loopback only where allowed). It starts
    at the newest event: deliveries are of events stored after it was registered."""
    if not policy.allows(principal, policy.Operation.MANAGE_WEBHOOKS):
        return await uow.forbidden(principal, "register_webhook", None, "Only administrators register webhooks.")
    rules = uow.webhook_rules or hooks.WebhookRules()
    errors = (hooks.url_problems(command.url, rules.allowed.get(command.agency.value, ()), rules.loopback_allowed)
              + hooks.types_problems(command.types, partner_types(command.agency))
              + hooks.secret_problems(command.secret))
    if not errors:
        host = urlsplit(command.url).hostname or ""
        addresses = await rules.resolve(host) if rules.resolve is not None else []
        problem = hooks.address_problem(addresses, rules.loopback_allowed)
        if problem is not None:
            errors.append(invalid(("url",), f"The webhook URL is refused: {problem}."))
    if errors:
        return fail(*errors)
    webhook = hooks.Webhook(id="w" + ordered_id(), agency=command.agency.value, url=command.url,
                            types=tuple(dict.fromkeys(command.types)), secret=command.secret,
                            created_at=uow.clock.now(), created_by=principal.subject,
                            position=await uow.events.latest_position())
    await uow.webhooks.add(webhook)
    await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "register_webhook", principal,
                                       target=f"webhook:{webhook.id}:{command.agency.value}"))
    return Outcome(created=webhook)


async def webhook_deliveries(uow: UnitOfWork, principal: Principal, agency: Agency | None,
                             status: hooks.DeliveryStatus | None, first: int):
    """ADMIN: the newest deliveries (dead letters with ``status=DEAD``); None when refused."""
    if not policy.allows(principal, policy.Operation.MANAGE_WEBHOOKS):
        await uow.refuse(principal, "webhook_deliveries", "only administrators read webhook deliveries")
        return None
    return await uow.webhooks.find(agency.value if agency else None, status, first)


async def announce_overdue(uow: UnitOfWork, principal: Principal) -> dict[str, int]:
    """The daily job's time-driven pass (issue 12.5). Candidates: the cases with a standard overdue
    by today (``current.overdueFrom``, indexed) and those whose stored summary no longer answers for
    today (the rules changed). A candidate with a standard that became OVERDUE since its last write
    is written again with a STANDARD_OVERDUE event for each such standard (the write refreshes its
    summary, ``current.overdueFrom`` included); a stale summary is written again without one. Run
    twice on a day, the second run finds nothing to write; each event's id is derived from its
    standard and day, so nothing is announced twice."""
    from domain.core.calendar import LONDON
    from domain.events import derive
    from domain.records.commands import CaseQuery

    today = uow.clock.today()
    counts = {"cases": 0, "events": 0, "failed": 0}

    def newly_overdue(case, day):
        return derive.overdue(case, case.updated.at.astimezone(LONDON).date(), day)

    candidates: dict[str, bool] = {}
    after = None
    while True:
        page = await uow.cases.find(CaseQuery(include_restricted=True, overdue_as_of=today), 200, after)
        for case in page:
            if newly_overdue(case, today):
                candidates[case.crn] = True
        if len(page) < 200:
            break
        after = page[-1].crn
    async for case in uow.cases.unsummarised(CaseQuery(include_restricted=True), today):
        candidates.setdefault(case.crn, False)
    for crn in candidates:
        found: list = []

        def announce(case, day, found=found):
            found[:] = newly_overdue(case, day)
            return found

        outcome = await uow.update(principal, crn, None, lambda case, day: None, operation="daily_job",
                                   check_policy=False, reason="Scheduled recalculation", announce=announce)
        counts["cases"] += 1
        counts["events"] += len(found) if outcome.ok else 0
        counts["failed"] += 0 if outcome.ok else 1
    return counts

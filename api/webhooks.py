"""Webhook deliveries (docs/events.md): the dispatcher reads each webhook's agency feed, queues one
delivery per event (keyed by webhook and event), and sends the due ones: HMPPS domain-event JSON,
signed, over httpx with a short timeout and no redirects, to an address checked again at delivery
time (a name that resolved to a public address at registration may not later point inside).
Failures are retried with exponential backoff and dead-lettered after ``WEBHOOK_MAX_ATTEMPTS``."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import uuid
from datetime import timedelta
from urllib.parse import urlsplit

import httpx

from api.background import every
from api.settings import Settings
from domain.audit import events as audit_trail
from domain.core.enums import Agency, Role
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.events import use_cases as events
from domain.events import webhooks as hooks

logger = logging.getLogger("probation.webhooks")
QUEUE_BATCH = 100
SEND_BATCH = 50
USER_AGENT = "probation-case-records-webhooks/1"


async def resolve(host: str) -> list[str]:
    """The addresses ``host`` resolves to (an IP literal: itself), looked up off the event loop."""
    try:
        infos = await asyncio.to_thread(socket.getaddrinfo, host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({info[4][0] for info in infos})


def rules_from(settings: Settings) -> hooks.WebhookRules:
    return hooks.WebhookRules(allowed={agency: tuple(prefixes) for agency, prefixes in settings.webhook_allowed_urls.items()},
                              loopback_allowed=settings.webhook_loopback_allowed, resolve=resolve)


def agency_principal(webhook: hooks.Webhook) -> Principal:
    """The webhook reads the feed as its agency would: the same rules as a partner token."""
    return Principal(subject=f"webhook:{webhook.id}", name=f"Webhook {webhook.id} ({webhook.agency})",
                     roles=frozenset({Role.PARTNER}), agency=Agency(webhook.agency))


class WebhookDispatcher:
    def __init__(self, uow: UnitOfWork, settings: Settings, *, detail_base_url: str = "",
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.uow = uow
        self.store = uow.webhooks
        self.settings = settings
        self.rules = rules_from(settings)
        self.owner = f"dispatcher-{uuid.uuid4().hex[:12]}"
        self.detail_url = detail_base_url.rstrip("/") + "/graphql"
        self.transport = transport

    async def queue(self) -> int:
        """Queue a delivery for every event each webhook's agency heard since its position."""
        queued = 0
        for webhook in await self.store.all():
            principal = agency_principal(webhook)
            while True:
                heard = await events.feed(self.uow, principal, QUEUE_BATCH, webhook.position, webhook.types,
                                          channel="webhook", audit=False)
                if not heard:
                    break
                for item in heard:
                    body = json.dumps(events.hmpps_body(item.event, item.detail, self.detail_url), separators=(",", ":"))
                    queued += await self.store.queue(hooks.Delivery(
                        id=f"{webhook.id}:{item.event.id}", webhook_id=webhook.id, agency=webhook.agency,
                        event_id=item.event.id, event_type=item.event.type, crn=item.event.crn, body=body),
                        self.uow.clock.now())
                if not await self.store.advance(webhook, heard[-1].event.position):
                    break  # another dispatcher moved it: it queued the same deliveries
                webhook = hooks.Webhook(**{**webhook.__dict__, "position": heard[-1].event.position})
                if len(heard) < QUEUE_BATCH:
                    break
        return queued

    async def send_due(self) -> int:
        sent = 0
        lease = timedelta(seconds=self.settings.webhook_timeout_seconds * 3)
        for _ in range(SEND_BATCH):
            delivery = await self.store.claim_due(self.uow.clock.now(), self.owner, lease)
            if delivery is None:
                break
            sent += 1
            await self.attempt(delivery)
        return sent

    async def attempt(self, delivery: hooks.Delivery) -> None:
        webhook = next((w for w in await self.store.all() if w.id == delivery.webhook_id), None)
        error = await self.post(webhook, delivery) if webhook is not None else "the webhook no longer exists"
        attempts = delivery.attempts + 1
        now = self.uow.clock.now()
        if error is None:
            await self.store.finish(delivery, self.owner, status=hooks.DeliveryStatus.DELIVERED, attempts=attempts,
                                    next_attempt_at=None, error=None, at=now)
            detail = json.loads(delivery.body).get("additionalInformation", {})
            await self.uow.record(audit_trail.event(
                audit_trail.AuditKind.PARTNER_READ, now, "webhook", agency_principal(webhook), crn=delivery.crn,
                fields_returned=("eventType", *sorted(detail)), target=f"event:{delivery.event_id}"))
            return
        dead = attempts >= self.settings.webhook_max_attempts
        await self.store.finish(delivery, self.owner, status=hooks.DeliveryStatus.DEAD if dead else hooks.DeliveryStatus.PENDING,
                                attempts=attempts, error=error, at=now,
                                next_attempt_at=None if dead else now + hooks.backoff(attempts, self.settings.webhook_backoff_seconds))
        logger.warning("Webhook delivery %s failed (attempt %s%s): %s", delivery.id, attempts, ", dead" if dead else "", error)

    async def post(self, webhook: hooks.Webhook, delivery: hooks.Delivery) -> str | None:
        """Send one delivery; None when the receiver accepted it (2xx), else why not."""
        host = urlsplit(webhook.url).hostname or ""
        problem = hooks.address_problem(await resolve(host), self.rules.loopback_allowed)
        if problem is not None:
            return f"refused: {problem}"
        timestamp = str(int(self.uow.clock.now().timestamp()))
        headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT,
                   hooks.TIMESTAMP_HEADER: timestamp, hooks.EVENT_ID_HEADER: delivery.event_id,
                   hooks.SIGNATURE_HEADER: hooks.sign(webhook.secret, timestamp, delivery.body)}
        try:
            async with httpx.AsyncClient(timeout=self.settings.webhook_timeout_seconds, follow_redirects=False,
                                         transport=self.transport, trust_env=False) as client:
                answer = await client.post(webhook.url, content=delivery.body.encode(), headers=headers)
        except httpx.HTTPError as failure:
            return f"{type(failure).__name__}: {str(failure)[:200]}"
        if 200 <= answer.status_code < 300:
            return None
        return f"HTTP {answer.status_code}"

    async def run_once(self) -> int:
        await self.queue()
        return await self.send_due()

    async def run(self, interval_seconds: float) -> None:
        await every(interval_seconds, self.run_once, logger, "Webhook cycle")
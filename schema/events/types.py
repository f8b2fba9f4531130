"""The event vocabulary, the event and its page."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from domain.events import model as d
from domain.events import webhooks as hooks
from schema import ids
from schema.common import Node, PageInfo, UserError
from schema.enums import Agency, _graphql_enum


def _value_description(event_type: d.EventType) -> str:
    shape = d.SHAPES[event_type]
    keys = ", ".join(f"`{k}`" for k in shape.keys) or "nothing"
    return f"{shape.meaning} Detail (shape version {shape.version}): {keys}. Webhook `eventType`: `{d.dotted(event_type)}`."


EventType = _graphql_enum(d.EventType, "What happened to a case (the event vocabulary, docs/events.md). Each type's "
                                       "`detail` shape is versioned by `Event.version`; new types are additions.",
                          {t.name: _value_description(t) for t in d.EventType})


def encode_position(position: int) -> str:
    return ids.encode("events", str(position))


def decode_position(cursor: str) -> int | None:
    decoded = ids.decode(cursor)
    if decoded is None or decoded[0] != "events" or len(decoded[1]) != 1 or not decoded[1][0].isdigit():
        return None
    return int(decoded[1][0])


@strawberry.type(description="Something that happened to a case, as the reader may know it: the detail is the least its "
                             "type needs (fetch the rest through the API, e.g. `case` or `sharedRiskSummary`).")
class Event(Node):
    type: EventType = strawberry.field(description="What happened.")  # type: ignore[valid-type]
    version: int = strawberry.field(description="Version of this type's detail shape.")
    occurred_at: datetime = strawberry.field(description="When it happened (the write that made it).")
    crn: str = strawberry.field(description="The case it is about.")
    case_version: int = strawberry.field(description="The case's version after the write that made it.")
    detail: JSON = strawberry.field(description="The event's detail: the keys its type lists (EventType), with the values "
                                                "the reader may see.")
    cursor: str = strawberry.field(description="This event's feed position: pass it as `after` to resume after it.")

    @classmethod
    def of(cls, heard) -> "Event":
        event = heard.event
        return cls(id=strawberry.ID(ids.encode("Event", event.crn, event.id)), type=EventType[event.type.name],
                   version=event.version, occurred_at=event.occurred_at, crn=event.crn,
                   case_version=event.case_version, detail=heard.detail, cursor=encode_position(event.position))


@strawberry.type(description="An event in a page of the feed.")
class EventEdge:
    cursor: str = strawberry.field(description="The event's feed position (opaque): pass it as `after` to resume.")
    node: Event = strawberry.field(description="The event.")


@strawberry.type(description="A page of the events feed, oldest first. Replayable: keep the last `endCursor` and pass it "
                             "as `after` to resume where you left off, after any gap.")
class EventConnection:
    edges: list[EventEdge] = strawberry.field(description="The events in this page, in feed order.")
    page_info: PageInfo = strawberry.field(description="Where this page stands (`endCursor`: the cursor to resume from; "
                                                       "with no new events it is the `after` you sent).")


WebhookDeliveryStatus = _graphql_enum(hooks.DeliveryStatus, "Where a webhook delivery stands.", name="WebhookDeliveryStatus", values={
    "PENDING": "Not delivered yet: waiting for its first attempt or a retry (exponential backoff).",
    "DELIVERED": "The receiver answered 2xx.",
    "DEAD": "Failed every attempt allowed (WEBHOOK_MAX_ATTEMPTS): on the dead-letter list."})


@strawberry.type(description="A partner agency's webhook: events of the chosen types, delivered as HMPPS domain-event JSON "
                             "signed with the webhook's secret (docs/events.md). The secret is never returned.")
class Webhook:
    id: strawberry.ID = strawberry.field(description="Webhook id.")
    agency: Agency = strawberry.field(description="The agency it delivers to: it receives what that agency may receive.")  # type: ignore[valid-type]
    url: str = strawberry.field(description="Where deliveries are POSTed.")
    types: list[EventType] = strawberry.field(description="The event types delivered.")  # type: ignore[valid-type]
    created_at: datetime = strawberry.field(description="When it was registered (it delivers events stored after that).")

    @classmethod
    def of(cls, webhook) -> "Webhook":
        return cls(id=strawberry.ID(webhook.id), agency=Agency[webhook.agency], url=webhook.url,
                   types=[EventType[t.name] for t in webhook.types], created_at=webhook.created_at)


@strawberry.type(description="One event's delivery to one webhook, with its attempts.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(description="Delivery id (webhook and event).")
    webhook_id: strawberry.ID = strawberry.field(description="The webhook.")
    agency: Agency = strawberry.field(description="The agency.")  # type: ignore[valid-type]
    event_id: str = strawberry.field(description="The event delivered (its `X-Probation-Event-Id` header).")
    event_type: EventType = strawberry.field(description="Its type.")  # type: ignore[valid-type]
    crn: str = strawberry.field(description="The case it is about.")
    status: WebhookDeliveryStatus = strawberry.field(description="Where it stands.")  # type: ignore[valid-type]
    attempts: int = strawberry.field(description="Attempts made.")
    next_attempt_at: datetime | None = strawberry.field(description="When it is tried next (PENDING only).")
    last_error: str | None = strawberry.field(description="Why the last attempt failed (HTTP status or transport error).")
    delivered_at: datetime | None = strawberry.field(description="When the receiver accepted it.")
    history: list[str] = strawberry.field(description="Each attempt: when, and what happened.")

    @classmethod
    def of(cls, d) -> "WebhookDelivery":
        return cls(id=strawberry.ID(d.id), webhook_id=strawberry.ID(d.webhook_id), agency=Agency[d.agency],
                   event_id=d.event_id, event_type=EventType[d.event_type.name], crn=d.crn,
                   status=WebhookDeliveryStatus[d.status.name], attempts=d.attempts,
                   next_attempt_at=d.next_attempt_at if d.status is hooks.DeliveryStatus.PENDING else None,
                   last_error=d.last_error, delivered_at=d.delivered_at, history=list(d.history))


@strawberry.input(description="A webhook for a partner agency (ADMIN).")
class RegisterWebhookInput:
    agency: Agency = strawberry.field(description="The agency it delivers to.")  # type: ignore[valid-type]
    url: str = strawberry.field(description="https URL on the agency's allow-list (WEBHOOK_ALLOWED_URLS); it must not resolve "
                                            "to a private, loopback or link-local address.")
    types: list[EventType] = strawberry.field(description="Event types to deliver (ones the agency may receive).")  # type: ignore[valid-type]
    secret: str = strawberry.field(description="The shared secret deliveries are signed with (32 to 256 characters). Stored to "
                                               "sign; never returned.")

    def to_domain(self):
        from domain.core.enums import Agency as DomainAgency
        from domain.events.use_cases import RegisterWebhook

        return RegisterWebhook(agency=DomainAgency[self.agency.name], url=self.url,
                               types=tuple(d.EventType[t.name] for t in self.types), secret=self.secret)


@strawberry.type(description="Result of registerWebhook.")
class RegisterWebhookPayload:
    webhook: Webhook | None = strawberry.field(description="The webhook as registered; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

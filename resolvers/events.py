"""Resolvers of domain events (docs/events.md): the replayable feed, the subscription and webhooks.
Who hears what is the use cases' (domain.events.use_cases); these only page and map."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from domain.core.enums import Agency as DomainAgency
from domain.events import model as domain_events
from domain.events import use_cases as events
from domain.events import webhooks as hooks
from resolvers.common import INPUT, BadArgument, Forbidden
from schema.common import PageInfo, user_errors
from schema.context import Context
from schema.enums import Agency
from schema.events.types import (
    Event,
    EventConnection,
    EventEdge,
    EventType,
    RegisterWebhookInput,
    RegisterWebhookPayload,
    Webhook,
    WebhookDelivery,
    WebhookDeliveryStatus,
    decode_position,
    encode_position,
)

MAX_EVENTS_PAGE = events.MAX_FEED_PAGE
SUBSCRIPTION_BATCH = 100
NOT_HEARD = "Your role hears no events."


def _after(after: str | None) -> int | None:
    if after is None:
        return None
    position = decode_position(after)
    if position is None:
        raise BadArgument("`after` is not a cursor of this feed (use an `endCursor` or `Event.cursor`).")
    return position


def _types(types: list | None) -> tuple[domain_events.EventType, ...] | None:
    return None if types is None else tuple(domain_events.EventType[t.name] for t in types)


TYPES = "Only these event types (all you may hear when omitted)."
CRN = "Only events about this case."


@strawberry.type(description="Read events.")
class EventsQuery:
    @strawberry.field(description=f"The events feed, oldest first: the events of the cases you may see (staff: your scope; a "
                                  f"partner: the types and cases its agency may receive, with its field limits). Replayable "
                                  f"from any cursor. At most {MAX_EVENTS_PAGE} a page. Partner deliveries are audited.")
    async def events(self, info: strawberry.Info[Context],
                     first: Annotated[int, strawberry.argument(description=f"How many (1 to {MAX_EVENTS_PAGE}).")],
                     after: Annotated[str | None, strawberry.argument(description="Resume after this cursor.")] = None,
                     types: Annotated[list[EventType] | None, strawberry.argument(description=TYPES)] = None,  # type: ignore[valid-type]
                     crn: Annotated[str | None, strawberry.argument(description=CRN)] = None) -> EventConnection:
        if not 1 <= first <= MAX_EVENTS_PAGE:
            raise BadArgument(f"`first` must be between 1 and {MAX_EVENTS_PAGE}; {first} was given.")
        position = _after(after)
        heard = await events.feed(info.context.uow, info.context.principal, first + 1, position, _types(types), crn)
        if heard is None:
            raise Forbidden(NOT_HEARD)
        shown = heard[:first]
        edges = [EventEdge(cursor=encode_position(h.event.position), node=Event.of(h)) for h in shown]
        cursors = [e.cursor for e in edges]
        info_ = PageInfo.of(cursors, has_next_page=len(heard) > first, has_previous_page=bool(position))
        if not edges and after is not None:
            info_.end_cursor = after  # nothing new: resume from the same place
        return EventConnection(edges=edges, page_info=info_)


@strawberry.type(description="Hear events as they happen (graphql-transport-ws; authenticate in `connection_init` with "
                             '`{"authorization": "Bearer <token>"}`).')
class EventsSubscription:
    @strawberry.subscription(description="Events as they are stored, in feed order, with the same rules as `events`. Without "
                                         "`after` it starts at the newest event; with it, it first replays what followed that "
                                         "cursor (resume after a dropped connection).")
    async def events(self, info: strawberry.Info[Context],
                     types: Annotated[list[EventType] | None, strawberry.argument(description=TYPES)] = None,  # type: ignore[valid-type]
                     crn: Annotated[str | None, strawberry.argument(description=CRN)] = None,
                     after: Annotated[str | None, strawberry.argument(description="Replay from after this cursor.")] = None,
                     ) -> AsyncGenerator[Event, None]:
        uow, principal = info.context.uow, info.context.principal
        position = _after(after)
        if position is None:
            position = await events.latest_position(uow)
        chosen = _types(types)
        while True:
            heard = await events.feed(uow, principal, SUBSCRIPTION_BATCH, position, chosen, crn, channel="events.subscription")
            if heard is None:
                raise Forbidden(NOT_HEARD)
            for item in heard:
                position = item.event.position
                yield Event.of(item)
            if len(heard) < SUBSCRIPTION_BATCH:
                await uow.events.wait_for_new(info.context.poll_seconds)


MAX_DELIVERIES = 200


@strawberry.type(description="Read webhook deliveries.")
class WebhooksQuery:
    @strawberry.field(description=f"Webhook deliveries, newest first (ADMIN): `status: DEAD` is the dead-letter list. At most "
                                  f"{MAX_DELIVERIES}.")
    async def webhook_deliveries(self, info: strawberry.Info[Context],
                                 agency: Annotated[Agency | None, strawberry.argument(description="Only this agency's.")] = None,  # type: ignore[valid-type]
                                 status: Annotated[WebhookDeliveryStatus | None, strawberry.argument(description="Only in this state.")] = None,  # type: ignore[valid-type]
                                 first: Annotated[int, strawberry.argument(description=f"How many (1 to {MAX_DELIVERIES}).")] = 50,
                                 ) -> list[WebhookDelivery]:
        if not 1 <= first <= MAX_DELIVERIES:
            raise BadArgument(f"`first` must be between 1 and {MAX_DELIVERIES}; {first} was given.")
        found = await events.webhook_deliveries(
            info.context.uow, info.context.principal, DomainAgency[agency.name] if agency else None,
            hooks.DeliveryStatus[status.name] if status else None, first)
        if found is None:
            raise Forbidden("Only administrators read webhook deliveries.")
        return [WebhookDelivery.of(d) for d in found]


@strawberry.type(description="Manage webhooks.")
class WebhooksMutation:
    @strawberry.mutation(description="Register a webhook for a partner agency (ADMIN): the agency's events of these types, "
                                     "POSTed as HMPPS domain-event JSON, signed (docs/events.md), retried with exponential "
                                     "backoff, dead-lettered after WEBHOOK_MAX_ATTEMPTS.")
    async def register_webhook(self, info: strawberry.Info[Context],
                               input: Annotated[RegisterWebhookInput, strawberry.argument(description=INPUT)]
                               ) -> RegisterWebhookPayload:
        outcome = await events.register_webhook(info.context.uow, info.context.principal, input.to_domain())
        return RegisterWebhookPayload(webhook=Webhook.of(outcome.created) if outcome.ok else None,
                                      user_errors=user_errors(outcome))

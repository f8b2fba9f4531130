"""Webhooks (issue 12, point 4): what a registration may name, how a delivery is signed and when a
failed one is retried. Pure: resolving names and sending requests is ``api.webhooks``' job.

Signature: ``X-Probation-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`` with
``X-Probation-Timestamp: <unix seconds>``; a receiver recomputes it over the raw body and refuses a
timestamp far from its clock (replays)."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from urllib.parse import urlsplit

from domain.core.errors import Violation, invalid
from domain.events.model import EventType

SIGNATURE_HEADER = "X-Probation-Signature"
TIMESTAMP_HEADER = "X-Probation-Timestamp"
EVENT_ID_HEADER = "X-Probation-Event-Id"
MIN_SECRET_LENGTH = 32
MAX_SECRET_LENGTH = 256
MAX_URL_LENGTH = 2000
LOOPBACK_HOSTS = ("127.0.0.1",)


class DeliveryStatus(str, Enum):
    PENDING = "PENDING"
    DELIVERED = "DELIVERED"
    DEAD = "DEAD"


@dataclass(frozen=True)
class Webhook:
    id: str
    agency: str
    url: str
    types: tuple[EventType, ...]
    secret: str  # stored as given (it signs every delivery); never returned by the API
    created_at: datetime
    created_by: str
    position: int = 0  # the feed position delivered up to (deliveries created for every event before it)


@dataclass(frozen=True)
class Delivery:
    id: str
    webhook_id: str
    agency: str
    event_id: str
    event_type: EventType
    crn: str
    body: str
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str | None = None
    delivered_at: datetime | None = None
    history: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class WebhookRules:
    """What registrations may name (from settings): per agency the URL prefixes allowed, whether
    loopback is allowed (development), and how a host name is resolved to addresses."""

    allowed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    loopback_allowed: bool = False
    resolve: Callable[[str], Awaitable[list[str]]] | None = None


def sign(secret: str, timestamp: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: str, body: str, signature: str) -> bool:
    """What a receiver does (docs/events.md), in constant time."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def backoff(attempts: int, base_seconds: float) -> timedelta:
    """The wait after the ``attempts``-th failure: base, 2x base, 4x base, ..."""
    return timedelta(seconds=base_seconds * (2 ** max(attempts - 1, 0)))


def url_problems(url: str, allowed_prefixes: Iterable[str], loopback_allowed: bool) -> list[Violation]:
    """Why a webhook URL is refused (empty: it may be registered). https only, on the agency's
    allow-list; ``http://127.0.0.1`` only where loopback is allowed (development)."""
    field_ = ("url",)
    if len(url) > MAX_URL_LENGTH:
        return [invalid(field_, f"A webhook URL has at most {MAX_URL_LENGTH} characters.")]
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises on a malformed port)
    except ValueError:
        return [invalid(field_, "The webhook URL is not a valid URL.")]
    if parts.username or parts.password:
        return [invalid(field_, "A webhook URL carries no credentials (sign with the secret instead).")]
    host = parts.hostname or ""
    local = parts.scheme == "http" and host in LOOPBACK_HOSTS and loopback_allowed
    if parts.scheme != "https" and not local:
        return [invalid(field_, "A webhook URL must use https (http://127.0.0.1 only in development).")]
    if not host:
        return [invalid(field_, "The webhook URL names no host.")]
    if not any(url.startswith(prefix) for prefix in allowed_prefixes):
        return [invalid(field_, "The webhook URL is not on this agency's allow-list (setting WEBHOOK_ALLOWED_URLS).")]
    return []


def address_problem(addresses: Iterable[str], loopback_allowed: bool) -> str | None:
    """Why the addresses a webhook host resolves to are refused (server-side request forgery):
    loopback, link-local, private, reserved, multicast or unspecified; loopback alone is allowed
    where it is allowed (development). None: every address is public."""
    found = list(addresses)
    if not found:
        return "the host does not resolve"
    for text in found:
        address = ipaddress.ip_address(text.split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address.is_loopback and loopback_allowed:
            continue
        if (address.is_loopback or address.is_link_local or address.is_private or address.is_reserved
                or address.is_multicast or address.is_unspecified):
            return f"the host resolves to a non-public address ({address})"
    return None


def secret_problems(secret: str) -> list[Violation]:
    if not MIN_SECRET_LENGTH <= len(secret) <= MAX_SECRET_LENGTH:
        return [invalid(("secret",), f"A webhook secret has {MIN_SECRET_LENGTH} to {MAX_SECRET_LENGTH} "
                                             f"characters; {len(secret)} were sent.")]
    return []


def types_problems(types: Iterable[EventType], allowed: frozenset[EventType]) -> list[Violation]:
    chosen = list(types)
    if not chosen:
        return [invalid(("types",), "Name at least one event type.")]
    refused = sorted(t.value for t in chosen if t not in allowed)
    if refused:
        return [invalid(("types",), f"This agency does not receive {', '.join(refused)}.")]
    return []

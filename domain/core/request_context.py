"""The id of the request being served, for the audit trail and the logs.

The HTTP edge sets it for each request; the audit repository reads it when it stores an event.
A ``ContextVar`` follows the request through every ``await`` without being passed around, and
holds nothing outside a request (``None``)."""

from __future__ import annotations

from contextvars import ContextVar

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    return request_id.get()

"""Database call latency for whoever wants it (the api's Prometheus metrics): a PyMongo command
listener that reports each command's name, duration and success to a callback. The callback is
registered by the composition root; this module knows nothing of metrics.

The embedded store (mongomock-motor) runs no driver, so it reports nothing."""

from __future__ import annotations

from collections.abc import Callable

from pymongo import monitoring

CommandObserver = Callable[[str, float, bool], None]
"""Called with (command name, seconds, succeeded) after every database command."""


class CommandTimer(monitoring.CommandListener):
    def __init__(self, observe: CommandObserver) -> None:
        self.observe = observe

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        pass

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        self.observe(event.command_name, event.duration_micros / 1_000_000, True)

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        self.observe(event.command_name, event.duration_micros / 1_000_000, False)

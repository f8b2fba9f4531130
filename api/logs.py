"""Logging: every record carries the request id (``request_id``, "-" outside a request); JSON
lines in production (python-json-logger), readable text in development.

The id is added by a log record factory rather than a handler filter, so it is on every record
whichever handler writes it (ours, uvicorn's, pytest's)."""

from __future__ import annotations

import logging
import sys

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from domain.core.request_context import current_request_id

TEXT_FORMAT = "%(asctime)s %(levelname)-7s [%(request_id)s] %(name)s: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"

_base_factory = logging.getLogRecordFactory()


def _record_with_request_id(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    record.request_id = current_request_id() or "-"
    return record


if not getattr(logging.getLogRecordFactory(), "adds_request_id", False):
    _record_with_request_id.adds_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(_record_with_request_id)

class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when the record is emitted (not when the handler was
    made), so a replaced stream (a test's capture) never leaves it writing to a closed file."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


_handler: logging.Handler | None = None


def configure_logging(*, json_lines: bool, level: str = "INFO") -> None:
    """One handler on the root logger (stderr); uvicorn's loggers propagate to it. Called by the
    entry points (``python -m api serve``, the module-level ``api.app:app``), not by
    ``create_app``, so tests keep pytest's own capture."""
    global _handler
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
    _handler = StderrHandler()
    # uvicorn's color_message (the message with terminal colour codes) is left out of JSON lines.
    _handler.setFormatter(JsonFormatter(JSON_FIELDS, rename_fields={"asctime": "time", "levelname": "level",
                                                                     "name": "logger"},
                                        reserved_attrs=[*RESERVED_ATTRS, "color_message"])
                          if json_lines else logging.Formatter(TEXT_FORMAT))
    root.addHandler(_handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers.clear()
        uvicorn_logger.propagate = True
    # The request middleware writes the access log (with the request id and the latency);
    # uvicorn writes its own only to a logger with handlers, so this one gets none.
    access = logging.getLogger("uvicorn.access")
    access.handlers.clear()
    access.propagate = False

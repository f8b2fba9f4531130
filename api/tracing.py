"""OpenTelemetry tracing, off by default (``TRACING``): Strawberry's extension for GraphQL
operations, the ASGI middleware for HTTP requests and the PyMongo instrumentation for database
commands, all on one tracer provider owned by the app (never the process-global one, so apps
built side by side, as tests do, do not fight over it)."""

from __future__ import annotations

import sys
from functools import partial

from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.instrumentation.pymongo import PymongoInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor
from starlette.types import ASGIApp
from strawberry.extensions.tracing import OpenTelemetryExtension

SERVICE_NAME = "probation-case-records"


class Tracing:
    def __init__(self, mode: str) -> None:
        resource = Resource.create({"service.name": SERVICE_NAME})
        self.provider = TracerProvider(resource=resource)
        if mode == "console":
            self.provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter(out=sys.stdout)))
        else:  # otlp: endpoint, headers and protocol from the standard OTEL_EXPORTER_OTLP_* variables
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

            self.provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
        instrumentor = PymongoInstrumentor()
        if not instrumentor.is_instrumented_by_opentelemetry:
            instrumentor.instrument(tracer_provider=self.provider)

    def schema_extension(self):
        return partial(OpenTelemetryExtension, tracer_provider=self.provider)

    def wrap(self, app: ASGIApp) -> ASGIApp:
        return OpenTelemetryMiddleware(app, tracer_provider=self.provider)

    def shutdown(self) -> None:
        self.provider.shutdown()

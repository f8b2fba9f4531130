"""Schema-driven fuzzing of the ASGI app (issue 11): hypothesis-graphql generates queries and
mutations from the schema the app serves; each is sent over HTTP (in process) as a practitioner or
an admin, against the demo cases. A request may be refused in any clear way, never with a 5xx or
an INTERNAL_SERVER_ERROR. Used by tests/hostile/test_fuzz.py (a short run) and scripts/fuzz.py
(as long as you like).

Generated strings are mostly noise, so arguments that name a record (``crn``, ``sentenceId``,
``requirementId``, ...) are rewritten, for three examples in four, to a record of the demo cases:
the mutations then reach the rules instead of stopping at NOT_FOUND."""

from __future__ import annotations

import asyncio
import json
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import graphql
import httpx
from asgi_lifespan import LifespanManager
from hypothesis import strategies as st
from hypothesis_graphql import mutations, nodes, queries

from api.app import create_app
from api.settings import Settings
from domain.core.calendar import LONDON
from domain.core.ports import FixedClock

TEST_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=LONDON)

PLAUSIBLE_DAYS = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
PLAUSIBLE_INSTANTS = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31),
                                  timezones=st.just(timezone.utc)).map(datetime.isoformat)
SCALARS = {  # mostly plausible values (they reach the rules), some at the extremes of the type
    # (malformed scalars are refused by GraphQL validation, before anything of ours runs)
    "Date": st.one_of(*[PLAUSIBLE_DAYS] * 6, st.dates().map(date.isoformat),
                      st.sampled_from(["9999-12-31", "0001-01-01", "1899-12-31"])).map(nodes.String),
    "DateTime": st.one_of(*[PLAUSIBLE_INSTANTS] * 8,
                          st.datetimes(timezones=st.none() | st.just(timezone.utc)).map(datetime.isoformat)).map(nodes.String),
    "Decimal": st.one_of(*[st.decimals(min_value=0, max_value=100, places=2).map(str)] * 4,
                         st.decimals(allow_nan=True, allow_infinity=True).map(str),
                         st.sampled_from(["999.99", "1e400", "-0", "NaN", "sNaN", "Infinity"])).map(nodes.String),
}

RECORD_ARGUMENTS = ("crn", "sentenceId", "requirementId", "appointmentId", "failureId", "id", "officerCode", "code")


@dataclass
class Demo:
    """Names of records in the demo cases, by the argument that takes them."""

    names: dict[str, list[str]] = field(default_factory=dict)

    def pick(self, argument: str, sent: str) -> str | None:
        choices = self.names.get(argument) or []
        digest = zlib.crc32(sent.encode("utf-8", "surrogatepass"))
        if not choices or digest % 4 == 0:
            return None  # keep what was generated
        return choices[digest % len(choices)]


class Rewrite(graphql.Visitor):
    def __init__(self, demo: Demo) -> None:
        super().__init__()
        self.demo = demo

    def _swap(self, node):
        if isinstance(node.value, graphql.StringValueNode):
            chosen = self.demo.pick(node.name.value, node.value.value)
            if chosen is not None:
                return node.__class__(name=node.name, value=graphql.StringValueNode(value=chosen))
        return None

    def enter_argument(self, node, *_):
        return self._swap(node)

    def enter_object_field(self, node, *_):
        return self._swap(node)


def served_schema() -> graphql.GraphQLSchema:
    """The schema the app serves (the same types as every build of it)."""
    from resolvers.root import schema
    return schema._schema


def token(role: str) -> str:
    from api.auth import mint_token
    settings = Settings(auth_jwt_secret=TEST_SECRET)
    return mint_token(TEST_SECRET, subject=f"fuzz-{role.lower()}", name="Dev Practitioner", roles=[role],
                      issuer=settings.auth_jwt_issuer, audience=settings.auth_jwt_audience,
                      provider="NPS", staff_code="N07A001")


ROLES = ("PRACTITIONER", "ADMIN")

DEMO_RECORDS = """{ cases(first: 10) { edges { node { crn id allocation { officer { code } }
  sentences { id requirements { id } appointments { id } failuresToComply { id } } } } } }"""


class Target:
    """The app on the embedded store with the demo cases, driven from synchronous code (Hypothesis
    runs examples synchronously) on an event loop of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        settings = Settings(auth_jwt_secret=TEST_SECRET, environment="development", demo_data=True, rate_limit=False)
        self.app = create_app(settings, clock=FixedClock(NOW))
        self.loop.run_until_complete(self._start())
        self.headers = {role: {"Authorization": f"Bearer {token(role)}"} for role in ROLES}
        self.requests = 0
        self.demo = self.demo_records()

    async def _start(self) -> None:
        self.manager = LifespanManager(self.app, startup_timeout=60)  # it needs a running loop
        await self.manager.__aenter__()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.manager.app), base_url="http://fuzz")

    def demo_records(self) -> Demo:
        body = self.send(DEMO_RECORDS, "ADMIN").json()
        names: dict[str, list[str]] = {"crn": [], "id": [], "sentenceId": [], "requirementId": [], "appointmentId": [],
                                       "failureId": [], "officerCode": [], "code": []}
        for edge in body["data"]["cases"]["edges"]:
            case = edge["node"]
            names["crn"].append(case["crn"])
            names["id"].append(case["id"])
            if case["allocation"]:
                names["officerCode"].append(case["allocation"]["officer"]["code"])
                names["code"].append(case["allocation"]["officer"]["code"])
            for sentence in case["sentences"]:
                names["sentenceId"].append(sentence["id"])
                names["id"].append(sentence["id"])
                names["requirementId"] += [r["id"] for r in sentence["requirements"]]
                names["appointmentId"] += [a["id"] for a in sentence["appointments"]]
                names["failureId"] += [f["id"] for f in sentence["failuresToComply"]]
        return Demo(names)

    def strategy(self, kind: str, fields: list[str] | None = None) -> st.SearchStrategy[str]:
        """Documents of one kind ("query" or "mutation"), of every root field or only ``fields``."""
        make = queries if kind == "query" else mutations
        rewrite = Rewrite(self.demo)
        return make(served_schema(), fields=fields, custom_scalars=SCALARS,
                    print_ast=lambda document: graphql.print_ast(graphql.visit(document, rewrite)))

    def send(self, document: str, role: str, variables: dict | None = None) -> httpx.Response:
        """One POST; json.dumps escapes lone surrogates (\\ud800), as an attacker's client sends them."""
        self.requests += 1
        body = json.dumps({"query": document, "variables": variables or {}}).encode()
        return self.loop.run_until_complete(self.client.post(
            "/graphql", content=body, headers={**self.headers[role], "Content-Type": "application/json"}))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.run_until_complete(self.manager.__aexit__(None, None, None))
        self.loop.close()


def faults(response: httpx.Response, kind: str) -> list[str]:
    """What is wrong with the answer: a 5xx, an internal error, or a mutation with neither a
    payload nor an error saying why."""
    if response.status_code >= 500:
        return [f"HTTP {response.status_code}"]
    body = response.json()
    found = [f"INTERNAL_SERVER_ERROR at {e.get('path')}" for e in body.get("errors") or ()
             if (e.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR"]
    if kind == "mutation" and response.status_code == 200 and isinstance(body.get("data"), dict):
        for name, payload in body["data"].items():
            if payload is None and not body.get("errors"):
                found.append(f"{name}: a null payload with no error")
    return found


def describe(document: str, response: httpx.Response) -> str:
    return f"{document}\n-> {response.status_code} {response.text[:1000]}"


__all__ = ["Target", "faults", "describe", "ROLES"]

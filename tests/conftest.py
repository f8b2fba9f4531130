"""Shared fixtures: a fixed clock, the embedded store, the use cases, and helpers to run GraphQL
through ``schema.execute`` (schema tests) or HTTP through the ASGI app (API tests)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.settings import Settings

# The suite cannot be disturbed by the shell: a real MongoDB for the repository tests that opt in is
# read once here (each such test uses its own throwaway database), then every setting's variable is
# removed from the environment before anything builds the app (tests that need one set it themselves).
REAL_MONGODB_URI = os.environ.get("MONGODB_URI") or None
SETTING_VARIABLES = [name.upper() for name in Settings.model_fields]
for _variable in SETTING_VARIABLES:
    os.environ.pop(_variable, None)

from api.app import create_app  # noqa: E402  (after the environment is cleared)
from api.auth import mint_token  # noqa: E402
from domain.core.base import Actor, Recorded  # noqa: E402
from domain.core.calendar import LONDON  # noqa: E402
from domain.core.enums import Provider, Role  # noqa: E402
from domain.core.ports import FixedClock  # noqa: E402
from domain.core.principal import Principal  # noqa: E402
from domain.core.unit_of_work import UnitOfWork  # noqa: E402
from domain.staff.model import StaffOfficer  # noqa: E402
from repositories.factory import open_store  # noqa: E402
from resolvers.root import schema  # noqa: E402
from schema.context import Context, Loaders  # noqa: E402

TODAY = date(2026, 11, 20)  # a Friday


@pytest.fixture(autouse=True)
def isolated_settings(monkeypatch):
    """Every test starts from the service's defaults: a variable a test set is gone for the next."""
    for variable in SETTING_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
TEST_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 20, 10, 0, tzinfo=LONDON))


@pytest.fixture
def practitioner() -> Principal:
    return Principal(subject="u-1", name="Pat Practitioner", roles=frozenset({Role.PRACTITIONER}),
                     provider=Provider.NPS, staff_code="N07A001")


@pytest.fixture
async def store():
    store = open_store(None, "test")
    await store.ensure_indexes()
    yield store
    store.close()


@pytest.fixture
def uow(store, clock) -> UnitOfWork:
    return UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.officers,
                      store.claims, events=store.events, webhooks=store.webhooks)


# The staff directory the schema tests allocate to (allocations name officers the directory knows).
TEST_OFFICERS = (("N1", "One", Provider.NPS), ("N2", "Two", Provider.NPS), ("C1", "Cee", Provider.CRC),
                 ("C12A004", "Priya Shah", Provider.CRC), ("N07A001", "Pat Practitioner", Provider.NPS))


async def register_test_officers(officers) -> None:
    stamp = Recorded(by=Actor(subject="test-setup", name="Test setup"), at=datetime(2026, 1, 1, tzinfo=LONDON))
    for code, name, provider in TEST_OFFICERS:
        await officers.add(StaffOfficer(code=code, name=name, provider=provider, created=stamp, updated=stamp))


@pytest.fixture
async def directory(store):
    await register_test_officers(store.officers)
    return store.officers


@dataclass
class GraphQLRunner:
    """Runs operations through ``schema.execute`` with a fresh typed context per call, as a
    request would."""

    uow: UnitOfWork
    clock: FixedClock
    principal: Principal

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *,
                       principal: Principal | None = None, expect_errors: bool = False) -> dict[str, Any]:
        acting = principal or self.principal
        context = Context(principal=acting, uow=self.uow, clock=self.clock,
                          loaders=Loaders.for_principal(self.uow, acting))
        result = await schema.execute(query, variable_values=variables, context_value=context)
        if expect_errors:
            assert result.errors, "expected GraphQL errors"
            return {"data": result.data, "errors": result.errors}
        assert result.errors is None, result.errors
        return result.data


@pytest.fixture
def admin() -> Principal:
    """Reads and writes every provider's cases: the schema tests exercise the rules, not the policy
    (tests/schema/test_access_control.py exercises the policy)."""
    return Principal(subject="u-1", name="Ada Admin", roles=frozenset({Role.ADMIN}))


@pytest.fixture
def gql(uow, clock, admin, directory) -> GraphQLRunner:
    return GraphQLRunner(uow, clock, admin)


def token(*, roles: list[str] | None = None, lifetime: timedelta = timedelta(hours=1), secret: str = TEST_SECRET,
          now: datetime | None = None, **claims: Any) -> str:
    settings = Settings(auth_jwt_secret=TEST_SECRET)
    return mint_token(secret, subject=claims.pop("subject", "u-1"), name=claims.pop("name", "Pat Practitioner"),
                      roles=roles or ["PRACTITIONER"], issuer=settings.auth_jwt_issuer,
                      audience=settings.auth_jwt_audience, lifetime=lifetime, now=now,
                      provider=claims.pop("provider", "NPS"), staff_code=claims.pop("staff_code", "N07A001"), **claims)


@pytest.fixture
async def http(clock):
    """An HTTP client on the ASGI app with its lifespan running, on the embedded store."""
    # The daily job (tests/events/test_daily_job.py tests it) is off: run at start-up it would write
    # its lease and events beside what each test measures.
    settings = Settings(auth_jwt_secret=TEST_SECRET, environment="development", demo_data=False,
                        mongodb_uri=None, jobs_enabled=False)
    app = create_app(settings, clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://testserver") as client:
            client.app = app
            yield client


@pytest.fixture
def auth_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {token()}"}


# Inputs used across tests -------------------------------------------------------------------

def offender_input(**overrides: Any) -> dict[str, Any]:
    return {"forename": "Alex", "surname": "Morgan", "dateOfBirth": "1990-05-17", "gender": "MALE",
            "pncNumber": "2010/0012345X", **overrides}


def community_order_input(crn: str, **overrides: Any) -> dict[str, Any]:
    return {"crn": crn, "type": "COMMUNITY_ORDER", "imposedOn": "2026-11-02", "lengthMonths": 12,
            "offence": {"description": "Theft from a shop", "category": "ACQUISITIVE", "committedOn": "2026-08-01"},
            "requirements": [{"type": "UNPAID_WORK", "hours": 100}], **overrides}


CREATE_CASE = """
mutation($input: CreateCaseInput!) {
  createCase(input: $input) { case { crn version offender { forename surname dateOfBirth gender pncNumber } }
                              userErrors { field code message standard } }
}"""

ADD_SENTENCE = """
mutation($input: AddSentenceInput!) {
  addSentence(input: $input) {
    case { crn version sentences { id type endDate status requirements { id type hours days lengthMonths } } }
    sentence { id type imposedOn endDate offence { description category committedOn } }
    userErrors { field code message standard }
  }
}"""

ALLOCATE = """
mutation($input: AllocateCaseInput!) {
  allocateCase(input: $input) { case { crn version allocation { provider officer { code name } allocatedOn } }
                                userErrors { field code message standard } }
}"""

TRANSFER = """
mutation($input: TransferCaseInput!) {
  transferCase(input: $input) {
    case { crn version allocation { provider officer { code name } allocatedOn kind rationale }
           allocationHistory { provider officer { code } kind } }
    userErrors { field code message standard }
  }
}"""

ROSH = """
mutation($input: RecordRoshAssessmentInput!) {
  recordRoshAssessment(input: $input) { case { crn version rosh { level riskToChildren assessedOn } }
                                        userErrors { field code message standard } }
}"""

MAPPA = """
mutation($input: RegisterMappaInput!) {
  registerMappa(input: $input) { case { crn version mappa { category level registeredOn visorRecorded } }
                                 userErrors { field code message standard } }
}"""


async def create_case(gql: GraphQLRunner, crn: str = "X123456", **offender: Any) -> dict[str, Any]:
    if crn != "X123456":  # the default case keeps offender_input's number; every other case is another person
        offender.setdefault("pncNumber", pnc_for(crn))
    data = await gql(CREATE_CASE, {"input": {"crn": crn, "offender": offender_input(**offender)}})
    assert data["createCase"]["userErrors"] == []
    return data["createCase"]["case"]


def pnc_for(crn: str) -> str:
    """A PNC number of its own for the person of each test case."""
    return f"2010/{int(crn[1:]) % 10_000_000:07d}{crn[0]}"


def requires_mongodb_reason() -> str | None:
    return None if REAL_MONGODB_URI else "MONGODB_URI is not set: no real MongoDB server to test against"


async def everything(store) -> dict[str, list]:
    """Every document of every collection, to show what a request wrote (or that it wrote nothing)."""
    names = sorted(await store.database.list_collection_names())
    return {name: [d async for d in store.database[name].find({}).sort("_id", 1)] for name in names}


def apart_from_audit(collections: dict[str, list]) -> dict[str, list]:
    return {name: documents for name, documents in collections.items() if name != "audit"}

"""Helpers for the query-layer tests: cases seeded straight into the store (fast, no use cases),
and counts of what the store holds."""

from __future__ import annotations

from datetime import date

from domain.core.case import Case
from domain.core.enums import Gender, Provider
from domain.records.model import Offender
from tests.builders import STAMP, allocate, appointment, requirement, sentence


def a_person(crn: str, surname: str = "Morgan", forename: str = "Alex", born: date = date(1990, 5, 17),
             pnc: str | None = None, provider: Provider | None = Provider.NPS, sentences: int = 1) -> Case:
    case = Case(crn=crn, offender=Offender(forename=forename, surname=surname, date_of_birth=born, gender=Gender.MALE,
                                           pnc_number=pnc), created=STAMP, updated=STAMP)
    for _ in range(sentences):
        s = sentence(imposed_on=date(2026, 9, 1), requirements=[requirement(hours=100)])
        for day in (2, 9, 16, 23):
            appointment(s, date(2026, 9, day))
        case.sentences.append(s)
    if provider is not None:
        allocate(case, date(2026, 9, 1), provider=provider)
    return case


async def seed(store, cases: list[Case]) -> list[str]:
    for case in cases:
        await store.cases.add(case)
    return [c.crn for c in cases]


async def seed_many(store, n: int, prefix: str = "S", **person) -> list[str]:
    return await seed(store, [a_person(f"{prefix}{i:06d}", **person) for i in range(n)])


async def counts(store) -> dict[str, int]:
    """Documents in every collection: "nothing written" compares these before and after."""
    names = await store.database.list_collection_names()
    return {name: await store.database[name].count_documents({}) for name in sorted(names)}


from contextlib import asynccontextmanager  # noqa: E402

import httpx  # noqa: E402
from asgi_lifespan import LifespanManager  # noqa: E402


@asynccontextmanager
async def app_with(clock, **settings):
    """An HTTP client on an app built with these settings (on the embedded store)."""
    from api.app import create_app
    from api.settings import Settings
    from tests.conftest import TEST_SECRET

    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, **settings), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            client.app = app
            yield client


def bearer(**claims) -> dict[str, str]:
    from tests.conftest import token
    return {"Authorization": f"Bearer {token(**claims)}"}

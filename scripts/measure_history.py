"""Figures for docs/queries.md (Paged history), never assertions in the test suite.

A long order: one case whose sentence holds N appointments (recorded through the API, in process, on
the embedded store). Then, for the deprecated plain list and for one page of the connection: the
response size, the median time of a read and the operation's cost.

    .venv/bin/python scripts/measure_history.py [N]     (default 2000)
"""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphql import parse  # noqa: E402

from domain.core.calendar import LONDON  # noqa: E402
from domain.core.ports import FixedClock  # noqa: E402
from domain.core.principal import Principal, Role  # noqa: E402
from domain.core.unit_of_work import UnitOfWork  # noqa: E402
from repositories.factory import open_store  # noqa: E402
from resolvers.cost import operation_cost  # noqa: E402
from resolvers.root import schema  # noqa: E402
from tests.conftest import ADD_SENTENCE, GraphQLRunner, community_order_input, create_case, register_test_officers  # noqa: E402

ARRANGE = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) { userErrors { code message } } }"""
PLAIN = """{ case(crn: "X123456") { sentences { appointments { id date kind outcome } } } }"""
PAGED = """{ case(crn: "X123456") { sentences { appointmentHistory(first: 50) {
  totalCount nodes { id date kind outcome } pageInfo { hasNextPage endCursor } } } } }"""


async def main(count: int) -> None:
    store = open_store(None, "measure")
    await store.ensure_indexes()
    await register_test_officers(store.officers)
    clock = FixedClock(datetime(2027, 10, 20, 10, 0, tzinfo=LONDON))
    uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims, store.officers, store.claims)
    gql = GraphQLRunner(uow, clock, Principal(subject="m", name="Measure", roles=frozenset({Role.ADMIN})))
    await create_case(gql, "X123456")
    sentence = (await gql(ADD_SENTENCE, {"input": community_order_input("X123456", imposedOn="2026-11-02",
                                                                        lengthMonths=24)}))
    sentence_id = sentence["addSentence"]["case"]["sentences"][0]["id"]
    started = time.perf_counter()
    for n in range(count):
        on = date(2026, 11, 3) + timedelta(days=n % 340)
        data = await gql(ARRANGE, {"input": {"crn": "X123456", "sentenceId": sentence_id, "kind": "SUPERVISION",
                                             "faceToFace": True, "date": on.isoformat(), "arrangedOn": "2026-11-03"}})
        assert data["recordAppointment"]["userErrors"] == [], data
    print(f"recorded {count} appointments in {time.perf_counter() - started:.1f} s")
    for name, document in (("plain appointments (deprecated)", PLAIN), ("appointmentHistory(first: 50)", PAGED)):
        times, size = [], 0
        for _ in range(15):
            began = time.perf_counter()
            data = await gql(document)
            times.append(time.perf_counter() - began)
            size = len(json.dumps(data))
        cost = operation_cost(schema._schema, parse(document), None, {})
        print(f"{name}: {size:,} bytes, median {statistics.median(times) * 1000:.1f} ms, cost {cost}")
    store.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))

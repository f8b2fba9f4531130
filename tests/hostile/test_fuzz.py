"""A short schema-driven fuzz run in the suite (tests/fuzzing.py): generated queries and mutations,
as a practitioner and as an admin, answered without a 5xx or an INTERNAL_SERVER_ERROR.
Derandomised, so the suite is repeatable; `python scripts/fuzz.py` runs longer and at random."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import ROLES, Target, describe, faults

EXAMPLES = 30  # per kind and role: 120 requests, about 20 s (scripts/fuzz.py runs longer)


@pytest.fixture(scope="module")
def target():
    served = Target()
    yield served
    served.close()


@pytest.mark.parametrize("kind", ["query", "mutation"])
@pytest.mark.parametrize("role", ROLES)
def test_generated_operations_never_fail_internally(target, kind, role):
    sent_before = target.requests

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
    @given(document=target.strategy(kind))
    def run(document: str) -> None:
        response = target.send(document, role)
        assert not faults(response, kind), describe(document, response)

    run()
    assert target.requests - sent_before >= EXAMPLES  # the run really sent what it generated

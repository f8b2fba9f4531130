"""A short schema-driven fuzz run in the suite (tests/fuzzing.py): generated queries and mutations,
as a practitioner and as an admin, answered without a 5xx or an INTERNAL_SERVER_ERROR.
Derandomised, so the suite is repeatable; `python scripts/fuzz.py` runs longer and at random."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import ROLES, Target, describe, faults

EXAMPLES = 25  # per test: 125 requests in all, about 25 s alone (scripts/fuzz.py runs longer)


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


# Variables reach the resolvers with what a document literal cannot hold (the GraphQL lexer refuses
# lone surrogates and most control characters in a literal; JSON variables carry them).
ANY_TEXT = st.one_of(st.text(max_size=30), st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]), max_size=8),
                     st.text(min_size=190, max_size=260))
CREATE = "mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { field code } } }"


def test_any_text_in_variables_is_stored_or_refused_on_its_field_never_an_internal_error(target):
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(forename=ANY_TEXT, surname=ANY_TEXT, pnc=st.none() | ANY_TEXT)
    def run(forename: str, surname: str, pnc: str | None) -> None:
        offender = {"forename": forename, "surname": surname, "dateOfBirth": "1990-05-17", "gender": "MALE",
                    "pncNumber": pnc}
        response = target.send(CREATE, "ADMIN", {"input": {"offender": offender}})
        assert not faults(response, "mutation"), describe(str(offender), response)
        payload = response.json()["data"]["createCase"]
        assert (payload["case"] is None) == bool(payload["userErrors"])
        assert all(e["field"] and e["field"][:2] == ["input", "offender"] for e in payload["userErrors"]), payload

    run()

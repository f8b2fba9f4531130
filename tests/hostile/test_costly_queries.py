"""The queries that took the server down (issue 11), refused before anything runs."""

from __future__ import annotations

from tests.query_support import bearer, counts, seed_many

EVERYTHING = """fragment All on Case { crn version offender { forename surname dateOfBirth gender pncNumber }
  allocation { provider officer { code name } } sentences { id type requirements { id type hours }
  appointments { id date outcome } failuresToComply { id } compliance { failures } }
  rosh { level } tier { tier } standards { standard state dueBy } compliance { failures } }"""


async def test_thirty_aliases_of_a_full_caseload_page_are_refused_as_too_costly_and_nothing_runs(http):
    store = http.app.state.store
    await seed_many(store, 5)
    before = await counts(store)
    aliases = " ".join(f"a{i}: cases(first: 100) {{ edges {{ node {{ ...All }} }} }}" for i in range(30))
    answer = await http.post("/graphql", json={"query": "{ " + aliases + " } " + EVERYTHING}, headers=bearer(roles=["ADMIN"]))
    body = answer.json()
    assert answer.status_code == 200 and body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY" and error["extensions"]["cost"] > 1_000_000
    assert len(answer.content) < 2_000  # a small answer, not 40 MB
    assert await counts(store) == before  # not even a read audited


async def test_thirty_standards_reports_with_different_dates_are_refused(http):
    reports = " ".join(f'r{i}: standardsReport(asOf: "2026-11-{i + 1:02d}") {{ asOf }}' for i in range(30))
    body = (await http.post("/graphql", json={"query": "{ " + reports + " }"}, headers=bearer(roles=["ADMIN"]))).json()
    assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert body["errors"][0]["extensions"]["cost"] == 30 * 1001


async def test_a_large_first_through_a_variable_is_costed_at_the_maximum_and_refused_by_the_resolver(http):
    body = (await http.post("/graphql", headers=bearer(roles=["ADMIN"]), json={
        "query": "query($n: Int) { cases(first: $n) { edges { node { crn } } } }", "variables": {"n": 10 ** 9}})).json()
    assert body["extensions"]["cost"]["requested"] == 2 + 1 + 100 * 2
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_malformed_cursors_over_http_are_user_errors_never_internal(http):
    for arguments in ('first: 1, after: "%%%"', 'last: 1, before: "Y3Vyc29y"', 'first: 1, after: ""'):
        body = (await http.post("/graphql", json={"query": f"{{ cases({arguments}) {{ totalCount }} }}"},
                                headers=bearer(roles=["ADMIN"]))).json()
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", arguments
    body = (await http.post("/graphql", json={"query": '{ auditEvents(first: 1, after: "YXVkaXQ6eDp5") { totalCount } }'},
                            headers=bearer(roles=["AUDITOR"]))).json()
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"

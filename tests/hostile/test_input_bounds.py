"""Unbounded inputs (issue 11, "What was seen"): each value out of its bounds is a clear user error
naming the field (INVALID_INPUT) or, on a query argument, BAD_USER_INPUT naming the argument;
never an INTERNAL_SERVER_ERROR; and nothing is written in any collection. Sent over HTTP as the
attacker sent them (resolvers/input_bounds.py, docs/api.md "Input bounds")."""

from __future__ import annotations

import json

import pytest

from tests.conftest import community_order_input, everything, offender_input, token

PRACTITIONER = {"Authorization": f"Bearer {token(roles=['PRACTITIONER'])}", "Content-Type": "application/json"}
ADMIN = {"Authorization": f"Bearer {token(roles=['ADMIN'])}", "Content-Type": "application/json"}

CREATE = "mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { field code message } } }"
SENTENCE = """mutation($input: AddSentenceInput!) { addSentence(input: $input) {
  sentence { id requirements { id } } userErrors { field code message } } }"""
RESTRICT = "mutation($input: RestrictCaseInput!) { restrictCase(input: $input) { case { crn } userErrors { field code message } } }"
APPOINTMENT = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
  case { version } userErrors { field code message } } }"""
SESSION = """mutation($input: RecordUnpaidWorkSessionInput!) { recordUnpaidWorkSession(input: $input) {
  case { version } userErrors { field code message } } }"""
ROSH = """mutation($input: RecordRoshAssessmentInput!) { recordRoshAssessment(input: $input) {
  case { version } userErrors { field code message } } }"""


async def post(http, query: str, variables: dict | None = None, headers: dict = PRACTITIONER) -> dict:
    """Sent as bytes: json.dumps escapes a lone surrogate as \\ud800, as an attacker's client would."""
    response = await http.post("/graphql", content=json.dumps({"query": query, "variables": variables or {}}).encode(),
                               headers=headers)
    assert response.status_code == 200, response.text[:500]
    body = response.json()
    assert "INTERNAL_SERVER_ERROR" not in json.dumps(body)
    return body


async def refused(http, query: str, variables: dict, field: list[str], expected: str, headers: dict = PRACTITIONER) -> str:
    store = http.app.state.store
    before = await everything(store)
    body = await post(http, query, variables, headers)
    assert "errors" not in body, body["errors"]
    [payload] = body["data"].values()
    assert payload.get("case") is None
    [error] = payload["userErrors"]
    assert (error["code"], error["field"]) == ("INVALID_INPUT", field) and expected in error["message"], error
    assert len(error["message"]) < 400  # the value is never echoed back
    assert await everything(store) == before, "a refused mutation must write nothing in any collection"
    return error["message"]


@pytest.fixture
async def sentenced(http):
    """A case with a community order holding unpaid work: (crn, sentence id, requirement id)."""
    await post(http, CREATE, {"input": {"crn": "X123456", "offender": offender_input()}})
    body = await post(http, SENTENCE, {"input": community_order_input("X123456")})
    sentence = body["data"]["addSentence"]["sentence"]
    return "X123456", sentence["id"], sentence["requirements"][0]["id"]


async def test_a_sentence_of_a_thousand_requirements_is_refused(http, sentenced):
    crn, _, _ = sentenced
    requirements = [{"type": "UNPAID_WORK", "hours": 10}] * 1000
    await refused(http, SENTENCE, {"input": community_order_input(crn, requirements=requirements)},
                  ["input", "requirements"], "at most 20 items; 1,000 were sent")


async def test_a_sentence_imposed_on_9999_12_31_is_refused_not_an_internal_error(http, sentenced):
    crn, _, _ = sentenced
    await refused(http, SENTENCE, {"input": community_order_input(crn, imposedOn="9999-12-31")},
                  ["input", "imposedOn"], "must be from 1900-01-01 to")


async def test_a_lone_surrogate_in_a_name_is_refused_not_an_internal_error(http):
    await refused(http, CREATE, {"input": {"offender": offender_input(surname="Mor\ud800gan")}},
                  ["input", "offender", "surname"], "U+D800, a lone surrogate")


@pytest.mark.parametrize("field", ["pncNumber", "forename"])
async def test_a_megabyte_in_a_short_field_is_refused(http, field):
    await refused(http, CREATE, {"input": {"offender": offender_input(**{field: "9" * 1_000_000})}},
                  ["input", "offender", field], "1,000,000 were sent")


async def test_a_megabyte_client_mutation_id_is_refused(http):
    await refused(http, CREATE, {"input": {"offender": offender_input(), "clientMutationId": "k" * 1_000_000}},
                  ["input", "clientMutationId"], "at most 128 characters")


async def test_restrict_case_with_a_hundred_thousand_subjects_is_refused(http, sentenced):
    subjects = [f"s{i}" for i in range(100_000)]
    await refused(http, RESTRICT, {"input": {"crn": sentenced[0], "allowedSubjects": subjects}},
                  ["input", "allowedSubjects"], "at most 50 items; 100,000 were sent", headers=ADMIN)


async def test_minutes_worked_of_two_to_the_31_is_refused(http, sentenced):
    crn, sentence_id, requirement_id = sentenced
    await refused(http, SESSION, {"input": {"crn": crn, "sentenceId": sentence_id, "requirementId": requirement_id,
                                            "date": "2026-11-19", "minutesWorked": 2_147_483_647}},
                  ["input", "minutesWorked"], "between 0 and 1,440")


@pytest.mark.parametrize("char, named", [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE")])
async def test_nul_esc_and_right_to_left_override_in_a_name_are_refused(http, char, named):
    await refused(http, CREATE, {"input": {"offender": offender_input(forename=f"Al{char}ex")}},
                  ["input", "offender", "forename"], named)


@pytest.mark.parametrize("char, named", [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE")])
async def test_nul_esc_and_right_to_left_override_in_notes_are_refused(http, sentenced, char, named):
    crn, sentence_id, _ = sentenced
    await refused(http, APPOINTMENT, {"input": {"crn": crn, "sentenceId": sentence_id, "kind": "INDUCTION",
                                                "faceToFace": True, "date": "2026-11-19", "outcome": "ATTENDED_COMPLIED",
                                                "notes": f"Seen at the office.\n{char}[2J", "notesKind": "FACT"}},
                  ["input", "notes"], named)


async def test_notes_keep_their_line_breaks_and_tabs(http, sentenced):
    crn, sentence_id, _ = sentenced
    body = await post(http, APPOINTMENT, {"input": {"crn": crn, "sentenceId": sentence_id, "kind": "INDUCTION",
                                                    "faceToFace": True, "date": "2026-11-19", "outcome": "ATTENDED_COMPLIED",
                                                    "notes": "Seen.\r\n\tNext week.", "notesKind": "FACT"}})
    assert body["data"]["recordAppointment"]["userErrors"] == []


async def test_an_appointment_on_9999_12_31_is_refused(http, sentenced):
    crn, sentence_id, _ = sentenced
    await refused(http, APPOINTMENT, {"input": {"crn": crn, "sentenceId": sentence_id, "kind": "INDUCTION",
                                                "faceToFace": True, "date": "9999-12-31"}},
                  ["input", "date"], "9999-12-31 was sent")


async def test_a_score_below_zero_is_refused_at_the_field(http, sentenced):
    await refused(http, ROSH, {"input": {"crn": sentenced[0], "level": "LOW", "assessedOn": "2026-11-19",
                                         "rationale": "Interview", "reoffendingScore": "-1"}},
                  ["input", "reoffendingScore"], "")


@pytest.mark.parametrize("score", ["NaN", "Infinity", "1e400"])
async def test_a_score_that_is_not_plain_decimal_text_is_refused_by_the_scalar(http, sentenced, score):
    """The Decimal scalar takes plain decimal text only (no exponent, NaN or infinity), so these never
    reach the mutation: a BAD_USER_INPUT error naming the variable's field, and nothing written."""
    store = http.app.state.store
    before = await everything(store)
    body = await post(http, ROSH, {"input": {"crn": sentenced[0], "level": "LOW", "assessedOn": "2026-11-19",
                                             "rationale": "Interview", "reoffendingScore": score}})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT" and "reoffendingScore" in error["message"], error
    assert body["data"] is None
    assert await everything(store) == before


@pytest.mark.parametrize("query, variables, field", [
    ('query($c: String!) { case(crn: $c) { crn } }', {"c": "X" * 1_000_000}, ["crn"]),
    ('query($c: String!) { case(crn: $c) { crn } }', {"c": "X1\x0023456"}, ["crn"]),
    ('{ standardsReport(asOf: "0001-01-01") { asOf } }', None, ["asOf"]),
    ('query($f: CaseFilter) { cases(first: 1, filter: $f) { totalCount } }', {"f": {"surname": "\u202eabc"}},
     ["filter", "surname"]),
    ('{ cases(first: 2147483647) { totalCount } }', None, ["first"]),
])
async def test_query_arguments_out_of_bounds_are_bad_user_input_and_nothing_is_written(http, sentenced, query, variables,
                                                                                    field):
    store = http.app.state.store
    before = await everything(store)
    body = await post(http, query, variables, ADMIN)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": field}, error
    assert len(error["message"]) < 400
    assert await everything(store) == before  # nothing read was audited either: the resolver never ran


async def test_a_nested_field_argument_out_of_bounds_is_bad_user_input_on_that_field(http, sentenced):
    store = http.app.state.store
    before = await everything(store)
    body = await post(http, '{ case(crn: "X123456") { crn standards(asOf: "9999-12-31") { standard } } }', None, ADMIN)
    [error] = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": ["asOf"]} and error["path"] == ["case", "standards"]
    after = await everything(store)
    assert {**after, "audit": before["audit"]} == before  # only the read of the case is audited


async def test_the_date_window_is_a_setting(clock):
    from tests.query_support import app_with, bearer
    async with app_with(clock, input_years_ahead=1, input_earliest_date="2000-01-01") as client:
        for day, refused in (("2027-11-20", False), ("2027-11-21", True), ("1999-12-31", True)):
            body = (await client.post("/graphql", json={"query": f'{{ standardsReport(asOf: "{day}") {{ asOf }} }}'},
                                      headers=bearer(roles=["ADMIN"]))).json()
            assert ("errors" in body) is refused, (day, body)
            if refused:
                assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": ["asOf"]}


def test_every_field_that_takes_arguments_checks_them():
    from resolvers.input_bounds import InputBounds
    from resolvers.root import schema
    checked = unchecked = 0
    for kind in schema.schema_converter.type_map.values():
        definition = kind.definition
        if getattr(definition, "is_input", True):
            continue
        for field in definition.fields:
            if field.arguments:
                if any(isinstance(e, InputBounds) for e in field.extensions):
                    checked += 1
                else:
                    unchecked += 1
    assert unchecked == 0 and checked > 50


def test_docs_name_every_override():
    from pathlib import Path

    from resolvers.input_bounds import LIMITS
    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    section = docs.split("## Input bounds", 1)[1]
    missing = [f"{owner}.{name}" for owner, name in LIMITS if f"`{name}`" not in section]
    assert not missing, missing

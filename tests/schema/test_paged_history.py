"""Paged history (issue 16.6): a sentence's appointments, failures to comply, unpaid work sessions, RAR
days, plans and reviews as connections with `first`/`after` and an inclusive `from`/`to` range; the
plain lists deprecated and kept."""

import pytest

from tests.conftest import ADD_SENTENCE, community_order_input, create_case
from tests.schema.test_delivery_api import ARRANGE
from tests.schema.test_enforcement_api import MISS
from tests.schema.test_standards_api import RAR_DAY, SESSION

CRN = "X123456"
PAGE = """query($first: Int!, $after: String, $from: Date, $to: Date) { case(crn: "X123456") { sentences {
    appointmentHistory(first: $first, after: $after, from: $from, to: $to) {
      totalCount edges { cursor node { id date } } nodes { date } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
    appointments { date } } } }"""
ALL = """query { case(crn: "X123456") { sentences {
    failureToComplyHistory(first: 10) { totalCount nodes { date status } }
    unpaidWorkSessionHistory(first: 10) { totalCount nodes { date } }
    rarActivityDayHistory(first: 10, from: "2026-11-06") { totalCount nodes { date description } }
    planHistory(first: 10) { totalCount nodes { completedOn } }
    planReviewHistory(first: 10) { totalCount nodes { reviewedOn } }
    failuresToComply { date } unpaidWorkSessions { date } rarActivityDays { date } } } }"""
RECORDED = ["2026-11-10", "2026-11-04", "2026-11-06", "2026-11-04", "2026-11-25"]


@pytest.fixture
async def sentence_id(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[
        {"type": "UNPAID_WORK", "hours": 100}, {"type": "REHABILITATION_ACTIVITY", "days": 10}])})
    sentence = data["addSentence"]["case"]["sentences"][0]
    for on in RECORDED:
        arranged = await gql(ARRANGE, {"input": {"crn": CRN, "sentenceId": sentence["id"], "kind": "SUPERVISION",
                                                 "faceToFace": True, "date": on, "arrangedOn": "2026-11-03"}})
        assert arranged["recordAppointment"]["userErrors"] == [], arranged
    return sentence


async def page(gql, first, after=None, since=None, until=None, **kwargs):
    data = await gql(PAGE, {"first": first, "after": after, "from": since, "to": until}, **kwargs)
    return data if kwargs else data["case"]["sentences"][0]


async def test_appointments_page_oldest_first_with_cursors_and_a_total(gql, sentence_id):
    one = (await page(gql, 2))["appointmentHistory"]
    assert [e["node"]["date"] for e in one["edges"]] == ["2026-11-04", "2026-11-04"]  # one day: the order recorded
    assert [n["date"] for n in one["nodes"]] == ["2026-11-04", "2026-11-04"]
    assert one["totalCount"] == 5
    assert one["pageInfo"]["hasNextPage"] is True and one["pageInfo"]["hasPreviousPage"] is False
    assert one["pageInfo"]["endCursor"] == one["edges"][-1]["cursor"]
    two = (await page(gql, 2, one["pageInfo"]["endCursor"]))["appointmentHistory"]
    assert [n["date"] for n in two["nodes"]] == ["2026-11-06", "2026-11-10"]
    assert two["pageInfo"]["hasPreviousPage"] is True and two["totalCount"] == 5
    three = (await page(gql, 2, two["pageInfo"]["endCursor"]))["appointmentHistory"]
    assert [n["date"] for n in three["nodes"]] == ["2026-11-25"] and three["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["id"] for p in (one, two, three) for e in p["edges"]]
    assert len(set(ids)) == 5  # every appointment once


async def test_the_date_range_is_inclusive_at_both_ends(gql, sentence_id):
    ranged = (await page(gql, 10, since="2026-11-04", until="2026-11-10"))["appointmentHistory"]
    assert [n["date"] for n in ranged["nodes"]] == ["2026-11-04", "2026-11-04", "2026-11-06", "2026-11-10"]
    assert ranged["totalCount"] == 4 and ranged["pageInfo"]["hasNextPage"] is False
    one_day = (await page(gql, 10, since="2026-11-06", until="2026-11-06"))["appointmentHistory"]
    assert [n["date"] for n in one_day["nodes"]] == ["2026-11-06"] and one_day["totalCount"] == 1
    later = (await page(gql, 10, since="2026-11-11"))["appointmentHistory"]
    assert [n["date"] for n in later["nodes"]] == ["2026-11-25"]
    none = (await page(gql, 10, until="2026-11-03"))["appointmentHistory"]
    assert none["nodes"] == [] and none["totalCount"] == 0 and none["pageInfo"]["endCursor"] is None


async def test_a_cursor_keeps_its_place_when_an_earlier_item_is_recorded(gql, sentence_id):
    one = (await page(gql, 3))["appointmentHistory"]
    arranged = await gql(ARRANGE, {"input": {"crn": CRN, "sentenceId": sentence_id["id"], "kind": "SUPERVISION",
                                             "faceToFace": True, "date": "2026-11-05", "arrangedOn": "2026-11-03"}})
    assert arranged["recordAppointment"]["userErrors"] == []
    rest = (await page(gql, 10, one["pageInfo"]["endCursor"]))["appointmentHistory"]
    assert [n["date"] for n in rest["nodes"]] == ["2026-11-10", "2026-11-25"] and rest["totalCount"] == 6


@pytest.mark.parametrize(("first", "after", "since", "until", "says"), [
    (0, None, None, None, "`first` must be between 1 and 100"),
    (101, None, None, None, "`first` must be between 1 and 100"),
    (5, "not-a-cursor", None, None, "`after` is not a cursor from this list"),
    (5, "Y3Vyc29yOlgxMjM0NTY", None, None, "`after` is not a cursor from this list"),  # a case cursor
    (5, None, "2026-11-10", "2026-11-09", "`from` (2026-11-10) is after `to` (2026-11-09)"),
])
async def test_bad_paging_arguments_are_user_errors(gql, sentence_id, first, after, since, until, says):
    result = await page(gql, first, after, since, until, expect_errors=True)
    [error] = result["errors"]
    assert error.extensions["code"] == "BAD_USER_INPUT" and says in error.message


async def test_a_cursor_from_another_list_is_refused(gql, sentence_id):
    await gql(RAR_DAY, {"input": {"crn": CRN, "sentenceId": sentence_id["id"], "requirementId": sentence_id["requirements"][1]["id"],
                                  "date": "2026-11-10", "description": "Thinking skills"}})
    data = await gql("""query { case(crn: "X123456") { sentences { rarActivityDayHistory(first: 1) { pageInfo { endCursor } } } } }""")
    cursor = data["case"]["sentences"][0]["rarActivityDayHistory"]["pageInfo"]["endCursor"]
    [error] = (await page(gql, 5, cursor, expect_errors=True))["errors"]
    assert error.extensions["code"] == "BAD_USER_INPUT"


async def test_every_history_list_pages_and_the_plain_lists_still_answer(gql, sentence_id):
    sid, (upw, rar) = sentence_id["id"], [r["id"] for r in sentence_id["requirements"]]
    await gql(MISS, {"input": {"crn": CRN, "sentenceId": sid, "kind": "SUPERVISION", "faceToFace": True,
                               "date": "2026-11-12", "outcome": "FAILED_TO_ATTEND"}})
    for on in ("2026-11-14", "2026-11-07"):
        done = await gql(SESSION, {"input": {"crn": CRN, "sentenceId": sid, "requirementId": upw, "date": on, "minutesWorked": 360}})
        assert done["recordUnpaidWorkSession"]["userErrors"] == [], done
    for on in ("2026-11-09", "2026-11-05"):
        done = await gql(RAR_DAY, {"input": {"crn": CRN, "sentenceId": sid, "requirementId": rar, "date": on,
                                             "description": f"Session on {on}"}})
        assert done["recordRarActivityDay"]["userErrors"] == [], done
    sentence = (await gql(ALL))["case"]["sentences"][0]
    assert sentence["failureToComplyHistory"]["totalCount"] == 1
    assert sentence["failureToComplyHistory"]["nodes"][0]["date"] == "2026-11-12"
    assert [n["date"] for n in sentence["unpaidWorkSessionHistory"]["nodes"]] == ["2026-11-07", "2026-11-14"]
    assert [n["date"] for n in sentence["unpaidWorkSessions"]] == ["2026-11-14", "2026-11-07"]  # the order recorded
    assert [n["date"] for n in sentence["rarActivityDayHistory"]["nodes"]] == ["2026-11-09"]  # from 2026-11-06
    assert sentence["rarActivityDayHistory"]["totalCount"] == 1 and len(sentence["rarActivityDays"]) == 2
    assert sentence["planHistory"] == {"totalCount": 0, "nodes": []}
    assert sentence["planReviewHistory"] == {"totalCount": 0, "nodes": []}


async def test_the_plain_lists_are_deprecated_with_their_replacement_and_kept(gql, sentence_id):
    data = await gql("""query { __type(name: "Sentence") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }""")
    fields = {f["name"]: f for f in data["__type"]["fields"]}
    for plain, paged in (("appointments", "appointmentHistory"), ("failuresToComply", "failureToComplyHistory"),
                         ("unpaidWorkSessions", "unpaidWorkSessionHistory"), ("rarActivityDays", "rarActivityDayHistory"),
                         ("plans", "planHistory"), ("planReviews", "planReviewHistory")):
        assert fields[plain]["isDeprecated"] and f"`{paged}`" in fields[plain]["deprecationReason"]
        assert "2027-03-02" in fields[plain]["deprecationReason"]
        assert not fields[paged]["isDeprecated"]
    assert [a["date"] for a in (await page(gql, 1))["appointments"]] == RECORDED

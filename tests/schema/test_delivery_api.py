"""Issue 10 through GraphQL, delivery and planning: appointments arranged and their outcomes recorded
later (APPT-1, APPT-2, IND-1), cancelled and moved; REC-1 late marking and own-date judgement; REC-2
on allocation; PLAN-3 from commencement and for priority offenders; PLAN-6 needs on the RRDP
pathways; accommodation and employment outcomes in standardsReport. Bad inputs write nothing."""

from datetime import datetime

import pytest

from domain.core.calendar import LONDON
from tests.conftest import ADD_SENTENCE, ALLOCATE, MAPPA, ROSH, community_order_input, create_case
from tests.schema.test_bad_inputs import assert_refused, snapshot

CRN = "X123456"

ARRANGE = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
    appointment { id date arrangedOn outcome recordedLate }
    userErrors { field code message standard } } }"""

OUTCOME = """mutation($input: RecordAppointmentOutcomeInput!) { recordAppointmentOutcome(input: $input) {
    case { version }
    appointment { id date arrangedOn outcome recordedLate outcomeRecorded { at byName } outcomeNotes outcomeNotesKind }
    failureToComply { id date status outcome appointmentId }
    userErrors { field code message standard } clientMutationId } }"""

CANCEL = """mutation($input: CancelAppointmentInput!) { cancelAppointment(input: $input) {
    case { version } appointment { id change { changedOn requestedBy rationale replacementId recordedLate } }
    userErrors { field code message standard } } }"""

REARRANGE = """mutation($input: RearrangeAppointmentInput!) { rearrangeAppointment(input: $input) {
    case { version } appointment { id change { changedOn requestedBy replacementId } }
    replacement { id date arrangedOn rearrangedFrom outcome }
    userErrors { field code message standard } } }"""

STANDARDS = """query($crn: String!, $asOf: Date) { case(crn: $crn) { standards(asOf: $asOf) {
    standard state dueBy detail } } }"""

PLAN = """mutation($input: RecordPlanInput!) { recordPlan(input: $input) { case { version }
    plan { completedOn recordedLate objectives { description pathway } needsIdentified { pathway required unaddressedReason } }
    userErrors { field code message standard } } }"""

PPO = """mutation($input: SetPriorityOffenderInput!) { setPriorityOffender(input: $input) {
    case { priorityOffender { startedOn endedOn } priorityOffenderHistory { startedOn endedOn rationale endRationale recordedLate } }
    designation { startedOn endedOn rationale endRationale }
    userErrors { field code message standard } } }"""


@pytest.fixture
async def sentence_id(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN)})  # sentenced Monday 2026-11-02
    return data["addSentence"]["case"]["sentences"][0]["id"]


async def allocate(gql, on="2026-11-16", provider="NPS"):  # Monday: APPT-1 due Monday 2026-11-23
    data = await gql(ALLOCATE, {"input": {"crn": CRN, "provider": provider, "officer": {"code": "N1", "name": "One"},
                                          "allocatedOn": on, "rationale": "NPS: court report author's caseload"}})
    assert data["allocateCase"]["userErrors"] == []


async def standards(gql, as_of=None):
    data = await gql(STANDARDS, {"crn": CRN, "asOf": as_of})
    return {s["standard"]: s for s in data["case"]["standards"]}


async def arrange(gql, sentence_id, **fields):
    data = await gql(ARRANGE, {"input": {"crn": CRN, "sentenceId": sentence_id, "kind": "INDUCTION", "faceToFace": True,
                                         "date": "2026-11-23", **fields}})
    assert data["recordAppointment"]["userErrors"] == [], data
    return data["recordAppointment"]["appointment"]


async def test_appt_1_an_arranged_appointment_meets_it_and_its_outcome_is_recorded_later(gql, store, clock, sentence_id):
    await allocate(gql)
    arranged = await arrange(gql, sentence_id)
    assert arranged == {"id": arranged["id"], "date": "2026-11-23", "arrangedOn": "2026-11-20", "outcome": None,
                        "recordedLate": False}
    now = await standards(gql)
    assert now["APPT-1"]["state"] == "MET" and now["APPT-1"]["dueBy"] == "2026-11-23"
    assert now["IND-1"]["state"] == "DUE"
    assert (await standards(gql, "2026-11-19"))["APPT-1"]["state"] == "DUE"  # not arranged yet on that day

    outcome_input = {"crn": CRN, "appointmentId": arranged["id"], "outcome": "FAILED_TO_ATTEND",
                     "notes": "No contact; phone off.", "notesKind": "FACT", "clientMutationId": "k-1"}
    await assert_refused(gql, store, OUTCOME, {"input": outcome_input}, field=["input", "outcome"], code="INVALID_INPUT")

    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=LONDON))  # the outcome is entered the day after the appointment
    data = (await gql(OUTCOME, {"input": outcome_input}))["recordAppointmentOutcome"]
    assert data["userErrors"] == [] and data["clientMutationId"] == "k-1"
    assert data["appointment"]["outcome"] == "FAILED_TO_ATTEND" and data["appointment"]["recordedLate"] is True
    assert data["appointment"]["outcomeRecorded"]["at"].startswith("2026-11-24")
    assert (data["appointment"]["outcomeNotes"], data["appointment"]["outcomeNotesKind"]) == ("No contact; phone off.", "FACT")
    failure = data["failureToComply"]
    assert failure["date"] == "2026-11-23" and failure["status"] == "AWAITING_DECISION"
    assert failure["appointmentId"] == arranged["id"]
    after = await standards(gql, "2026-11-24")
    assert after["APPT-1"]["state"] == "MET" and "failed to attend" in after["APPT-1"]["detail"]
    assert after["IND-1"]["state"] == "OVERDUE"  # the induction did not take place

    retry = (await gql(OUTCOME, {"input": outcome_input}))["recordAppointmentOutcome"]
    assert retry["failureToComply"]["id"] == failure["id"] and retry["case"]["version"] == data["case"]["version"]
    assert len((await snapshot(store))["cases"][0]["sentences"][0]["failures"]) == 1


async def test_ind_1_an_attended_induction_recorded_later_meets_it(gql, clock, sentence_id):
    await allocate(gql)
    arranged = await arrange(gql, sentence_id)
    clock.set(datetime(2026, 11, 23, 16, 0, tzinfo=LONDON))
    data = await gql(OUTCOME, {"input": {"crn": CRN, "appointmentId": arranged["id"], "outcome": "ATTENDED_COMPLIED"}})
    assert data["recordAppointmentOutcome"]["failureToComply"] is None
    assert data["recordAppointmentOutcome"]["appointment"]["recordedLate"] is False
    assert (await standards(gql))["IND-1"]["state"] == "MET"


async def test_appt_2_a_licence_appointment_arranged_for_the_day_of_release(gql, sentence_id):
    licence = community_order_input(CRN, type="LICENCE", imposedOn="2026-01-05", lengthMonths=24, custodialTermMonths=24,
                                    releaseDate="2026-11-19", requirements=[{"type": "RESIDENCE", "details": "Leeds"}],
                                    offence={"description": "Robbery", "category": "ACQUISITIVE", "committedOn": "2025-06-01"})
    added = await gql(ADD_SENTENCE, {"input": licence})
    licence_id = added["addSentence"]["sentence"]["id"]
    appointment = await arrange(gql, licence_id, kind="SUPERVISION", date="2026-11-19", arrangedOn="2026-11-12")
    assert appointment["recordedLate"] is True  # arranged on 12 November, entered on the 20th
    found = await gql(STANDARDS, {"crn": CRN, "asOf": "2026-11-20"})
    [appt_2] = [s for s in found["case"]["standards"] if s["standard"] == "APPT-2"]
    assert appt_2["state"] == "MET" and appt_2["dueBy"] == "2026-11-20"


async def test_appt_1_cancelled_no_longer_counts_and_a_rearrangement_keeps_who_asked_and_why(gql, store, sentence_id):
    await allocate(gql)
    first = await arrange(gql, sentence_id, date="2026-11-21")
    await assert_refused(gql, store, CANCEL, {"input": {"crn": CRN, "appointmentId": first["id"], "cancelledOn": "2026-11-20",
                                                        "requestedBy": "SERVICE", "rationale": "  "}},
                         field=["input", "rationale"], code="STANDARD_VIOLATION", standard="REC-2")
    cancelled = (await gql(CANCEL, {"input": {"crn": CRN, "appointmentId": first["id"], "cancelledOn": "2026-11-20",
                                              "requestedBy": "SERVICE", "rationale": "Office closed"}}))["cancelAppointment"]
    assert cancelled["appointment"]["change"] == {"changedOn": "2026-11-20", "requestedBy": "SERVICE",
                                                  "rationale": "Office closed", "replacementId": None, "recordedLate": False}
    assert (await standards(gql))["APPT-1"]["state"] == "DUE"
    assert (await standards(gql, "2026-11-24"))["APPT-1"]["state"] == "OVERDUE"

    second = await arrange(gql, sentence_id, date="2026-11-23")
    moved = (await gql(REARRANGE, {"input": {"crn": CRN, "appointmentId": second["id"], "newDate": "2026-11-26",
                                             "rearrangedOn": "2026-11-20", "requestedBy": "OFFENDER",
                                             "rationale": "Job interview on the 23rd"}}))["rearrangeAppointment"]
    assert moved["userErrors"] == []
    assert moved["replacement"]["rearrangedFrom"] == second["id"] and moved["replacement"]["date"] == "2026-11-26"
    assert moved["appointment"]["change"]["replacementId"] == moved["replacement"]["id"]
    assert (await standards(gql, "2026-11-30"))["APPT-1"]["state"] == "MET"  # moved at the offender's request
    await assert_refused(gql, store, OUTCOME, {"input": {"crn": CRN, "appointmentId": second["id"], "outcome": "ATTENDED_COMPLIED"}},
                         field=["input", "appointmentId"], code="INVALID_INPUT")


@pytest.mark.parametrize("mutation, fields, field", [
    (OUTCOME, {"outcome": "RESCHEDULED"}, "outcome"),
    (OUTCOME, {"outcome": "ATTENDED_COMPLIED", "notes": "Fine"}, "notesKind"),
    (CANCEL, {"cancelledOn": "2026-11-19", "requestedBy": "OFFENDER", "rationale": "Ill"}, "cancelledOn"),
    (REARRANGE, {"newDate": "2026-11-19", "rearrangedOn": "2026-11-20", "requestedBy": "OFFENDER", "rationale": "Ill"}, "newDate"),
])
async def test_appt_1_bad_appointment_changes_point_at_the_field_and_write_nothing(gql, store, clock, sentence_id,
                                                                                  mutation, fields, field):
    arranged = await arrange(gql, sentence_id, date="2026-11-20")  # today, arranged today
    await assert_refused(gql, store, mutation, {"input": {"crn": CRN, "appointmentId": arranged["id"], **fields}},
                         field=["input", field], code="STANDARD_VIOLATION" if field == "notesKind" else "INVALID_INPUT",
                         standard="REC-3" if field == "notesKind" else None)


async def test_appt_1_an_unknown_or_foreign_appointment_is_not_found_at_its_field(gql, store, sentence_id):
    for bad in ("bm9wZQ", "QXBwb2ludG1lbnQ6WDk5OTk5OTpzOmE"):  # malformed; another case's
        await assert_refused(gql, store, OUTCOME, {"input": {"crn": CRN, "appointmentId": bad, "outcome": "ATTENDED_COMPLIED"}},
                             field=["input", "appointmentId"], code="NOT_FOUND")


async def test_rec_1_a_past_as_of_gives_the_same_answer_after_a_late_record_for_a_later_day(gql, sentence_id):
    await allocate(gql, on="2026-11-03")  # APPT-1 due 2026-11-10
    before = await standards(gql, "2026-11-09")
    assert before["APPT-1"]["state"] == "DUE"
    late = await arrange(gql, sentence_id, date="2026-11-10", arrangedOn="2026-11-10")  # entered on the 20th
    assert late["recordedLate"] is True
    await gql(PLAN, {"input": {"crn": CRN, "sentenceId": sentence_id, "completedOn": "2026-11-11", "roshLevelIdentified": "LOW",
                               "objectives": [{"description": "Complete unpaid work"}]}})
    assert await standards(gql, "2026-11-09") == before
    assert (await standards(gql, "2026-11-10"))["APPT-1"]["state"] == "MET"  # the late arrangement, on its own day


RECORDS = """query($crn: String!) { case(crn: $crn) {
    allocation { recordedLate rationale } rosh { recordedLate } mappa { recordedLate } safeguarding { recordedLate }
    sentences { plans { recordedLate } planReviews { recordedLate } approvedPremisesReferrals { recordedLate }
                evaluation { recordedLate } termination { recordedLate } } } }"""


async def test_rec_1_dated_records_carry_recorded_late(gql, sentence_id):
    await allocate(gql, on="2026-11-03")
    await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-20", "rationale": "Stable"}})
    await gql(MAPPA, {"input": {"crn": CRN, "category": "CATEGORY_2", "level": "LEVEL_1", "registeredOn": "2026-11-19",
                                "visorRecorded": True}})
    await gql(PLAN, {"input": {"crn": CRN, "sentenceId": sentence_id, "completedOn": "2026-11-20", "roshLevelIdentified": "LOW",
                               "objectives": [{"description": "Complete unpaid work"}]}})
    data = (await gql(RECORDS, {"crn": CRN}))["case"]
    assert data["allocation"] == {"recordedLate": True, "rationale": "NPS: court report author's caseload"}
    assert data["rosh"]["recordedLate"] is False and data["mappa"]["recordedLate"] is True
    assert data["sentences"][0]["plans"] == [{"recordedLate": False}]


async def test_rec_2_an_allocation_without_its_rationale_is_refused_at_the_field(gql, store, sentence_id):
    base = {"crn": CRN, "provider": "CRC", "officer": {"code": "C1", "name": "Cee"}, "allocatedOn": "2026-11-03"}
    for rationale in ("", " "):  # none at all is refused by the schema (tests/schema/test_tighter_types.py)
        variables = {"input": {**base, "rationale": rationale}}
        await assert_refused(gql, store, ALLOCATE, variables, field=["input", "rationale"], code="STANDARD_VIOLATION",
                             standard="REC-2")


async def test_plan_3_runs_from_the_sentence_and_a_priority_offender_gets_the_5_working_days(gql, store, sentence_id):
    plan_3 = (await standards(gql, "2026-11-05"))["PLAN-3"]
    assert plan_3["state"] == "DUE" and plan_3["dueBy"] is None  # below HIGH, not a PPO: no date; before allocation too
    await assert_refused(gql, store, PPO, {"input": {"crn": CRN, "priorityOffender": True, "effectiveOn": "2026-11-02",
                                                     "rationale": ""}},
                         field=["input", "rationale"], code="STANDARD_VIOLATION", standard="REC-2")
    data = (await gql(PPO, {"input": {"crn": CRN, "priorityOffender": True, "effectiveOn": "2026-11-02",
                                      "rationale": "Selected by the local PPO panel"}}))["setPriorityOffender"]
    assert data["case"]["priorityOffender"] == {"startedOn": "2026-11-02", "endedOn": None}
    assert data["case"]["priorityOffenderHistory"][0]["recordedLate"] is True
    plan_3 = (await standards(gql, "2026-11-09"))["PLAN-3"]
    assert plan_3["state"] == "DUE" and plan_3["dueBy"] == "2026-11-09"
    assert (await standards(gql, "2026-11-10"))["PLAN-3"]["state"] == "OVERDUE"
    ended = (await gql(PPO, {"input": {"crn": CRN, "priorityOffender": False, "effectiveOn": "2026-11-20",
                                       "rationale": "Removed at the panel review"}}))["setPriorityOffender"]
    assert ended["designation"]["endedOn"] == "2026-11-20" and ended["case"]["priorityOffender"] is None
    assert ended["designation"]["endRationale"] == "Removed at the panel review"


NEEDS = """query($crn: String!, $unmet: Boolean!) { case(crn: $crn) { pathwayNeeds(unmetOnly: $unmet) {
    pathway met addressedBy required unaddressedReason identifiedOn } } }"""

REPORT = """query { standardsReport { casesExamined outcomes { sentencesEnded accommodationCompared settledAtStart
    settledAtEnd unemployedAtStart foundAndKeptWork unmetNeeds { pathway unmet notAvailable } } } }"""


async def test_plan_6_needs_identified_by_pathway_are_addressed_or_say_why_and_unmet_ones_are_shown(gql, store, sentence_id):
    plan = {"crn": CRN, "sentenceId": sentence_id, "completedOn": "2026-11-10", "roshLevelIdentified": "LOW",
            "objectives": [{"description": "Secure a tenancy", "pathway": "ACCOMMODATION"},
                           {"description": "Complete unpaid work"}],
            "needsIdentified": [{"pathway": "ACCOMMODATION"},
                                {"pathway": "DRUGS_AND_ALCOHOL", "required": "Community alcohol treatment"}]}
    await assert_refused(gql, store, PLAN, {"input": plan}, field=["input", "needsIdentified", "1", "unaddressedReason"],
                         code="STANDARD_VIOLATION", standard="PLAN-6")
    plan["needsIdentified"][1]["unaddressedReason"] = "NOT_AVAILABLE"
    recorded = (await gql(PLAN, {"input": plan}))["recordPlan"]
    assert recorded["userErrors"] == [] and recorded["plan"]["objectives"][0]["pathway"] == "ACCOMMODATION"
    unmet = (await gql(NEEDS, {"crn": CRN, "unmet": True}))["case"]["pathwayNeeds"]
    assert unmet == [{"pathway": "DRUGS_AND_ALCOHOL", "met": False, "addressedBy": [], "required": "Community alcohol treatment",
                      "unaddressedReason": "NOT_AVAILABLE", "identifiedOn": "2026-11-10"}]
    assert len((await gql(NEEDS, {"crn": CRN, "unmet": False}))["case"]["pathwayNeeds"]) == 2
    report = (await gql(REPORT))["standardsReport"]
    assert report["outcomes"]["unmetNeeds"] == [{"pathway": "DRUGS_AND_ALCOHOL", "unmet": 1, "notAvailable": 1}]


STATUS = """mutation($input: RecordResettlementStatusInput!) { recordResettlementStatus(input: $input) { case { version }
    status { point assessedOn accommodation employment recordedLate } userErrors { field code message standard } } }"""

SPELL = """mutation($input: RecordEmploymentSpellInput!) { recordEmploymentSpell(input: $input) { case { version }
    spell { id startedOn endedOn countsForEmploymentMeasure } userErrors { field code message standard } } }"""

END_SPELL = """mutation($input: EndEmploymentSpellInput!) { endEmploymentSpell(input: $input) { case { version }
    spell { id startedOn endedOn countsForEmploymentMeasure } userErrors { field code message standard } } }"""


async def test_accommodation_and_employment_at_start_and_end_are_summarised_in_the_standards_report(gql, store, clock, sentence_id):
    start = (await gql(STATUS, {"input": {"crn": CRN, "sentenceId": sentence_id, "point": "START", "assessedOn": "2026-11-02",
                                          "accommodation": "TEMPORARY_OR_UNSTABLE", "employment": "UNEMPLOYED"}}))
    assert start["recordResettlementStatus"]["status"]["recordedLate"] is True
    await assert_refused(gql, store, STATUS, {"input": {"crn": CRN, "sentenceId": sentence_id, "point": "END",
                                                        "assessedOn": "2026-11-20", "accommodation": "SETTLED",
                                                        "employment": "EMPLOYED"}},
                         field=["input", "assessedOn"], code="INVALID_INPUT")  # long before END-1's window
    spell = (await gql(SPELL, {"input": {"crn": CRN, "sentenceId": sentence_id, "kind": "EMPLOYMENT",
                                         "startedOn": "2026-11-09", "details": "Warehouse operative"}}))["recordEmploymentSpell"]
    assert spell["spell"]["countsForEmploymentMeasure"] is False  # 12 days so far
    await assert_refused(gql, store, END_SPELL, {"input": {"crn": CRN, "spellId": spell["spell"]["id"], "endedOn": "2026-11-08"}},
                         field=["input", "endedOn"], code="INVALID_INPUT")
    clock.set(datetime(2027, 11, 1, 12, 0, tzinfo=LONDON))  # the order's last day
    ended = (await gql(END_SPELL, {"input": {"crn": CRN, "spellId": spell["spell"]["id"], "endedOn": "2027-01-31"}}))
    assert ended["endEmploymentSpell"]["spell"]["countsForEmploymentMeasure"] is True
    end = await gql(STATUS, {"input": {"crn": CRN, "sentenceId": sentence_id, "point": "END", "assessedOn": "2027-11-01",
                                       "accommodation": "SETTLED", "employment": "UNEMPLOYED"}})
    assert end["recordResettlementStatus"]["userErrors"] == []
    outcomes = (await gql(REPORT))["standardsReport"]["outcomes"]
    assert outcomes == {"sentencesEnded": 1, "accommodationCompared": 1, "settledAtStart": 0, "settledAtEnd": 1,
                        "unemployedAtStart": 1, "foundAndKeptWork": 1, "unmetNeeds": []}

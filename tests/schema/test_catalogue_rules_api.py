"""Rules of the catalogue through GraphQL that other modules exercised only as unit tests: each
test names its rule, and asserts the boundary accepted and the step past it refused (or the
status a practitioner reads)."""

import pytest

from tests.conftest import ADD_SENTENCE, ALLOCATE, ROSH, community_order_input, create_case
from tests.schema.test_bad_inputs import assert_refused, snapshot
from tests.schema.test_enforcement_api import DECIDE, MISS, RECALL

CRN = "X123456"
STANDARDS = """query($asOf: Date) { case(crn: "X123456") { standards(asOf: $asOf) { standard state dueBy detail } } }"""


@pytest.fixture
async def case(gql):
    await create_case(gql, CRN)
    return CRN


async def standards(gql, as_of):
    data = await gql(STANDARDS, {"asOf": as_of})
    return {s["standard"]: s for s in data["case"]["standards"]}


async def requirement_accepted_then_refused(gql, store, accepted: dict, refused: dict, field: str, standard: str,
                                            **sentence):
    """The requirement at its limit is recorded; one step past it is refused at its parameter."""
    ok = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[accepted], **sentence)})
    assert ok["addSentence"]["userErrors"] == [], ok
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[refused], **sentence)},
                         field=["input", "requirements", "0", field], code="STANDARD_VIOLATION", standard=standard)


async def test_alloc_1_a_sentenced_case_is_due_allocation_until_allocated(gql, case):
    await gql(ADD_SENTENCE, {"input": community_order_input(CRN)})
    due = (await standards(gql, "2026-11-20"))["ALLOC-1"]
    assert due["state"] == "DUE" and due["dueBy"] is None  # PF: "prompt", no number
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-19", "rationale": "Allocated by RoSH band"}})
    assert (await standards(gql, "2026-11-20"))["ALLOC-1"]["state"] == "MET"
    assert (await standards(gql, "2026-11-18"))["ALLOC-1"]["state"] == "DUE"  # the allocation had not happened yet


async def test_req_upw_1_unpaid_work_is_40_to_300_hours(gql, store, case):
    await requirement_accepted_then_refused(gql, store, {"type": "UNPAID_WORK", "hours": 300},
                                            {"type": "UNPAID_WORK", "hours": 301}, "hours", "REQ-UPW-1")
    await requirement_accepted_then_refused(gql, store, {"type": "UNPAID_WORK", "hours": 40},
                                            {"type": "UNPAID_WORK", "hours": 39}, "hours", "REQ-UPW-1")


async def test_req_exc_1_exclusion_lasts_2_months_to_2_years(gql, store, case):
    await requirement_accepted_then_refused(gql, store, {"type": "EXCLUSION", "lengthMonths": 24, "details": "Leeds"},
                                            {"type": "EXCLUSION", "lengthMonths": 25, "details": "Leeds"},
                                            "lengthMonths", "REQ-EXC-1")
    await requirement_accepted_then_refused(gql, store, {"type": "EXCLUSION", "lengthMonths": 2, "details": "Leeds"},
                                            {"type": "EXCLUSION", "lengthMonths": 1, "details": "Leeds"},
                                            "lengthMonths", "REQ-EXC-1")


async def test_req_par_1_prohibited_activity_at_most_3_years_on_a_community_order(gql, store, case):
    await requirement_accepted_then_refused(gql, store, {"type": "PROHIBITED_ACTIVITY", "lengthMonths": 36, "details": "Pubs"},
                                            {"type": "PROHIBITED_ACTIVITY", "lengthMonths": 37, "details": "Pubs"},
                                            "lengthMonths", "REQ-PAR-1")


async def test_req_aamr_1_abstinence_monitoring_at_most_120_days(gql, store, case):
    await requirement_accepted_then_refused(
        gql, store, {"type": "ALCOHOL_ABSTINENCE_MONITORING", "days": 120, "alcoholDependent": False},
        {"type": "ALCOHOL_ABSTINENCE_MONITORING", "days": 121, "alcoholDependent": False}, "days", "REQ-AAMR-1")


async def test_req_trt_1_treatment_needs_consent(gql, store, case):
    await requirement_accepted_then_refused(
        gql, store, {"type": "MENTAL_HEALTH_TREATMENT", "consentGiven": True, "lengthMonths": 6},
        {"type": "MENTAL_HEALTH_TREATMENT", "consentGiven": False, "lengthMonths": 6}, "consentGiven", "REQ-TRT-1")


async def test_req_drg_1_drug_testing_is_a_licence_condition_not_a_community_requirement(gql, store, case):
    licence = {"type": "LICENCE", "imposedOn": "2026-01-05", "lengthMonths": 24, "custodialTermMonths": 24,
               "releaseDate": "2026-11-01", "offence": {"description": "Supply", "category": "DRUGS", "committedOn": "2025-06-01"}}
    testing = {"type": "DRUG_TESTING", "drugMisuseFactorInOffending": True, "dependentOrPropensity": True}
    ok = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[testing], **licence)})
    assert ok["addSentence"]["userErrors"] == []
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[testing])},
                         field=["input", "requirements", "0", "type"], code="STANDARD_VIOLATION", standard="REQ-DRG-1")


async def order_with_two_failures_on_one_day(gql):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, imposedOn="2026-06-01", offence={
        "description": "Theft", "category": "ACQUISITIVE", "committedOn": "2026-05-01"})})
    sentence_id = data["addSentence"]["case"]["sentences"][0]["id"]
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-06-02", "rationale": "Allocated by RoSH band"}})
    for kind in ("SUPERVISION", "UNPAID_WORK"):
        missed = await gql(MISS, {"input": {"crn": CRN, "sentenceId": sentence_id, "kind": kind, "faceToFace": True,
                                            "date": "2026-11-16", "outcome": "FAILED_TO_ATTEND"}})
        failure = missed["recordAppointment"]["failureToComply"]["id"]
        decided = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": False, "rationale": "None"}})
        assert decided["decideFailureToComply"]["userErrors"] == []
    return sentence_id


async def test_enf_2_two_failures_on_one_day_count_once(gql, case):
    await order_with_two_failures_on_one_day(gql)
    data = await gql("""{ case(crn: "X123456") { compliance(asOf: "2026-11-20") { failures unacceptable }
        sentences { compliance(asOf: "2026-11-20") { countingFailureDates } } } }""")
    assert data["case"]["compliance"] == {"failures": 2, "unacceptable": 2}  # each recorded and decided
    assert data["case"]["sentences"][0]["compliance"]["countingFailureDates"] == ["2026-11-16"]
    statuses = await standards(gql, "2026-11-20")
    assert "ENF-4" not in statuses and statuses["ENF-3"]["state"] == "DUE"  # one failure day: a warning, not breach


async def test_lic_5_crc_non_emergency_recall_at_high_rosh_needs_nps_endorsement(gql, case):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(
        CRN, type="LICENCE", imposedOn="2025-06-02", lengthMonths=36, custodialTermMonths=36, releaseDate="2026-10-01",
        requirements=[], offence={"description": "Robbery", "category": "ACQUISITIVE", "committedOn": "2025-01-01"})})
    licence = data["addSentence"]["case"]["sentences"][0]["id"]
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "CRC", "officer": {"code": "C1", "name": "Cee"},
                                   "allocatedOn": "2026-10-01", "rationale": "Allocated by RoSH band"}})
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "assessedOn": "2026-11-10", "rationale": "Escalating threats"}})
    recalled = await gql(RECALL, {"input": {"crn": CRN, "sentenceId": licence, "decidedAt": "2026-11-12T15:00:00+00:00",
                                            "emergency": False, "rationale": "Breach of exclusion zone"}})
    assert recalled["recommendRecall"]["userErrors"] == []  # recorded, never refused
    lic_5 = (await standards(gql, "2026-11-20"))["LIC-5"]
    assert lic_5["state"] == "NOT_MET" and "without NPS endorsement" in lic_5["detail"]


async def test_risk_1_an_assessment_needs_its_rationale_and_an_overall_level_not_below_any_group(gql, store, case):
    await assert_refused(gql, store, ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-11-10",
                                                      "rationale": " "}},
                         field=["input", "rationale"], code="STANDARD_VIOLATION", standard="RISK-1")
    await assert_refused(gql, store, ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "riskToChildren": "HIGH",
                                                      "assessedOn": "2026-11-10", "rationale": "Threats to a child"}},
                         field=["input", "level"], code="STANDARD_VIOLATION", standard="RISK-1")
    ok = await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "riskToChildren": "HIGH", "assessedOn": "2026-11-10",
                                    "rationale": "Threats to a child"}})
    assert ok["recordRoshAssessment"]["userErrors"] == []
    assert ok["recordRoshAssessment"]["case"]["rosh"] == {"level": "HIGH", "riskToChildren": "HIGH", "assessedOn": "2026-11-10"}


async def test_rec_1_a_record_made_after_its_day_is_accepted_and_marked_late(gql, store, case):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN)})
    sentence_id = data["addSentence"]["case"]["sentences"][0]["id"]
    query = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
        appointment { date recordedLate recorded { at } } userErrors { code } } }"""
    base = {"crn": CRN, "sentenceId": sentence_id, "kind": "SUPERVISION", "faceToFace": True, "outcome": "ATTENDED_COMPLIED"}
    today = await gql(query, {"input": {**base, "date": "2026-11-20"}})  # the clock says 2026-11-20
    yesterday = await gql(query, {"input": {**base, "date": "2026-11-19"}})
    assert today["recordAppointment"]["appointment"]["recordedLate"] is False
    assert yesterday["recordAppointment"]["appointment"]["recordedLate"] is True
    assert yesterday["recordAppointment"]["userErrors"] == []
    assert yesterday["recordAppointment"]["appointment"]["recorded"]["at"].startswith("2026-11-20")
    assert len((await snapshot(store))["cases"][0]["sentences"][0]["appointments"]) == 2

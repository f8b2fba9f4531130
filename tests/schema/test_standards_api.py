"""National standards I through GraphQL: every REQ-* rule on addSentence, the delivery,
planning and completion mutations, Case.standards, the overdue filter and standardsReport."""

import pytest

from tests.conftest import (
    ADD_SENTENCE,
    ALLOCATE,
    ROSH,
    TRANSFER,
    community_order_input,
    create_case,
)
from tests.schema.test_bad_inputs import assert_refused, snapshot

CRN = "X123456"


@pytest.fixture
async def case(gql):
    await create_case(gql, CRN)
    return CRN


async def add_sentence(gql, **overrides):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, **overrides)})
    assert data["addSentence"]["userErrors"] == [], data
    return data["addSentence"]["case"]["sentences"][-1]


@pytest.mark.parametrize("overrides, field, standard", [
    ({"requirements": [{"type": "UNPAID_WORK", "hours": 301}]}, "hours", "REQ-UPW-1"),
    ({"requirements": [{"type": "UNPAID_WORK", "hours": 39}]}, "hours", "REQ-UPW-1"),
    ({"requirements": [{"type": "EXCLUSION", "lengthMonths": 25, "details": "Leeds"}]}, "lengthMonths", "REQ-EXC-1"),
    ({"requirements": [{"type": "PROHIBITED_ACTIVITY", "lengthMonths": 37, "details": "Pubs"}]}, "lengthMonths", "REQ-PAR-1"),
    ({"requirements": [{"type": "ALCOHOL_ABSTINENCE_MONITORING", "days": 121, "alcoholDependent": False}]}, "days", "REQ-AAMR-1"),
    ({"requirements": [{"type": "MENTAL_HEALTH_TREATMENT", "consentGiven": False, "lengthMonths": 6}]}, "consentGiven", "REQ-TRT-1"),
    ({"requirements": [{"type": "SUPERVISION"}]}, "type", "REQ-RAR-1"),
    ({"requirements": [{"type": "DRUG_TESTING"}]}, "type", "REQ-DRG-1"),
    ({"requirements": [{"type": "DRUG_REHABILITATION", "consentGiven": True, "lengthMonths": 6,
                        "drugMisuseFactorInOffending": False}]}, "drugMisuseFactorInOffending", "REQ-DRG-2"),
])
async def test_req_rules_on_add_sentence_point_at_the_parameter_and_write_nothing(gql, store, case, overrides, field, standard):
    variables = community_order_input(CRN, **overrides)
    await assert_refused(gql, store, ADD_SENTENCE, {"input": variables},
                         field=["input", "requirements", "0", field], code="STANDARD_VIOLATION", standard=standard)


async def test_req_ord_1_unpaid_work_is_not_a_licence_condition(gql, store, case):
    variables = community_order_input(CRN, type="LICENCE", imposedOn="2026-01-05", lengthMonths=24, custodialTermMonths=24,
                                      releaseDate="2026-11-01", offence={"description": "Robbery", "category": "ACQUISITIVE",
                                                                          "committedOn": "2025-06-01"},
                                      requirements=[{"type": "UNPAID_WORK", "hours": 100}])
    await assert_refused(gql, store, ADD_SENTENCE, {"input": variables},
                         field=["input", "requirements", "0", "type"], code="STANDARD_VIOLATION", standard="REQ-ORD-1")


async def test_req_prg_1_a_bbr_requirement_is_recorded_at_sentence(gql, case):
    await gql(ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-10-01", "rationale": "SARA medium"}})
    sentence = await add_sentence(gql, offence={"description": "Assault on partner", "category": "INTIMATE_PARTNER_VIOLENCE",
                                                "committedOn": "2026-08-01"},
                                  requirements=[{"type": "PROGRAMME", "programme": "BBR", "days": 29}])
    assert sentence["requirements"][0]["type"] == "PROGRAMME"


STANDARDS = """query($crn: String!, $asOf: Date) { case(crn: $crn) { standards(asOf: $asOf) {
    standard title state dueBy sentenceId detail } } }"""


async def standards(gql, as_of):
    data = await gql(STANDARDS, {"crn": CRN, "asOf": as_of})
    return {s["standard"]: s for s in data["case"]["standards"]}


APPOINTMENT = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
    appointment { id kind date outcome recordedLate } failureToComply { id date status outcome appointmentId }
    userErrors { field code message standard } } }"""


async def test_appt_1_and_ind_1_through_graphql(gql, case):
    sentence = await add_sentence(gql)
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-06", "rationale": "Allocated by RoSH band"}})  # Friday -> due Friday 2026-11-13
    before = await standards(gql, "2026-11-13")
    assert before["APPT-1"]["state"] == "DUE" and before["APPT-1"]["dueBy"] == "2026-11-13"
    assert before["APPT-1"]["sentenceId"] == sentence["id"]
    assert (await standards(gql, "2026-11-16"))["APPT-1"]["state"] == "OVERDUE"
    data = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": sentence["id"], "kind": "INDUCTION",
                                             "faceToFace": True, "date": "2026-11-13", "outcome": "ATTENDED_COMPLIED"}})
    assert data["recordAppointment"]["userErrors"] == []
    assert data["recordAppointment"]["appointment"]["recordedLate"] is True  # REC-1: recorded on 2026-11-20
    after = await standards(gql, "2026-11-16")
    assert after["APPT-1"]["state"] == "MET" and after["IND-1"]["state"] == "MET"


async def test_a_failure_outcome_creates_a_failure_to_comply_awaiting_decision(gql, case):
    sentence = await add_sentence(gql)
    data = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": sentence["id"], "kind": "SUPERVISION",
                                             "faceToFace": True, "date": "2026-11-18", "outcome": "FAILED_TO_ATTEND"}})
    payload = data["recordAppointment"]
    assert payload["failureToComply"]["status"] == "AWAITING_DECISION"
    assert payload["failureToComply"]["appointmentId"] == payload["appointment"]["id"]
    node = await gql("query($id: ID!) { node(id: $id) { ... on FailureToComply { date outcome } } }",
                     {"id": payload["failureToComply"]["id"]})
    assert node["node"] == {"date": "2026-11-18", "outcome": "FAILED_TO_ATTEND"}


async def test_no_outcome_for_a_future_appointment_but_arranging_one_is_fine(gql, store, case):
    sentence = await add_sentence(gql)
    arranged = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": sentence["id"], "kind": "SUPERVISION",
                                                 "faceToFace": True, "date": "2026-11-25"}})
    assert arranged["recordAppointment"]["appointment"]["outcome"] is None
    before = await snapshot(store)
    refused = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": sentence["id"], "kind": "SUPERVISION",
                                                "faceToFace": True, "date": "2026-11-25", "outcome": "ATTENDED_COMPLIED"}})
    assert refused["recordAppointment"]["userErrors"][0]["field"] == ["input", "outcome"]
    assert await snapshot(store) == before


async def test_req_rar_1_a_rar_does_not_deliver_unpaid_work(gql, case):
    sentence = await add_sentence(gql, requirements=[{"type": "REHABILITATION_ACTIVITY", "days": 10}])
    rar_id = sentence["requirements"][0]["id"]
    data = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": rar_id,
                                             "kind": "UNPAID_WORK", "faceToFace": True, "date": "2026-11-18",
                                             "outcome": "ATTENDED_COMPLIED"}})
    [error] = data["recordAppointment"]["userErrors"]
    assert error["standard"] == "REQ-RAR-1" and error["field"] == ["input", "kind"]


async def test_an_unknown_sentence_id_is_not_found(gql, case):
    data = await gql(APPOINTMENT, {"input": {"crn": CRN, "sentenceId": "U2VudGVuY2U6WDEyMzQ1Njpub3BlCg", "kind": "OTHER",
                                             "faceToFace": False, "date": "2026-11-18"}})
    [error] = data["recordAppointment"]["userErrors"]
    assert error["code"] == "NOT_FOUND" and error["field"] == ["input", "sentenceId"]


PLAN = """mutation($input: RecordPlanInput!) { recordPlan(input: $input) { case { version }
    plan { completedOn roshLevelIdentified riskManagementPlan objectives { description targetsRiskToChildren } }
    userErrors { field code message standard } } }"""


async def test_plan_1_risk_management_plan_required_through_graphql(gql, store, case):
    sentence = await add_sentence(gql)
    await gql(ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-11-03", "rationale": "r"}})
    await assert_refused(gql, store, PLAN, {"input": {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-10",
                                                      "roshLevelIdentified": "MEDIUM",
                                                      "objectives": [{"description": "Employment"}]}},
                         field=["input", "riskManagementPlan"], code="RISK_MANAGEMENT_PLAN_REQUIRED", standard="PLAN-1")


async def test_plan_2_child_safeguarding_objective_required_through_graphql(gql, store, case):
    sentence = await add_sentence(gql)
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "riskToChildren": "HIGH", "assessedOn": "2026-11-03",
                               "rationale": "r"}})
    variables = {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-10", "roshLevelIdentified": "HIGH",
                 "riskManagementPlan": "Weekly contact", "objectives": [{"description": "Employment"}]}
    await assert_refused(gql, store, PLAN, {"input": variables}, field=["input", "objectives"],
                         code="CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED", standard="PLAN-2")
    variables["objectives"].append({"description": "Work with children's services", "targetsRiskToChildren": True})
    data = await gql(PLAN, {"input": variables})
    assert data["recordPlan"]["userErrors"] == []
    assert (await standards(gql, "2026-11-20"))["PLAN-2"]["state"] == "MET"


async def test_plan_4_pre_release_plan_too_early_through_graphql(gql, store, case):
    sentence = await add_sentence(gql, type="LICENCE", imposedOn="2026-01-05", lengthMonths=24, custodialTermMonths=24,
                                  releaseDate="2027-03-01", requirements=[],
                                  offence={"description": "Robbery", "category": "ACQUISITIVE", "committedOn": "2025-06-01"})
    await assert_refused(gql, store, PLAN, {"input": {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-20",
                                                      "roshLevelIdentified": "LOW", "objectives": [{"description": "Housing"}]}},
                         field=["input", "completedOn"], code="PLAN_TOO_EARLY", standard="PLAN-4")


REVIEW = """mutation($input: ReviewPlanInput!) { reviewPlan(input: $input) { review { reviewedOn reason }
    userErrors { field code standard } } }"""


async def test_plan_5_alloc_4_a_transfer_sets_a_review_due_and_review_plan_clears_it(gql, case):
    sentence = await add_sentence(gql)
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"}, "allocatedOn": "2026-11-03", "rationale": "Allocated by RoSH band"}})
    await gql(PLAN, {"input": {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-05",
                               "roshLevelIdentified": "LOW", "objectives": [{"description": "Employment"}]}})
    await gql(TRANSFER, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N2", "name": "Two"},
                                   "transferredOn": "2026-11-10", "rationale": "Move"}})
    assert (await standards(gql, "2026-11-20"))["PLAN-5"]["state"] == "DUE"
    data = await gql(REVIEW, {"input": {"crn": CRN, "sentenceId": sentence["id"], "reviewedOn": "2026-11-12",
                                        "reason": "Transfer (ALLOC-4)", "summary": "New officer; objectives unchanged"}})
    assert data["reviewPlan"]["userErrors"] == []
    assert (await standards(gql, "2026-11-20"))["PLAN-5"]["state"] == "MET"


EVALUATE = """mutation($input: CompleteEvaluationInput!) { completeEvaluation(input: $input) { case { version } evaluation { completedOn }
    userErrors { field code message standard } } }"""


async def test_end_1_evaluation_too_early_through_graphql(gql, store, case):
    sentence = await add_sentence(gql, imposedOn="2026-01-02", lengthMonths=12,  # ends 2027-01-01, window opens 2026-11-06
                                  offence={"description": "Theft", "category": "ACQUISITIVE", "committedOn": "2025-12-01"})
    await assert_refused(gql, store, EVALUATE, {"input": {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-05",
                                                          "summary": "Progress"}},
                         field=["input", "completedOn"], code="EVALUATION_TOO_EARLY", standard="END-1")
    data = await gql(EVALUATE, {"input": {"crn": CRN, "sentenceId": sentence["id"], "completedOn": "2026-11-06", "summary": "Progress"}})
    assert data["completeEvaluation"]["userErrors"] == []
    assert (await standards(gql, "2026-11-20"))["END-1"]["state"] == "MET"


TERMINATE = """mutation($input: TerminateSentenceInput!) { terminateSentence(input: $input) {
    termination { terminatedOn agenciesNotified } case { sentences { status } } userErrors { field code message standard } } }"""


async def test_end_2_termination_records_the_agencies_notified(gql, store, case):
    sentence = await add_sentence(gql)
    variables = {"crn": CRN, "sentenceId": sentence["id"], "terminatedOn": "2026-11-19", "reason": "Revoked on breach",
                 "agenciesNotified": [], "continuingRestrictionsExplained": True}
    await assert_refused(gql, store, TERMINATE, {"input": variables}, field=["input", "agenciesNotified"],
                         code="STANDARD_VIOLATION", standard="END-2")
    variables["agenciesNotified"] = ["West Yorkshire Police", "Children's services"]
    data = await gql(TERMINATE, {"input": variables})
    assert data["terminateSentence"]["termination"]["agenciesNotified"] == ["West Yorkshire Police", "Children's services"]
    assert data["terminateSentence"]["case"]["sentences"][0]["status"] == "TERMINATED"


AP_REFERRAL = """mutation($input: ReferToApprovedPremisesInput!) { referToApprovedPremises(input: $input) {
    referral { referredOn onTime } userErrors { field code standard } } }"""


async def test_ap_1_late_referral_accepted_but_not_met(gql, case):
    sentence = await add_sentence(gql, type="LICENCE", imposedOn="2026-01-05", lengthMonths=36, custodialTermMonths=36,
                                  releaseDate="2027-02-01", requirements=[],
                                  offence={"description": "Wounding", "category": "VIOLENT", "committedOn": "2025-06-01"})
    data = await gql(AP_REFERRAL, {"input": {"crn": CRN, "sentenceId": sentence["id"], "referredOn": "2026-11-02"}})
    assert data["referToApprovedPremises"]["referral"] == {"referredOn": "2026-11-02", "onTime": False}
    assert (await standards(gql, "2026-11-20"))["AP-1"]["state"] == "NOT_MET"


SESSION = """mutation($input: RecordUnpaidWorkSessionInput!) { recordUnpaidWorkSession(input: $input) {
    session { creditedMinutes creditedEducationTrainingEmploymentMinutes }
    case { sentences { requirements { unpaidWork { creditedMinutes remainingMinutes educationTrainingEmploymentCapMinutes completionDue } } } }
    userErrors { field code standard } } }"""


async def test_req_upw_4_credit_through_graphql(gql, case):
    sentence = await add_sentence(gql, requirements=[{"type": "UNPAID_WORK", "hours": 40}])
    upw = sentence["requirements"][0]["id"]
    first = await gql(SESSION, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": upw, "date": "2026-11-10",
                                          "minutesWorked": 800, "educationTrainingEmploymentMinutes": 800}})
    assert first["recordUnpaidWorkSession"]["session"] == {"creditedMinutes": 720, "creditedEducationTrainingEmploymentMinutes": 720}
    progress = first["recordUnpaidWorkSession"]["case"]["sentences"][0]["requirements"][0]["unpaidWork"]
    assert progress == {"creditedMinutes": 720, "remainingMinutes": 1680, "educationTrainingEmploymentCapMinutes": 720,
                        "completionDue": "2027-11-01"}
    future = await gql(SESSION, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": upw, "date": "2026-11-21",
                                           "minutesWorked": 60}})
    assert future["recordUnpaidWorkSession"]["userErrors"][0]["field"] == ["input", "date"]


RAR_DAY = """mutation($input: RecordRarActivityDayInput!) { recordRarActivityDay(input: $input) {
    case { sentences { requirements { activityDaysDelivered } } } userErrors { field code standard } } }"""


async def test_req_rar_1_activity_days_capped_through_graphql(gql, case):
    sentence = await add_sentence(gql, requirements=[{"type": "REHABILITATION_ACTIVITY", "days": 1}])
    rar = sentence["requirements"][0]["id"]
    ok = await gql(RAR_DAY, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": rar, "date": "2026-11-10",
                                       "description": "Thinking and behaviour session"}})
    assert ok["recordRarActivityDay"]["case"]["sentences"][0]["requirements"][0]["activityDaysDelivered"] == 1
    refused = await gql(RAR_DAY, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": rar,
                                            "date": "2026-11-11", "description": "Another"}})
    assert refused["recordRarActivityDay"]["userErrors"][0]["standard"] == "REQ-RAR-1"


VARY = """mutation($input: VaryRequirementInput!) { varyRequirement(input: $input) { case { version }
    requirement { hours status variations { variedOn changes terminated rationale } }
    userErrors { field code message standard } } }"""


async def test_vary_requirement_keeps_history_and_rechecks_the_rules(gql, store, case):
    sentence = await add_sentence(gql, requirements=[{"type": "UNPAID_WORK", "hours": 120}])
    upw = sentence["requirements"][0]["id"]
    base = {"crn": CRN, "sentenceId": sentence["id"], "requirementId": upw, "variedOn": "2026-11-15",
            "rationale": "Court reduced the hours on appeal"}
    await assert_refused(gql, store, VARY, {"input": {**base, "hours": 20}}, field=["input", "hours"],
                         code="STANDARD_VIOLATION", standard="REQ-UPW-1")
    data = await gql(VARY, {"input": {**base, "hours": 80}})
    assert data["varyRequirement"]["requirement"]["hours"] == 80
    assert data["varyRequirement"]["requirement"]["variations"][0]["changes"] == ["hours: 120 -> 80"]
    ended = await gql(VARY, {"input": {**base, "terminate": True, "rationale": "Requirement revoked"}})
    assert ended["varyRequirement"]["requirement"]["status"] == "TERMINATED"


LIST_OVERDUE = """query($filter: CaseFilter) { cases(first: 10, filter: $filter) { edges { node { crn } } } }"""
REPORT = """query($provider: Provider, $officerCode: String, $asOf: Date) {
  standardsReport(provider: $provider, officerCode: $officerCode, asOf: $asOf) {
    asOf casesExamined standards { standard met due overdue notMet } } }"""


async def test_overdue_filter_and_standards_report_across_a_caseload(gql):
    # A000001: allocated 2026-11-06, no appointment -> APPT-1 overdue on 2026-11-20.
    # B000002: allocated 2026-11-18 -> APPT-1 due 2026-11-25, not yet overdue.
    # C000003: no sentence -> nothing applies.
    for crn, allocated_on, officer in (("A000001", "2026-11-06", "N1"), ("B000002", "2026-11-18", "N2"), ("C000003", None, "N1")):
        await create_case(gql, crn)
        if crn != "C000003":
            await gql(ADD_SENTENCE, {"input": community_order_input(crn)})
        if allocated_on:
            await gql(ALLOCATE, {"input": {"crn": crn, "provider": "NPS", "officer": {"code": officer},
                                           "allocatedOn": allocated_on, "rationale": "Allocated by RoSH band"}})
    overdue = await gql(LIST_OVERDUE, {"filter": {"hasOverdueStandards": True}})
    assert [e["node"]["crn"] for e in overdue["cases"]["edges"]] == ["A000001"]
    not_overdue = await gql(LIST_OVERDUE, {"filter": {"hasOverdueStandards": False}})
    assert [e["node"]["crn"] for e in not_overdue["cases"]["edges"]] == ["B000002", "C000003"]

    report = (await gql(REPORT, {"provider": "NPS", "asOf": "2026-11-20"}))["standardsReport"]
    rows = {r["standard"]: r for r in report["standards"]}
    assert report["casesExamined"] == 2  # C000003 is unallocated, so not in the NPS caseload
    assert rows["APPT-1"] == {"standard": "APPT-1", "met": 0, "due": 1, "overdue": 1, "notMet": 0}
    assert rows["ALLOC-1"]["met"] == 2
    officer = (await gql(REPORT, {"officerCode": "N2", "asOf": "2026-11-20"}))["standardsReport"]
    assert officer["casesExamined"] == 1 and {r["standard"]: r for r in officer["standards"]}["APPT-1"]["due"] == 1


async def test_rec_3_notes_say_whether_they_are_fact_or_opinion(gql, store, case):
    sentence = await add_sentence(gql)
    base = {"crn": CRN, "sentenceId": sentence["id"], "kind": "HOME_VISIT", "faceToFace": True, "date": "2026-11-19",
            "outcome": "ATTENDED_COMPLIED", "notes": "Partner present; flat tidy."}
    before = await snapshot(store)
    refused = await gql(APPOINTMENT, {"input": base})
    assert [(e["field"], e["standard"]) for e in refused["recordAppointment"]["userErrors"]] == [(["input", "notesKind"], "REC-3")]
    assert await snapshot(store) == before
    data = await gql("""mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
        appointment { notes notesKind } userErrors { code } } }""", {"input": {**base, "notesKind": "FACT"}})
    assert data["recordAppointment"]["appointment"] == {"notes": "Partner present; flat tidy.", "notesKind": "FACT"}


async def test_licence_standards_through_graphql_appt_2_plan_3_vic_1_vic_2(gql, case):
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "assessedOn": "2026-11-01", "rationale": "Serious violence"}})
    sentence = await add_sentence(gql, type="LICENCE", imposedOn="2025-11-03", lengthMonths=36, custodialTermMonths=36,
                                  releaseDate="2026-11-13", requirements=[],  # released Friday 13 November
                                  offence={"description": "Wounding", "category": "VIOLENT", "committedOn": "2025-06-01"})
    found = await standards(gql, "2026-11-17")
    assert found["APPT-2"]["dueBy"] == "2026-11-16" and found["APPT-2"]["state"] == "OVERDUE"
    assert found["PLAN-3"]["dueBy"] == "2026-11-20" and found["PLAN-3"]["state"] == "DUE"  # HIGH: 5 working days
    assert found["VIC-1"]["state"] == "MET" and "Statutory" in found["VIC-1"]["detail"]
    assert found["VIC-2"]["dueBy"] == "2025-12-29" and found["VIC-2"]["state"] == "OVERDUE"
    assert found["ALLOC-1"]["state"] == "DUE"
    eligibility = await gql("query { case(crn: \"X123456\") { sentences { victimContact { scheme offerDueBy } } } }")
    assert eligibility["case"]["sentences"][0]["victimContact"] == {"scheme": "STATUTORY", "offerDueBy": "2025-12-29"}
    assert sentence["type"] == "LICENCE"


async def test_unpaid_work_standards_through_graphql_req_upw_2_and_req_upw_3(gql, case):
    sentence = await add_sentence(gql, imposedOn="2026-11-02", requirements=[{"type": "UNPAID_WORK", "hours": 40}])
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "CRC", "officer": {"code": "C1", "name": "Cee"}, "allocatedOn": "2026-11-03", "rationale": "Allocated by RoSH band"}})
    found = await standards(gql, "2026-11-20")
    assert found["REQ-UPW-2"]["dueBy"] == "2026-11-12" and found["REQ-UPW-2"]["state"] == "OVERDUE"
    assert found["REQ-UPW-3"]["dueBy"] == "2027-11-01" and found["REQ-UPW-3"]["state"] == "DUE"
    upw = sentence["requirements"][0]["id"]
    extended = await gql(VARY, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": upw, "variedOn": "2026-11-19",
                                          "rationale": "Court extended the order for the hours", "extendCompletionTo": "2028-01-31"}})
    assert extended["varyRequirement"]["userErrors"] == []
    assert (await standards(gql, "2026-11-20"))["REQ-UPW-3"]["dueBy"] == "2028-01-31"

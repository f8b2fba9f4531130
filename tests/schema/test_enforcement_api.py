"""National standards II through GraphQL: the whole chain from a missed appointment to breach or
recall, with idempotent retries, the senior manager role, spent warnings and the standards."""

import pytest

from domain.core.enums import Provider, Role
from domain.core.principal import Principal
from tests.conftest import ADD_SENTENCE, ALLOCATE, community_order_input, create_case
from tests.schema.test_bad_inputs import snapshot

CRN = "X123456"
SENIOR = Principal(subject="sm-1", name="Sam Senior", roles=frozenset({Role.PRACTITIONER, Role.SENIOR_MANAGER}),
                   provider=Provider.NPS, staff_code="N07S001")

MISS = """mutation($input: RecordAppointmentInput!) { recordAppointment(input: $input) {
    failureToComply { id status } appointment { id } userErrors { field code message standard } clientMutationId } }"""
DECIDE = """mutation($input: DecideFailureToComplyInput!) { decideFailureToComply(input: $input) {
    failureToComply { status decisions { acceptable rationale correctionReason explanation { receivedBy } } }
    userErrors { field code message standard } } }"""
WARN = """mutation($input: IssueWarningInput!) { issueWarning(input: $input) { case { version } warning { issuedOn final }
    userErrors { field code message standard } } }"""
BREACH = """mutation($input: InitiateBreachInput!) { initiateBreach(input: $input) {
    breach { initiatedOn referredToNps referralReason } case { sentences { status } } userErrors { field code message standard } } }"""
OUTCOME = """mutation($input: RecordBreachOutcomeInput!) { recordBreachOutcome(input: $input) {
    breach { outcome outcomeOn } case { sentences { status } } userErrors { field code message standard } } }"""
RECALL = """mutation($input: RecommendRecallInput!) { recommendRecall(input: $input) {
    recall { decidedAt reportDueAt emergency } case { sentences { status } } userErrors { field code message standard } } }"""
REPORT = """mutation($input: RecordRecallReportSentInput!) { recordRecallReportSent(input: $input) {
    recall { reportSentAt } userErrors { field code message standard } } }"""
RECEIVED = """mutation($input: RecordRecallReportReceivedInput!) { recordRecallReportReceived(input: $input) {
    case { version } recall { reportSentAt reportReceivedAt reportRecordedLate } userErrors { field code message standard } } }"""
RERELEASE = """mutation($input: RecordReReleaseInput!) { recordReRelease(input: $input) {
    recall { rereleasedOn } case { sentences { status } } userErrors { field code message standard } } }"""
COMPLIANCE = """query($asOf: Date) { case(crn: "X123456") { compliance(asOf: $asOf) { failures unacceptable liveWarnings
    nextAction { standard action dueBy } }
    sentences { compliance(asOf: $asOf) { countingFailureDates windowStartsOn breachThreshold liveWarnings spentWarnings
      breachInProgress recallInProgress nextAction { standard dueBy } } }
    standards(asOf: $asOf) { standard state dueBy } } }"""


@pytest.fixture
async def order(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, imposedOn="2026-06-01",
                                                                   offence={"description": "Theft", "category": "ACQUISITIVE",
                                                                            "committedOn": "2026-05-01"})})
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"}, "allocatedOn": "2026-06-02", "rationale": "Allocated by RoSH band"}})
    return data["addSentence"]["case"]["sentences"][0]["id"]


@pytest.fixture
async def licence(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(
        CRN, type="LICENCE", imposedOn="2025-06-02", lengthMonths=36, custodialTermMonths=36, releaseDate="2026-10-01",
        requirements=[], offence={"description": "Robbery", "category": "ACQUISITIVE", "committedOn": "2025-01-01"})})
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"}, "allocatedOn": "2026-10-01", "rationale": "Allocated by RoSH band"}})
    return data["addSentence"]["case"]["sentences"][0]["id"]


async def miss(gql, sentence_id, on, key=None):
    data = await gql(MISS, {"input": {"crn": CRN, "sentenceId": sentence_id, "kind": "SUPERVISION", "faceToFace": True,
                                      "date": on, "outcome": "FAILED_TO_ATTEND", "clientMutationId": key}})
    assert data["recordAppointment"]["userErrors"] == []
    return data["recordAppointment"]


async def unacceptable(gql, failure_id, decided_on=None, rationale="No explanation given"):
    data = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure_id, "acceptable": False, "rationale": rationale,
                                        "decidedOn": decided_on}})
    assert data["decideFailureToComply"]["userErrors"] == []
    return data


async def test_a_retried_appointment_creates_no_second_failure_to_comply(gql, store, order):
    first = await miss(gql, order, "2026-11-02", key="retry-123")
    before = await snapshot(store)
    second = await miss(gql, order, "2026-11-02", key="retry-123")
    assert second["failureToComply"]["id"] == first["failureToComply"]["id"]
    assert second["appointment"]["id"] == first["appointment"]["id"]
    assert second["clientMutationId"] == "retry-123"
    assert await snapshot(store) == before
    compliance = await gql(COMPLIANCE, {"asOf": "2026-11-20"})
    assert compliance["case"]["compliance"]["failures"] == 1


async def test_enf_3_enf_4_enf_5_second_unacceptable_failure_in_12_months_requires_breach(gql, store, order):
    first = await miss(gql, order, "2026-10-05")
    await unacceptable(gql, first["failureToComply"]["id"], "2026-10-05")
    warned = await gql(WARN, {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-10-06", "final": False,
                                        "rationale": "First unacceptable absence"}})
    assert warned["issueWarning"]["userErrors"] == []
    second = await miss(gql, order, "2026-11-16")
    await unacceptable(gql, second["failureToComply"]["id"], "2026-11-16")
    before = await snapshot(store)
    refused = await gql(WARN, {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-11-17", "final": True,
                                         "rationale": "Second absence"}})
    [error] = refused["issueWarning"]["userErrors"]
    assert error["code"] == "BREACH_REQUIRED" and error["standard"] == "ENF-4"
    assert refused["issueWarning"]["case"] is None and await snapshot(store) == before
    summary = await gql(COMPLIANCE, {"asOf": "2026-11-20"})
    sentence = summary["case"]["sentences"][0]["compliance"]
    assert sentence["countingFailureDates"] == ["2026-10-05", "2026-11-16"] and sentence["breachThreshold"] == 2
    assert sentence["nextAction"] == {"standard": "ENF-4", "dueBy": "2026-11-24"}
    standards = {s["standard"]: s for s in summary["case"]["standards"]}
    assert standards["ENF-4"]["state"] == "DUE" and standards["ENF-4"]["dueBy"] == "2026-11-24"
    breached = await gql(BREACH, {"input": {"crn": CRN, "sentenceId": order, "initiatedOn": "2026-11-18",
                                            "rationale": "Two unacceptable absences in 12 months"}})
    assert breached["initiateBreach"]["case"]["sentences"][0]["status"] == "BREACHED"
    assert breached["initiateBreach"]["breach"]["referredToNps"] is False
    after = {s["standard"]: s for s in (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["standards"]}
    assert after["ENF-4"]["state"] == "MET" and after["ENF-3"]["state"] == "MET"
    continued = await gql(OUTCOME, {"input": {"crn": CRN, "sentenceId": order, "decidedOn": "2026-11-19",
                                              "outcome": "ORDER_CONTINUED"}})
    assert continued["recordBreachOutcome"]["case"]["sentences"][0]["status"] == "ACTIVE"
    spent = (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["sentences"][0]["compliance"]
    assert spent["countingFailureDates"] == [] and spent["spentWarnings"] == 1 and spent["liveWarnings"] == 0  # ENF-5


async def test_enf_1_explanations_decisions_and_corrections_are_kept(gql, order):
    failure = (await miss(gql, order, "2026-11-16"))["failureToComply"]["id"]
    await unacceptable(gql, failure)
    refused = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": True, "rationale": "Hospital",
                                           "explanation": {"receivedOn": "2026-11-18", "receivedBy": "Officer One",
                                                           "details": "Admitted to A&E"}}})
    assert refused["decideFailureToComply"]["userErrors"][0]["standard"] == "ENF-1"
    corrected = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": True, "rationale": "Hospital",
                                             "correctionReason": "Discharge letter arrived after the first decision",
                                             "explanation": {"receivedOn": "2026-11-18", "receivedBy": "Officer One",
                                                             "details": "Admitted to A&E"}}})
    decisions = corrected["decideFailureToComply"]["failureToComply"]["decisions"]
    assert [d["acceptable"] for d in decisions] == [False, True]
    assert corrected["decideFailureToComply"]["failureToComply"]["status"] == "ACCEPTABLE"
    assert (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["compliance"]["unacceptable"] == 0


@pytest.mark.parametrize("principal, code", [(None, "SENIOR_MANAGER_REQUIRED"), (SENIOR, None)])
async def test_lic_3_final_licence_warning_needs_the_senior_manager_role(gql, licence, principal, code):
    failure = (await miss(gql, licence, "2026-11-16"))["failureToComply"]["id"]
    await unacceptable(gql, failure, "2026-11-16")
    data = await gql(WARN, {"input": {"crn": CRN, "sentenceId": licence, "issuedOn": "2026-11-17", "final": True,
                                      "rationale": "Second and final warning"}}, principal=principal)
    codes = [e["code"] for e in data["issueWarning"]["userErrors"]]
    assert codes == ([code] if code else [])


async def test_lic_1_lic_2_lic_4_licence_recall_report_and_re_release(gql, licence):
    failure = (await miss(gql, licence, "2026-11-02"))["failureToComply"]["id"]
    await unacceptable(gql, failure, "2026-11-03")
    standards = {s["standard"]: s for s in (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["standards"]}
    assert standards["LIC-1"]["dueBy"] == "2026-11-13" and standards["LIC-1"]["state"] == "OVERDUE"
    recalled = await gql(RECALL, {"input": {"crn": CRN, "sentenceId": licence, "decidedAt": "2026-11-12T15:00:00+00:00",
                                            "emergency": True, "rationale": "Whereabouts unknown; risk escalating"}})
    assert recalled["recommendRecall"]["recall"]["reportDueAt"] == "2026-11-12T17:00:00+00:00"
    assert recalled["recommendRecall"]["case"]["sentences"][0]["status"] == "RECALLED"
    sent = await gql(REPORT, {"input": {"crn": CRN, "sentenceId": licence, "sentAt": "2026-11-12T16:30:00+00:00"}})
    assert sent["recordRecallReportSent"]["userErrors"] == []
    standards = {s["standard"]: s for s in (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["standards"]}
    assert standards["LIC-1"]["state"] == "MET" and standards["LIC-2"]["state"] == "OVERDUE"  # sent is not received
    late = await gql(RECEIVED, {"input": {"crn": CRN, "sentenceId": licence, "receivedAt": "2026-11-12T17:30:00+00:00"}})
    assert late["recordRecallReportReceived"]["recall"]["reportReceivedAt"] == "2026-11-12T17:30:00+00:00"
    standards = {s["standard"]: s for s in (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["standards"]}
    assert standards["LIC-2"]["state"] == "NOT_MET"
    released = await gql(RERELEASE, {"input": {"crn": CRN, "sentenceId": licence, "releasedOn": "2026-11-19"}})
    assert released["recordReRelease"]["case"]["sentences"][0]["status"] == "ACTIVE"
    assert (await gql(COMPLIANCE, {"asOf": "2026-11-20"}))["case"]["sentences"][0]["compliance"]["countingFailureDates"] == []


async def test_recall_instants_need_an_offset(gql, licence):
    data = await gql(RECALL, {"input": {"crn": CRN, "sentenceId": licence, "decidedAt": "2026-11-12T15:00:00",
                                        "emergency": False, "rationale": "r"}})
    assert data["recommendRecall"]["userErrors"][0]["field"] == ["input", "decidedAt"]


async def test_enf_6_unpermitted_permanent_move_creates_a_failure_idempotently(gql, store, order):
    mutation = """mutation($input: RecordAddressChangeInput!) { recordAddressChange(input: $input) {
        failuresToComply { id date reason status } userErrors { field code } } }"""
    variables = {"input": {"crn": CRN, "changedOn": "2026-11-10", "permanent": True, "permissionSought": False,
                           "emergency": False, "details": "Moved to Bradford", "clientMutationId": "move-1"}}
    first = await gql(mutation, variables)
    [failure] = first["recordAddressChange"]["failuresToComply"]
    assert failure["status"] == "AWAITING_DECISION" and "ENF-6" in failure["reason"]
    before = await snapshot(store)
    again = await gql(mutation, variables)
    assert again["recordAddressChange"]["failuresToComply"] == [failure]
    assert await snapshot(store) == before


async def test_enf_7_breach_on_a_crc_case_is_referred_to_the_nps(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, imposedOn="2026-06-01", offence={
        "description": "Theft", "category": "ACQUISITIVE", "committedOn": "2026-05-01"})})
    order = data["addSentence"]["case"]["sentences"][0]["id"]
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "CRC", "officer": {"code": "C1", "name": "Cee"}, "allocatedOn": "2026-06-02", "rationale": "Allocated by RoSH band"}})
    await unacceptable(gql, (await miss(gql, order, "2026-11-16"))["failureToComply"]["id"], "2026-11-16")
    breached = await gql(BREACH, {"input": {"crn": CRN, "sentenceId": order, "initiatedOn": "2026-11-18", "rationale": "Persistent"}})
    assert breached["initiateBreach"]["breach"]["referredToNps"] is True
    assert "CRC" in breached["initiateBreach"]["breach"]["referralReason"]


async def test_rec_2_a_warning_without_rationale_is_refused(gql, order):
    await unacceptable(gql, (await miss(gql, order, "2026-11-16"))["failureToComply"]["id"], "2026-11-16")
    data = await gql(WARN, {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-11-17", "final": False, "rationale": " "}})
    assert [(e["field"], e["standard"]) for e in data["issueWarning"]["userErrors"]] == [(["input", "rationale"], "REC-2")]

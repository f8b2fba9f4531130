"""National standards III through GraphQL (issue 10 items 1, 2, 4 to 8): an undecided failure's
deadline, late records and the past `asOf`, LIC-2 at instants and on receipt, the second licence
warning, failures added to a pending breach, ENF-6's balanced decision and PSS committal. Bad
inputs answer with field-pointing userErrors and write nothing (the store is re-read)."""

from domain.core.enums import Provider, Role
from domain.core.principal import Principal
from tests.conftest import ADD_SENTENCE, ALLOCATE, ROSH, community_order_input, create_case
from tests.schema.test_bad_inputs import assert_refused, snapshot
from tests.schema.test_enforcement_api import (  # noqa: F401  (fixtures)
    BREACH,
    CRN,
    OUTCOME,
    RECALL,
    RECEIVED,
    REPORT,
    SENIOR,
    licence,
    miss,
    order,
    unacceptable,
)

PRACTITIONER = Principal(subject="p-1", name="Pat Practitioner", roles=frozenset({Role.PRACTITIONER}),
                         provider=Provider.NPS, staff_code="N07A001")

STANDARDS = """query($asOf: Date, $at: DateTime) { case(crn: "X123456") {
    standards(asOf: $asOf, at: $at) { standard state dueBy dueAt detail }
    compliance(asOf: $asOf) { awaitingDecision nextAction { standard action dueBy } } } }"""
DECIDE = """mutation($input: DecideFailureToComplyInput!) { decideFailureToComply(input: $input) { case { version }
    failureToComply { status decisions { decidedOn recordedLate recorded { at } } }
    userErrors { field code message standard } } }"""
WARN = """mutation($input: IssueWarningInput!) { issueWarning(input: $input) { case { version }
    warning { issuedOn final recordedLate } userErrors { field code message standard } } }"""
ADD = """mutation($input: AddFailureToBreachInput!) { addFailureToBreach(input: $input) { case { version }
    breach { addedFailures { failureId addedOn recordedLate } } userErrors { field code message standard } } }"""
MOVE = """mutation($input: RecordAddressChangeInput!) { recordAddressChange(input: $input) { case { version }
    failuresToComply { status reason decisions { acceptable rationale emergencyMove { outsideOffendersControl
      breachActionWarranted } } } userErrors { field code message standard } } }"""
SENTENCES = """query { case(crn: "X123456") { sentences { status warnings { issuedOn final recordedLate }
    breaches { outcome recordedLate outcomeRecordedLate addedFailures { addedOn } }
    recalls { recordedLate reportReceivedAt reportRecordedLate } compliance(asOf: "2026-11-20") { countingFailureDates } } } }"""


async def standards(gql, as_of=None, at=None, standard=None):
    data = (await gql(STANDARDS, {"asOf": as_of, "at": at}))["case"]
    found = {s["standard"]: s for s in data["standards"]}
    return (found.get(standard) if standard else found), data["compliance"]


# --- item 1 ----------------------------------------------------------------------------------------

async def test_enf_3_enf_4_an_undecided_failure_has_a_deadline_and_the_next_action_is_deciding_it(gql, order):
    await unacceptable(gql, (await miss(gql, order, "2026-10-05"))["failureToComply"]["id"], "2026-10-05")
    await gql(WARN, {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-10-06", "final": False, "rationale": "First"}})
    failure = (await miss(gql, order, "2026-11-12"))["failureToComply"]["id"]
    enf_3, compliance = await standards(gql, "2026-11-20", standard="ENF-3")
    assert (enf_3["state"], enf_3["dueBy"]) == ("DUE", "2026-11-20")
    assert "awaiting decision" in enf_3["detail"]
    assert "If the failure of 2026-11-12 is found unacceptable, breach is required (2nd" in enf_3["detail"]
    assert compliance["nextAction"] == {"standard": "ENF-3", "action": "Decide the failure to comply of 2026-11-12",
                                        "dueBy": "2026-11-20"}
    assert compliance["awaitingDecision"] == 1
    assert (await standards(gql, "2026-11-23", standard="ENF-3"))[0]["state"] == "OVERDUE"
    accepted = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": True, "decidedOn": "2026-11-19",
                                            "rationale": "Hospital admission confirmed",
                                            "explanation": {"receivedOn": "2026-11-18", "receivedBy": "Officer One",
                                                            "details": "Admitted to A&E"}}})
    assert accepted["decideFailureToComply"]["userErrors"] == []
    enf_3, compliance = await standards(gql, "2026-11-23", standard="ENF-3")
    assert enf_3["state"] == "MET" and enf_3["detail"].startswith("Explanation accepted on 2026-11-19: Hospital")
    assert compliance["nextAction"] is None


async def test_lic_1_an_undecided_licence_failure_is_due_by_the_9th_working_day(gql, licence):
    await miss(gql, licence, "2026-11-02")
    lic_1, compliance = await standards(gql, "2026-11-13", standard="LIC-1")
    assert (lic_1["state"], lic_1["dueBy"]) == ("DUE", "2026-11-13")
    assert compliance["nextAction"]["action"] == "Decide the failure to comply of 2026-11-02"
    assert (await standards(gql, "2026-11-16", standard="LIC-1"))[0]["state"] == "OVERDUE"


# --- item 2 ----------------------------------------------------------------------------------------

async def test_enf_1_rec_1_decided_on_is_checked_and_bad_dates_write_nothing(gql, store, order):
    failure = (await miss(gql, order, "2026-11-12"))["failureToComply"]["id"]
    for decided_on in ("2026-11-11", "2026-11-21"):
        await assert_refused(gql, store, DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": False,
                                                            "rationale": "No explanation", "decidedOn": decided_on}},
                             field=["input", "decidedOn"], code="INVALID_INPUT")
    data = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": False, "rationale": "None given",
                                        "decidedOn": "2026-11-13"}})
    [decision] = data["decideFailureToComply"]["failureToComply"]["decisions"]
    assert decision["decidedOn"] == "2026-11-13" and decision["recordedLate"] is True   # recorded on the 20th
    on_the_day = await gql(DECIDE, {"input": {"crn": CRN, "failureId": failure, "acceptable": False, "rationale": "Again",
                                              "correctionReason": "Wrong officer noted"}})
    assert on_the_day["decideFailureToComply"]["failureToComply"]["decisions"][1]["recordedLate"] is False


async def test_rec_1_enf_3_a_late_warning_is_accepted_flagged_and_a_past_as_of_is_unchanged(gql, store, order):
    failure = (await miss(gql, order, "2026-11-02"))["failureToComply"]["id"]
    too_early = {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-11-04", "final": False, "rationale": "Warned"}}
    await unacceptable(gql, failure, "2026-11-05")
    await assert_refused(gql, store, WARN, too_early, field=["input", "sentenceId"], code="STANDARD_VIOLATION",
                         standard="ENF-3")   # on the 4th the failure was not yet decided
    before = await standards(gql, "2026-11-05")
    warned = await gql(WARN, {"input": {**too_early["input"], "issuedOn": "2026-11-09"}})
    assert warned["issueWarning"]["warning"] == {"issuedOn": "2026-11-09", "final": False, "recordedLate": True}
    assert await standards(gql, "2026-11-05") == before            # a late record for a later date changes nothing
    assert (await standards(gql, "2026-11-09", standard="ENF-3"))[0]["state"] == "MET"
    sentence = (await gql(SENTENCES))["case"]["sentences"][0]
    assert sentence["warnings"] == [{"issuedOn": "2026-11-09", "final": False, "recordedLate": True}]


# --- item 4 ----------------------------------------------------------------------------------------

async def test_lic_2_emergency_report_overdue_from_the_instant_and_met_on_receipt(gql, store, licence):
    await unacceptable(gql, (await miss(gql, licence, "2026-11-16"))["failureToComply"]["id"], "2026-11-16")
    recalled = await gql(RECALL, {"input": {"crn": CRN, "sentenceId": licence, "decidedAt": "2026-11-20T08:30:00+00:00",
                                            "emergency": True, "rationale": "Whereabouts unknown"}})
    assert recalled["recommendRecall"]["userErrors"] == []
    now, _ = await standards(gql, standard="LIC-2")                       # the clock says 10:00
    assert (now["state"], now["dueAt"]) == ("DUE", "2026-11-20T10:30:00+00:00")
    assert (await standards(gql, "2026-11-20", standard="LIC-2"))[0]["state"] == "DUE"   # today is judged now
    assert (await standards(gql, at="2026-11-20T10:30:00+00:00", standard="LIC-2"))[0]["state"] == "DUE"
    assert (await standards(gql, at="2026-11-20T10:31:00+00:00", standard="LIC-2"))[0]["state"] == "OVERDUE"
    assert (await standards(gql, at="2026-11-20T08:29:00+00:00", standard="LIC-2"))[0] is None
    await gql(REPORT, {"input": {"crn": CRN, "sentenceId": licence, "sentAt": "2026-11-20T09:00:00+00:00"}})
    assert (await standards(gql, at="2026-11-20T10:31:00+00:00", standard="LIC-2"))[0]["state"] == "OVERDUE"
    await assert_refused(gql, store, RECEIVED, {"input": {"crn": CRN, "sentenceId": licence,
                                                          "receivedAt": "2026-11-20T08:00:00+00:00"}},
                         field=["input", "receivedAt"], code="INVALID_INPUT")
    received = await gql(RECEIVED, {"input": {"crn": CRN, "sentenceId": licence, "receivedAt": "2026-11-20T09:45:00+00:00"}})
    assert received["recordRecallReportReceived"]["recall"] == {
        "reportSentAt": "2026-11-20T09:00:00+00:00", "reportReceivedAt": "2026-11-20T09:45:00+00:00",
        "reportRecordedLate": False}
    assert (await standards(gql, at="2026-11-20T10:31:00+00:00", standard="LIC-2"))[0]["state"] == "MET"


async def test_lic_2_the_instant_argument_is_checked(gql, licence):
    for variables in ({"at": "2026-11-20T10:31:00"}, {"asOf": "2026-11-19", "at": "2026-11-20T10:31:00+00:00"}):
        result = await gql(STANDARDS, variables, expect_errors=True)
        assert result["errors"][0].extensions["code"] == "BAD_USER_INPUT"


# --- item 5 ----------------------------------------------------------------------------------------

async def test_lic_3_the_second_live_licence_warning_needs_a_senior_manager_whatever_final_says(gql, store, licence):
    await unacceptable(gql, (await miss(gql, licence, "2026-11-02"))["failureToComply"]["id"], "2026-11-02")
    first = await gql(WARN, {"input": {"crn": CRN, "sentenceId": licence, "issuedOn": "2026-11-03", "final": False,
                                       "rationale": "First warning"}}, principal=PRACTITIONER)
    assert first["issueWarning"]["warning"]["final"] is False
    await unacceptable(gql, (await miss(gql, licence, "2026-11-16"))["failureToComply"]["id"], "2026-11-16")
    second = {"input": {"crn": CRN, "sentenceId": licence, "issuedOn": "2026-11-17", "final": False, "rationale": "Second"}}
    before = await snapshot(store)
    refused = await gql(WARN, second, principal=PRACTITIONER)
    [error] = refused["issueWarning"]["userErrors"]
    assert (error["code"], error["standard"], error["field"]) == ("SENIOR_MANAGER_REQUIRED", "LIC-3", ["input", "final"])
    assert refused["issueWarning"]["case"] is None and await snapshot(store) == before
    issued = await gql(WARN, second, principal=SENIOR)
    assert issued["issueWarning"]["warning"]["final"] is True                    # recorded as the final warning


# --- item 6 ----------------------------------------------------------------------------------------

async def test_enf_3_enf_4_enf_5_a_failure_while_breach_is_pending_is_added_to_it(gql, store, order):
    first = (await miss(gql, order, "2026-10-05"))["failureToComply"]["id"]
    await unacceptable(gql, first, "2026-10-05")
    await gql(WARN, {"input": {"crn": CRN, "sentenceId": order, "issuedOn": "2026-10-06", "final": False, "rationale": "First"}})
    await unacceptable(gql, (await miss(gql, order, "2026-10-19"))["failureToComply"]["id"], "2026-10-19")
    await gql(BREACH, {"input": {"crn": CRN, "sentenceId": order, "initiatedOn": "2026-10-20", "rationale": "Two in 12 months"}})
    later = (await miss(gql, order, "2026-11-02"))["failureToComply"]["id"]
    await unacceptable(gql, later, "2026-11-02")
    left = (await miss(gql, order, "2026-11-05"))["failureToComply"]["id"]
    await unacceptable(gql, left, "2026-11-05")
    enf_4, compliance = await standards(gql, "2026-11-03", standard="ENF-4")
    assert enf_4["state"] == "DUE" and "add the failure to the pending breach" in enf_4["detail"]
    assert compliance["nextAction"]["action"] == "Add the failure to comply of 2026-11-02 to the pending breach"
    await assert_refused(gql, store, ADD, {"input": {"crn": CRN, "failureId": first, "rationale": "r", "addedOn": "2026-11-04"}},
                         field=["input", "failureId"], code="INVALID_INPUT")
    await assert_refused(gql, store, ADD, {"input": {"crn": CRN, "failureId": later, "rationale": " ", "addedOn": "2026-11-04"}},
                         field=["input", "rationale"], code="STANDARD_VIOLATION", standard="REC-2")
    added = await gql(ADD, {"input": {"crn": CRN, "failureId": later, "rationale": "Further absence", "addedOn": "2026-11-04"}})
    assert added["addFailureToBreach"]["breach"]["addedFailures"] == [
        {"failureId": later, "addedOn": "2026-11-04", "recordedLate": True}]
    found, _ = await standards(gql, "2026-11-04")
    assert found["ENF-4"]["state"] == "MET"
    outcome = await gql(OUTCOME, {"input": {"crn": CRN, "sentenceId": order, "decidedOn": "2026-11-10",
                                            "outcome": "ORDER_CONTINUED"}})
    assert outcome["recordBreachOutcome"]["userErrors"] == []
    sentence = (await gql(SENTENCES))["case"]["sentences"][0]
    assert sentence["compliance"]["countingFailureDates"] == ["2026-11-05"]   # added: dealt with; not added: still counts
    assert sentence["breaches"][0]["outcomeRecordedLate"] is True


# --- item 7 ----------------------------------------------------------------------------------------

async def test_enf_6_an_emergency_move_is_recorded_with_the_officers_balanced_decision(gql, store, order):
    move = {"crn": CRN, "changedOn": "2026-11-10", "permanent": True, "emergency": True, "details": "Evicted without notice"}
    await assert_refused(gql, store, MOVE, {"input": {**move, "emergency": False, "emergencyDecision": {
        "outsideOffendersControl": True, "breachActionWarranted": False, "rationale": "r"}}},
        field=["input", "emergencyDecision"], code="INVALID_INPUT")
    decided = await gql(MOVE, {"input": {**move, "emergencyDecision": {
        "outsideOffendersControl": True, "breachActionWarranted": False,
        "rationale": "Landlord's letter seen; reported the next morning"}}})
    [failure] = decided["recordAddressChange"]["failuresToComply"]
    assert failure["status"] == "ACCEPTABLE" and "emergency" in failure["reason"]
    assert failure["decisions"][0]["emergencyMove"] == {"outsideOffendersControl": True, "breachActionWarranted": False}
    undecided = await gql(MOVE, {"input": {**move, "changedOn": "2026-11-12"}})
    assert [f["status"] for f in undecided["recordAddressChange"]["failuresToComply"]] == ["AWAITING_DECISION"]
    sought = await gql(MOVE, {"input": {**move, "emergency": False, "permissionSought": True}})   # a deprecated field
    assert [f["status"] for f in sought["recordAddressChange"]["failuresToComply"]] == ["AWAITING_DECISION"]
    granted = await gql(MOVE, {"input": {**move, "emergency": False, "permissionGranted": True}})
    assert granted["recordAddressChange"]["failuresToComply"] == []


# --- item 8 ----------------------------------------------------------------------------------------

async def pss(gql):
    await create_case(gql, CRN)
    data = await gql(ADD_SENTENCE, {"input": community_order_input(
        CRN, type="POST_SENTENCE_SUPERVISION", imposedOn="2026-01-05", lengthMonths=24, custodialTermMonths=6,
        releaseDate="2026-04-01", requirements=[], offence={"description": "Theft", "category": "ACQUISITIVE",
                                                            "committedOn": "2025-12-01"})})
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-04-01", "rationale": "Released to this area"}})
    return data["addSentence"]["case"]["sentences"][0]["id"]


PLAN = """mutation($input: RecordPlanInput!) { recordPlan(input: $input) { userErrors { field code } } }"""


async def test_plan_5_enf_5_committal_to_custody_for_breach_of_pss(gql, store):
    sentence = await pss(gql)
    await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-04-02", "rationale": "r"}})
    await gql(PLAN, {"input": {"crn": CRN, "sentenceId": sentence, "completedOn": "2026-04-03", "roshLevelIdentified": "LOW",
                               "objectives": [{"description": "Housing"}]}})
    for on in ("2026-09-01", "2026-10-01", "2026-11-02"):
        await unacceptable(gql, (await miss(gql, sentence, on))["failureToComply"]["id"], on)
    await gql(BREACH, {"input": {"crn": CRN, "sentenceId": sentence, "initiatedOn": "2026-11-03", "rationale": "Third"}})
    committed = await gql(OUTCOME, {"input": {"crn": CRN, "sentenceId": sentence, "decidedOn": "2026-11-16",
                                              "outcome": "COMMITTED_TO_CUSTODY"}})
    assert committed["recordBreachOutcome"]["breach"]["outcome"] == "COMMITTED_TO_CUSTODY"
    assert committed["recordBreachOutcome"]["case"]["sentences"][0]["status"] == "ACTIVE"
    plan_5, _ = await standards(gql, "2026-11-16", standard="PLAN-5")
    assert plan_5["state"] == "DUE" and "committed to custody for breach of post-sentence supervision" in plan_5["detail"]
    assert (await standards(gql, "2026-11-15", standard="PLAN-5"))[0] is None


async def test_enf_5_committal_to_custody_is_refused_on_a_community_order(gql, store, order):
    await unacceptable(gql, (await miss(gql, order, "2026-11-02"))["failureToComply"]["id"], "2026-11-02")
    await gql(BREACH, {"input": {"crn": CRN, "sentenceId": order, "initiatedOn": "2026-11-03", "rationale": "Persistent"}})
    await assert_refused(gql, store, OUTCOME, {"input": {"crn": CRN, "sentenceId": order, "decidedOn": "2026-11-16",
                                                         "outcome": "COMMITTED_TO_CUSTODY"}},
                         field=["input", "outcome"], code="INVALID_INPUT")

"""Risk, MAPPA, safeguarding and tiering through GraphQL: a stored, explainable tier that follows
every input, its history, the tier filter, RISK-2 and MAPPA-1."""

from tests.conftest import ADD_SENTENCE, ALLOCATE, MAPPA, ROSH, TRANSFER, community_order_input, create_case

CRN = "X123456"
TIER = """query { case(crn: "X123456") { tier { tier protectLevel changeLevel provisional protectPoints changePoints
    breakdown { name points } explanation reason inputs { rosh mappaLevel complexityFactors reoffendingScore
    needs { need severity } mandateForChange } }
    tierHistory { tier reason } standards(asOf: "2026-11-20") { standard state detail } } }"""
RISK = """mutation($input: %s!) { %s(input: $input) { case { version tier { tier } } userErrors { field code message standard } } }"""


async def read(gql):
    return (await gql(TIER))["case"]


async def add_order(gql, crn=CRN, **overrides):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(crn, **overrides)})
    assert data["addSentence"]["userErrors"] == []


async def test_tier_1_every_case_has_a_stored_tier_that_follows_its_inputs(gql):
    await create_case(gql, CRN)
    opened = await read(gql)
    # hmpps-tier-v2.2026: no active sentence is N/A (was ?0).
    assert opened["tier"]["tier"] == "N/A" and opened["tier"]["protectLevel"] == "NOT_APPLICABLE"
    assert not opened["tier"]["provisional"]
    await add_order(gql)  # unpaid work only: no mandate for change
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "riskToChildren": "MEDIUM", "assessedOn": "2026-11-02",
                               "rationale": "Weapon use", "reoffendingScore": "45.50", "seriousRecidivismScore": "7.00"}})
    await gql(MAPPA, {"input": {"crn": CRN, "category": "CATEGORY_2", "level": "LEVEL_1", "registeredOn": "2026-11-03",
                                "visorRecorded": True, "visorReference": "V123456"}})
    data = await gql(RISK % ("RecordNeedsAssessmentInput", "recordNeedsAssessment"), {"input": {
        "crn": CRN, "assessedOn": "2026-11-04",
        "needs": [{"need": "ATTITUDES", "severity": "SEVERE"}, {"need": "ACCOMMODATION", "severity": "STANDARD"}]}})
    assert data["recordNeedsAssessment"]["userErrors"] == []
    tier = (await read(gql))["tier"]
    # protect: max(RoSH 20, serious recidivism 20) + MAPPA 5 = 25 -> B (hmpps-tier-v2.2026: RoSH to children
    # no longer adds a RISK_TO_CHILDREN factor, so 25 where the previous version said 27)
    # change: unpaid work only -> no mandate for change -> 0
    assert tier["tier"] == "B0" and tier["protectPoints"] == 25
    assert tier["inputs"]["complexityFactors"] == [] and tier["inputs"]["reoffendingScore"] == "45.50"
    assert {b["name"]: b["points"] for b in tier["breakdown"]}["mappa"] == 5
    history = (await read(gql))["tierHistory"]
    assert [h["tier"] for h in history][:1] == ["B0"] and [h["tier"] for h in history][-2:] == ["?0", "N/A"]
    assert [h["reason"] for h in history][-1] == "Case opened"


async def test_tier_1_caseload_filter_by_tier(gql):
    for crn, level in (("A000001", "HIGH"), ("B000002", "LOW"), ("C000003", None)):
        await create_case(gql, crn)
        await add_order(gql, crn)
        if level:
            await gql(ROSH, {"input": {"crn": crn, "level": level, "assessedOn": "2026-11-02", "rationale": "r"}})
    data = await gql("""query { cases(first: 10, filter: {tiers: ["B0", "?0"]}) { edges { node { crn tier { tier } } } } }""")
    assert [(e["node"]["crn"], e["node"]["tier"]["tier"]) for e in data["cases"]["edges"]] == [("A000001", "B0"), ("C000003", "?0")]


async def test_risk_2_escalation_on_a_crc_case_until_transfer(gql):
    await create_case(gql, CRN)
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "CRC", "officer": {"code": "C1", "name": "Cee"}, "allocatedOn": "2026-11-02", "rationale": "Allocated by RoSH band"}})
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "assessedOn": "2026-11-10", "rationale": "Threats to kill"}})
    standards = {s["standard"]: s for s in (await read(gql))["standards"]}
    assert standards["RISK-2"]["state"] == "DUE"
    await gql(TRANSFER, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "transferredOn": "2026-11-11", "rationale": "RoSH HIGH (RISK-2)"}})
    standards = {s["standard"]: s for s in (await read(gql))["standards"]}
    assert standards["RISK-2"]["state"] == "MET"


async def test_mappa_1_and_deregistration_through_graphql(gql):
    await create_case(gql, CRN)
    await gql(MAPPA, {"input": {"crn": CRN, "category": "CATEGORY_1", "level": "LEVEL_2", "registeredOn": "2026-11-03",
                                "visorRecorded": False}})
    assert {s["standard"]: s for s in (await read(gql))["standards"]}["MAPPA-1"]["state"] == "NOT_MET"
    data = await gql(RISK % ("DeregisterMappaInput", "deregisterMappa"), {"input": {
        "crn": CRN, "deregisteredOn": "2026-11-10", "reason": "Registration period ended"}})
    assert data["deregisterMappa"]["userErrors"] == []
    read_back = await gql("""query { case(crn: "X123456") { mappa { level } mappaHistory { deregisteredOn deregistrationReason } } }""")
    assert read_back["case"]["mappa"] is None
    assert read_back["case"]["mappaHistory"] == [{"deregisteredOn": "2026-11-10", "deregistrationReason": "Registration period ended"}]


async def test_safe_1_safeguarding_registration_ends_and_moves_the_tier(gql):
    await create_case(gql, CRN)
    await add_order(gql)
    await gql(ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-11-02", "rationale": "r"}})
    data = await gql(RISK % ("RegisterSafeguardingInput", "registerSafeguarding"), {"input": {
        "crn": CRN, "kind": "CHILD_PROTECTION", "startedOn": "2026-11-03", "reviewOn": "2027-02-03",
        "referredTo": "CHILDRENS_SERVICES", "referredOn": "2026-11-03", "details": "Child on a protection plan"}})
    assert data["registerSafeguarding"]["case"]["tier"]["tier"] == "C0"  # 10 + 2 complexity = 12
    concern = (await gql("""query { case(crn: "X123456") { safeguarding { id kind referredTo endedOn } } }"""))["case"]["safeguarding"][0]
    assert concern["referredTo"] == "CHILDRENS_SERVICES"
    ended = await gql(RISK % ("EndSafeguardingInput", "endSafeguarding"), {"input": {
        "crn": CRN, "safeguardingId": concern["id"], "endedOn": "2026-11-19"}})
    assert ended["endSafeguarding"]["userErrors"] == []
    tier = (await read(gql))["tier"]
    assert tier["protectPoints"] == 10 and tier["inputs"]["complexityFactors"] == []


async def test_risk_3_emergency_action_through_graphql(gql):
    await create_case(gql, CRN)
    data = await gql(RISK % ("RecordEmergencyActionInput", "recordEmergencyAction"), {"input": {
        "crn": CRN, "occurredAt": "2026-11-19T15:00:00+00:00", "action": "Police called to the address",
        "managerInformedAt": "2026-11-19T15:20:00+00:00"}})
    assert data["recordEmergencyAction"]["userErrors"] == []
    actions = await gql("""query { case(crn: "X123456") { emergencyActions { action managerInformedAt } } }""")
    assert actions["case"]["emergencyActions"] == [{"action": "Police called to the address",
                                                    "managerInformedAt": "2026-11-19T15:20:00+00:00"}]
    assert {s["standard"]: s["state"] for s in (await read(gql))["standards"]}["RISK-3"] == "MET"


INFORMED = RISK % ("RecordManagerInformedInput", "recordManagerInformed")
ACTIONS = """query { case(crn: "X123456") { emergencyActions { id action managerInformedAt }
    standards(asOf: "2026-11-20") { standard state dueBy detail } } }"""


async def test_risk_3_the_action_first_and_the_manager_informed_later(gql):
    await create_case(gql, CRN)
    data = await gql(RISK % ("RecordEmergencyActionInput", "recordEmergencyAction"), {"input": {
        "crn": CRN, "occurredAt": "2026-11-19T15:00:00+00:00", "action": "Ambulance called: overdose"}})
    assert data["recordEmergencyAction"]["userErrors"] == []
    case = (await gql(ACTIONS))["case"]
    [action] = case["emergencyActions"]
    assert action["managerInformedAt"] is None
    [due] = [s for s in case["standards"] if s["standard"] == "RISK-3"]
    assert (due["state"], due["dueBy"]) == ("DUE", None) and "as soon as possible" in due["detail"]
    node = await gql("""query($id: ID!) { node(id: $id) { ... on EmergencyAction { action } } }""", {"id": action["id"]})
    assert node["node"] == {"action": "Ambulance called: overdose"}
    done = await gql(INFORMED, {"input": {"crn": CRN, "emergencyActionId": action["id"],
                                          "informedAt": "2026-11-20T08:30:00+00:00"}})
    assert done["recordManagerInformed"]["userErrors"] == []
    case = (await gql(ACTIONS))["case"]
    assert case["emergencyActions"][0]["managerInformedAt"] == "2026-11-20T08:30:00+00:00"
    assert [s["state"] for s in case["standards"] if s["standard"] == "RISK-3"] == ["MET"]


async def test_risk_3_bad_manager_informed_inputs_are_user_errors(gql):
    await create_case(gql, CRN)
    await gql(RISK % ("RecordEmergencyActionInput", "recordEmergencyAction"), {"input": {
        "crn": CRN, "occurredAt": "2026-11-19T15:00:00+00:00", "action": "Police called"}})
    action_id = (await gql(ACTIONS))["case"]["emergencyActions"][0]["id"]
    cases = [
        ({"emergencyActionId": "not-an-id", "informedAt": "2026-11-19T16:00:00+00:00"}, ["input", "emergencyActionId"], "NOT_FOUND", None),
        ({"emergencyActionId": action_id, "informedAt": "2026-11-19T14:59:00+00:00"}, ["input", "informedAt"], "STANDARD_VIOLATION", "RISK-3"),
        ({"emergencyActionId": action_id, "informedAt": "2026-11-21T09:00:00+00:00"}, ["input", "informedAt"], "INVALID_INPUT", None),
        ({"emergencyActionId": action_id, "informedAt": "2026-11-19T16:00:00"}, ["input", "informedAt"], "INVALID_INPUT", None),
    ]
    for fields, path, code, standard in cases:
        data = await gql(INFORMED, {"input": {"crn": CRN, **fields}})
        [error] = data["recordManagerInformed"]["userErrors"]
        assert (error["field"], error["code"], error["standard"]) == (path, code, standard), fields
        assert data["recordManagerInformed"]["case"] is None
    await gql(INFORMED, {"input": {"crn": CRN, "emergencyActionId": action_id, "informedAt": "2026-11-19T16:00:00+00:00"}})
    again = await gql(INFORMED, {"input": {"crn": CRN, "emergencyActionId": action_id,
                                           "informedAt": "2026-11-19T17:00:00+00:00"}})
    assert again["recordManagerInformed"]["userErrors"][0]["field"] == ["input", "emergencyActionId"]
    assert (await gql(ACTIONS))["case"]["emergencyActions"][0]["managerInformedAt"] == "2026-11-19T16:00:00+00:00"


async def test_a_bad_score_is_a_user_error_pointing_at_it(gql):
    await create_case(gql, CRN)
    data = await gql(ROSH, {"input": {"crn": CRN, "level": "LOW", "assessedOn": "2026-11-02", "rationale": "r",
                                      "reoffendingScore": "101"}})
    assert data["recordRoshAssessment"]["userErrors"][0]["field"] == ["input", "reoffendingScore"]

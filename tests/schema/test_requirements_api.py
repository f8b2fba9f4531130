"""Requirements and conditions as the law has them, through GraphQL: licence conditions are not
community-order requirements (REQ-RAR-1, REQ-EXC-1), programme eligibility at referral (REQ-PRG-1),
AAMR and alcohol treatment (REQ-AAMR-1), the unpaid work extension (REQ-UPW-3), drug tests and
safeguards (REQ-DRG-1, REQ-DRG-2), police notifications (NOTIFY-1, NOTIFY-2) and closing
discretionary victim contact (VIC-1). Every refusal is checked to write nothing."""

import pytest

from domain.core.enums import Role
from domain.core.principal import Principal
from tests.conftest import ADD_SENTENCE, ROSH, community_order_input, create_case
from tests.schema.test_bad_inputs import assert_refused, snapshot

CRN = "X123456"
VLO = Principal(subject="vlo-1", name="VLO", roles=frozenset({Role.VICTIM_LIAISON_OFFICER}))
PRACTITIONER = Principal(subject="p-1", name="Pat", roles=frozenset({Role.PRACTITIONER}))
STANDARDS = """query($asOf: Date) { case(crn: "X123456") { standards(asOf: $asOf) { standard state dueBy detail } } }"""
IPV = {"description": "Assault on partner", "category": "INTIMATE_PARTNER_VIOLENCE", "committedOn": "2026-08-01"}
TESTING = {"type": "DRUG_TESTING", "drugMisuseFactorInOffending": True, "dependentOrPropensity": True}


def licence(**overrides):
    return {"type": "LICENCE", "imposedOn": "2026-01-05", "lengthMonths": 24, "custodialTermMonths": 24,
            "releaseDate": "2026-11-09", "offence": {"description": "Supply", "category": "DRUGS", "committedOn": "2025-06-01"},
            **overrides}


@pytest.fixture
async def case(gql):
    await create_case(gql, CRN)
    return CRN


EARLY = {"description": "Theft", "category": "ACQUISITIVE", "committedOn": "2026-01-10"}


async def add(gql, **overrides):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, **{"offence": EARLY, **overrides})})
    assert data["addSentence"]["userErrors"] == [], data
    return data["addSentence"]["case"]["sentences"][-1]


async def standards(gql, as_of, standard):
    data = await gql(STANDARDS, {"asOf": as_of})
    return [s for s in data["case"]["standards"] if s["standard"] == standard]


# Item 9: licence and PSS conditions -----------------------------------------------------------------

async def test_req_rar_1_supervision_is_a_licence_and_pss_condition_whatever_the_offence_date(gql, store, case):
    await add(gql, **licence(requirements=[{"type": "SUPERVISION"}]))
    await add(gql, **licence(type="POST_SENTENCE_SUPERVISION", custodialTermMonths=6, requirements=[{"type": "SUPERVISION"}]))
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[{"type": "SUPERVISION"}])},
                         field=["input", "requirements", "0", "type"], code="STANDARD_VIOLATION", standard="REQ-RAR-1")


async def test_req_exc_1_a_licence_exclusion_zone_is_not_limited_to_2_years(gql, store, case):
    zone = {"type": "EXCLUSION", "lengthMonths": 1, "details": "Leeds"}
    await add(gql, **licence(requirements=[zone]))
    await add(gql, **licence(requirements=[{**zone, "lengthMonths": 24}]))
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(CRN, requirements=[zone])},
                         field=["input", "requirements", "0", "lengthMonths"], code="STANDARD_VIOLATION", standard="REQ-EXC-1")


# Item 10: programme eligibility at referral ----------------------------------------------------------

REFER = """mutation($input: ReferToProgrammeInput!) { referToProgramme(input: $input) {
    case { version } referral { programmeCode referredOn status confirmations recordedLate }
    requirement { programmeEligibility { programmeCode status referred evaluatedOn criteria { requires met } } }
    userErrors { field code message standard } } }"""
ELIGIBILITY = """{ case(crn: "X123456") { sentences { requirements { id programme
    programmeEligibility { programmeName status referred criteria { requires source quote met } detail } } } } }"""


async def test_req_prg_1_a_courts_programme_requirement_is_recorded_and_eligibility_checked_at_referral(gql, store, case):
    # A woman with no IPV offence on the case: the court's BBR requirement is still recorded.
    await gql(ROSH, {"input": {"crn": CRN, "level": "MEDIUM", "assessedOn": "2026-10-01", "rationale": "SARA medium"}})
    sentence = await add(gql, offence=IPV, requirements=[{"type": "PROGRAMME", "programme": "Building Better Relationships"}])
    [requirement] = (await gql(ELIGIBILITY))["case"]["sentences"][0]["requirements"]
    eligibility = requirement["programmeEligibility"]
    assert eligibility["status"] == "TO_BE_CONFIRMED" and eligibility["referred"] is False
    assert any("female partner" in c["quote"] for c in eligibility["criteria"] if c["met"] is None)
    base = {"crn": CRN, "sentenceId": sentence["id"], "requirementId": requirement["id"], "referredOn": "2026-11-16",
            "suitabilityConfirmed": True, "rationale": "Group starts in January"}
    await assert_refused(gql, store, REFER, {"input": {**base, "confirmations": ["IPV_RISK_MODERATE_OR_HIGH", "RELATIONSHIP_PROBLEMS"]}},
                         field=["input", "confirmations"], code="STANDARD_VIOLATION", standard="REQ-PRG-1")
    await assert_refused(gql, store, REFER, {"input": {**base, "programme": "Kaizen"}},
                         field=["input", "programme"], code="INVALID_INPUT")  # the court ordered BBR
    data = await gql(REFER, {"input": {**base, "confirmations": ["AGAINST_FEMALE_PARTNER", "IPV_RISK_MODERATE_OR_HIGH",
                                                                "RELATIONSHIP_PROBLEMS"]}})
    payload = data["referToProgramme"]
    assert payload["userErrors"] == []
    assert payload["referral"] == {"programmeCode": "BBR", "referredOn": "2026-11-16", "status": "ELIGIBLE",
                                   "confirmations": ["AGAINST_FEMALE_PARTNER", "IPV_RISK_MODERATE_OR_HIGH", "RELATIONSHIP_PROBLEMS"],
                                   "recordedLate": True}
    shown = payload["requirement"]["programmeEligibility"]
    assert shown["status"] == "ELIGIBLE" and shown["referred"] is True and all(c["met"] for c in shown["criteria"])


async def test_req_prg_1_a_programme_with_no_criteria_in_the_sources_and_an_ineligible_woman(gql, store, case):
    sentence = await add(gql, requirements=[{"type": "PROGRAMME", "programme": "TSP"}])
    requirement = sentence["requirements"][0]["id"]
    base = {"crn": CRN, "sentenceId": sentence["id"], "requirementId": requirement, "referredOn": "2026-11-20",
            "rationale": "Thinking skills need identified"}
    await assert_refused(gql, store, REFER, {"input": {**base, "suitabilityConfirmed": False}},
                         field=["input", "suitabilityConfirmed"], code="STANDARD_VIOLATION", standard="REQ-PRG-1")
    data = await gql(REFER, {"input": {**base, "suitabilityConfirmed": True}})
    assert data["referToProgramme"]["referral"]["status"] == "NO_CRITERIA_IN_SOURCES"
    assert data["referToProgramme"]["referral"]["recordedLate"] is False


async def test_req_prg_1_the_catalogue_names_every_programme_with_its_sources(gql, case):
    data = await gql("""{ programmeCatalogue { code name setting accreditation referable notReferableBecause
        criteria { requires confirmation source { cite quote } } namedIn { cite } } }""")
    by_code = {p["code"]: p for p in data["programmeCatalogue"]}
    assert by_code["TSP"]["criteria"] == [] and by_code["TSP"]["referable"] is True
    assert by_code["KAIZEN"]["referable"] is False and "prison" in by_code["KAIZEN"]["notReferableBecause"]
    assert {"AGAINST_FEMALE_PARTNER", None} <= {c["confirmation"] for c in by_code["BBR"]["criteria"]}
    assert all(c["source"]["quote"] for p in data["programmeCatalogue"] for c in p["criteria"])


# Item 11: AAMR and alcohol treatment; unpaid work extension ------------------------------------------

async def test_req_aamr_1_refused_while_alcohol_treatment_is_in_place_on_another_sentence(gql, store, case):
    # An ATR of 2025-11-03 for 12 months is in force to 2026-11-02 inclusive.
    await add(gql, imposedOn="2025-11-03", offence={**EARLY, "committedOn": "2025-10-01"},
              requirements=[{"type": "ALCOHOL_TREATMENT", "consentGiven": True, "lengthMonths": 12}])
    aamr = {"type": "ALCOHOL_ABSTINENCE_MONITORING", "days": 90, "alcoholDependent": False, "alcoholRelatedOffence": True}
    order = {"offence": EARLY, "requirements": [aamr]}
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(CRN, imposedOn="2026-11-02", **order)},
                         field=["input", "requirements", "0", "type"], code="STANDARD_VIOLATION", standard="REQ-AAMR-1")
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(
        CRN, imposedOn="2026-11-03", offence=EARLY, requirements=[{**aamr, "alcoholRelatedOffence": False}])},
        field=["input", "requirements", "0", "alcoholRelatedOffence"], code="STANDARD_VIOLATION", standard="REQ-AAMR-1")
    sentence = await add(gql, imposedOn="2026-11-03", requirements=[aamr])
    assert sentence["requirements"][0]["type"] == "ALCOHOL_ABSTINENCE_MONITORING"


VARY = """mutation($input: VaryRequirementInput!) { varyRequirement(input: $input) { userErrors { field code } } }"""
SENTENCES = """{ case(crn: "X123456") { sentences { endDate requirements { type endsOn unpaidWork { completionDue } } } } }"""


async def test_req_upw_3_an_extension_moves_the_unpaid_work_only_never_the_sentence_end(gql, case):
    sentence = await add(gql, imposedOn="2026-11-02", requirements=[
        {"type": "UNPAID_WORK", "hours": 200}, {"type": "CURFEW", "hours": 8, "lengthMonths": 12, "details": "7pm-3am"}])
    upw = sentence["requirements"][0]["id"]
    before = (await gql(SENTENCES))["case"]["sentences"][0]
    data = await gql(VARY, {"input": {"crn": CRN, "sentenceId": sentence["id"], "requirementId": upw, "variedOn": "2026-11-19",
                                      "rationale": "Court extended the order for the hours", "extendCompletionTo": "2028-01-31"}})
    assert data["varyRequirement"]["userErrors"] == []
    after = (await gql(SENTENCES))["case"]["sentences"][0]
    assert after["endDate"] == before["endDate"] == "2027-11-01"
    assert after["requirements"][1] == before["requirements"][1]  # the curfew is not extended
    assert after["requirements"][0]["unpaidWork"]["completionDue"] == "2028-01-31"


# Item 12: drug tests and safeguards -----------------------------------------------------------------

DRUG_TEST = """mutation($input: RecordDrugTestResultInput!) { recordDrugTestResult(input: $input) {
    case { version } drugTest { result substances failureToComplyId recordedLate }
    failureToComply { id status reason } userErrors { field code message standard } } }"""


async def test_req_drg_1_a_positive_test_is_not_a_failure_a_refusal_is_an_apparent_one(gql, store, case):
    sentence = await add(gql, **licence(requirements=[TESTING]))
    base = {"crn": CRN, "sentenceId": sentence["id"], "requirementId": sentence["requirements"][0]["id"]}
    positive = (await gql(DRUG_TEST, {"input": {**base, "testedOn": "2026-11-16", "result": "POSITIVE",
                                                "substances": ["Cocaine"]}}))["recordDrugTestResult"]
    assert positive["userErrors"] == [] and positive["failureToComply"] is None
    assert positive["drugTest"] == {"result": "POSITIVE", "substances": ["Cocaine"], "failureToComplyId": None,
                                    "recordedLate": True}
    compliance = await gql('{ case(crn: "X123456") { compliance(asOf: "2026-11-20") { failures } } }')
    assert compliance["case"]["compliance"]["failures"] == 0
    retry = {"input": {**base, "testedOn": "2026-11-20", "result": "REFUSED", "clientMutationId": "test-42"}}
    refused = (await gql(DRUG_TEST, retry))["recordDrugTestResult"]
    assert refused["failureToComply"]["status"] == "AWAITING_DECISION"
    assert refused["drugTest"]["failureToComplyId"] == refused["failureToComply"]["id"]
    again = (await gql(DRUG_TEST, retry))["recordDrugTestResult"]  # a retry: the first result, no second failure
    assert again["failureToComply"]["id"] == refused["failureToComply"]["id"]
    compliance = await gql('{ case(crn: "X123456") { compliance(asOf: "2026-11-20") { failures awaitingDecision } } }')
    assert compliance["case"]["compliance"] == {"failures": 1, "awaitingDecision": 1}
    await assert_refused(gql, store, DRUG_TEST, {"input": {**base, "testedOn": "2026-11-20", "result": "POSITIVE"}},
                         field=["input", "substances"], code="INVALID_INPUT")
    await assert_refused(gql, store, DRUG_TEST, {"input": {**base, "testedOn": "2026-11-08", "result": "NEGATIVE"}},
                         field=["input", "testedOn"], code="INVALID_INPUT")  # before release


async def test_req_drg_2_the_safeguards_are_recorded_when_a_drug_condition_is_added(gql, store, case):
    data = await gql(ADD_SENTENCE, {"input": community_order_input(CRN, **licence(requirements=[{"type": "DRUG_TESTING"}]))})
    errors = data["addSentence"]["userErrors"]
    assert {(tuple(e["field"]), e["standard"]) for e in errors} == {
        (("input", "requirements", "0", "drugMisuseFactorInOffending"), "REQ-DRG-2"),
        (("input", "requirements", "0", "dependentOrPropensity"), "REQ-DRG-2")}
    await assert_refused(gql, store, ADD_SENTENCE, {"input": community_order_input(
        CRN, **licence(requirements=[{**TESTING, "dependentOrPropensity": False}]))},
        field=["input", "requirements", "0", "dependentOrPropensity"], code="STANDARD_VIOLATION", standard="REQ-DRG-2")
    await add(gql, **licence(requirements=[TESTING]))


# Item 13: police notifications ----------------------------------------------------------------------

NOTIFY = """mutation($input: RecordPoliceNotificationInput!) { recordPoliceNotification(input: $input) {
    case { version } notification { kind notifiedOn policeRecipient recordedLate }
    userErrors { field code message standard } } }"""


async def test_notify_1_and_notify_2_police_told_of_an_exclusion_at_its_start_and_end(gql, store, case):
    sentence = await add(gql, imposedOn="2026-05-04", requirements=[{"type": "EXCLUSION", "lengthMonths": 6,
                                                                      "details": "Leeds city centre"}])
    base = {"crn": CRN, "sentenceId": sentence["id"], "requirementId": sentence["requirements"][0]["id"],
            "policeRecipient": "West Yorkshire Police", "inWriting": True}
    [due] = await standards(gql, "2026-05-20", "NOTIFY-1")
    assert due["state"] == "DUE" and due["dueBy"] == "2026-11-03"  # by its last day in force (the PF sets no deadline)
    await assert_refused(gql, store, NOTIFY, {"input": {**base, "kind": "START", "notifiedOn": "2026-05-05"}},
                         field=["input", "contactForNonCompliance"], code="STANDARD_VIOLATION", standard="NOTIFY-1")
    await assert_refused(gql, store, NOTIFY, {"input": {**base, "kind": "START", "notifiedOn": "2026-05-05", "inWriting": False,
                                                        "contactForNonCompliance": "N07 duty officer"}},
                         field=["input", "inWriting"], code="STANDARD_VIOLATION", standard="NOTIFY-1")
    data = await gql(NOTIFY, {"input": {**base, "kind": "START", "notifiedOn": "2026-05-05",
                                        "contactForNonCompliance": "N07 duty officer"}})
    assert data["recordPoliceNotification"]["notification"]["recordedLate"] is True
    assert (await standards(gql, "2026-05-04", "NOTIFY-1"))[0]["state"] == "DUE"  # not yet sent that day
    assert (await standards(gql, "2026-05-05", "NOTIFY-1"))[0]["state"] == "MET"
    assert await standards(gql, "2026-11-02", "NOTIFY-2") == []  # in force to 2026-11-03
    [end] = await standards(gql, "2026-11-20", "NOTIFY-2")
    assert end["state"] == "DUE" and end["dueBy"] is None
    await assert_refused(gql, store, NOTIFY, {"input": {**base, "kind": "END", "notifiedOn": "2026-11-10", "inWriting": False}},
                         field=["input", "inWriting"], code="STANDARD_VIOLATION", standard="NOTIFY-2")
    await gql(NOTIFY, {"input": {**base, "kind": "END", "notifiedOn": "2026-11-10", "offenderNotified": True}})
    assert (await standards(gql, "2026-11-20", "NOTIFY-2"))[0]["state"] == "MET"


async def test_notify_1_overdue_when_the_prohibition_ended_before_the_police_were_told(gql, case):
    await add(gql, imposedOn="2026-05-04", requirements=[{"type": "PROHIBITED_ACTIVITY", "lengthMonths": 6, "details": "Pubs"}])
    [found] = await standards(gql, "2026-11-03", "NOTIFY-1")
    assert found["state"] == "DUE"
    [found] = await standards(gql, "2026-11-20", "NOTIFY-1")
    assert found["state"] == "OVERDUE" and found["dueBy"] == "2026-11-03"


# Item 14: discretionary victim contact closed --------------------------------------------------------

DECIDE = """mutation($input: RecordVictimContactDecisionInput!) { recordVictimContactDecision(input: $input) {
    decision { decision decidedOn reason } userErrors { field code message standard } } }"""


async def test_vic_1_discretionary_contact_is_closed_by_the_victim_liaison_officer(gql, store, case):
    sentence = await add(gql, offence=IPV)
    [open_] = await standards(gql, "2026-11-20", "VIC-1")
    assert open_["state"] == "DUE" and open_["dueBy"] is None
    decision = {"crn": CRN, "sentenceId": sentence["id"], "decision": "NOT_APPROPRIATE", "decidedOn": "2026-11-18",
                "reason": "Victim asked the police for no further contact"}
    denied = await gql(DECIDE, {"input": decision}, principal=PRACTITIONER)
    assert denied["recordVictimContactDecision"]["userErrors"][0]["code"] == "FORBIDDEN"
    before = await snapshot(store)
    missing = await gql(DECIDE, {"input": {**decision, "reason": None}}, principal=VLO)
    assert [e["field"] for e in missing["recordVictimContactDecision"]["userErrors"]] == [["input", "reason"]]
    assert await snapshot(store) == before and await store.victims.collection.count_documents({}) == 0
    done = await gql(DECIDE, {"input": decision}, principal=VLO)
    assert done["recordVictimContactDecision"]["decision"]["reason"] == decision["reason"]
    assert (await standards(gql, "2026-11-17", "VIC-1"))[0]["state"] == "DUE"
    [closed] = await standards(gql, "2026-11-18", "VIC-1")
    assert closed["state"] == "MET" and "not appropriate" in closed["detail"]
    everything = str(await gql("""{ case(crn: "X123456") { sentences { victimContact { scheme closedBy closedOn } }
        standards(asOf: "2026-11-20") { detail } } }"""))
    assert "no further contact" not in everything and "NOT_APPROPRIATE" in everything  # VIC-3: the reason stays apart
    read = await gql('{ victimContactDecisions(crn: "X123456") { decision reason } }', principal=VLO)
    assert read["victimContactDecisions"] == [{"decision": "NOT_APPROPRIATE", "reason": decision["reason"]}]
    victims = await gql('{ victims(crn: "X123456") { name } }', principal=VLO)
    assert victims["victims"] == []  # a decision is not a victim record


async def test_vic_1_statutory_contact_cannot_be_decided_not_appropriate(gql, store, case):
    sentence = await add(gql, **licence(custodialTermMonths=24, offence={"description": "Wounding", "category": "VIOLENT",
                                                                        "committedOn": "2025-06-01"}, requirements=[]))
    data = await gql(DECIDE, {"input": {"crn": CRN, "sentenceId": sentence["id"], "decision": "NOT_APPROPRIATE",
                                        "decidedOn": "2026-11-18", "reason": "Hard to reach"}}, principal=VLO)
    assert [(e["field"], e["standard"]) for e in data["recordVictimContactDecision"]["userErrors"]] == [
        (["input", "decision"], "VIC-1")]
    offered = await gql(DECIDE, {"input": {"crn": CRN, "sentenceId": sentence["id"], "decision": "OFFERED",
                                           "decidedOn": "2026-02-10"}}, principal=VLO)
    assert offered["recordVictimContactDecision"]["userErrors"] == []
    assert (await standards(gql, "2026-11-20", "VIC-2"))[0]["state"] == "MET"  # the offer is VIC-2's date too

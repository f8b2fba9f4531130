"""Issue 6: every role sees and does exactly what the policy table says (domain/policy.py), a
case the caller may not see looks like no case, partners read only the shared view, restricted
cases exist only for their allow-list, and the audit trail is complete."""

import pytest

from domain.core.enums import Agency, Provider, Role
from domain.core.principal import Principal
from tests.conftest import (
    ALLOCATE,
    MAPPA,
    ROSH,
    community_order_input,
    create_case,
    offender_input,
)

CRN = "X123456"


def staff(role: Role, provider: Provider = Provider.NPS, subject: str | None = None) -> Principal:
    return Principal(subject=subject or f"{role.value.lower()}-1", name=role.value.title(), roles=frozenset({role}),
                     provider=provider, staff_code="N07X001")


def partner(agency: Agency = Agency.POLICE) -> Principal:
    return Principal(subject=f"partner-{agency.value.lower()}", name=agency.value, roles=frozenset({Role.PARTNER}),
                     agency=agency)


ROLES = {
    "PRACTITIONER": staff(Role.PRACTITIONER),
    "SENIOR_MANAGER": staff(Role.SENIOR_MANAGER),
    "PARTNER": partner(),
    "VICTIM_LIAISON_OFFICER": Principal(subject="vlo-1", name="VLO", roles=frozenset({Role.VICTIM_LIAISON_OFFICER})),
    "AUDITOR": Principal(subject="auditor-1", name="Auditor", roles=frozenset({Role.AUDITOR})),
    "ADMIN": Principal(subject="admin-1", name="Admin", roles=frozenset({Role.ADMIN})),
}


@pytest.fixture
async def nps_case(gql):
    await create_case(gql, CRN)
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"}, "allocatedOn": "2026-11-02", "rationale": "Allocated by RoSH band"}})
    await gql(ROSH, {"input": {"crn": CRN, "level": "HIGH", "assessedOn": "2026-11-03", "rationale": "Serious violence"}})
    return CRN


async def read_case(gql, who):
    result = await gql('{ case(crn: "X123456") { crn } }', principal=who, expect_errors=None)
    return result


async def outcome_of(gql, operation, who) -> str:
    """ALLOWED, FORBIDDEN or ABSENT (the case looks like it does not exist)."""
    if operation == "read case":
        data, errors = await run(gql, '{ case(crn: "X123456") { crn } }', who)
        return forbidden_or(errors, "ALLOWED" if data["case"] else "ABSENT")
    if operation == "list cases":
        data, errors = await run(gql, "{ cases(first: 5) { edges { node { crn } } } }", who)
        return forbidden_or(errors, "ALLOWED" if data and data["cases"]["edges"] else "ABSENT")
    if operation == "standards report":
        data, errors = await run(gql, "{ standardsReport { casesExamined } }", who)
        return forbidden_or(errors, "ALLOWED" if data and data["standardsReport"]["casesExamined"] == 1 else "ABSENT")
    if operation == "write case":
        data, _ = await run(gql, ROSH, who, {"input": {"crn": CRN, "level": "HIGH", "assessedOn": "2026-11-10", "rationale": "Review"}})
        return user_error_outcome(data["recordRoshAssessment"]["userErrors"])
    if operation == "open case":
        data, _ = await run(gql, """mutation($input: CreateCaseInput!) { createCase(input: $input) { userErrors { code } } }""",
                            who, {"input": {"offender": offender_input(pncNumber=None)}})
        return user_error_outcome(data["createCase"]["userErrors"])
    if operation == "restrict case":
        data, _ = await run(gql, """mutation { restrictCase(input: {crn: "X123456", allowedSubjects: ["someone"]}) {
            userErrors { code } } }""", who)
        return user_error_outcome(data["restrictCase"]["userErrors"])
    if operation == "shared risk summary":
        data, errors = await run(gql, '{ sharedRiskSummary(crn: "X123456", purpose: RISK_MANAGEMENT) { roshLevel } }', who)
        return forbidden_or(errors, "ALLOWED" if data["sharedRiskSummary"] else "ABSENT")
    if operation == "audit log":
        data, errors = await run(gql, "{ auditEvents(first: 5) { edges { node { kind } } } }", who)
        return forbidden_or(errors, "ALLOWED")
    raise AssertionError(operation)


async def run(gql, query, who, variables=None):
    from resolvers.root import schema
    from schema.context import Context, Loaders

    context = Context(principal=who, uow=gql.uow, clock=gql.clock, loaders=Loaders.for_principal(gql.uow, who))
    result = await schema.execute(query, variable_values=variables, context_value=context)
    return result.data, result.errors or []


def forbidden_or(errors, otherwise: str) -> str:
    if errors:
        assert all(e.extensions and e.extensions.get("code") == "FORBIDDEN" for e in errors), errors
        return "FORBIDDEN"
    return otherwise


def user_error_outcome(errors) -> str:
    if not errors:
        return "ALLOWED"
    codes = {e["code"] for e in errors}
    return {"FORBIDDEN": "FORBIDDEN", "NOT_FOUND": "ABSENT"}[codes.pop()]


MATRIX = {
    #                      PRACT       SENIOR_MGR   PARTNER      VLO          AUDITOR      ADMIN
    "read case":           ("ALLOWED", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "ALLOWED", "ALLOWED"),
    "list cases":          ("ALLOWED", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "ALLOWED", "ALLOWED"),
    "standards report":    ("ALLOWED", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "ALLOWED", "ALLOWED"),
    "write case":          ("ALLOWED", "ALLOWED", "ABSENT", "ABSENT", "FORBIDDEN", "ALLOWED"),
    "open case":           ("ALLOWED", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ALLOWED"),
    "restrict case":       ("FORBIDDEN", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ALLOWED"),
    "shared risk summary": ("FORBIDDEN", "FORBIDDEN", "ALLOWED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN"),
    "audit log":           ("FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ALLOWED", "FORBIDDEN"),
}
PAIRS = [(operation, role, expected[i]) for operation, expected in MATRIX.items() for i, role in enumerate(ROLES)]


@pytest.mark.parametrize("operation, role, expected", PAIRS, ids=[f"{o}-{r}" for o, r, _ in PAIRS])
async def test_role_operation_matrix(gql, nps_case, operation, role, expected):
    assert await outcome_of(gql, operation, ROLES[role]) == expected


async def test_a_crc_practitioner_cannot_see_an_nps_case_it_looks_absent(gql, nps_case):
    crc = staff(Role.PRACTITIONER, Provider.CRC, "crc-1")
    assert await outcome_of(gql, "read case", crc) == "ABSENT"
    assert await outcome_of(gql, "write case", crc) == "ABSENT"
    assert await outcome_of(gql, "list cases", crc) == "ABSENT"


async def test_partners_cannot_reach_the_case_record_by_node(gql, nps_case):
    case_id = (await gql('{ case(crn: "X123456") { id } }'))["case"]["id"]
    data, errors = await run(gql, "query($id: ID!) { node(id: $id) { id } }", partner(), {"id": case_id})
    assert data["node"] is None and errors[0].extensions["code"] == "FORBIDDEN"


async def test_restricted_case_exists_only_for_its_allow_list(gql, nps_case):
    senior = staff(Role.SENIOR_MANAGER, subject="sm-1")
    data, _ = await run(gql, """mutation { restrictCase(input: {crn: "X123456", allowedSubjects: ["practitioner-1"]}) {
        case { crn } userErrors { code } } }""", senior)
    assert data["restrictCase"]["userErrors"] == []
    allowed, other = staff(Role.PRACTITIONER, subject="practitioner-1"), staff(Role.PRACTITIONER, subject="practitioner-2")
    assert await outcome_of(gql, "read case", allowed) == "ALLOWED"
    assert await outcome_of(gql, "read case", senior) == "ALLOWED"  # the restricting manager stays on the list
    for outsider in (other, ROLES["AUDITOR"], ROLES["ADMIN"]):
        assert await outcome_of(gql, "read case", outsider) == "ABSENT"
        assert await outcome_of(gql, "list cases", outsider) == "ABSENT"
    assert await outcome_of(gql, "shared risk summary", partner()) == "ABSENT"


async def test_audit_trail_is_complete_for_a_scripted_sequence(gql, nps_case, store):
    before = await store.audit.collection.count_documents({})
    auditor = ROLES["AUDITOR"]
    await outcome_of(gql, "write case", ROLES["PRACTITIONER"])          # a write
    await outcome_of(gql, "write case", auditor)                         # a refused write
    await outcome_of(gql, "shared risk summary", partner())             # a partner read
    await outcome_of(gql, "audit log", ROLES["PRACTITIONER"])            # a refused read
    data, _ = await run(gql, """{ auditEvents(first: 4) { edges { node { kind operation actorSubject crn versionBefore
        versionAfter purpose fieldsReturned reason } } } }""", auditor)
    events = [e["node"] for e in data["auditEvents"]["edges"]]
    assert await store.audit.collection.count_documents({}) == before + 4
    assert [(e["kind"], e["operation"], e["actorSubject"]) for e in events] == [
        ("REFUSAL", "auditEvents", "practitioner-1"),
        ("PARTNER_READ", "shared_risk_summary", "partner-police"),
        ("REFUSAL", "record_rosh_assessment", "auditor-1"),
        ("WRITE", "record_rosh_assessment", "practitioner-1"),
    ]
    assert events[3]["versionAfter"] == events[3]["versionBefore"] + 1 and events[3]["crn"] == CRN
    assert events[1]["purpose"] == "RISK_MANAGEMENT" and "roshLevel" in events[1]["fieldsReturned"]


async def test_audit_events_page_and_filter(gql, nps_case):
    auditor = ROLES["AUDITOR"]
    first, _ = await run(gql, '{ auditEvents(first: 2, crn: "X123456") { edges { cursor node { id crn } } pageInfo { hasNextPage endCursor } } }', auditor)
    page = first["auditEvents"]
    assert len(page["edges"]) == 2 and page["pageInfo"]["hasNextPage"]
    second, _ = await run(gql, 'query($after: String) { auditEvents(first: 5, crn: "X123456", after: $after) { edges { node { id } } } }',
                          auditor, {"after": page["pageInfo"]["endCursor"]})
    ids_first = {e["node"]["id"] for e in page["edges"]}
    ids_second = {e["node"]["id"] for e in second["auditEvents"]["edges"]}
    assert ids_second and not ids_first & ids_second


async def test_nothing_in_the_api_changes_or_deletes_audit_records(gql):
    from resolvers.root import schema

    mutations = [name for name in schema._schema.mutation_type.fields]
    assert not [m for m in mutations if "audit" in m.lower()]


@pytest.mark.parametrize("agency, purpose, expected", [
    (Agency.POLICE, "PUBLIC_PROTECTION", "ALLOWED"),
    (Agency.CHILDREN_SERVICES, "PUBLIC_PROTECTION", "FORBIDDEN"),   # purpose not theirs (REC-4)
    (Agency.CHILDREN_SERVICES, "SAFEGUARDING_CHILDREN", "ABSENT"),  # no child safeguarding on this case
    (Agency.PRISON, "RISK_MANAGEMENT", "ABSENT"),                   # no licence on this case
    (Agency.ADULT_SOCIAL_CARE, "SAFEGUARDING_ADULTS", "ABSENT"),
])
async def test_rec_4_partner_purposes_and_row_filters(gql, nps_case, agency, purpose, expected):
    data, errors = await run(gql, f'{{ sharedRiskSummary(crn: "X123456", purpose: {purpose}) {{ roshLevel }} }}', partner(agency))
    assert forbidden_or(errors, "ALLOWED" if data["sharedRiskSummary"] else "ABSENT") == expected


async def test_partner_field_limits_children_services_get_no_mappa(gql, nps_case):
    await gql(MAPPA, {"input": {"crn": CRN, "category": "CATEGORY_2", "level": "LEVEL_2", "registeredOn": "2026-11-04",
                                "visorRecorded": True, "visorReference": "V1"}})
    await gql("""mutation { registerSafeguarding(input: {crn: "X123456", kind: CHILD_PROTECTION, startedOn: "2026-11-05",
        referredTo: CHILDRENS_SERVICES, referredOn: "2026-11-05"}) { userErrors { code } } }""")
    query = '{ sharedRiskSummary(crn: "X123456", purpose: SAFEGUARDING_CHILDREN) { crn roshLevel mappaCategory mappaLevel safeguarding managingProvider withheldFields } }'
    children, _ = await run(gql, query, partner(Agency.CHILDREN_SERVICES))
    assert children["sharedRiskSummary"] == {"crn": CRN, "roshLevel": "HIGH", "mappaCategory": None, "mappaLevel": None,
                                             "safeguarding": ["CHILD_PROTECTION"], "managingProvider": "NPS",
                                             "withheldFields": ["mappaCategory", "mappaLevel", "pncNumber"]}
    police, _ = await run(gql, query.replace("SAFEGUARDING_CHILDREN", "MAPPA_DECISION"), partner(Agency.POLICE))
    assert police["sharedRiskSummary"]["mappaLevel"] == "LEVEL_2" and police["sharedRiskSummary"]["withheldFields"] == []


async def test_shared_restrictions_have_dates_and_no_narrative(gql):
    await create_case(gql, CRN)
    await gql("""mutation($input: AddSentenceInput!) { addSentence(input: $input) { userErrors { code } } }""",
              {"input": community_order_input(CRN, requirements=[{"type": "EXCLUSION", "lengthMonths": 6, "details": "Leeds city centre"},
                                                                 {"type": "UNPAID_WORK", "hours": 60}])})
    data, _ = await run(gql, '{ sharedRiskSummary(crn: "X123456", purpose: PUBLIC_PROTECTION) { restrictions { type startsOn endsOn details } } }',
                        partner())
    assert data["sharedRiskSummary"]["restrictions"] == [
        {"type": "EXCLUSION", "startsOn": "2026-11-02", "endsOn": "2027-05-01", "details": "Leeds city centre"}]  # inclusive


VLO = ROLES["VICTIM_LIAISON_OFFICER"]
RECORD_VICTIM = """mutation($input: RecordVictimInput!) { recordVictim(input: $input) { victim { id name scheme contactOfferedOn }
    userErrors { field code } } }"""


@pytest.fixture
async def violent_licence(gql):
    await create_case(gql, CRN)
    data = await gql("""mutation($input: AddSentenceInput!) { addSentence(input: $input) { sentence { id } userErrors { code } } }""",
                     {"input": community_order_input(CRN, type="LICENCE", imposedOn="2026-09-01", lengthMonths=36,
                                                     custodialTermMonths=36, releaseDate="2026-11-02", requirements=[],
                                                     offence={"description": "Wounding", "category": "VIOLENT",
                                                              "committedOn": "2026-03-01"})})
    await gql(ALLOCATE, {"input": {"crn": CRN, "provider": "NPS", "officer": {"code": "N1", "name": "One"}, "allocatedOn": "2026-11-02", "rationale": "Allocated by RoSH band"}})
    return data["addSentence"]["sentence"]["id"]


async def test_vic_3_victim_records_are_written_and_read_only_by_the_victim_liaison_officer(gql, violent_licence, store):
    variables = {"input": {"crn": CRN, "sentenceId": violent_licence, "scheme": "STATUTORY", "name": "Jane Victim",
                           "contactDetails": "07700 900123", "contactOfferedOn": "2026-10-20"}}
    for role in ("PRACTITIONER", "SENIOR_MANAGER", "AUDITOR", "ADMIN", "PARTNER"):
        data, _ = await run(gql, RECORD_VICTIM, ROLES[role], variables)
        assert data["recordVictim"]["userErrors"] == [{"field": None, "code": "FORBIDDEN"}], role
    assert await store.victims.collection.count_documents({}) == 0
    data, _ = await run(gql, RECORD_VICTIM, VLO, variables)
    assert data["recordVictim"]["victim"]["name"] == "Jane Victim"
    read, errors = await run(gql, '{ victims(crn: "X123456") { name contactDetails } }', VLO)
    assert read["victims"] == [{"name": "Jane Victim", "contactDetails": "07700 900123"}] and not errors
    for role in ("PRACTITIONER", "AUDITOR", "ADMIN", "PARTNER"):
        data, errors = await run(gql, '{ victims(crn: "X123456") { name } }', ROLES[role])
        assert data is None or data.get("victims") is None
        assert errors[0].extensions["code"] == "FORBIDDEN"


async def test_vic_2_met_in_time_and_nothing_about_the_victim_reachable_from_the_case(gql, violent_licence):
    before = {s["standard"]: s for s in (await gql('{ case(crn: "X123456") { standards(asOf: "2026-11-20") { standard state } } }'))["case"]["standards"]}
    assert before["VIC-2"]["state"] == "OVERDUE"  # imposed 2026-09-01, due 2026-10-27, nothing recorded yet
    await run(gql, RECORD_VICTIM, VLO, {"input": {"crn": CRN, "sentenceId": violent_licence, "scheme": "STATUTORY",
                                                  "name": "Jane Victim", "contactDetails": "07700 900123",
                                                  "contactOfferedOn": "2026-10-20", "notes": "Wants exclusion zone"}})
    everything = await gql("""{ case(crn: "X123456") { crn version offender { forename surname } allocation { provider }
        sentences { id type victimContact { scheme offerDueBy } requirements { type details } appointments { notes }
                    failuresToComply { reason } } safeguarding { details } emergencyActions { action }
        standards(asOf: "2026-11-20") { standard state dueBy detail } tier { explanation } } }""")
    text = str(everything)
    for secret in ("Jane Victim", "07700 900123", "Wants exclusion zone", "2026-10-20"):
        assert secret not in text, secret
    vic_2 = next(s for s in everything["case"]["standards"] if s["standard"] == "VIC-2")
    assert vic_2["state"] == "MET" and vic_2["detail"] == "Victim contact was offered within eight weeks."


async def test_audit_events_filter_by_actor_and_time(gql, nps_case, clock):
    from datetime import timedelta

    auditor = ROLES["AUDITOR"]
    clock.set(clock.now() + timedelta(hours=2))
    await outcome_of(gql, "write case", ROLES["PRACTITIONER"])
    later = (clock.now() - timedelta(minutes=1)).isoformat()
    data, _ = await run(gql, 'query($since: DateTime) { auditEvents(first: 10, since: $since, actor: "practitioner-1") { edges { node { operation actorSubject } } } }',
                        auditor, {"since": later})
    assert [e["node"] for e in data["auditEvents"]["edges"]] == [{"operation": "record_rosh_assessment", "actorSubject": "practitioner-1"}]
    data, _ = await run(gql, 'query($until: DateTime) { auditEvents(first: 10, until: $until) { edges { node { actorSubject } } } }',
                        auditor, {"until": later})
    assert {e["node"]["actorSubject"] for e in data["auditEvents"]["edges"]} == {"u-1"}  # the setup writes

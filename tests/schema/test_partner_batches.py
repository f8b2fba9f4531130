"""Issue 16, partners: ``sharedRiskSummaries`` (at most 100 CRNs, request order, one audit event per
CRN, every absent answer alike in shape and in the work done), the as-of and identity fields of a
summary, and ``sharingPolicy``."""

from __future__ import annotations

import pytest

from domain.core.enums import Agency, Role
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from tests.conftest import ALLOCATE, ROSH, GraphQLRunner, apart_from_audit, create_case, everything

BATCH = """query($crns: [String!]!, $purpose: SharingPurpose!) {
  sharedRiskSummaries(crns: $crns, purpose: $purpose) {
    crn summary { crn updatedAt caseVersion roshLevel roshAssessedOn managingProvider pncNumber dateOfBirth withheldFields }
  }
}"""
POLICY = "{ sharingPolicy { agency purposes fields withheldFields rowFilter maxBatchSize } }"


def partner(agency: Agency = Agency.POLICE) -> Principal:
    return Principal(subject=f"partner-{agency.value.lower()}", name=agency.value, roles=frozenset({Role.PARTNER}),
                     agency=agency)


async def audit_of(store, operation: str) -> list[dict]:
    return [d async for d in store.database["audit"].find({"operation": operation}).sort("_id", 1)]


@pytest.fixture
async def cases(gql):
    """A000001 assessed HIGH and allocated; B000002 restricted; C000003 never assessed, unallocated."""
    await create_case(gql, "A000001", pncNumber="2001/0000001A")
    await gql(ROSH, {"input": {"crn": "A000001", "level": "HIGH", "assessedOn": "2026-11-03", "rationale": "Violence"}})
    await gql(ALLOCATE, {"input": {"crn": "A000001", "provider": "NPS", "officer": {"code": "N1", "name": "One"},
                                   "allocatedOn": "2026-11-04", "rationale": "Nearest office"}})
    await create_case(gql, "B000002")
    await gql("""mutation { restrictCase(input: {crn: "B000002", allowedSubjects: ["someone"]}) { userErrors { code } } }""")
    await create_case(gql, "C000003", pncNumber=None)


async def test_rec_4_a_batch_answers_every_crn_in_request_order_with_absent_ones_null_alike(gql, cases, store):
    crns = ["C000003", "Z999999", "A000001", "not a crn", "B000002", "A000001"]
    data = await gql(BATCH, {"crns": crns, "purpose": "RISK_MANAGEMENT"}, principal=partner())
    results = data["sharedRiskSummaries"]
    assert [r["crn"] for r in results] == crns
    # Unknown, malformed and restricted: the same null, nothing to tell them apart.
    assert [r["summary"] is None for r in results] == [False, True, False, True, True, False]
    a = results[2]["summary"]
    assert a == results[5]["summary"]
    assert (a["roshLevel"], a["roshAssessedOn"], a["managingProvider"], a["pncNumber"], a["dateOfBirth"]) == (
        "HIGH", "2026-11-03", "NPS", "2001/0000001A", "1990-05-17")
    stored = await store.cases.get("A000001")
    assert a["caseVersion"] == stored.version and a["updatedAt"] == stored.updated.at.isoformat()
    c = results[0]["summary"]
    assert (c["roshLevel"], c["roshAssessedOn"], c["managingProvider"], c["pncNumber"]) == (None, None, None, None)
    # One audit event per CRN asked for, in order: a read for each summary, a refusal for each null.
    events = await audit_of(store, "shared_risk_summaries")
    assert [(e["crn"], e["kind"]) for e in events] == [
        ("C000003", "PARTNER_READ"), ("Z999999", "REFUSAL"), ("A000001", "PARTNER_READ"), ("not a crn", "REFUSAL"),
        ("B000002", "REFUSAL"), ("A000001", "PARTNER_READ")]
    assert {e["purpose"] for e in events} == {"RISK_MANAGEMENT"} and {e["agency"] for e in events} == {"POLICE"}


async def test_rec_4_out_of_scope_crns_are_null_like_unknown_ones_for_an_agency_with_a_row_filter(gql, cases, store):
    data = await gql(BATCH, {"crns": ["A000001", "Z999999"], "purpose": "SAFEGUARDING_CHILDREN"},
                     principal=partner(Agency.CHILDREN_SERVICES))
    assert data["sharedRiskSummaries"] == [{"crn": "A000001", "summary": None}, {"crn": "Z999999", "summary": None}]
    reasons = [e["reason"] for e in await audit_of(store, "shared_risk_summaries")]
    assert reasons[0].startswith("outside the CHILDREN_SERVICES row filter") and reasons[1] == "no such case"


class Counting:
    """Wraps a port and counts the calls made to it, by method."""

    def __init__(self, inner) -> None:
        self.inner, self.calls = inner, {}

    def __getattr__(self, name):
        method = getattr(self.inner, name)

        async def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            return await method(*args, **kwargs)

        return counted


async def test_rec_4_unknown_out_of_scope_and_restricted_batches_cost_the_same_work(gql, cases, store, clock):
    """No timed assertion (timings are measured by scripts/measure_partner_batch.py): the same store
    calls, whatever the reason a summary is null, so nothing in the work done tells them apart."""
    shapes = {}
    for label, crns in {"unknown": ["Z999991", "Z999992"], "restricted": ["B000002", "B000002"],
                        "out of scope": ["A000001", "C000003"], "malformed": ["nope", "x"]}.items():
        cases_port, audit_port = Counting(store.cases), Counting(store.audit)
        runner = GraphQLRunner(UnitOfWork(cases_port, clock, store.tiers, audit_port, store.victims), clock, gql.principal)
        data = await runner(BATCH, {"crns": crns, "purpose": "SAFEGUARDING_CHILDREN"},
                            principal=partner(Agency.CHILDREN_SERVICES))
        shapes[label] = ([r["summary"] for r in data["sharedRiskSummaries"]], cases_port.calls, audit_port.calls)
    assert len({repr(shape) for shape in shapes.values()}) == 1, shapes
    assert shapes["unknown"] == ([None, None], {"get_many_for_sharing": 1}, {"append_many": 1})


async def test_a_batch_of_more_than_100_crns_is_a_coded_error_and_only_the_refusal_is_written(gql, cases, store):
    before = await everything(store)
    result = await gql(BATCH, {"crns": [f"A{i:06d}" for i in range(101)], "purpose": "RISK_MANAGEMENT"},
                       principal=partner(), expect_errors=True)
    [error] = result["errors"]
    assert error.extensions == {"code": "BAD_USER_INPUT", "maximum": 100} and "at most 100" in error.message
    assert result["data"] is None
    after = await everything(store)
    [refusal] = [d for d in after["audit"] if d not in before["audit"]]
    assert (refusal["kind"], refusal["count"], refusal["crn"]) == ("REFUSAL", 101, None)
    assert apart_from_audit(after) == apart_from_audit(before)


async def test_a_batch_of_exactly_100_is_answered_and_needs_no_aliases(gql, cases, store):
    crns = ["A000001", *[f"Z{i:06d}" for i in range(99)]]
    data = await gql(BATCH, {"crns": crns, "purpose": "PUBLIC_PROTECTION"}, principal=partner())
    assert len(data["sharedRiskSummaries"]) == 100 and data["sharedRiskSummaries"][0]["summary"]["crn"] == "A000001"
    assert len(await audit_of(store, "shared_risk_summaries")) == 100


async def test_an_empty_batch_is_an_empty_answer_and_writes_nothing(gql, cases, store):
    before = await everything(store)
    data = await gql(BATCH, {"crns": [], "purpose": "RISK_MANAGEMENT"}, principal=partner())
    assert data["sharedRiskSummaries"] == [] and await everything(store) == before


async def test_rec_4_a_purpose_the_agency_does_not_hold_refuses_the_whole_batch_audited_per_crn(gql, cases, store):
    before = await everything(store)
    result = await gql(BATCH, {"crns": ["A000001", "Z999999"], "purpose": "MAPPA_DECISION"},
                       principal=partner(Agency.ADULT_SOCIAL_CARE), expect_errors=True)
    [error] = result["errors"]
    assert error.extensions == {"code": "FORBIDDEN"} and error.message.startswith("REC-4")
    assert result["data"] is None
    events = await audit_of(store, "shared_risk_summaries")
    assert [(e["crn"], e["kind"]) for e in events] == [("A000001", "REFUSAL"), ("Z999999", "REFUSAL")]
    after = await everything(store)
    assert apart_from_audit(after) == apart_from_audit(before)


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.PARTNER])
async def test_only_partners_read_batches_and_each_crn_refused_is_audited(gql, cases, store, role):
    staff = Principal(subject="staff-1", name="Staff", roles=frozenset({role}))
    result = await gql(BATCH, {"crns": ["A000001", "C000003"], "purpose": "RISK_MANAGEMENT"}, principal=staff,
                       expect_errors=True)
    assert [e.extensions["code"] for e in result["errors"]] == ["FORBIDDEN"] and result["data"] is None
    events = await audit_of(store, "shared_risk_summaries")
    assert [(e["crn"], e["kind"], e["reason"]) for e in events] == [
        ("A000001", "REFUSAL", "role lacks READ_SHARED_RISK"), ("C000003", "REFUSAL", "role lacks READ_SHARED_RISK")]


async def test_a_refused_caller_cannot_flood_the_audit_trail(gql, store):
    staff = Principal(subject="staff-1", name="Staff", roles=frozenset({Role.PRACTITIONER}))
    await gql(BATCH, {"crns": [f"Z{i:06d}" for i in range(5000)], "purpose": "RISK_MANAGEMENT"}, principal=staff,
              expect_errors=True)
    events = await audit_of(store, "shared_risk_summaries")
    assert len(events) == 101 and events[-1]["count"] == 4900


@pytest.mark.parametrize("agency, purposes, pnc", [
    (Agency.POLICE, ["RISK_MANAGEMENT", "PUBLIC_PROTECTION", "SAFEGUARDING_CHILDREN", "SAFEGUARDING_ADULTS",
                     "VICTIM_PROTECTION", "MAPPA_DECISION"], True),
    (Agency.CHILDREN_SERVICES, ["RISK_MANAGEMENT", "SAFEGUARDING_CHILDREN"], False),
    (Agency.ADULT_SOCIAL_CARE, ["RISK_MANAGEMENT", "SAFEGUARDING_ADULTS"], False),
    (Agency.YOUTH_OFFENDING_TEAM, ["RISK_MANAGEMENT", "PUBLIC_PROTECTION"], True),
])
async def test_rec_4_sharing_policy_tells_an_agency_what_it_may_ask(gql, agency, purposes, pnc):
    policy = (await gql(POLICY, principal=partner(agency)))["sharingPolicy"]
    assert policy["agency"] == agency.value and policy["purposes"] == purposes and policy["maxBatchSize"] == 100
    assert policy["fields"][:3] == ["crn", "updatedAt", "caseVersion"]
    assert ("pncNumber" in policy["fields"]) is pnc and ("pncNumber" in policy["withheldFields"]) is not pnc
    assert not set(policy["fields"]) & set(policy["withheldFields"]) and policy["rowFilter"]


async def test_the_policy_matches_what_a_summary_withholds(gql, cases):
    await gql("""mutation { registerSafeguarding(input: {crn: "C000003", kind: ADULT_AT_RISK, startedOn: "2026-11-05",
        referredTo: ADULT_SAFEGUARDING, referredOn: "2026-11-05"}) { userErrors { code } } }""")
    who = partner(Agency.ADULT_SOCIAL_CARE)
    policy = (await gql(POLICY, principal=who))["sharingPolicy"]
    data = await gql(BATCH, {"crns": ["C000003"], "purpose": "SAFEGUARDING_ADULTS"}, principal=who)
    assert data["sharedRiskSummaries"][0]["summary"]["withheldFields"] == policy["withheldFields"]


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.PARTNER])
async def test_sharing_policy_is_for_partners_only(gql, role):
    result = await gql(POLICY, principal=Principal(subject="s", name="S", roles=frozenset({role})), expect_errors=True)
    assert [e.extensions["code"] for e in result["errors"]] == ["FORBIDDEN"]

"""The partner view's reads (``get_many_for_sharing``): the projection leaves out only what the
partner view never reads, so a summary built from it is the summary built from the whole case."""

from __future__ import annotations

from datetime import date

from domain.core.enums import Provider, RequirementType, SafeguardingKind
from domain.risk.model import SafeguardingConcern
from domain.sharing import partner
from tests.repositories.test_case_repository import STAMP, a_case, allocated, store, worst_case  # noqa: F401


async def test_a_summary_from_the_sharing_read_is_the_summary_from_the_whole_case(store):  # noqa: F811
    case = worst_case()
    case.sentences[0].requirements[1].type = RequirementType.EXCLUSION
    case.sentences[0].requirements[1].length_months = 12
    case.safeguarding.append(SafeguardingConcern(kind=SafeguardingKind.CHILD_PROTECTION, started_on=date(2026, 1, 1),
                                                 recorded=STAMP))
    await store.cases.add(case)
    [shared] = await store.cases.get_many_for_sharing([case.crn])
    assert shared.sentences[0].appointments == [] and shared.idempotency == []  # left out
    for agency, rules in partner.AGENCIES.items():
        for purpose in rules.purposes:
            assert partner.share(shared, agency, purpose, date(2026, 11, 20)) == \
                   partner.share(case, agency, purpose, date(2026, 11, 20)), (agency, purpose)


async def test_the_sharing_read_keeps_request_order_and_answers_none_for_a_crn_without_a_case(store):  # noqa: F811
    await store.cases.add(allocated(a_case("A000001"), Provider.NPS, "N1"))
    await store.cases.add(a_case("B000002"))
    found = await store.cases.get_many_for_sharing(["B000002", "Z999999", "A000001", "B000002"])
    assert [c.crn if c else None for c in found] == ["B000002", None, "A000001", "B000002"]
    assert found[2].allocation.officer.code == "N1"

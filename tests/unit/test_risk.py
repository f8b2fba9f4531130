"""RISK-2 escalation and de-escalation, MAPPA-1, mandate for change and tier recalculation."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from domain.core.calendar import LONDON
from domain.core.enums import (
    AllocationKind,
    MappaCategory,
    MappaLevel,
    Provider,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceType,
)
from domain.risk import derivation as risk
from domain.risk import rules as risk_records
from domain.risk.commands import RecordEmergencyAction, RecordRoshAssessment, RegisterSafeguarding
from domain.risk.model import MappaRegistration
from domain.standards import StandardState as St
from domain.standards import evaluate
from tests import builders
from tests.builders import STAMP


def status(case, standard, as_of):
    return next((s for s in evaluate(case, as_of) if s.standard == standard), None)


def crc_case():
    case = builders.case()
    builders.allocate(case, date(2026, 1, 5), provider=Provider.CRC)
    return case


def test_risk_2_high_on_a_crc_case_is_due_until_transferred_to_the_nps():
    case = crc_case()
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 1, 6))
    assert status(case, "RISK-2", date(2026, 3, 1)) is None
    builders.assess(case, RoshLevel.HIGH, date(2026, 2, 2))
    found = status(case, "RISK-2", date(2026, 3, 1))
    assert found.state is St.DUE and found.due_by is None
    builders.allocate(case, date(2026, 2, 4), provider=Provider.NPS, kind=AllocationKind.TRANSFER, officer="N9")
    assert status(case, "RISK-2", date(2026, 3, 1)).state is St.MET
    assert status(case, "RISK-2", date(2026, 2, 3)).state is St.DUE  # as of before the transfer


def test_risk_2_lapses_when_reassessed_below_high_before_transfer():
    case = crc_case()
    builders.assess(case, RoshLevel.HIGH, date(2026, 2, 2))
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 2, 9))
    assert status(case, "RISK-2", date(2026, 2, 5)).state is St.DUE
    assert status(case, "RISK-2", date(2026, 2, 10)) is None


def test_risk_2_does_not_apply_to_an_nps_case():
    case = builders.allocate(builders.case(), date(2026, 1, 5), provider=Provider.NPS)
    builders.assess(case, RoshLevel.VERY_HIGH, date(2026, 2, 2))
    assert status(case, "RISK-2", date(2026, 3, 1)) is None


@pytest.mark.parametrize("reference, expected", [("VISOR-123456", St.MET), (None, St.NOT_MET)])
def test_mappa_1_needs_a_visor_record_reference(reference, expected):
    case = builders.case()
    case.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_1,
                                                      registered_on=date(2026, 1, 5), visor_recorded=reference is not None,
                                                      visor_reference=reference, recorded=STAMP))
    assert status(case, "MAPPA-1", date(2026, 2, 1)).state is expected


def test_mappa_1_not_applicable_after_deregistration():
    case = builders.case()
    case.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_1,
                                                      registered_on=date(2026, 1, 5), visor_recorded=False,
                                                      deregistered_on=date(2026, 1, 20), recorded=STAMP))
    assert status(case, "MAPPA-1", date(2026, 2, 1)) is None


@pytest.mark.parametrize("requirements, mandate", [
    ([RequirementType.UNPAID_WORK], False), ([RequirementType.CURFEW, RequirementType.UNPAID_WORK], False),
    ([RequirementType.UNPAID_WORK, RequirementType.REHABILITATION_ACTIVITY], True)])
def test_tier_1_mandate_for_change(requirements, mandate):
    params = {RequirementType.UNPAID_WORK: {"hours": 50}, RequirementType.CURFEW: {"hours": 8, "length_months": 3},
              RequirementType.REHABILITATION_ACTIVITY: {"days": 5}}
    case = builders.case()
    case.sentences.append(builders.sentence(requirements=[builders.requirement(t, **params[t]) for t in requirements]))
    assert risk.mandate_for_change(case) is mandate


def test_tier_1_licence_has_a_mandate_and_no_sentence_has_none():
    assert risk.mandate_for_change(builders.case()) is False
    case = builders.case()
    case.sentences.append(builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2025, 1, 6), length_months=24,
                                            custodial_term_months=24, release_date=date(2026, 1, 5)))
    assert risk.mandate_for_change(case) is True


def test_tier_1_recalculated_only_when_an_input_changed():
    case = builders.case()
    case.sentences.append(builders.sentence(requirements=[builders.requirement(RequirementType.UNPAID_WORK, hours=50)]))
    now = datetime(2026, 11, 20, 10, tzinfo=LONDON)
    first = risk.recalculate(case, "opened", now, date(2026, 11, 20))
    case.tier = first
    # hmpps-tier-v2.2026: a missing RoSH leaves the protect level open (A-D), not assumed D.
    assert first.tier == "?0" and first.provisional and first.range == "A–D, RoSH missing"
    assert risk.recalculate(case, "no change", now, date(2026, 11, 20)) is None
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 19))
    second = risk.recalculate(case, "assessed", now, date(2026, 11, 20))
    assert second.tier == "B0" and second.inputs["rosh"] == "HIGH" and second.reason == "assessed"


@pytest.mark.parametrize("value, ok", [("0", True), ("100", True), ("45.25", True), ("45.255", False), ("-0.01", False),
                                       ("100.01", False), ("NaN", False)])
def test_risk_1_scores_are_exact_percentages(value, ok):
    command = RecordRoshAssessment(crn="X", level=RoshLevel.LOW, assessed_on=date(2026, 11, 1), rationale="r",
                                   reoffending_score=Decimal(value))
    assert (risk_records.rosh_assessment(command, date(2026, 11, 20)) == []) is ok


def test_risk_1_overall_level_is_at_least_every_group():
    command = RecordRoshAssessment(crn="X", level=RoshLevel.MEDIUM, assessed_on=date(2026, 11, 1), rationale="r",
                                   risk_to_staff=RoshLevel.HIGH)
    assert [v.standard for v in risk_records.rosh_assessment(command, date(2026, 11, 20))] == ["RISK-1"]


def test_safe_1_a_referral_says_to_whom_and_when():
    command = RegisterSafeguarding(crn="X", kind=SafeguardingKind.CHILD_PROTECTION, started_on=date(2026, 11, 1),
                                   referred_to=None, referred_on=date(2026, 11, 2))
    assert [v.standard for v in risk_records.safeguarding(command, date(2026, 11, 20))] == ["SAFE-1"]


def test_risk_3_manager_informed_after_the_event_when_given_with_the_action():
    command = RecordEmergencyAction(crn="X", occurred_at=datetime(2026, 11, 19, 15, tzinfo=LONDON),
                                    action="Police called", manager_informed_at=datetime(2026, 11, 19, 14, tzinfo=LONDON))
    assert [v.standard for v in risk_records.emergency_action(command, datetime(2026, 11, 20, tzinfo=LONDON))] == ["RISK-3"]

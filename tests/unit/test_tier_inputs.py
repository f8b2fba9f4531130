"""TIER-1 inputs derived from the case (domain.risk): live sentence (N/A), unsupervised (S),
gender, previous enforcement activity with its one-year boundary, the women's-factor answers from
the latest needs assessment, historic registrations excluded, and the recalculation reason when
the rule version changes."""

from datetime import date, datetime, timedelta

import pytest

from domain.core.calendar import LONDON
from domain.core.enums import (
    BreachOutcome,
    Gender,
    MappaCategory,
    MappaLevel,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceStatus,
    SentenceType,
)
from domain.delivery.model import Termination
from domain.enforcement.model import Breach, Recall
from domain.risk import derivation as risk
from domain.risk import tiering
from domain.risk.model import ComplexityRegistration, MappaRegistration, NeedsAssessment, SafeguardingConcern
from domain.risk.tiering import ComplexityFactor, Need, NeedSeverity, ProblemLevel
from tests import builders
from tests.builders import STAMP

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 10, tzinfo=LONDON)


def community(**kwargs):
    return builders.sentence(requirements=[builders.requirement(RequirementType.REHABILITATION_ACTIVITY, days=10)], **kwargs)


def terminated(sentence, on: date):
    sentence.status = SentenceStatus.TERMINATED
    sentence.termination = Termination(terminated_on=on, reason="Completed", agencies_notified=["Police"],
                                       continuing_restrictions_explained=True, recorded=STAMP)
    return sentence


def test_tier_1_no_live_sentence_is_not_applicable():
    case = builders.case()
    assert risk.tier_inputs(case, TODAY).active_sentence is False
    case.sentences.append(terminated(community(imposed_on=date(2025, 1, 6)), date(2026, 1, 5)))
    result = risk.recalculate(case, "r", NOW, TODAY)
    assert result.tier == "N/A" and not result.provisional
    case.sentences.append(community())
    assert risk.tier_inputs(case, TODAY).active_sentence is True


@pytest.mark.parametrize("setup, unsupervised", [
    ("community order with an active requirement", False),
    ("community order with every requirement terminated", True),
    ("licence", False),
    ("one unsupervised order and one supervised", False),
    ("no sentence", False),
])
def test_tier_1_unsupervised_means_nothing_left_to_supervise_on_every_live_sentence(setup, unsupervised):
    case = builders.case()
    if setup != "no sentence" and setup != "licence":
        case.sentences.append(community())
    if setup in ("community order with every requirement terminated", "one unsupervised order and one supervised"):
        for requirement in case.sentences[0].requirements:
            requirement.status = RequirementStatus.TERMINATED
    if setup == "one unsupervised order and one supervised":
        case.sentences.append(community())
    if setup == "licence":
        case.sentences.append(builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2025, 1, 6), length_months=24,
                                                custodial_term_months=24, release_date=date(2026, 1, 5)))
    assert risk.tier_inputs(case, TODAY).unsupervised is unsupervised


def test_tier_1_unsupervised_case_carries_the_s_suffix():
    case = builders.case()
    case.sentences.append(community())
    case.sentences[0].requirements[0].status = RequirementStatus.TERMINATED
    builders.assess(case, RoshLevel.HIGH, date(2026, 11, 2))
    assert risk.recalculate(case, "r", NOW, TODAY).tier == "B0S"


@pytest.mark.parametrize("gender, female", [(Gender.FEMALE, True), (Gender.MALE, False), (Gender.OTHER, False),
                                            (Gender.NOT_KNOWN, None)])
def test_tier_1_female_from_the_recorded_gender(gender, female):
    assert risk.tier_inputs(builders.case(gender=gender), TODAY).female is female


def breach(sentence, on: date):
    sentence.breaches.append(Breach(initiated_on=on, rationale="Second failure", recorded=STAMP))
    return sentence


# One year before 2026-11-20 is 2025-11-20: a sentence that ended then still counts.
@pytest.mark.parametrize("ended_on, counts", [
    (date(2025, 11, 19), False),  # the day before: more than a year ago
    (date(2025, 11, 20), True),  # the day: exactly a year
    (date(2025, 11, 21), True),  # the day after
    (None, True),  # live
])
def test_tier_1_previous_enforcement_on_a_sentence_live_or_ended_within_a_year(ended_on, counts):
    case = builders.case(gender=Gender.FEMALE)
    sentence = breach(community(imposed_on=date(2025, 1, 6)), date(2025, 6, 2))
    if ended_on is not None:
        terminated(sentence, ended_on)
    case.sentences.append(sentence)
    assert risk.tier_inputs(case, TODAY).previous_enforcement is counts


def test_tier_1_previous_enforcement_after_a_revocation_counts_from_the_breach_outcome():
    case = builders.case()
    sentence = breach(community(imposed_on=date(2025, 1, 6)), date(2025, 6, 2))
    sentence.breaches[0].outcome, sentence.breaches[0].outcome_on = BreachOutcome.ORDER_REVOKED, date(2025, 11, 20)
    sentence.status = SentenceStatus.TERMINATED
    case.sentences.append(sentence)
    assert risk.tier_inputs(case, TODAY).previous_enforcement is True
    assert risk.tier_inputs(case, date(2026, 11, 21)).previous_enforcement is False


@pytest.mark.parametrize("decided, counts", [(datetime(2026, 11, 20, 9, tzinfo=LONDON), True),
                                             (datetime(2026, 11, 21, 9, tzinfo=LONDON), False)])
def test_tier_1_previous_enforcement_includes_a_recall_by_today(decided, counts):
    case = builders.case()
    licence = builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2025, 1, 6), length_months=24,
                                custodial_term_months=24, release_date=date(2026, 1, 5))
    licence.recalls.append(Recall(decided_at=decided, emergency=False, rationale="r", recorded=STAMP))
    case.sentences.append(licence)
    assert risk.tier_inputs(case, TODAY).previous_enforcement is counts


def test_tier_1_womens_answers_come_from_the_latest_needs_assessment():
    case = builders.case(gender=Gender.FEMALE)
    case.needs_assessments.append(NeedsAssessment(assessed_on=date(2026, 6, 1), needs={}, parenting_responsibilities=True,
                                                  impulsivity=ProblemLevel.SOME_PROBLEMS, recorded=STAMP))
    case.needs_assessments.append(NeedsAssessment(assessed_on=date(2026, 10, 1), needs={Need.ACCOMMODATION: NeedSeverity.SEVERE},
                                                  parenting_responsibilities=False, recorded=STAMP))
    found = risk.tier_inputs(case, TODAY)
    assert (found.parenting_responsibilities, found.impulsivity, found.temper_control) == (False, None, None)
    assert found.needs == {Need.ACCOMMODATION: NeedSeverity.SEVERE}


def test_tier_1_historic_registrations_do_not_count():
    case = builders.case()
    case.sentences.append(community())
    case.complexity_factors += [
        ComplexityRegistration(factor=ComplexityFactor.STREET_GANGS, started_on=date(2025, 1, 1), ended_on=date(2026, 11, 20),
                               recorded=STAMP),  # ended today: historic
        ComplexityRegistration(factor=ComplexityFactor.TERRORISM, started_on=date(2025, 1, 1), ended_on=date(2026, 11, 21),
                               recorded=STAMP)]  # ends tomorrow: active
    case.safeguarding.append(SafeguardingConcern(kind=SafeguardingKind.CHILD_PROTECTION, started_on=date(2025, 1, 1),
                                                 ended_on=date(2026, 1, 1), recorded=STAMP))
    case.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_2,
                                                      registered_on=date(2025, 1, 1), visor_recorded=True,
                                                      deregistered_on=date(2026, 1, 1), recorded=STAMP))
    found = risk.tier_inputs(case, TODAY)
    assert found.complexity_factors == {ComplexityFactor.TERRORISM} and found.mappa_level is None
    assert risk.tier_inputs(case, date(2026, 11, 21)).complexity_factors == frozenset()


def test_tier_1_rosh_to_children_adds_no_complexity_factor():
    case = builders.assess(builders.case(), RoshLevel.HIGH,
                           date(2026, 11, 2), children=RoshLevel.HIGH)
    assert risk.tier_inputs(case, TODAY).complexity_factors == frozenset()


def test_tier_1_a_rule_version_change_recalculates_with_reason_rules_changed():
    case = builders.case()
    case.sentences.append(community())
    case.tier = risk.recalculate(case, "opened", NOW, TODAY)
    assert risk.recalculate(case, "again", NOW, TODAY) is None
    case.tier = case.tier.model_copy(update={"rule_version": tiering.SUPERSEDED_RULE_VERSIONS[0]})
    assert risk.recalculation_reason(case) == risk.RULES_CHANGED
    again = risk.recalculate(case, risk.recalculation_reason(case), NOW + timedelta(days=1), TODAY)
    assert again is not None and again.rule_version == tiering.RULE_VERSION and again.reason == "RULES_CHANGED"


def test_tier_1_time_moving_an_input_is_a_scheduled_recalculation():
    case = builders.case()
    case.sentences.append(community())
    case.complexity_factors.append(ComplexityRegistration(factor=ComplexityFactor.STREET_GANGS, started_on=date(2025, 1, 1),
                                                          ended_on=date(2026, 11, 21), recorded=STAMP))
    case.tier = risk.recalculate(case, "opened", NOW, TODAY)
    assert risk.recalculation_reason(case) == risk.SCHEDULED
    later = risk.recalculate(case, risk.SCHEDULED, NOW, date(2026, 11, 21))
    assert later.inputs["complexityFactors"] == [] and later.reason == "Scheduled recalculation"

"""REQ-PRG-1: the programme catalogue and eligibility at referral, at their boundaries."""

from datetime import date

import pytest

from domain.core.enums import Gender, OffenceCategory, RoshLevel
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.records import programmes as catalogue
from domain.records import views
from domain.records.commands import ReferToProgramme
from domain.records.programmes import Accreditation, Confirmation, EligibilityStatus, Setting
from domain.records.rules import referral
from tests import builders

C = Confirmation
BBR_CONFIRMED = (C.AGAINST_FEMALE_PARTNER, C.IPV_RISK_MODERATE_OR_HIGH, C.RELATIONSHIP_PROBLEMS)
TODAY = date(2026, 11, 20)
REFERRED = date(2026, 11, 16)


def programme_case(programme="Building Better Relationships", gender=Gender.MALE, born=date(1990, 1, 1),
                   category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE, sentence_type=S.COMMUNITY_ORDER):
    case = builders.case(gender=gender, born=born)
    requirement = builders.requirement(T.PROGRAMME, programme=programme)
    sentence = builders.sentence(type=sentence_type, category=category, requirements=[requirement])
    case.sentences.append(sentence)
    return case, sentence, requirement


def refer(case, sentence, requirement, on=REFERRED, confirmations=BBR_CONFIRMED, **overrides):
    command = ReferToProgramme(**{"crn": case.crn, "sentence_id": sentence.id, "requirement_id": requirement.id,
                                  "referred_on": on, "suitability_confirmed": True, "rationale": "Starts in January",
                                  "confirmations": tuple(confirmations), **overrides})
    return referral(case, sentence, requirement, command, TODAY)


def ids(errors):
    return [(v.standard, v.field) for v in errors]


def test_req_prg_1_bbr_eligible_when_every_sourced_criterion_holds():
    errors, found = refer(*programme_case())
    assert errors == [] and found.status is EligibilityStatus.ELIGIBLE
    assert {o.condition.requires for o in found.outcomes} >= {"the offence was against a female partner"}


@pytest.mark.parametrize("missing, field", [
    (C.AGAINST_FEMALE_PARTNER, "confirmations"), (C.IPV_RISK_MODERATE_OR_HIGH, "confirmations"),
    (C.RELATIONSHIP_PROBLEMS, "confirmations")])
def test_req_prg_1_bbr_needs_each_confirmation_the_record_cannot_hold(missing, field):
    errors, found = refer(*programme_case(), confirmations=[c for c in BBR_CONFIRMED if c is not missing])
    assert ids(errors) == [("REQ-PRG-1", (field,))] and found is None
    assert "IB Building Better Relationships" in errors[0].message


def test_req_prg_1_bbr_is_for_men():
    errors, _ = refer(*programme_case(gender=Gender.FEMALE))
    assert ids(errors) == [("REQ-PRG-1", ("programme",))] and "a man" in errors[0].message


# Age on the referral date: born 2008-11-16 is 18 on 2026-11-16.
@pytest.mark.parametrize("born, refused", [(date(2008, 11, 15), False), (date(2008, 11, 16), False),
                                           (date(2008, 11, 17), True)])
def test_req_prg_1_bbr_age_18_on_the_referral_date(born, refused):
    errors, _ = refer(*programme_case(born=born))
    assert ids(errors) == ([("REQ-PRG-1", ("programme",))] if refused else [])


def test_req_prg_1_bbr_ipv_offence_index_or_historical():
    case, sentence, requirement = programme_case(category=OffenceCategory.VIOLENT)
    errors, _ = refer(case, sentence, requirement)
    assert ids(errors) == [("REQ-PRG-1", ("confirmations",))] and "index or historical" in errors[0].message
    assert refer(case, sentence, requirement, confirmations=[*BBR_CONFIRMED, C.HISTORICAL_IPV_OFFENCE])[0] == []
    case.sentences.append(builders.sentence(imposed_on=date(2020, 1, 1), category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE))
    assert refer(case, sentence, requirement)[0] == []  # a historical IPV offence on the case


def test_req_prg_1_bbr_risk_is_not_read_from_rosh():
    case, sentence, requirement = programme_case()
    builders.assess(case, RoshLevel.LOW, date(2026, 10, 1))
    assert refer(case, sentence, requirement)[0] == []  # the IPV risk is confirmed, RoSH is another measure


# CDVP/IDAP: "medium to high risk of causing harm", RoSH on the referral date.
@pytest.mark.parametrize("level, assessed_on, refused", [
    (RoshLevel.MEDIUM, REFERRED, False), (RoshLevel.VERY_HIGH, REFERRED, False), (RoshLevel.LOW, REFERRED, True),
    (RoshLevel.MEDIUM, date(2026, 11, 17), True),  # assessed the day after the referral: not known then
])
@pytest.mark.parametrize("programme", ["CDVP", "Integrated Domestic Abuse Programme"])
def test_req_prg_1_cdvp_idap_medium_to_high_risk_of_harm_on_the_referral_date(programme, level, assessed_on, refused):
    case, sentence, requirement = programme_case(programme=programme)
    builders.assess(case, level, assessed_on)
    errors, found = refer(case, sentence, requirement, confirmations=[C.HETEROSEXUAL_RELATIONSHIP])
    assert ids(errors) == ([("REQ-PRG-1", ("programme",))] if refused else [])
    assert refused or found.status is EligibilityStatus.ELIGIBLE


@pytest.mark.parametrize("programme", ["TSP", "Thinking Skills Programme", "Horizon", "iHorizon", "Living as New Me",
                                       "New Me Strengths", "Sexual Offending Programmes", "Enhanced Thinking Skills",
                                       "Action on Drugs"])
def test_req_prg_1_no_criteria_in_the_sources_is_referable_on_the_officers_confirmation(programme):
    case, sentence, requirement = programme_case(programme=programme, born=date(2010, 1, 1), category=OffenceCategory.SEXUAL)
    errors, found = refer(case, sentence, requirement, confirmations=[])
    assert errors == [] and found.status is EligibilityStatus.NO_CRITERIA_IN_SOURCES
    assert "no criteria in the sources" in found.detail


def test_req_prg_1_tsp_has_no_unsourced_criteria():
    assert catalogue.find_programme("TSP").conditions == ()


@pytest.mark.parametrize("programme, why", [
    ("Kaizen", "prison only"), ("Becoming New Me +", "prison only"), ("Healthy Sex Programme", "prison only"),
    ("HRP", "prison only"), ("P-ASRO", "prison only"), ("Cognitive Self-Change Programme", "Previous CSAAP"),
    ("Self-Change Programme", "Previous CSAAP"), ("CARE", "not yet accredited"), ("ICCP", "do not name it as an accredited"),
])
def test_req_prg_1_programmes_the_sources_mark_unavailable_are_not_referable(programme, why):
    case, sentence, requirement = programme_case(programme=programme, sentence_type=S.LICENCE)
    errors, found = refer(case, sentence, requirement, confirmations=[])
    assert ids(errors) == [("REQ-PRG-1", ("programme",))] and why in errors[0].message and found is None


def test_req_prg_1_an_unknown_programme_is_named_at_referral():
    case, sentence, requirement = programme_case(programme="RESOLVE")
    errors, _ = refer(case, sentence, requirement, confirmations=[])
    assert ids(errors) == [("REQ-PRG-1", ("programme",))] and "Thinking Skills Programme (TSP)" in errors[0].message
    assert refer(case, sentence, requirement, confirmations=[], programme="TSP")[0] == []


def test_req_prg_1_a_different_programme_from_the_courts_needs_a_variation():
    errors, _ = refer(*programme_case(), confirmations=[], programme="TSP")
    assert [v.field for v in errors] == [("programme",)] and "vary" in errors[0].message


def test_req_prg_1_suitability_confirmed_and_only_the_programmes_own_confirmations():
    errors, _ = refer(*programme_case(), suitability_confirmed=False)
    assert ids(errors) == [("REQ-PRG-1", ("suitabilityConfirmed",))]
    errors, _ = refer(*programme_case(programme="TSP"), confirmations=[C.AGAINST_FEMALE_PARTNER])
    assert [v.field for v in errors] == [("confirmations", "0")]


@pytest.mark.parametrize("on, field", [(date(2026, 11, 1), "referredOn"), (date(2026, 11, 21), "referredOn")])
def test_req_prg_1_referral_date_from_sentence_to_today(on, field):
    errors, _ = refer(*programme_case(), on=on)
    assert [v.field for v in errors] == [(field,)]
    assert refer(*programme_case(), on=date(2026, 11, 2))[0] == []  # the sentence day itself
    assert refer(*programme_case(), on=TODAY)[0] == []


def test_req_prg_1_rationale_is_required():
    errors, _ = refer(*programme_case(), rationale="  ")
    assert ids(errors) == [("REC-2", ("rationale",))]


def test_req_prg_1_before_referral_the_requirement_shows_what_is_to_be_confirmed():
    case, sentence, requirement = programme_case()
    view = views.programme_eligibility(case, sentence, requirement, TODAY)
    assert view.status is EligibilityStatus.TO_BE_CONFIRMED and not view.referred
    assert [c.met for c in view.criteria] == [True, True, True, None, None, None]
    female = programme_case(gender=Gender.FEMALE)
    assert views.programme_eligibility(*female, TODAY).status is EligibilityStatus.NOT_ELIGIBLE
    assert views.programme_eligibility(*programme_case(programme="RESOLVE"), TODAY).status is EligibilityStatus.UNKNOWN_PROGRAMME


def test_req_prg_1_every_criterion_has_a_source_and_the_catalogue_covers_the_named_programmes():
    for programme in catalogue.PROGRAMMES:
        assert programme.named_in and all(s.cite and s.quote for s in programme.named_in)
        assert all(c.source.quote for c in programme.conditions)
        if programme.not_referable_because is not None:
            assert programme.conditions == ()  # stated targets only, never evaluated
    named = {"Building Better Relationships", "Thinking Skills Programme", "Horizon", "iHorizon", "Kaizen",
             "Becoming New Me +", "Community Domestic Violence Programme", "Integrated Domestic Abuse Programme",
             "Healthy Relationships Programme", "Healthy Sex Programme", "Living as New Me", "New Me Strengths"}
    assert named <= {p.name for p in catalogue.PROGRAMMES}
    assert catalogue.find_programme("Kaizen").setting is Setting.PRISON
    assert catalogue.find_programme("Self-Change Programme").accreditation is Accreditation.PREVIOUSLY_ACCREDITED
    assert "female partner" in catalogue.find_programme("BBR").conditions[3].source.quote


def test_req_prg_1_docs_requirements_md_lists_every_programme_of_the_catalogue():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "docs" / "requirements.md").read_text(encoding="utf-8")
    missing = [p.code for p in catalogue.PROGRAMMES if f"| {p.code} | {p.name.replace('|', chr(92) + '|')} |" not in text]
    assert missing == []

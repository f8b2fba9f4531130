"""REQ-* rules on adding a sentence, at their boundaries (docs/standards.md "Requirements")."""

from datetime import date

import pytest

from domain.core.enums import Gender
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.records.commands import RequirementDetails as R
from domain.records.requirements import check_requirements
from tests import builders
from tests.unit.requirement_builders import terminate, vary_off

SENTENCED = date(2026, 11, 2)
AAMR = {"days": 60, "alcohol_dependent": False}


def violations(requirements, sentence_type=S.COMMUNITY_ORDER, case=None, committed_on=date(2026, 8, 1), on=SENTENCED):
    case = case or builders.case()
    return check_requirements(case, sentence_type, on, committed_on, requirements)


def ids(found):
    return [(v.standard, v.field) for v in found]


@pytest.mark.parametrize("hours, refused", [(39, True), (40, False), (300, False), (301, True)])
def test_req_upw_1_unpaid_work_is_40_to_300_hours(hours, refused):
    found = violations([R(T.UNPAID_WORK, hours=hours)])
    assert ids(found) == ([("REQ-UPW-1", ("requirements", "0", "hours"))] if refused else [])


@pytest.mark.parametrize("sentence_type", [S.COMMUNITY_ORDER, S.SUSPENDED_SENTENCE_ORDER])
@pytest.mark.parametrize("months, refused", [(1, True), (2, False), (24, False), (25, True)])
def test_req_exc_1_co_sso_exclusion_is_2_months_to_2_years(sentence_type, months, refused):
    found = violations([R(T.EXCLUSION, length_months=months, details="Leeds")], sentence_type)
    assert ids(found) == ([("REQ-EXC-1", ("requirements", "0", "lengthMonths"))] if refused else [])


@pytest.mark.parametrize("months", [1, 2, 24, 25, 60])
def test_req_exc_1_a_licence_exclusion_zone_has_no_length_limit(months):
    assert violations([R(T.EXCLUSION, length_months=months, details="Leeds")], S.LICENCE) == []


@pytest.mark.parametrize("sentence_type, months, refused", [
    (S.COMMUNITY_ORDER, 36, False), (S.COMMUNITY_ORDER, 37, True),
    (S.SUSPENDED_SENTENCE_ORDER, 24, False), (S.SUSPENDED_SENTENCE_ORDER, 25, True),
    (S.LICENCE, 60, False),
])
def test_req_par_1_prohibited_activity_at_most_3_years_on_co_2_on_sso(sentence_type, months, refused):
    found = violations([R(T.PROHIBITED_ACTIVITY, length_months=months, details="Football matches")], sentence_type)
    assert ids(found) == ([("REQ-PAR-1", ("requirements", "0", "lengthMonths"))] if refused else [])


@pytest.mark.parametrize("days, refused", [(120, False), (121, True)])
def test_req_aamr_1_abstinence_monitoring_at_most_120_days(days, refused):
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, days=days, alcohol_dependent=False)])
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "days"))] if refused else [])


@pytest.mark.parametrize("born, refused", [(date(2008, 11, 2), False), (date(2008, 11, 3), True)])
def test_req_aamr_1_age_18_on_the_sentence_date(born, refused):
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, **AAMR)], case=builders.case(born=born))
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "type"))] if refused else [])


def test_req_aamr_1_not_for_alcohol_dependent_people():
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=True)])
    assert ids(found) == [("REQ-AAMR-1", ("requirements", "0", "alcoholDependent"))]


def test_req_aamr_1_not_with_an_alcohol_treatment_requirement_on_the_same_sentence():
    found = violations([R(T.ALCOHOL_TREATMENT, consent_given=True, length_months=6),
                        R(T.ALCOHOL_ABSTINENCE_MONITORING, **AAMR)])
    assert ids(found) == [("REQ-AAMR-1", ("requirements", "1", "type"))]


def case_with_alcohol_treatment(imposed_on=date(2026, 5, 4), months=6, terminated_on=None, varied_off_on=None):
    """A case whose earlier order has an ATR in force from ``imposed_on`` for ``months``."""
    case = builders.case()
    atr = builders.requirement(T.ALCOHOL_TREATMENT, consent_given=True, length_months=months)
    if varied_off_on is not None:
        vary_off(atr, varied_off_on)
    order = builders.sentence(imposed_on=imposed_on, length_months=24, requirements=[atr])
    if terminated_on is not None:
        terminate(order, terminated_on)
    case.sentences.append(order)
    return case


# The ATR of 2026-05-04 for 6 months is in force to 2026-11-03 inclusive.
@pytest.mark.parametrize("aamr_sentenced_on, refused", [
    (date(2026, 11, 2), True), (date(2026, 11, 3), True), (date(2026, 11, 4), False)])
def test_req_aamr_1_not_while_alcohol_treatment_is_in_place_on_any_sentence(aamr_sentenced_on, refused):
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, **AAMR)], case=case_with_alcohol_treatment(),
                       on=aamr_sentenced_on)
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "type"))] if refused else [])
    if refused:
        assert "in place" in found[0].message and "2026-05-04" in found[0].message


@pytest.mark.parametrize("ended_on, refused", [(date(2026, 11, 1), False), (date(2026, 11, 2), True)])
def test_req_aamr_1_alcohol_treatment_ended_early_no_longer_bars_it(ended_on, refused):
    for case in (case_with_alcohol_treatment(terminated_on=ended_on), case_with_alcohol_treatment(varied_off_on=ended_on)):
        found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, **AAMR)], case=case)
        assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("recommended, refused", [(None, False), (False, False), (True, True)])
def test_req_aamr_1_not_where_alcohol_treatment_is_recommended(recommended, refused):
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, alcohol_treatment_recommended=recommended, **AAMR)])
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "alcoholTreatmentRecommended"))] if refused else [])


@pytest.mark.parametrize("related, refused", [(None, False), (True, False), (False, True)])
def test_req_aamr_1_only_for_an_alcohol_related_offence(related, refused):
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, alcohol_related_offence=related, **AAMR)])
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "alcoholRelatedOffence"))] if refused else [])


def test_req_aamr_1_an_alcohol_treatment_requirement_may_follow_an_aamr():
    case = builders.case()
    case.sentences.append(builders.sentence(imposed_on=date(2026, 10, 1), requirements=[
        builders.requirement(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=False)]))
    assert violations([R(T.ALCOHOL_TREATMENT, consent_given=True, length_months=6)], case=case) == []


DRR = {"consent_given": True, "length_months": 6, "drug_misuse_factor_in_offending": True}


@pytest.mark.parametrize("kind", [T.DRUG_REHABILITATION, T.ALCOHOL_TREATMENT, T.MENTAL_HEALTH_TREATMENT])
def test_req_trt_1_treatment_needs_consent(kind):
    extra = {"drug_misuse_factor_in_offending": True} if kind is T.DRUG_REHABILITATION else {}
    assert ids(violations([R(kind, consent_given=False, length_months=6, **extra)])) == [
        ("REQ-TRT-1", ("requirements", "0", "consentGiven"))]
    assert violations([R(kind, consent_given=True, length_months=6, **extra)]) == []


@pytest.mark.parametrize("born, refused", [(date(2008, 11, 2), False), (date(2008, 11, 3), True)])
def test_req_trt_1_treatment_is_for_adults(born, refused):
    found = violations([R(T.DRUG_REHABILITATION, **DRR)], case=builders.case(born=born))
    assert ids(found) == ([("REQ-TRT-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("sentence_type", [S.COMMUNITY_ORDER, S.SUSPENDED_SENTENCE_ORDER])
@pytest.mark.parametrize("committed_on, refused", [(date(2015, 1, 31), True), (date(2015, 2, 1), False)])
def test_req_rar_1_rar_only_for_offences_from_ora_commencement(sentence_type, committed_on, refused):
    found = violations([R(T.REHABILITATION_ACTIVITY, days=10)], sentence_type, committed_on=committed_on)
    assert ids(found) == ([("REQ-RAR-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("kind", [T.SUPERVISION, T.SPECIFIED_ACTIVITY])
@pytest.mark.parametrize("committed_on, refused", [(date(2015, 1, 31), False), (date(2015, 2, 1), True)])
def test_req_rar_1_co_supervision_and_specified_activity_only_before_ora(kind, committed_on, refused):
    requirement = R(kind, days=10) if kind is T.SPECIFIED_ACTIVITY else R(kind)
    found = violations([requirement], committed_on=committed_on)
    assert ids(found) == ([("REQ-RAR-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("sentence_type", [S.LICENCE, S.POST_SENTENCE_SUPERVISION])
@pytest.mark.parametrize("committed_on", [date(2015, 1, 31), date(2015, 2, 1), date(2026, 8, 1)])
def test_req_rar_1_supervision_on_licence_and_pss_whatever_the_offence_date(sentence_type, committed_on):
    assert violations([R(T.SUPERVISION)], sentence_type, committed_on=committed_on) == []


@pytest.mark.parametrize("sentence_type", [S.LICENCE, S.POST_SENTENCE_SUPERVISION])
def test_req_ord_1_no_rar_on_licence_or_pss(sentence_type):
    assert ids(violations([R(T.REHABILITATION_ACTIVITY, days=5)], sentence_type)) == [
        ("REQ-ORD-1", ("requirements", "0", "type"))]


TESTING = {"drug_misuse_factor_in_offending": True, "dependent_or_propensity": True}
APPOINTMENT = {**TESTING, "dependency_treatable": True, "treatment_arrangements_possible": True}


@pytest.mark.parametrize("kind, safeguards", [(T.DRUG_APPOINTMENT, APPOINTMENT), (T.DRUG_TESTING, TESTING)])
@pytest.mark.parametrize("sentence_type, refused", [
    (S.COMMUNITY_ORDER, True), (S.SUSPENDED_SENTENCE_ORDER, True), (S.LICENCE, False), (S.POST_SENTENCE_SUPERVISION, False)])
def test_req_drg_1_drug_conditions_on_licence_and_pss_only(kind, safeguards, sentence_type, refused):
    found = violations([R(kind, **safeguards)], sentence_type)
    assert ids(found) == ([("REQ-DRG-1", ("requirements", "0", "type"))] if refused else [])


SAFEGUARD_FIELDS = {"drug_misuse_factor_in_offending": "drugMisuseFactorInOffending",
                    "dependent_or_propensity": "dependentOrPropensity", "dependency_treatable": "dependencyTreatable",
                    "treatment_arrangements_possible": "treatmentArrangementsPossible"}


@pytest.mark.parametrize("kind, sentence_type, safeguards", [
    (T.DRUG_TESTING, S.LICENCE, TESTING), (T.DRUG_APPOINTMENT, S.POST_SENTENCE_SUPERVISION, APPOINTMENT),
    (T.DRUG_REHABILITATION, S.COMMUNITY_ORDER, {"drug_misuse_factor_in_offending": True})])
@pytest.mark.parametrize("value", [None, False])
def test_req_drg_2_each_statutory_safeguard_is_recorded_and_holds(kind, sentence_type, safeguards, value):
    base = {"consent_given": True, "length_months": 6} if kind is T.DRUG_REHABILITATION else {}
    assert violations([R(kind, **base, **safeguards)], sentence_type) == []
    for name in safeguards:
        found = violations([R(kind, **base, **{**safeguards, name: value})], sentence_type)
        assert ids(found) == [("REQ-DRG-2", ("requirements", "0", SAFEGUARD_FIELDS[name]))]
        assert ("record whether" if value is None else "cannot be used unless") in found[0].message


def test_req_drg_2_the_sources_words_not_the_statutes():
    [violation] = violations([R(T.DRUG_APPOINTMENT, **{**APPOINTMENT, "dependency_treatable": False})], S.LICENCE)
    assert "this dependency/propensity must be treatable" in violation.message
    assert "susceptible" not in violation.message


@pytest.mark.parametrize("sentence_type, requirement", [
    (S.LICENCE, R(T.UNPAID_WORK, hours=100)),
    (S.POST_SENTENCE_SUPERVISION, R(T.CURFEW, hours=8, length_months=3)),
    (S.POST_SENTENCE_SUPERVISION, R(T.EXCLUSION, length_months=6, details="x")),
    (S.LICENCE, R(T.ATTENDANCE_CENTRE, hours=12)),
])
def test_req_ord_1_requirements_fit_the_sentence_type(sentence_type, requirement):
    assert [v.standard for v in violations([requirement], sentence_type)] == ["REQ-ORD-1"]


@pytest.mark.parametrize("sentence_type", list(S))
def test_req_ord_1_residence_fits_every_sentence_type(sentence_type):
    assert violations([R(T.RESIDENCE, details="Approved address")], sentence_type) == []


@pytest.mark.parametrize("programme", ["Building Better Relationships", "Kaizen", "Anger Management 101", "RESOLVE"])
@pytest.mark.parametrize("gender", [Gender.MALE, Gender.FEMALE])
def test_req_prg_1_a_courts_programme_requirement_is_always_recorded(programme, gender):
    """Eligibility is checked at referral, never at sentence: ineligible, prison-only or unknown alike."""
    case = builders.case(gender=gender, born=date(2009, 1, 1))
    assert violations([R(T.PROGRAMME, programme=programme)], case=case) == []

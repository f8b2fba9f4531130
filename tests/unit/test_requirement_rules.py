"""REQ-* rules at their boundaries (docs/standards.md "Requirements")."""

from datetime import date

import pytest

from domain.core.enums import Gender, OffenceCategory, RoshLevel
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.records.commands import RequirementDetails as R
from domain.records.requirements import check_requirements
from tests import builders

SENTENCED = date(2026, 11, 2)


def violations(requirements, sentence_type=S.COMMUNITY_ORDER, case=None, category=OffenceCategory.ACQUISITIVE,
               committed_on=date(2026, 8, 1)):
    case = case or builders.case()
    return check_requirements(case, sentence_type, SENTENCED, category, committed_on, requirements)


def ids(found):
    return [(v.standard, v.field) for v in found]


@pytest.mark.parametrize("hours, refused", [(39, True), (40, False), (300, False), (301, True)])
def test_req_upw_1_unpaid_work_is_40_to_300_hours(hours, refused):
    found = violations([R(T.UNPAID_WORK, hours=hours)])
    assert ids(found) == ([("REQ-UPW-1", ("requirements", "0", "hours"))] if refused else [])


@pytest.mark.parametrize("months, refused", [(1, True), (2, False), (24, False), (25, True)])
def test_req_exc_1_exclusion_is_2_months_to_2_years(months, refused):
    found = violations([R(T.EXCLUSION, length_months=months, details="Leeds")])
    assert ids(found) == ([("REQ-EXC-1", ("requirements", "0", "lengthMonths"))] if refused else [])


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
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=False)], case=builders.case(born=born))
    assert ids(found) == ([("REQ-AAMR-1", ("requirements", "0", "type"))] if refused else [])


def test_req_aamr_1_not_for_alcohol_dependent_people():
    found = violations([R(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=True)])
    assert ids(found) == [("REQ-AAMR-1", ("requirements", "0", "alcoholDependent"))]


def test_req_aamr_1_not_with_an_alcohol_treatment_requirement():
    found = violations([R(T.ALCOHOL_TREATMENT, consent_given=True, length_months=6),
                        R(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=False)])
    assert ids(found) == [("REQ-AAMR-1", ("requirements", "1", "type"))]


@pytest.mark.parametrize("kind", [T.DRUG_REHABILITATION, T.ALCOHOL_TREATMENT, T.MENTAL_HEALTH_TREATMENT])
def test_req_trt_1_treatment_needs_consent(kind):
    assert ids(violations([R(kind, consent_given=False, length_months=6)])) == [
        ("REQ-TRT-1", ("requirements", "0", "consentGiven"))]
    assert violations([R(kind, consent_given=True, length_months=6)]) == []


def test_req_trt_1_treatment_is_for_adults():
    found = violations([R(T.DRUG_REHABILITATION, consent_given=True, length_months=6)],
                       case=builders.case(born=date(2009, 1, 1)))
    assert ids(found) == [("REQ-TRT-1", ("requirements", "0", "type"))]


@pytest.mark.parametrize("committed_on, refused", [(date(2015, 1, 31), True), (date(2015, 2, 1), False)])
def test_req_rar_1_rar_only_for_offences_from_ora_commencement(committed_on, refused):
    found = violations([R(T.REHABILITATION_ACTIVITY, days=10)], committed_on=committed_on)
    assert ids(found) == ([("REQ-RAR-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("kind", [T.SUPERVISION, T.SPECIFIED_ACTIVITY])
@pytest.mark.parametrize("committed_on, refused", [(date(2015, 1, 31), False), (date(2015, 2, 1), True)])
def test_req_rar_1_supervision_and_specified_activity_only_before_ora(kind, committed_on, refused):
    requirement = R(kind, days=10) if kind is T.SPECIFIED_ACTIVITY else R(kind)
    found = violations([requirement], committed_on=committed_on)
    assert ids(found) == ([("REQ-RAR-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("kind", [T.DRUG_APPOINTMENT, T.DRUG_TESTING])
@pytest.mark.parametrize("sentence_type, refused", [
    (S.COMMUNITY_ORDER, True), (S.SUSPENDED_SENTENCE_ORDER, True), (S.LICENCE, False), (S.POST_SENTENCE_SUPERVISION, False)])
def test_req_drg_1_drug_conditions_on_licence_and_pss_only(kind, sentence_type, refused):
    found = violations([R(kind)], sentence_type)
    assert ids(found) == ([("REQ-DRG-1", ("requirements", "0", "type"))] if refused else [])


@pytest.mark.parametrize("sentence_type, requirement", [
    (S.LICENCE, R(T.UNPAID_WORK, hours=100)),
    (S.LICENCE, R(T.REHABILITATION_ACTIVITY, days=5)),
    (S.POST_SENTENCE_SUPERVISION, R(T.CURFEW, hours=8, length_months=3)),
    (S.POST_SENTENCE_SUPERVISION, R(T.EXCLUSION, length_months=6, details="x")),
    (S.LICENCE, R(T.ATTENDANCE_CENTRE, hours=12)),
])
def test_req_ord_1_requirements_fit_the_sentence_type(sentence_type, requirement):
    assert [v.standard for v in violations([requirement], sentence_type)] == ["REQ-ORD-1"]


@pytest.mark.parametrize("sentence_type", list(S))
def test_req_ord_1_residence_fits_every_sentence_type(sentence_type):
    assert violations([R(T.RESIDENCE, details="Approved address")], sentence_type) == []


def bbr_case(gender=Gender.MALE, born=date(1990, 1, 1), rosh=RoshLevel.MEDIUM):
    case = builders.case(born=born, gender=gender)
    if rosh:
        builders.assess(case, rosh, date(2026, 10, 1))
    return case


def test_req_prg_1_bbr_eligible_man_with_ipv_offence_at_moderate_risk():
    found = violations([R(T.PROGRAMME, programme="Building Better Relationships")], case=bbr_case(),
                       category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    assert found == []


@pytest.mark.parametrize("case_kwargs, category, reason", [
    ({"gender": Gender.FEMALE}, OffenceCategory.INTIMATE_PARTNER_VIOLENCE, "BBR is for men"),
    ({"born": date(2009, 1, 1)}, OffenceCategory.INTIMATE_PARTNER_VIOLENCE, "aged 18 or over"),
    ({}, OffenceCategory.VIOLENT, "intimate partner violence offence"),
    ({"rosh": RoshLevel.LOW}, OffenceCategory.INTIMATE_PARTNER_VIOLENCE, "moderate or high risk"),
    ({"rosh": None}, OffenceCategory.INTIMATE_PARTNER_VIOLENCE, "moderate or high risk"),
])
def test_req_prg_1_bbr_refusal_says_which_criterion_failed(case_kwargs, category, reason):
    [violation] = violations([R(T.PROGRAMME, programme="BBR")], case=bbr_case(**case_kwargs), category=category)
    assert violation.standard == "REQ-PRG-1" and violation.field == ("requirements", "0", "programme")
    assert reason in violation.message


def test_req_prg_1_historical_ipv_offence_counts():
    case = bbr_case()
    case.sentences.append(builders.sentence(imposed_on=date(2020, 1, 1), category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE))
    assert violations([R(T.PROGRAMME, programme="bbr")], case=case, category=OffenceCategory.VIOLENT) == []


def test_req_prg_1_tsp_not_for_sexual_offences_and_needs_an_assessment():
    [violation] = violations([R(T.PROGRAMME, programme="Thinking Skills Programme")], case=bbr_case(rosh=None),
                             category=OffenceCategory.SEXUAL)
    assert "risk assessment on record" in violation.message and "not for sexual offences" in violation.message
    assert violations([R(T.PROGRAMME, programme="TSP")], case=bbr_case(rosh=RoshLevel.LOW)) == []


def test_req_prg_1_unknown_programme_is_refused_naming_the_known_ones():
    [violation] = violations([R(T.PROGRAMME, programme="Anger Management 101")])
    assert "Building Better Relationships (BBR)" in violation.message

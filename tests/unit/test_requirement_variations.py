"""REQ-* rules on a variation of an existing sentence (``check_one``, issue 17): ages are judged on
the sentence date, exactly at each limit and the day before it; alcohol treatment elsewhere is
judged on the sentence date and never counts the sentence varied; each refusal's message names
the rule's limit. REQ-RAR-1: a RAR does not deliver treatment or unpaid work."""

from __future__ import annotations

from datetime import date

import pytest

from domain.core.enums import AppointmentKind
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.records.commands import RequirementDetails as R
from domain.records.requirements import appointment_fits_requirement, check_one
from tests import builders

SENTENCED = date(2026, 11, 2)
AAMR = R(T.ALCOHOL_ABSTINENCE_MONITORING, days=60, alcohol_dependent=False)
DRR = R(T.DRUG_REHABILITATION, consent_given=True, length_months=6)


def varied(born: date, *others):
    case = builders.case(born=born)
    sentence = builders.sentence(imposed_on=SENTENCED)
    case.sentences += [sentence, *others]
    return case, sentence


def said(violations):
    """(rule, field, message without the rule's own "REQ-...: " prefix, which every message carries)."""
    assert all(v.message.startswith(f"{v.standard}: ") for v in violations)
    return [(v.standard, v.field, v.message.removeprefix(f"{v.standard}: ")) for v in violations]


def found(case, sentence, requirement, siblings=()):
    return said(check_one(case, sentence, requirement, list(siblings)))


@pytest.mark.parametrize("born, refused", [(date(2008, 11, 2), False), (date(2008, 11, 3), True)])
def test_req_aamr_1_a_variation_judges_age_18_on_the_sentence_date(born, refused):
    case, sentence = varied(born)
    expected = [("REQ-AAMR-1", ("type",), "abstinence monitoring is for people aged 18 or over "
                 "(the offender was 17 on the sentence date).")]
    assert found(case, sentence, AAMR) == (expected if refused else [])


@pytest.mark.parametrize("born, refused", [(date(2008, 11, 2), False), (date(2008, 11, 3), True)])
def test_req_trt_1_a_variation_judges_age_18_on_the_sentence_date(born, refused):
    case, sentence = varied(born)
    expected = [("REQ-TRT-1", ("type",), "a DRUG_REHABILITATION requirement is for people aged 18 or over "
                 "(the offender was 17 on the sentence date).")]
    assert found(case, sentence, DRR) == (expected if refused else [])


def test_req_aamr_1_a_variation_is_refused_beside_an_alcohol_treatment_requirement_on_the_same_sentence():
    case, sentence = varied(date(1990, 1, 1))
    assert found(case, sentence, AAMR, [R(T.ALCOHOL_TREATMENT, consent_given=True, length_months=6)]) == [
        ("REQ-AAMR-1", ("type",), "abstinence monitoring cannot be combined with an alcohol treatment requirement.")]


@pytest.mark.parametrize("imposed_on, in_force", [(date(2026, 6, 1), True), (SENTENCED, True),
                                                  (date(2026, 11, 3), False)])
def test_req_aamr_1_alcohol_treatment_on_another_sentence_counts_when_in_force_on_the_sentence_date(imposed_on, in_force):
    other = builders.sentence(imposed_on=imposed_on, requirements=[
        builders.requirement(T.ALCOHOL_TREATMENT, consent_given=True, length_months=12)])
    case, sentence = varied(date(1990, 1, 1), other)
    sentence.requirements.append(builders.requirement(T.ALCOHOL_TREATMENT, consent_given=True, length_months=12))
    expected = [("REQ-AAMR-1", ("type",), "abstinence monitoring cannot be used while an alcohol treatment requirement "
                 f"is in place (on the COMMUNITY_ORDER of {imposed_on.isoformat()}).")]
    assert found(case, sentence, AAMR) == (expected if in_force else [])  # its own sentence never counts


def test_req_aamr_1_each_refusal_says_why():
    case, sentence = varied(date(1990, 1, 1))
    requirement = R(T.ALCOHOL_ABSTINENCE_MONITORING, days=121, alcohol_dependent=True, alcohol_treatment_recommended=True,
                    alcohol_related_offence=False)
    assert found(case, sentence, requirement) == [
        ("REQ-AAMR-1", ("days",), "abstinence monitoring lasts at most 120 days; 121 were given."),
        ("REQ-AAMR-1", ("alcoholDependent",),
         "abstinence monitoring is not for alcohol-dependent people: consider an alcohol treatment requirement."),
        ("REQ-AAMR-1", ("alcoholTreatmentRecommended",),
         "abstinence monitoring cannot be used where an alcohol treatment requirement is recommended."),
        ("REQ-AAMR-1", ("alcoholRelatedOffence",), "abstinence monitoring is for alcohol-related offences."),
    ]


@pytest.mark.parametrize("type, kind, refused", [
    (T.REHABILITATION_ACTIVITY, AppointmentKind.UNPAID_WORK, True),
    (T.REHABILITATION_ACTIVITY, AppointmentKind.TREATMENT, True),
    (T.REHABILITATION_ACTIVITY, AppointmentKind.SUPERVISION, False),
    (T.UNPAID_WORK, AppointmentKind.UNPAID_WORK, False),
    (T.DRUG_REHABILITATION, AppointmentKind.TREATMENT, False),
])
def test_req_rar_1_a_rar_does_not_deliver_treatment_or_unpaid_work(type, kind, refused):
    got = said(appointment_fits_requirement(type, kind, ("input", "kind")))
    assert got == ([("REQ-RAR-1", ("input", "kind"), f"a rehabilitation activity requirement does not deliver "
                     f"{kind.value.lower()}: book it against its own requirement.")] if refused else [])


ADDED = date(2026, 11, 2)


@pytest.mark.parametrize("sentence_type, committed_on, requirement, expected", [
    (S.COMMUNITY_ORDER, ADDED, R(T.UNPAID_WORK, hours=301),
     ("REQ-UPW-1", "unpaid work is 40 to 300 hours; 301 were given.")),
    (S.SUSPENDED_SENTENCE_ORDER, ADDED, R(T.EXCLUSION, length_months=25, details="x"),
     ("REQ-EXC-1", "an exclusion requirement of a SUSPENDED_SENTENCE_ORDER lasts 2 to 24 months; 25 were given.")),
    (S.SUSPENDED_SENTENCE_ORDER, ADDED, R(T.PROHIBITED_ACTIVITY, length_months=25, details="x"),
     ("REQ-PAR-1", "a prohibited activity requirement on a SUSPENDED_SENTENCE_ORDER lasts at most 24 months; 25 were given.")),
    (S.COMMUNITY_ORDER, ADDED, R(T.DRUG_TESTING, drug_misuse_factor_in_offending=True, dependent_or_propensity=True),
     ("REQ-DRG-1", "a DRUG_TESTING condition applies to licences and post-sentence supervision only.")),
    (S.COMMUNITY_ORDER, date(2015, 1, 31), R(T.REHABILITATION_ACTIVITY, days=10),
     ("REQ-RAR-1", "a rehabilitation activity requirement is only for offences on or after 2015-02-01 "
                   "(this offence was committed on 2015-01-31).")),
    (S.COMMUNITY_ORDER, date(2015, 2, 1), R(T.SPECIFIED_ACTIVITY, days=10),
     ("REQ-RAR-1", "a SPECIFIED_ACTIVITY requirement of a COMMUNITY_ORDER is only for offences before 2015-02-01; "
                   "use a rehabilitation activity requirement.")),
    (S.COMMUNITY_ORDER, ADDED, R(T.MENTAL_HEALTH_TREATMENT, consent_given=False, length_months=6),
     ("REQ-TRT-1", "a MENTAL_HEALTH_TREATMENT requirement needs the offender's consent.")),
])
def test_req_each_refusal_names_its_limit_and_what_was_given(sentence_type, committed_on, requirement, expected):
    from domain.records.requirements import check_requirements
    got = said(check_requirements(builders.case(born=date(1990, 1, 1)), sentence_type, ADDED, committed_on, [requirement]))
    assert [(rule, message) for rule, _, message in got] == [expected]


def test_req_ord_1_a_licence_refuses_a_community_requirement_and_lists_what_it_takes():
    from domain.records.requirements import ALLOWED_BY_SENTENCE, check_requirements
    got = said(check_requirements(builders.case(born=date(1990, 1, 1)), S.LICENCE, ADDED, ADDED,
                                  [R(T.SUPERVISION), R(T.UNPAID_WORK, hours=50)]))
    allowed = ", ".join(sorted(t.value for t in ALLOWED_BY_SENTENCE[S.LICENCE]))
    assert got == [("REQ-ORD-1", ("requirements", "1", "type"),
                    f"a UNPAID_WORK requirement does not fit a LICENCE (allowed: {allowed}).")]
    assert allowed.startswith("CURFEW, DRUG_APPOINTMENT, DRUG_TESTING, EXCLUSION")


def test_req_every_requirement_of_a_new_sentence_is_checked():
    from domain.records.requirements import check_requirements
    got = said(check_requirements(builders.case(born=date(1990, 1, 1)), S.COMMUNITY_ORDER, ADDED, ADDED,
                                  [R(T.UNPAID_WORK, hours=10), R(T.UNPAID_WORK, hours=400)]))
    assert [field for _, field, _ in got] == [("requirements", "0", "hours"), ("requirements", "1", "hours")]


def test_req_par_1_a_variation_judges_the_limit_of_the_sentence_varied():
    case, sentence = varied(date(1990, 1, 1))
    assert found(case, sentence, R(T.PROHIBITED_ACTIVITY, length_months=37, details="x")) == [
        ("REQ-PAR-1", ("lengthMonths",), "a prohibited activity requirement on a COMMUNITY_ORDER lasts at most 36 months; "
                                         "37 were given.")]
    assert found(case, sentence, R(T.PROHIBITED_ACTIVITY, length_months=36, details="x")) == []


def test_req_aamr_1_names_every_other_sentence_with_alcohol_treatment_in_force():
    others = [builders.sentence(imposed_on=on, requirements=[
        builders.requirement(T.ALCOHOL_TREATMENT, consent_given=True, length_months=12)])
        for on in (date(2026, 6, 1), date(2026, 7, 6))]
    case, sentence = varied(date(1990, 1, 1), *others)
    assert found(case, sentence, AAMR) == [
        ("REQ-AAMR-1", ("type",), "abstinence monitoring cannot be used while an alcohol treatment requirement is in place "
                                  "(on the COMMUNITY_ORDER of 2026-06-01, the COMMUNITY_ORDER of 2026-07-06).")]

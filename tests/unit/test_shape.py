"""Input-shape checks on sentences and requirements (the foundation's validation; REQ-* policy
limits are tested with their rules)."""

from dataclasses import replace
from datetime import date

import pytest

from domain.core.enums import Gender, OffenceCategory, RequirementType, SentenceType
from domain.core.errors import ErrorCode
from domain.records import shape
from domain.records.commands import AddSentence, OffenceDetails, OffenderDetails, RequirementDetails

TODAY = date(2026, 11, 20)


def sentence(**overrides) -> AddSentence:
    base = AddSentence(crn="X123456", type=SentenceType.COMMUNITY_ORDER, imposed_on=date(2026, 11, 2), length_months=12,
                       offence=OffenceDetails("Theft", OffenceCategory.ACQUISITIVE, date(2026, 8, 1)),
                       requirements=(RequirementDetails(RequirementType.UNPAID_WORK, hours=100),))
    return replace(base, **overrides)


def fields(violations) -> list[tuple[str, ...]]:
    return [v.field for v in violations]


def test_a_well_formed_community_order_passes():
    assert shape.add_sentence(sentence(), TODAY) == []


@pytest.mark.parametrize("overrides, field", [
    ({"imposed_on": date(2026, 11, 21)}, ("imposedOn",)),
    ({"length_months": 0}, ("lengthMonths",)),
    ({"length_months": 37}, ("lengthMonths",)),
    ({"custodial_term_months": 6}, ("custodialTermMonths",)),
    ({"release_date": date(2026, 11, 10)}, ("releaseDate",)),
    ({"requirements": ()}, ("requirements",)),
    ({"offence": OffenceDetails("  ", OffenceCategory.OTHER, date(2026, 1, 1))}, ("offence", "description")),
    ({"offence": OffenceDetails("Theft", OffenceCategory.OTHER, date(2026, 11, 3))}, ("offence", "committedOn")),
])
def test_community_order_shape_errors_point_at_the_field(overrides, field):
    violations = shape.add_sentence(sentence(**overrides), TODAY)
    assert field in fields(violations)
    assert all(v.code is ErrorCode.INVALID_INPUT for v in violations)


@pytest.mark.parametrize("length, ok", [(5, False), (6, True), (24, True), (25, False)])
def test_sso_operational_period_is_6_to_24_months(length, ok):
    command = sentence(type=SentenceType.SUSPENDED_SENTENCE_ORDER, length_months=length, custodial_term_months=6)
    assert (shape.add_sentence(command, TODAY) == []) is ok


def test_sso_needs_its_custodial_term():
    command = sentence(type=SentenceType.SUSPENDED_SENTENCE_ORDER, length_months=12)
    assert fields(shape.add_sentence(command, TODAY)) == [("custodialTermMonths",)]


def test_licence_needs_a_release_date_inside_the_sentence():
    licence = sentence(type=SentenceType.LICENCE, imposed_on=date(2025, 1, 10), length_months=24,
                       custodial_term_months=24, requirements=(),
                       offence=OffenceDetails("Robbery", OffenceCategory.ACQUISITIVE, date(2024, 6, 1)))
    assert fields(shape.add_sentence(licence, TODAY)) == [("releaseDate",)]
    assert shape.add_sentence(replace(licence, release_date=date(2026, 1, 9)), TODAY) == []
    assert fields(shape.add_sentence(replace(licence, release_date=date(2027, 1, 10)), TODAY)) == [("releaseDate",)]
    assert fields(shape.add_sentence(replace(licence, release_date=date(2025, 1, 9)), TODAY)) == [("releaseDate",)]


def test_pss_follows_custodial_terms_under_two_years():
    pss = sentence(type=SentenceType.POST_SENTENCE_SUPERVISION, imposed_on=date(2026, 1, 5), length_months=30,
                   custodial_term_months=24, release_date=date(2026, 7, 5), requirements=(),
                   offence=OffenceDetails("Burglary", OffenceCategory.ACQUISITIVE, date(2025, 9, 1)))
    assert fields(shape.add_sentence(pss, TODAY)) == [("custodialTermMonths",)]
    assert shape.add_sentence(replace(pss, custodial_term_months=23), TODAY) == []


@pytest.mark.parametrize("requirement, field", [
    (RequirementDetails(RequirementType.UNPAID_WORK), "hours"),
    (RequirementDetails(RequirementType.REHABILITATION_ACTIVITY), "days"),
    (RequirementDetails(RequirementType.EXCLUSION, length_months=6), "details"),
    (RequirementDetails(RequirementType.EXCLUSION, details="Leeds city centre"), "lengthMonths"),
    (RequirementDetails(RequirementType.PROGRAMME), "programme"),
    (RequirementDetails(RequirementType.DRUG_REHABILITATION, length_months=6), "consentGiven"),
    (RequirementDetails(RequirementType.ALCOHOL_ABSTINENCE_MONITORING, days=30), "alcoholDependent"),
    (RequirementDetails(RequirementType.CURFEW, hours=8), "lengthMonths"),
])
def test_missing_requirement_parameter_points_at_it(requirement, field):
    violations = shape.requirement_parameters(requirement, ("requirements", "0"))
    assert fields(violations) == [("requirements", "0", field)]
    assert "required" in violations[0].message


def test_a_parameter_the_type_does_not_take_is_refused_not_dropped():
    violations = shape.requirement_parameters(RequirementDetails(RequirementType.UNPAID_WORK, hours=50, days=3),
                                              ("requirements", "2"))
    assert fields(violations) == [("requirements", "2", "days")]


def test_numeric_parameters_must_be_positive():
    violations = shape.requirement_parameters(RequirementDetails(RequirementType.UNPAID_WORK, hours=-5), ("r",))
    assert fields(violations) == [("r", "hours")]


def test_offender_details_refuse_blank_names_and_future_birth():
    offender = OffenderDetails(" ", "Smith", date(2027, 1, 1), Gender.MALE, pnc_number="")
    assert fields(shape.offender_details(offender, TODAY)) == [
        ("offender", "forename"), ("offender", "dateOfBirth"), ("offender", "pncNumber")]

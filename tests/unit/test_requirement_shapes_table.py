"""The requirement shape table (domain/records/requirement_shapes.py), pinned row by row. mutmut does
not mutate module-level tables, and the one function there (``_shape``) runs only at import, so no
mutant of this module is ever checked (docs/mutation.md): these tests are what catches a changed row."""

from __future__ import annotations

import re

import pytest

from domain.core.enums import RequirementType as T
from domain.records.requirement_shapes import (
    DRR_SAFEGUARDS,
    DRUG_APPOINTMENT_SAFEGUARDS,
    DRUG_TESTING_SAFEGUARDS,
    INPUT_NAMES,
    PARAMETER_NAMES,
    SHAPES,
    RequirementShape,
)

DRUG_TESTING_TWO = {"drug_misuse_factor_in_offending", "dependent_or_propensity"}
DRUG_APPOINTMENT_FOUR = {*DRUG_TESTING_TWO, "dependency_treatable", "treatment_arrangements_possible"}

# type: (required, optional); "details" is allowed for every type on top of these.
TABLE = {
    T.UNPAID_WORK: ({"hours"}, set()),
    T.REHABILITATION_ACTIVITY: ({"days"}, set()),
    T.CURFEW: ({"hours", "length_months"}, set()),
    T.EXCLUSION: ({"length_months", "details"}, set()),
    T.PROHIBITED_ACTIVITY: ({"length_months", "details"}, set()),
    T.RESIDENCE: ({"details"}, {"length_months"}),
    T.PROGRAMME: ({"programme"}, {"days"}),
    T.DRUG_REHABILITATION: ({"consent_given", "length_months"}, {"drug_misuse_factor_in_offending"}),
    T.ALCOHOL_TREATMENT: ({"consent_given", "length_months"}, set()),
    T.MENTAL_HEALTH_TREATMENT: ({"consent_given", "length_months"}, set()),
    T.ALCOHOL_ABSTINENCE_MONITORING: ({"days", "alcohol_dependent"},
                                      {"alcohol_treatment_recommended", "alcohol_related_offence"}),
    T.ATTENDANCE_CENTRE: ({"hours"}, set()),
    T.SUPERVISION: (set(), {"length_months"}),
    T.SPECIFIED_ACTIVITY: ({"days"}, set()),
    T.DRUG_APPOINTMENT: (set(), {"length_months", *DRUG_APPOINTMENT_FOUR}),
    T.DRUG_TESTING: (set(), {"length_months", *DRUG_TESTING_TWO}),
}


def test_shape_table_has_a_row_for_every_requirement_type_and_no_other():
    assert set(SHAPES) == set(T) == set(TABLE)


@pytest.mark.parametrize("type", list(T))
def test_shape_table_row_required_optional_and_allowed(type):
    required, optional = TABLE[type]
    shape = SHAPES[type]
    assert isinstance(shape, RequirementShape)
    assert (shape.required, shape.optional) == (frozenset(required), frozenset(optional))
    assert shape.allowed == frozenset({*required, *optional, "details"})
    assert shape.required <= set(PARAMETER_NAMES) and shape.optional <= set(PARAMETER_NAMES)


@pytest.mark.parametrize("type", list(T))
def test_shape_table_row_says_what_its_parameters_mean(type):
    meaning = SHAPES[type].meaning
    assert meaning.strip() and meaning == meaning.strip()
    for name in SHAPES[type].required - {"details"}:
        assert INPUT_NAMES[name] in meaning  # every required parameter is explained in GraphQL spelling


def test_shape_table_graphql_names_are_the_camel_case_of_every_parameter():
    assert list(INPUT_NAMES) == list(PARAMETER_NAMES) and len(set(PARAMETER_NAMES)) == 13
    for name, spelled in INPUT_NAMES.items():
        assert spelled == re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def test_req_drg_2_safeguards_in_the_shape_table():
    assert DRUG_TESTING_SAFEGUARDS == ("drug_misuse_factor_in_offending", "dependent_or_propensity")
    assert DRUG_APPOINTMENT_SAFEGUARDS == (*DRUG_TESTING_SAFEGUARDS, "dependency_treatable",
                                           "treatment_arrangements_possible")
    assert DRR_SAFEGUARDS == ("drug_misuse_factor_in_offending",)
    assert "REQ-DRG-2" in SHAPES[T.DRUG_REHABILITATION].meaning


def test_shape_defaults_allow_details_only():
    bare = RequirementShape(frozenset())
    assert (bare.optional, bare.meaning, bare.allowed) == (frozenset(), "", frozenset({"details"}))

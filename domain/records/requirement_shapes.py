"""Which parameters each requirement type takes (shape only; the policy limits of REQ-* live in
``domain.records.requirements``).

A parameter that a type does not take is refused rather than silently dropped, so a client never
believes it recorded something the service threw away.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.core.enums import RequirementType as T

PARAMETER_NAMES = ("hours", "days", "length_months", "consent_given", "alcohol_dependent",
                   "programme", "details", "alcohol_treatment_recommended", "alcohol_related_offence",
                   "drug_misuse_factor_in_offending", "dependent_or_propensity", "dependency_treatable",
                   "treatment_arrangements_possible")

# GraphQL spelling of each parameter, for messages and field paths.
INPUT_NAMES = {
    "hours": "hours",
    "days": "days",
    "length_months": "lengthMonths",
    "consent_given": "consentGiven",
    "alcohol_dependent": "alcoholDependent",
    "programme": "programme",
    "details": "details",
    "alcohol_treatment_recommended": "alcoholTreatmentRecommended",
    "alcohol_related_offence": "alcoholRelatedOffence",
    "drug_misuse_factor_in_offending": "drugMisuseFactorInOffending",
    "dependent_or_propensity": "dependentOrPropensity",
    "dependency_treatable": "dependencyTreatable",
    "treatment_arrangements_possible": "treatmentArrangementsPossible",
}

# REQ-DRG-2's safeguards are optional in shape (records made before they were asked for can still
# be varied) and required by the rule when a requirement is added.
DRUG_TESTING_SAFEGUARDS = ("drug_misuse_factor_in_offending", "dependent_or_propensity")
DRUG_APPOINTMENT_SAFEGUARDS = (*DRUG_TESTING_SAFEGUARDS, "dependency_treatable", "treatment_arrangements_possible")
DRR_SAFEGUARDS = ("drug_misuse_factor_in_offending",)


@dataclass(frozen=True)
class RequirementShape:
    required: frozenset[str]
    optional: frozenset[str] = frozenset()
    meaning: str = ""

    @property
    def allowed(self) -> frozenset[str]:
        return self.required | self.optional | {"details"}


def _shape(required: set[str], optional: set[str] = frozenset(), meaning: str = "") -> RequirementShape:
    return RequirementShape(frozenset(required), frozenset(optional), meaning)


SHAPES: dict[T, RequirementShape] = {
    T.UNPAID_WORK: _shape({"hours"}, meaning="hours: hours of unpaid work ordered"),
    T.REHABILITATION_ACTIVITY: _shape({"days"}, meaning="days: maximum number of activity days set by the court"),
    T.CURFEW: _shape({"hours", "length_months"},
                     meaning="hours: curfew hours per day; lengthMonths: how long the curfew lasts; details: times and place"),
    T.EXCLUSION: _shape({"length_months", "details"}, meaning="lengthMonths: duration; details: the place excluded from"),
    T.PROHIBITED_ACTIVITY: _shape({"length_months", "details"}, meaning="lengthMonths: duration; details: the activity"),
    T.RESIDENCE: _shape({"details"}, {"length_months"}, meaning="details: where the offender must live"),
    T.PROGRAMME: _shape({"programme"}, {"days"}, meaning="programme: accredited programme name; days: sessions"),
    T.DRUG_REHABILITATION: _shape({"consent_given", "length_months"}, set(DRR_SAFEGUARDS),
                                  meaning="consentGiven; lengthMonths: treatment period; drugMisuseFactorInOffending (REQ-DRG-2)"),
    T.ALCOHOL_TREATMENT: _shape({"consent_given", "length_months"}, meaning="consentGiven; lengthMonths: treatment period"),
    T.MENTAL_HEALTH_TREATMENT: _shape({"consent_given", "length_months"}, meaning="consentGiven; lengthMonths: treatment period"),
    T.ALCOHOL_ABSTINENCE_MONITORING: _shape({"days", "alcohol_dependent"},
                                            {"alcohol_treatment_recommended", "alcohol_related_offence"},
                                            meaning="days: monitoring period; alcoholDependent: assessed dependency; "
                                                    "alcoholTreatmentRecommended, alcoholRelatedOffence (REQ-AAMR-1)"),
    T.ATTENDANCE_CENTRE: _shape({"hours"}, meaning="hours: total hours of attendance"),
    T.SUPERVISION: _shape(set(), {"length_months"}, meaning="lengthMonths: supervision period (pre-ORA orders)"),
    T.SPECIFIED_ACTIVITY: _shape({"days"}, meaning="days: days of activity (pre-ORA orders)"),
    T.DRUG_APPOINTMENT: _shape(set(), {"length_months", *DRUG_APPOINTMENT_SAFEGUARDS},
                               meaning="licence/PSS condition; the four safeguards of REQ-DRG-2"),
    T.DRUG_TESTING: _shape(set(), {"length_months", *DRUG_TESTING_SAFEGUARDS},
                           meaning="licence/PSS condition; the two safeguards of REQ-DRG-2"),
}

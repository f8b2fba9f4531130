"""Requirement rules (docs/standards.md "Requirements"), checked when a sentence is added or a
requirement varied. Each returns violations whose ``field`` points at the parameter at fault and
whose ``standard`` names the rule; an empty list means the requirement is acceptable.

Interpretations (recorded in the closing note):
- Ages are taken on the sentence date (REQ-AAMR-1, REQ-TRT-1, REQ-PRG-1).
- REQ-PAR-1 limits a prohibited activity requirement; on licences it is a licence condition
  without a statutory maximum, so only CO/SSO are limited.
- REQ-RAR-1's "a RAR does not deliver treatment, unpaid work or curfew" is enforced where
  delivery is recorded: an UNPAID_WORK or TREATMENT appointment cannot be booked against a RAR
  (``appointment_fits_requirement``).
- REQ-DRG-1 is reported instead of REQ-ORD-1 for drug appointment/testing conditions on a CO/SSO
  (the more specific rule). A positive drug test is not recorded as a failure to comply: the
  service has no test-result outcome, so nothing can turn one into a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from domain.core.case import Case
from domain.core.dates import age_on
from domain.core.enums import AppointmentKind, OffenceCategory, RoshLevel
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.core.errors import Violation, breaks
from domain.core.parameters import param
from domain.core.registry import Section, standard
from domain.records.commands import RequirementDetails
from domain.records.model import Offender
from domain.records.programmes import PROGRAMMES, Criterion, find_programme

REQ_UPW_1 = standard("REQ-UPW-1", Section.REQUIREMENTS, "Unpaid work is 40 to 300 hours", source="IB Unpaid Work",
                     parameters=("REQ_UPW_1_MIN_HOURS", "REQ_UPW_1_MAX_HOURS"), enforced=True)
REQ_EXC_1 = standard("REQ-EXC-1", Section.REQUIREMENTS, "An exclusion requirement lasts 2 months to 2 years",
                     source="PF Exclusion Requirement", parameters=("REQ_EXC_1_MIN_MONTHS", "REQ_EXC_1_MAX_MONTHS"),
                     enforced=True)
REQ_PAR_1 = standard("REQ-PAR-1", Section.REQUIREMENTS, "A prohibited activity requirement lasts at most 3 years (CO) or 2 (SSO)",
                     source="PF Prohibited Activity Requirement",
                     parameters=("REQ_PAR_1_CO_MAX_MONTHS", "REQ_PAR_1_SSO_MAX_MONTHS"), enforced=True)
REQ_AAMR_1 = standard("REQ-AAMR-1", Section.REQUIREMENTS, "Alcohol abstinence monitoring: at most 120 days, adults, not dependent, "
                      "not with alcohol treatment", source="IB Alcohol Abstinence Monitoring Requirement",
                      parameters=("REQ_AAMR_1_MAX_DAYS", "REQ_AAMR_1_MIN_AGE"), enforced=True)
REQ_TRT_1 = standard("REQ-TRT-1", Section.REQUIREMENTS, "Treatment requirements need consent and an offender aged 18 or over",
                     source="PF, IB Treatment requirements", parameters=("REQ_TRT_1_MIN_AGE",), enforced=True,
                     rule="Drug rehabilitation, alcohol treatment and mental health treatment requirements need the "
                          "offender's consent; age 18 or over.")
REQ_RAR_1 = standard("REQ-RAR-1", Section.REQUIREMENTS, "Rehabilitation activity requirements for offences on or after ORA commencement",
                     source="PF Rehabilitation Activity Requirement", parameters=("ORA_COMMENCEMENT",), enforced=True,
                     rule="A RAR only for offences on or after 2015-02-01, with a maximum number of activity days set by "
                          "the court; supervision and specified activity requirements only for offences before it; a "
                          "RAR does not deliver treatment, unpaid work or curfew.")
REQ_DRG_1 = standard("REQ-DRG-1", Section.REQUIREMENTS, "Drug appointment and drug testing conditions apply to licences and PSS",
                     source="PF Drug Appointment and Drug Testing conditions", enforced=True,
                     rule="Drug appointment and drug testing conditions apply to licences and post-sentence supervision "
                          "only; a positive test is not on its own a failure to comply.")
REQ_PRG_1 = standard("REQ-PRG-1", Section.REQUIREMENTS, "Accredited programme eligibility is checked",
                     source="IB Accredited Programmes; NP", enforced=True,
                     rule="Accredited programme eligibility criteria are data, evaluated by the service (e.g. Building "
                          "Better Relationships: men aged 18+, an intimate partner violence offence, moderate or high risk).")
REQ_ORD_1 = standard("REQ-ORD-1", Section.REQUIREMENTS, "Requirements fit the sentence type",
                     source="PF requirement and licence condition sections", enforced=True,
                     rule="Community order/SSO requirements, licence conditions and PSS requirements are distinct sets.")

Path = tuple[str, ...]

# REQ-ORD-1: which requirements each sentence type may carry (PF section titles: "Curfew
# Requirement/licence condition", "Drug Testing licence/post sentence supervision condition", ...;
# IB: programme requirements "can also be added as Licence conditions ... and Post Sentence Supervision").
COMMUNITY = frozenset({T.UNPAID_WORK, T.REHABILITATION_ACTIVITY, T.CURFEW, T.EXCLUSION, T.PROHIBITED_ACTIVITY,
                       T.RESIDENCE, T.PROGRAMME, T.DRUG_REHABILITATION, T.ALCOHOL_TREATMENT,
                       T.MENTAL_HEALTH_TREATMENT, T.ALCOHOL_ABSTINENCE_MONITORING, T.ATTENDANCE_CENTRE,
                       T.SUPERVISION, T.SPECIFIED_ACTIVITY})
ALLOWED_BY_SENTENCE: dict[S, frozenset[T]] = {
    S.COMMUNITY_ORDER: COMMUNITY,
    S.SUSPENDED_SENTENCE_ORDER: COMMUNITY,
    S.LICENCE: frozenset({T.CURFEW, T.EXCLUSION, T.PROHIBITED_ACTIVITY, T.RESIDENCE, T.PROGRAMME, T.SUPERVISION,
                          T.DRUG_APPOINTMENT, T.DRUG_TESTING}),
    S.POST_SENTENCE_SUPERVISION: frozenset({T.SUPERVISION, T.RESIDENCE, T.PROGRAMME, T.DRUG_APPOINTMENT,
                                            T.DRUG_TESTING}),
}
TREATMENT = frozenset({T.DRUG_REHABILITATION, T.ALCOHOL_TREATMENT, T.MENTAL_HEALTH_TREATMENT})
DRUG_CONDITIONS = frozenset({T.DRUG_APPOINTMENT, T.DRUG_TESTING})


def req_upw_1(requirement: RequirementDetails, path: Path) -> list[Violation]:
    """REQ-UPW-1: unpaid work is 40 to 300 hours."""
    low, high = param("REQ_UPW_1_MIN_HOURS"), param("REQ_UPW_1_MAX_HOURS")
    if requirement.type is T.UNPAID_WORK and requirement.hours is not None and not low <= requirement.hours <= high:
        return [breaks(REQ_UPW_1, (*path, "hours"), f"unpaid work is {low} to {high} hours; {requirement.hours} were given.")]
    return []


def req_exc_1(requirement: RequirementDetails, path: Path) -> list[Violation]:
    """REQ-EXC-1: an exclusion requirement lasts at least 2 months and at most 2 years."""
    low, high = param("REQ_EXC_1_MIN_MONTHS"), param("REQ_EXC_1_MAX_MONTHS")
    months = requirement.length_months
    if requirement.type is T.EXCLUSION and months is not None and not low <= months <= high:
        return [breaks(REQ_EXC_1, (*path, "lengthMonths"),
                       f"an exclusion requirement lasts {low} to {high} months; {months} were given.")]
    return []


def req_par_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-PAR-1: a prohibited activity requirement lasts at most 3 years on a CO, 2 on an SSO."""
    limits = {S.COMMUNITY_ORDER: param("REQ_PAR_1_CO_MAX_MONTHS"),
              S.SUSPENDED_SENTENCE_ORDER: param("REQ_PAR_1_SSO_MAX_MONTHS")}
    limit = limits.get(sentence_type)
    months = requirement.length_months
    if requirement.type is T.PROHIBITED_ACTIVITY and limit and months is not None and months > limit:
        return [breaks(REQ_PAR_1, (*path, "lengthMonths"),
                       f"a prohibited activity requirement on a {sentence_type.value} lasts at most {limit} months; "
                       f"{months} were given.")]
    return []


def req_aamr_1(requirement: RequirementDetails, siblings: Sequence[RequirementDetails], age: int,
               path: Path) -> list[Violation]:
    """REQ-AAMR-1: at most 120 days; age 18+; not for alcohol-dependent people; not with an
    alcohol treatment requirement."""
    if requirement.type is not T.ALCOHOL_ABSTINENCE_MONITORING:
        return []
    errors = []
    max_days, min_age = param("REQ_AAMR_1_MAX_DAYS"), param("REQ_AAMR_1_MIN_AGE")
    if requirement.days is not None and requirement.days > max_days:
        errors.append(breaks(REQ_AAMR_1, (*path, "days"), f"abstinence monitoring lasts at most {max_days} days; "
                                                            f"{requirement.days} were given."))
    if age < min_age:
        errors.append(breaks(REQ_AAMR_1, (*path, "type"), f"abstinence monitoring is for people aged {min_age} or over "
                                                            f"(the offender was {age} on the sentence date)."))
    if requirement.alcohol_dependent:
        errors.append(breaks(REQ_AAMR_1, (*path, "alcoholDependent"),
                             "abstinence monitoring is not for alcohol-dependent people: consider an alcohol treatment requirement."))
    if any(s.type is T.ALCOHOL_TREATMENT for s in siblings):
        errors.append(breaks(REQ_AAMR_1, (*path, "type"),
                             "abstinence monitoring cannot be combined with an alcohol treatment requirement."))
    return errors


def req_trt_1(requirement: RequirementDetails, age: int, path: Path) -> list[Violation]:
    """REQ-TRT-1: drug rehabilitation, alcohol and mental health treatment need consent; age 18+."""
    if requirement.type not in TREATMENT:
        return []
    errors = []
    if requirement.consent_given is False:
        errors.append(breaks(REQ_TRT_1, (*path, "consentGiven"),
                             f"a {requirement.type.value} requirement needs the offender's consent."))
    if age < param("REQ_TRT_1_MIN_AGE"):
        errors.append(breaks(REQ_TRT_1, (*path, "type"),
                             f"a {requirement.type.value} requirement is for people aged {param('REQ_TRT_1_MIN_AGE')} or over "
                             f"(the offender was {age} on the sentence date)."))
    return errors


def req_rar_1(requirement: RequirementDetails, offence_committed_on: date, path: Path) -> list[Violation]:
    """REQ-RAR-1: a RAR only for offences on/after ORA commencement (2015-02-01, the day itself
    included); supervision and specified activity requirements only for offences before it."""
    commencement = param("ORA_COMMENCEMENT")
    if requirement.type is T.REHABILITATION_ACTIVITY and offence_committed_on < commencement:
        return [breaks(REQ_RAR_1, (*path, "type"),
                       f"a rehabilitation activity requirement is only for offences on or after {commencement.isoformat()} "
                       f"(this offence was committed on {offence_committed_on.isoformat()}).")]
    if requirement.type in (T.SUPERVISION, T.SPECIFIED_ACTIVITY) and offence_committed_on >= commencement:
        return [breaks(REQ_RAR_1, (*path, "type"),
                       f"a {requirement.type.value} requirement is only for offences before {commencement.isoformat()}; "
                       "use a rehabilitation activity requirement.")]
    return []


def req_drg_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-DRG-1: drug appointment and drug testing conditions apply to licences and PSS only."""
    if requirement.type in DRUG_CONDITIONS and sentence_type.is_community:
        return [breaks(REQ_DRG_1, (*path, "type"),
                       f"a {requirement.type.value} condition applies to licences and post-sentence supervision only.")]
    return []


def req_ord_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-ORD-1: requirements fit the sentence type."""
    if requirement.type in DRUG_CONDITIONS and sentence_type.is_community:
        return []  # REQ-DRG-1 reports it
    if requirement.type not in ALLOWED_BY_SENTENCE[sentence_type]:
        allowed = ", ".join(sorted(t.value for t in ALLOWED_BY_SENTENCE[sentence_type]))
        return [breaks(REQ_ORD_1, (*path, "type"),
                       f"a {requirement.type.value} requirement does not fit a {sentence_type.value} (allowed: {allowed}).")]
    return []


def req_prg_1(requirement: RequirementDetails, case: Case, offender: Offender, index_offence: OffenceCategory,
              age: int, path: Path) -> list[Violation]:
    """REQ-PRG-1: accredited programme eligibility, evaluated from the criteria in
    ``domain.programmes``; a refused referral says which criterion failed."""
    if requirement.type is not T.PROGRAMME or requirement.programme is None:
        return []
    programme = find_programme(requirement.programme)
    if programme is None:
        known = ", ".join(f"{p.name} ({p.code})" for p in PROGRAMMES)
        return [breaks(REQ_PRG_1, (*path, "programme"),
                       f"'{requirement.programme}' is not an accredited programme known to this service (known: {known}).")]
    rosh = case.rosh
    categories = {s.offence.category for s in case.sentences} | {index_offence}
    failed = []
    for condition in programme.conditions:
        holds = {
            Criterion.MIN_AGE: lambda c: age >= c.value,
            Criterion.GENDER: lambda c: offender.gender is c.value,
            Criterion.OFFENCE_CATEGORY_ON_CASE: lambda c: c.value in categories,
            Criterion.ROSH_AT_LEAST: lambda c: rosh is not None and rosh.level.at_least(RoshLevel(c.value)),
            Criterion.ROSH_ASSESSED: lambda c: rosh is not None,
            Criterion.INDEX_OFFENCE_NOT_IN: lambda c: index_offence not in c.value,
        }[condition.criterion](condition)
        if not holds:
            failed.append(condition.explanation)
    if failed:
        return [breaks(REQ_PRG_1, (*path, "programme"),
                       f"not eligible for {programme.name}: " + "; ".join(failed) + ".")]
    return []


def check_requirements(case: Case, sentence_type: S, imposed_on: date, index_offence: OffenceCategory,
                       offence_committed_on: date, requirements: Sequence[RequirementDetails],
                       prefix: Path = ("requirements",)) -> list[Violation]:
    """Every REQ-* rule over every requirement of a sentence being added."""
    age = age_on(case.offender.date_of_birth, imposed_on)
    errors: list[Violation] = []
    for index, requirement in enumerate(requirements):
        path = (*prefix, str(index))
        siblings = [r for i, r in enumerate(requirements) if i != index]
        errors += [*req_ord_1(requirement, sentence_type, path), *req_drg_1(requirement, sentence_type, path),
                   *req_rar_1(requirement, offence_committed_on, path), *req_upw_1(requirement, path),
                   *req_exc_1(requirement, path), *req_par_1(requirement, sentence_type, path),
                   *req_aamr_1(requirement, siblings, age, path), *req_trt_1(requirement, age, path),
                   *req_prg_1(requirement, case, case.offender, index_offence, age, path)]
    return errors


def check_one(case: Case, sentence, requirement: RequirementDetails,
              siblings: Sequence[RequirementDetails]) -> list[Violation]:
    """Every REQ-* rule over one requirement of an existing sentence (a variation); fields are
    relative to the variation's input."""
    age = age_on(case.offender.date_of_birth, sentence.imposed_on)
    return [*req_upw_1(requirement, ()), *req_exc_1(requirement, ()), *req_par_1(requirement, sentence.type, ()),
            *req_aamr_1(requirement, siblings, age, ()), *req_trt_1(requirement, age, ())]


def appointment_fits_requirement(requirement_type: T, kind: AppointmentKind, path: Path) -> list[Violation]:
    """REQ-RAR-1: a RAR does not deliver treatment or unpaid work (curfew is not an appointment)."""
    if requirement_type is T.REHABILITATION_ACTIVITY and kind in (AppointmentKind.UNPAID_WORK, AppointmentKind.TREATMENT):
        return [breaks(REQ_RAR_1, path, f"a rehabilitation activity requirement does not deliver {kind.value.lower()}: "
                                          "book it against its own requirement.")]
    return []

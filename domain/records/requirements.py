"""Requirement rules (docs/standards.md "Requirements"), checked when a sentence is added or a
requirement varied. Each returns violations whose ``field`` points at the parameter at fault and
whose ``standard`` names the rule; an empty list means the requirement is acceptable.

Interpretations (recorded in docs/interpretations.md and docs/requirements.md):
- Ages are taken on the sentence date (REQ-AAMR-1, REQ-TRT-1). Programme eligibility (REQ-PRG-1)
  is no longer checked here: it is checked when the offender is referred (``domain.records.rules``),
  so a court's programme requirement is always recorded.
- Licence and PSS conditions are not community-order requirements. REQ-RAR-1 is the PF's rule for
  "Supervision Requirement as a requirement of a community order" and for the RAR, which "It is for
  the court to first decide whether a Community Order or Suspended Sentence Order with a RAR is an
  appropriate sentencing disposal": it applies to CO/SSO only, and supervision on a licence or PSS
  is valid whatever the offence date. (The catalogue's wording did not limit it to CO/SSO; the PF
  does, and wins.)
- REQ-EXC-1's limits are the 2003 Act's for the court's requirement ("The 2003 Act (Section 205)
  stipulates a specific maximum length of two years for this requirement, the minimum is two
  months"); a licence exclusion zone is set under the licence rules and has no length rule in the
  sources, so only CO/SSO are limited (the catalogue applied it to every exclusion).
- REQ-PAR-1 likewise limits a CO/SSO prohibited activity requirement only.
- REQ-RAR-1's "a RAR does not deliver treatment, unpaid work or curfew" is enforced where
  delivery is recorded: an UNPAID_WORK or TREATMENT appointment cannot be booked against a RAR
  (``appointment_fits_requirement``).
- REQ-AAMR-1 (IB: an AAMR "cannot be used on individuals who are alcohol dependent or have an
  Alcohol Treatment Requirement recommended or currently in place"): refused while an alcohol
  treatment requirement is in force on the AAMR's sentence date on ANY sentence of the case, or is in
  the same sentence, or ``alcoholTreatmentRecommended`` is true; and when ``alcoholRelatedOffence``
  is false ("No offence should be excluded from AAMR so long as the offence is alcohol related").
  Both flags are optional (a sentence recorded without them is not refused); adding an alcohol
  treatment requirement while an AAMR is in force is not forbidden by the sources and is accepted.
- REQ-DRG-1 is reported instead of REQ-ORD-1 for drug appointment/testing conditions on a CO/SSO
  (the more specific rule). Drug testing inside a DRR is part of the DRR ("DRRs – which includes
  drug testing"), not a DRUG_TESTING condition.
- REQ-DRG-2: the statutory safeguards are recorded, in the PF's words, when a drug requirement or
  condition is added; absent or false is refused. The PF's wording is "dependent on or have a
  propensity to use drugs" and "this dependency/propensity must be treatable" (the drug appointment
  condition only); the statute's "susceptible to treatment" is not the sources' wording and is not
  used. A DRR needs its offending to arise "from a dependence on or a misuse of illegal drugs".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from domain.core.case import Case
from domain.core.dates import age_on
from domain.core.enums import AppointmentKind
from domain.core.enums import RequirementType as T
from domain.core.enums import SentenceType as S
from domain.core.errors import Violation, breaks
from domain.core.parameters import param
from domain.core.registry import Section, standard
from domain.records.commands import RequirementDetails
from domain.records.periods import in_force_on
from domain.records.requirement_shapes import (
    DRR_SAFEGUARDS,
    DRUG_APPOINTMENT_SAFEGUARDS,
    DRUG_TESTING_SAFEGUARDS,
    INPUT_NAMES,
)

REQ_UPW_1 = standard("REQ-UPW-1", Section.REQUIREMENTS, "Unpaid work is 40 to 300 hours", source="IB Unpaid Work",
                     parameters=("REQ_UPW_1_MIN_HOURS", "REQ_UPW_1_MAX_HOURS"), enforced=True)
REQ_EXC_1 = standard("REQ-EXC-1", Section.REQUIREMENTS, "An exclusion requirement of a CO/SSO lasts 2 months to 2 years",
                     source="PF Exclusion Requirement/licence condition (the 2003 Act, Section 205)",
                     parameters=("REQ_EXC_1_MIN_MONTHS", "REQ_EXC_1_MAX_MONTHS"), enforced=True,
                     rule="A community order or SSO exclusion requirement lasts at least 2 months and at most 2 years; a "
                          "licence exclusion zone has no length limit in the sources.")
REQ_PAR_1 = standard("REQ-PAR-1", Section.REQUIREMENTS, "A prohibited activity requirement lasts at most 3 years (CO) or 2 (SSO)",
                     source="PF Prohibited Activity Requirement",
                     parameters=("REQ_PAR_1_CO_MAX_MONTHS", "REQ_PAR_1_SSO_MAX_MONTHS"), enforced=True)
REQ_AAMR_1 = standard("REQ-AAMR-1", Section.REQUIREMENTS, "Alcohol abstinence monitoring: at most 120 days, adults, not dependent, "
                      "not with alcohol treatment recommended or in place", source="IB Alcohol Abstinence Monitoring Requirement",
                      parameters=("REQ_AAMR_1_MAX_DAYS", "REQ_AAMR_1_MIN_AGE"), enforced=True,
                      rule="At most 120 days; age 18 or over; not for alcohol-dependent people; not while an alcohol "
                           "treatment requirement is recommended or in place on any sentence of the case; only for an "
                           "alcohol-related offence.")
REQ_TRT_1 = standard("REQ-TRT-1", Section.REQUIREMENTS, "Treatment requirements need consent and an offender aged 18 or over",
                     source="PF, IB Treatment requirements", parameters=("REQ_TRT_1_MIN_AGE",), enforced=True,
                     rule="Drug rehabilitation, alcohol treatment and mental health treatment requirements need the "
                          "offender's consent; age 18 or over.")
REQ_RAR_1 = standard("REQ-RAR-1", Section.REQUIREMENTS, "Rehabilitation activity requirements for offences on or after ORA commencement",
                     source="PF Rehabilitation Activity Requirement; Supervision Requirement as a requirement of a community order",
                     parameters=("ORA_COMMENCEMENT",), enforced=True,
                     rule="On a community order or SSO: a RAR only for offences on or after 2015-02-01, with a maximum "
                          "number of activity days set by the court; supervision and specified activity requirements only "
                          "for offences before it; a RAR does not deliver treatment, unpaid work or curfew. Supervision on a "
                          "licence or PSS is a condition whatever the offence date.")
REQ_DRG_1 = standard("REQ-DRG-1", Section.REQUIREMENTS, "Drug appointment and drug testing conditions apply to licences and PSS; "
                     "a positive test is not a failure", source="PF Drug Appointment and Drug Testing conditions", enforced=True,
                     rule="Drug appointment and drug testing conditions apply to licences and post-sentence supervision "
                          "only. Drug test results are recorded against a drug testing condition or a drug rehabilitation "
                          "requirement: a positive result is never on its own a failure to comply; a refusal to provide a "
                          "sample is an apparent failure to comply, awaiting the officer's decision.")
REQ_DRG_2 = standard("REQ-DRG-2", Section.REQUIREMENTS, "The statutory safeguards of a drug requirement are recorded",
                     source="PF Drug Appointment Condition; Drug Testing on Licence/Post Sentence Supervision Condition; "
                            "Drug Rehabilitation Requirement", enforced=True,
                     rule="Drug testing: misuse of Class A or B drugs is a factor in the offending and the offender is "
                          "dependent on or has a propensity to use drugs. Drug appointment: those two, the dependency or "
                          "propensity is treatable, and arrangements for treatment and appointments are possible. Drug "
                          "rehabilitation: the offending arises from a dependence on or a misuse of illegal drugs. Each is "
                          "recorded when the requirement is added; absent or false is refused.")
REQ_ORD_1 = standard("REQ-ORD-1", Section.REQUIREMENTS, "Requirements fit the sentence type",
                     source="PF requirement and licence condition sections", enforced=True,
                     rule="Community order/SSO requirements, licence conditions and PSS requirements are distinct sets.")

Path = tuple[str, ...]

# REQ-ORD-1: which requirements each sentence type may carry (PF section titles: "Curfew
# Requirement/licence condition", "Drug Testing licence/post sentence supervision condition", ...;
# IB: programme requirements "can also be added as Licence conditions ... and Post Sentence Supervision").
# Source gap: for PSS the sources name only supervision, drug appointment, drug testing and
# programmes ("The following requirements can apply to licences and the Post Sentence Supervision
# Period"); RESIDENCE on PSS has no source and is kept only because records already carry it.
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

# REQ-DRG-2: each safeguard in the PF's words, per type.
SAFEGUARDS: dict[T, tuple[str, ...]] = {
    T.DRUG_TESTING: DRUG_TESTING_SAFEGUARDS,
    T.DRUG_APPOINTMENT: DRUG_APPOINTMENT_SAFEGUARDS,
    T.DRUG_REHABILITATION: DRR_SAFEGUARDS,
}
SAFEGUARD_WORDS: dict[tuple[T, str], str] = {
    (T.DRUG_TESTING, "drug_misuse_factor_in_offending"): "misuse of Class A & B drugs must be factor in the offending",
    (T.DRUG_APPOINTMENT, "drug_misuse_factor_in_offending"): "misuse of Class A & B drugs must be factor in the offending",
    (T.DRUG_REHABILITATION, "drug_misuse_factor_in_offending"):
        "DRRs are targeted at offenders whose offending arises from a dependence on or a misuse of illegal drugs",
    (T.DRUG_TESTING, "dependent_or_propensity"): "the offender has to be dependent on or have a propensity to use drugs",
    (T.DRUG_APPOINTMENT, "dependent_or_propensity"): "the offender has to be dependent on or have a propensity to use drugs",
    (T.DRUG_APPOINTMENT, "dependency_treatable"): "this dependency/propensity must be treatable",
    (T.DRUG_APPOINTMENT, "treatment_arrangements_possible"): "arrangements for treatment and appointments must be possible",
}


def req_upw_1(requirement: RequirementDetails, path: Path) -> list[Violation]:
    """REQ-UPW-1: unpaid work is 40 to 300 hours."""
    low, high = param("REQ_UPW_1_MIN_HOURS"), param("REQ_UPW_1_MAX_HOURS")
    if requirement.type is T.UNPAID_WORK and requirement.hours is not None and not low <= requirement.hours <= high:
        return [breaks(REQ_UPW_1, (*path, "hours"), f"unpaid work is {low} to {high} hours; {requirement.hours} were given.")]
    return []


def req_exc_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-EXC-1: a CO/SSO exclusion requirement lasts at least 2 months and at most 2 years (the
    2003 Act's limits for the court's requirement; a licence exclusion zone has none in the sources)."""
    low, high = param("REQ_EXC_1_MIN_MONTHS"), param("REQ_EXC_1_MAX_MONTHS")
    months = requirement.length_months
    if (requirement.type is T.EXCLUSION and sentence_type.is_community and months is not None
            and not low <= months <= high):
        return [breaks(REQ_EXC_1, (*path, "lengthMonths"),
                       f"an exclusion requirement of a {sentence_type.value} lasts {low} to {high} months; {months} were given.")]
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


def alcohol_treatment_in_force(case: Case, on: date, exclude_sentence_id: str | None = None) -> list[str]:
    """REQ-AAMR-1: the sentences of the case with an alcohol treatment requirement in force on
    ``on`` (described for a message), other than the one named."""
    found = []
    for sentence in case.sentences:
        if sentence.id == exclude_sentence_id:
            continue
        for requirement in sentence.requirements:
            if requirement.type is T.ALCOHOL_TREATMENT and in_force_on(sentence, requirement, on):
                found.append(f"the {sentence.type.value} of {sentence.imposed_on.isoformat()}")
    return found


def req_aamr_1(requirement: RequirementDetails, siblings: Sequence[RequirementDetails], age: int,
               path: Path, elsewhere: Sequence[str] = ()) -> list[Violation]:
    """REQ-AAMR-1: at most 120 days; age 18+; not for alcohol-dependent people; not while an
    alcohol treatment requirement is recommended or in place (``siblings``: the same sentence's
    other requirements; ``elsewhere``: other sentences with one in force); an alcohol-related offence."""
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
    if elsewhere:
        errors.append(breaks(REQ_AAMR_1, (*path, "type"),
                             "abstinence monitoring cannot be used while an alcohol treatment requirement is in place "
                             f"(on {', '.join(elsewhere)})."))
    if requirement.alcohol_treatment_recommended:
        errors.append(breaks(REQ_AAMR_1, (*path, "alcoholTreatmentRecommended"),
                             "abstinence monitoring cannot be used where an alcohol treatment requirement is recommended."))
    if requirement.alcohol_related_offence is False:
        errors.append(breaks(REQ_AAMR_1, (*path, "alcoholRelatedOffence"),
                             "abstinence monitoring is for alcohol-related offences."))
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


def req_rar_1(requirement: RequirementDetails, sentence_type: S, offence_committed_on: date, path: Path) -> list[Violation]:
    """REQ-RAR-1, on a CO/SSO only: a RAR only for offences on/after ORA commencement (2015-02-01,
    the day itself included); supervision and specified activity requirements only for offences
    before it. On a licence or PSS, supervision is a condition whatever the offence date."""
    if not sentence_type.is_community:
        return []
    commencement = param("ORA_COMMENCEMENT")
    if requirement.type is T.REHABILITATION_ACTIVITY and offence_committed_on < commencement:
        return [breaks(REQ_RAR_1, (*path, "type"),
                       f"a rehabilitation activity requirement is only for offences on or after {commencement.isoformat()} "
                       f"(this offence was committed on {offence_committed_on.isoformat()}).")]
    if requirement.type in (T.SUPERVISION, T.SPECIFIED_ACTIVITY) and offence_committed_on >= commencement:
        return [breaks(REQ_RAR_1, (*path, "type"),
                       f"a {requirement.type.value} requirement of a {sentence_type.value} is only for offences before "
                       f"{commencement.isoformat()}; use a rehabilitation activity requirement.")]
    return []


def req_drg_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-DRG-1: drug appointment and drug testing conditions apply to licences and PSS only."""
    if requirement.type in DRUG_CONDITIONS and sentence_type.is_community:
        return [breaks(REQ_DRG_1, (*path, "type"),
                       f"a {requirement.type.value} condition applies to licences and post-sentence supervision only.")]
    return []


def req_drg_2(requirement: RequirementDetails, path: Path) -> list[Violation]:
    """REQ-DRG-2: each statutory safeguard of the requirement's type is recorded, and holds."""
    errors = []
    for name in SAFEGUARDS.get(requirement.type, ()):
        value, words = getattr(requirement, name), SAFEGUARD_WORDS[(requirement.type, name)]
        if value is None:
            errors.append(breaks(REQ_DRG_2, (*path, INPUT_NAMES[name]),
                                 f"record whether the safeguard holds for a {requirement.type.value}: \"{words}\"."))
        elif value is False:
            errors.append(breaks(REQ_DRG_2, (*path, INPUT_NAMES[name]),
                                 f"a {requirement.type.value} cannot be used unless \"{words}\"."))
    return errors


def req_ord_1(requirement: RequirementDetails, sentence_type: S, path: Path) -> list[Violation]:
    """REQ-ORD-1: requirements fit the sentence type."""
    if requirement.type in DRUG_CONDITIONS and sentence_type.is_community:
        return []  # REQ-DRG-1 reports it
    if requirement.type not in ALLOWED_BY_SENTENCE[sentence_type]:
        allowed = ", ".join(sorted(t.value for t in ALLOWED_BY_SENTENCE[sentence_type]))
        return [breaks(REQ_ORD_1, (*path, "type"),
                       f"a {requirement.type.value} requirement does not fit a {sentence_type.value} (allowed: {allowed}).")]
    return []


def check_requirements(case: Case, sentence_type: S, imposed_on: date, offence_committed_on: date,
                       requirements: Sequence[RequirementDetails],
                       prefix: Path = ("requirements",), only: Collection[int] | None = None) -> list[Violation]:
    """Every REQ-* rule over every requirement of a sentence being added (or those at the indices
    ``only``: the well-formed ones, when others have shape errors; siblings are all of them)."""
    age = age_on(case.offender.date_of_birth, imposed_on)
    elsewhere = alcohol_treatment_in_force(case, imposed_on)
    errors: list[Violation] = []
    for index, requirement in enumerate(requirements):
        if only is not None and index not in only:
            continue
        path = (*prefix, str(index))
        siblings = [r for i, r in enumerate(requirements) if i != index]
        errors += [*req_ord_1(requirement, sentence_type, path), *req_drg_1(requirement, sentence_type, path),
                   *req_rar_1(requirement, sentence_type, offence_committed_on, path), *req_upw_1(requirement, path),
                   *req_exc_1(requirement, sentence_type, path), *req_par_1(requirement, sentence_type, path),
                   *req_aamr_1(requirement, siblings, age, path, elsewhere), *req_trt_1(requirement, age, path),
                   *req_drg_2(requirement, path)]
    return errors


def check_one(case: Case, sentence, requirement: RequirementDetails,
              siblings: Sequence[RequirementDetails]) -> list[Violation]:
    """Every REQ-* rule over one requirement of an existing sentence (a variation); fields are
    relative to the variation's input. Alcohol treatment elsewhere is judged on the sentence date."""
    age = age_on(case.offender.date_of_birth, sentence.imposed_on)
    elsewhere = alcohol_treatment_in_force(case, sentence.imposed_on, exclude_sentence_id=sentence.id)
    return [*req_upw_1(requirement, ()), *req_exc_1(requirement, sentence.type, ()),
            *req_par_1(requirement, sentence.type, ()), *req_aamr_1(requirement, siblings, age, (), elsewhere),
            *req_trt_1(requirement, age, ())]


def appointment_fits_requirement(requirement_type: T, kind: AppointmentKind, path: Path) -> list[Violation]:
    """REQ-RAR-1: a RAR does not deliver treatment or unpaid work (curfew is not an appointment)."""
    if requirement_type is T.REHABILITATION_ACTIVITY and kind in (AppointmentKind.UNPAID_WORK, AppointmentKind.TREATMENT):
        return [breaks(REQ_RAR_1, path, f"a rehabilitation activity requirement does not deliver {kind.value.lower()}: "
                                          "book it against its own requirement.")]
    return []

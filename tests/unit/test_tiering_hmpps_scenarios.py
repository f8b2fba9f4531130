"""hmpps-tier's own tests as TIER-1 tests here: every cucumber scenario, every protect/change
integration test that asserts a calculated tier, and the calculator unit tests of the protect/
change model, translated into this project's inputs (rule version hmpps-tier-v2.2026).

Source: github.com/ministryofjustice/hmpps-tier at commit
affac98aa31db76f1856de066cb9a65e54c43cee (main, 2026-08-17); each row names its file (paths below)
and its scenario or test name, which is also the pytest id.

Each row holds what hmpps-tier's test asserts (``hmpps``), this project's answer (``ours``) and the
deliberate divergences (``differs``, keys of DIVERGENCES, each with its reason). The test checks
our answer, and checks the labelling: a row without divergences must agree with hmpps-tier on
every fact its test asserts; a row with divergences must differ on at least one. So the table
cannot claim an agreement or a divergence that is not there.

Counts: 175 translated (116 cucumber scenarios in 13 feature files; 45 calculations in 11
integration test classes; 10 AdditionalFactorsForWomenTest cases; 4 RSRTest thresholds scored);
146 agree, 29 deliberately differ (MISSING_ROSH, MISSING_NEEDS, NO_ACTIVE_SENTENCE,
UNSUPERVISED_DERIVED, EXACT_RSR_BANDS).

Not translated, with the reason: TierCalculatorTest.kt and ProvisionalStatusCalculatorTest.kt test
hmpps-tier's new single-axis tier (v3: A-G from OGRS4 predictors, behind the
``tier-v3-calculation`` flag), a different model this project does not implement; tests of
Delius/OASys code mapping (domain/enums/*Test.kt, NeedSectionTest.kt: OASys section thresholds),
of reading or formatting stored results (TierV2ReaderTest, TierDtoTest, the 404/400/401 and
bulk-size tests) and of messaging and telemetry assert no calculation.

How hmpps-tier's inputs map onto this project's:
- cucumber SetupData defaults: male, RSR "0", OGRS "0", no registrations, one current custodial
  conviction (a mandate for change), no assessment unless a step needs one; with an assessment
  the women's answers default to answered: impulsivity and temper control 0, parenting "No".
- integration ResponseGenerator defaults: male, RSR 23, OGRS 21, a custodial conviction ("NC"/"SC",
  here a licence); ``restOfSetupWithMaleOffenderNoSevereNeeds`` is a needs assessment with no
  needs; ``getNotFoundAssessment`` is no needs assessment.
- Integration rows are built as cases and their inputs derived (``domain.risk.tier_inputs``).
  Delius holds RSR and OGRS apart from RoSH registrations; here they live on the RoSH assessment,
  so for a case with no RoSH assessment they are set on the derived inputs.
- A historic ("HREG") registration is a deregistered MAPPA registration; Delius's restrictive
  requirement "X" is a curfew, non-restrictive "F" a rehabilitation activity requirement; a
  non-custodial conviction with no requirements is a community order whose requirements have all
  been terminated; "PRC" (two-thirds point, unsupervised) has no equivalent (see
  UNSUPERVISED_DERIVED).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from domain.core.case import Case
from domain.core.enums import (
    Gender,
    MappaCategory,
    MappaLevel,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SentenceStatus,
    SentenceType,
)
from domain.delivery.model import Termination
from domain.risk import derivation as risk
from domain.risk.model import ComplexityRegistration, MappaRegistration, NeedsAssessment, RoshAssessment
from domain.risk.tiering import ComplexityFactor as F
from domain.risk.tiering import Need, NeedSeverity, ProblemLevel, TierInputs, calculate
from tests import builders
from tests.builders import STAMP

BDD = "src/test/resources/uk/gov/justice/digital/hmpps/hmppstier/integration/bdd/"
IT = "src/test/kotlin/uk/gov/justice/digital/hmpps/hmppstier/integration/"
UNIT = "src/test/kotlin/uk/gov/justice/digital/hmpps/hmppstier/"
TODAY = date(2026, 11, 20)

DIVERGENCES = {
    "MISSING_ROSH": "No RoSH: hmpps-tier scores it as LOW; here every RoSH level is tried and the protect level is "
                    "MISSING with its range unless the other inputs fix it (domain.tiering, divergence 2).",
    "MISSING_NEEDS": "No needs assessment: hmpps-tier says change level 2; here the change level is MISSING with its "
                     "range (1-3), never a default (divergence 2).",
    "NO_ACTIVE_SENTENCE": "No live sentence: hmpps-tier's protect/change score is still given (change 0); here the tier "
                          "is N/A, as hmpps-tier's current tier says NOT_SUPERVISED (divergence 5).",
    "UNSUPERVISED_DERIVED": "S is derived from the case (every live sentence a CO/SSO with nothing left to supervise); "
                            "hmpps-tier reads a Delius 'PRC' registration no source here describes (divergence 4).",
    "EXACT_RSR_BANDS": "RSR bands are exact Decimal: 99.99 and 100 score 20; hmpps-tier's BigDecimal(99.99) from a "
                       "binary double is 99.98999..., so they score 0 there (divergence 1).",
}

VH, HIGH, MEDIUM, LOW = RoshLevel.VERY_HIGH, RoshLevel.HIGH, RoshLevel.MEDIUM, RoshLevel.LOW
M1, M2, M3 = MappaLevel.LEVEL_1, MappaLevel.LEVEL_2, MappaLevel.LEVEL_3
NONE, SOME, SIGNIFICANT = ProblemLevel.NO_PROBLEMS, ProblemLevel.SOME_PROBLEMS, ProblemLevel.SIGNIFICANT_PROBLEMS
STANDARD, SEVERE, NO_NEED = NeedSeverity.STANDARD, NeedSeverity.SEVERE, NeedSeverity.NO_NEED
EVERY_FACTOR = frozenset({F.CHILD_CONCERNS, F.CHILD_PROTECTION, F.RISK_TO_CHILDREN, F.PUBLIC_INTEREST, F.TERRORISM,
                          F.ADULT_AT_RISK, F.STREET_GANGS, F.MENTAL_HEALTH, F.ATTEMPTED_SUICIDE_OR_SELF_HARM,
                          F.VULNERABILITY_ISSUE})  # RCCO,RCPR,RCHD,RPIR,RTAO,RVAD,STRG,RMDO,ALSH,RVLN


# Cucumber steps -> calculator inputs ----------------------------------------------------------

def bdd(*, rsr: str = "0", ogrs: str = "0", factors=(), **given) -> TierInputs:
    """SetupData defaults: male, RSR 0, OGRS 0, a current custodial conviction, no assessment."""
    base = dict(rosh=None, serious_recidivism_score=Decimal(rsr), mappa_level=None, complexity_factors=frozenset(factors),
                reoffending_score=Decimal(ogrs), needs=None, mandate_for_change=True, female=False)
    return TierInputs(**{**base, **given})


def assessed(*, needs=None, impulsivity=NONE, temper=NONE, parenting=False, **given) -> TierInputs:
    """A valid assessment: its needs, and the women's answers answered (0, 0, "No") unless given."""
    return bdd(needs=dict(needs or {}), impulsivity=impulsivity, temper_control=temper,
               parenting_responsibilities=parenting, **given)


def severe(*needs: Need) -> dict:
    return dict.fromkeys(needs, SEVERE)


SIX = (Need.ACCOMMODATION, Need.EDUCATION_TRAINING_AND_EMPLOYABILITY, Need.RELATIONSHIPS, Need.LIFESTYLE_AND_ASSOCIATES,
       Need.DRUG_MISUSE, Need.ALCOHOL_MISUSE)


# Integration tests -> a case, and the inputs derived from it -----------------------------------

REQUIREMENT_PARAMETERS = {RequirementType.REHABILITATION_ACTIVITY: {"days": 10},
                          RequirementType.CURFEW: {"hours": 8, "length_months": 3},
                          RequirementType.UNPAID_WORK: {"hours": 100}}


def licence():
    """A custodial conviction ("NC"/"SC") supervised in the community: a licence."""
    return builders.sentence(type=SentenceType.LICENCE, imposed_on=date(2025, 1, 6), length_months=24,
                             custodial_term_months=24, release_date=date(2026, 1, 5))


def order(*types: RequirementType):
    """A non-custodial conviction ("SP"); with no requirement types, every requirement terminated."""
    kinds = types or (RequirementType.REHABILITATION_ACTIVITY,)
    sentence = builders.sentence(requirements=[builders.requirement(t, **REQUIREMENT_PARAMETERS[t]) for t in kinds])
    if not types:
        for requirement in sentence.requirements:
            requirement.status = RequirementStatus.TERMINATED
    return sentence


def ended_yesterday(sentence):
    sentence.status = SentenceStatus.TERMINATED
    sentence.termination = Termination(terminated_on=TODAY - timedelta(days=1), reason="Terminated", agencies_notified=[],
                                       continuing_restrictions_explained=True, recorded=STAMP)
    return sentence


def mappa(level: MappaLevel, on: date = date(2021, 2, 1), ended: date | None = None) -> MappaRegistration:
    return MappaRegistration(category=MappaCategory.CATEGORY_2, level=level, registered_on=on, visor_recorded=True,
                             deregistered_on=ended, recorded=STAMP)


def historic(level: MappaLevel) -> MappaRegistration:
    """An "HREG" (historic) registration: ended."""
    return mappa(level, date(2016, 6, 28), ended=date(2020, 1, 1))


def delius(*sentences, gender=Gender.MALE, registrations=(), rosh: RoshLevel | None = None, rsr: str | None = "23",
           ogrs: str | None = "21", needs: dict | None = None, factors=(), answers: dict | None = None) -> TierInputs:
    """A case as the tier-to-delius and ARNS mocks describe it (defaults: RSR 23, OGRS 21)."""
    case: Case = builders.case(gender=gender)
    case.sentences.extend(sentences)
    case.mappa_registrations.extend(registrations)
    case.complexity_factors.extend(ComplexityRegistration(factor=f, started_on=date(2021, 2, 1), recorded=STAMP)
                                   for f in factors)
    score = {"reoffending_score": Decimal(ogrs) if ogrs is not None else None,
             "serious_recidivism_score": Decimal(rsr) if rsr is not None else None}
    if rosh is not None:
        case.rosh_assessments.append(RoshAssessment(level=rosh, assessed_on=date(2026, 1, 5), rationale="r",
                                                    recorded=STAMP, **score))
    if needs is not None:
        case.needs_assessments.append(NeedsAssessment(assessed_on=date(2026, 1, 5), needs=needs, recorded=STAMP,
                                                      **(answers or {})))
    inputs = risk.tier_inputs(case, TODAY)
    return inputs if rosh is not None else replace(inputs, **score)


EVERY_NEED = dict.fromkeys(Need, SEVERE)  # Need.entries.associateWith { SEVERE }


@dataclass(frozen=True)
class Row:
    source: str
    name: str
    given: TierInputs
    hmpps: dict
    ours: dict
    differs: tuple[str, ...] = ()


def R(source, name, given, hmpps, ours, *differs) -> Row:
    return Row(source, name, given, hmpps, ours, differs)


ROSH_F, RSR_F, BOTH_F, MAPPA_F = ("calculateROSHScore.6.4.feature", "calculateRSRScore.6.2.feature",
                                  "ROSHandRSRRule.6.5.feature", "MAPPA.6.7.feature")
MF_F, IOM_F, BR_F, CX_F = ("additionalFactorsMaleAndFemale.6.9.feature", "IOM.8.6.feature",
                           "additionalFactorsFemaleBreachRecall.6.11.1.feature", "additionalFactorsFemaleComplexity.6.11.2.feature")
AX_F, OGRS_F, CT_F, NEEDS_F, MAN_F = ("assessAndProtectAxis.7.1.feature", "OGRS.8.2.feature", "changeTierThresholds.10.1.feature",
                                      "criminogenicNeeds.8.4.feature", "mandateForChange.9.5.feature")
RANGE_RN = "A–D, RoSH missing; 1–3, needs assessment missing"

# Cucumber scenarios (BDD + file). hmpps: what the scenario's Then step asserts. ----------------
SCENARIOS = [
    R(ROSH_F, "ROSH very high 150 points scored", bdd(rosh=VH), {"protect_points": 150}, {"protect_points": 150, "tier": "A?"}),
    R(ROSH_F, "ROSH high 20 points scored", bdd(rosh=HIGH), {"protect_points": 20}, {"protect_points": 20, "tier": "B?"}),
    R(ROSH_F, "ROSH medium 10 points scored", bdd(rosh=MEDIUM), {"protect_points": 10}, {"protect_points": 10, "tier": "C?"}),
    R(ROSH_F, "ROSH low 0 points scored", bdd(rosh=LOW), {"protect_points": 0}, {"protect_points": 0, "tier": "D?"}),

    R(RSR_F, "RSR 7.1 No ROSH 20 points scored", bdd(rsr="7.1"), {"protect_points": 20}, {"protect_points": 20, "tier": "??"}),
    R(RSR_F, "RSR 7.0 No ROSH 20 points scored", bdd(rsr="7.0"), {"protect_points": 20}, {"protect_points": 20, "tier": "??"}),
    R(RSR_F, "RSR 6.9 No ROSH 10 points scored", bdd(rsr="6.9"), {"protect_points": 10}, {"protect_points": 10, "tier": "??"}),
    R(RSR_F, "RSR 3.1 No ROSH 10 points scored", bdd(rsr="3.1"), {"protect_points": 10}, {"protect_points": 10, "tier": "??"}),
    R(RSR_F, "RSR 3.0 No ROSH 10 points scored", bdd(rsr="3.0"), {"protect_points": 10}, {"protect_points": 10, "tier": "??"}),
    R(RSR_F, "RSR 2.9 No ROSH 0 points scored", bdd(rsr="2.9"), {"protect_points": 0}, {"protect_points": 0, "tier": "??"}),
    R(RSR_F, "RSR 999.99 No ROSH 0 points scored", bdd(rsr="999.99"), {"protect_points": 0}, {"protect_points": 0, "tier": "??"}),

    R(BOTH_F, "ROSH 150 points RSR 20 points so 150 points scored", bdd(rosh=VH, rsr="7.0"), {"protect_points": 150},
      {"protect_points": 150, "tier": "A?"}),
    R(BOTH_F, "ROSH 10 points RSR 20 points so 20 points scored", bdd(rosh=MEDIUM, rsr="7.0"), {"protect_points": 20},
      {"protect_points": 20, "tier": "B?"}),
    R(BOTH_F, "ROSH 20 points RSR 20 points so 20 points scored", bdd(rosh=MEDIUM, rsr="22.0"), {"protect_points": 20},
      {"protect_points": 20, "tier": "B?"}),

    # MAPPA 2 or 3 fixes A even with no RoSH: determined, not provisional.
    R(MAPPA_F, "MAPPA M Level 3 scores 150 points", bdd(mappa_level=M3), {"protect_points": 150},
      {"protect_points": 150, "protect": "A", "tier": "A?"}),
    R(MAPPA_F, "MAPPA M Level 2 scores 150 points", bdd(mappa_level=M2), {"protect_points": 150},
      {"protect_points": 150, "protect": "A", "tier": "A?"}),
    R(MAPPA_F, "MAPPA M Level 1 scores 5 points", bdd(mappa_level=M1), {"protect_points": 5}, {"protect_points": 5, "tier": "??"}),
    R(MAPPA_F, "No active MAPPA scores 0 points", bdd(), {"protect_points": 0}, {"protect_points": 0, "tier": "??"}),

    *[R(MF_F, f"{label} scores 2 points", assessed(factors={factor}), {"protect_points": 2}, {"protect_points": 2, "tier": "?1"})
      for label, factor in [("Child Concerns", F.CHILD_CONCERNS), ("Child Protection", F.CHILD_PROTECTION),
                            ("Risk to Children", F.RISK_TO_CHILDREN), ("Public Interest Case", F.PUBLIC_INTEREST),
                            ("Terrorism Act Offender", F.TERRORISM), ("Safeguarding – Adult at Risk", F.ADULT_AT_RISK),
                            ("Street Gangs", F.STREET_GANGS), ("Mental Health issues", F.MENTAL_HEALTH),
                            ("Attempted Suicide and self-harm", F.ATTEMPTED_SUICIDE_OR_SELF_HARM),
                            ("Vulnerability", F.VULNERABILITY_ISSUE)]],
    R(MF_F, "All additional factors score 20 points", assessed(factors=EVERY_FACTOR), {"protect_points": 20},
      {"protect_points": 20, "tier": "?1"}),

    R(IOM_F, "IOM scores 2 points", assessed(factors={F.IOM_NOMINAL}), {"change_points": 2}, {"change_points": 2, "tier": "?1"}),

    R(BR_F, "Male offender with Previous Enforcement Activity scores no points", bdd(previous_enforcement=True),
      {"protect_points": 0}, {"protect_points": 0, "tier": "??"}),
    R(BR_F, "Female offender with Previous Enforcement Activity and an active conviction scores 2 points",
      bdd(female=True, previous_enforcement=True), {"protect_points": 2}, {"protect_points": 2, "tier": "??"}),
    R(BR_F, "Female offender with D2 and 9 protect points and Previous Enforcement Activity to C2",
      bdd(mappa_level=M1, factors={F.ATTEMPTED_SUICIDE_OR_SELF_HARM, F.VULNERABILITY_ISSUE}, female=True,
          previous_enforcement=True),
      {"protect": "C", "change": "2"},
      {"protect": "MISSING", "change": "MISSING", "protect_points": 11, "tier": "??",
       "range": "A–C, RoSH missing; 1–3, needs assessment missing"}, "MISSING_ROSH", "MISSING_NEEDS"),
    R(BR_F, "Female offender with Previous Enforcement Activity and two active convictions scores 2 points",
      bdd(female=True, previous_enforcement=True), {"protect_points": 2}, {"protect_points": 2, "tier": "??"}),
    R(BR_F, "Female offender with Breached Convictions and a Previous Enforcement Activity are not added up",
      bdd(female=True, previous_enforcement=True), {"protect_points": 2}, {"protect_points": 2, "tier": "??"}),
    R(BR_F, "Female offender with Breached Convictions with no Previous Enforcement Activity scores no points",
      bdd(female=True, previous_enforcement=False), {"protect_points": 0}, {"protect_points": 0, "tier": "??"}),

    R(CX_F, "Parenting Responsibilities scores 2 points", assessed(female=True, parenting=True), {"protect_points": 2},
      {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Impulsivity and Temper Control 1 scores 2 points", assessed(female=True, impulsivity=SOME, temper=SOME),
      {"protect_points": 2}, {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Temper Control 1 scores 2 points", assessed(female=True, temper=SOME), {"protect_points": 2},
      {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Impulsivity 1 scores 2 points", assessed(female=True, impulsivity=SOME), {"protect_points": 2},
      {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Temper Control 2 scores 2 points", assessed(female=True, temper=SIGNIFICANT), {"protect_points": 2},
      {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Impulsivity 2 scores 2 points", assessed(female=True, impulsivity=SIGNIFICANT), {"protect_points": 2},
      {"protect_points": 2, "tier": "?1"}),
    R(CX_F, "Impulsivity 1 and Parenting Responsibilities scores 4 points", assessed(female=True, impulsivity=SOME, parenting=True),
      {"protect_points": 4}, {"protect_points": 4, "tier": "?1"}),
    R(CX_F, "Temper Control 1 and Parenting Responsibilities scores 4 points", assessed(female=True, temper=SOME, parenting=True),
      {"protect_points": 4}, {"protect_points": 4, "tier": "?1"}),
    R(CX_F, "Temper Control 1, Impulsivity 1 and Parenting Responsibilities scores 4 points",
      assessed(female=True, impulsivity=SOME, temper=SOME, parenting=True), {"protect_points": 4},
      {"protect_points": 4, "tier": "?1"}),
    R(CX_F, "Temper Control 0, Impulsivity 0 and Parenting Responsibilities No scores 0 points",
      assessed(female=True, impulsivity=NONE, temper=NONE, parenting=False), {"protect_points": 0},
      {"protect_points": 0, "tier": "?1"}),
    R(CX_F, "Male offender scores 0 points", assessed(female=False, impulsivity=SOME, temper=SOME, parenting=True),
      {"protect_points": 0}, {"protect_points": 0, "tier": "?1"}),

    R(AX_F, "152 points scored Protect Level A (cannot score 151)", bdd(mappa_level=M3, factors={F.CHILD_CONCERNS}),
      {"protect": "A", "protect_points": 152}, {"protect": "A", "protect_points": 152, "tier": "A?"}),
    R(AX_F, "150 points scored Protect Level A", bdd(mappa_level=M3), {"protect": "A", "protect_points": 150},
      {"protect": "A", "protect_points": 150, "tier": "A?"}),
    R(AX_F, "Maximum points scored without crossing Level A threshold",
      assessed(female=True, impulsivity=SOME, parenting=True, mappa_level=M1, rosh=HIGH, previous_enforcement=True,
               factors=EVERY_FACTOR),
      {"protect": "B", "protect_points": 51}, {"protect": "B", "protect_points": 51, "tier": "B1"}),
    R(AX_F, "21 points scored Protect Level B",
      bdd(mappa_level=M1, rosh=MEDIUM, factors={F.ADULT_AT_RISK, F.STREET_GANGS, F.MENTAL_HEALTH}),
      {"protect": "B", "protect_points": 21}, {"protect": "B", "protect_points": 21, "tier": "B?"}),
    R(AX_F, "20 points scored Protect Level B", bdd(rosh=HIGH), {"protect": "B", "protect_points": 20},
      {"protect": "B", "protect_points": 20, "tier": "B?"}),
    R(AX_F, "19 points scored Protect Level C",
      bdd(mappa_level=M1, rosh=MEDIUM, factors={F.ATTEMPTED_SUICIDE_OR_SELF_HARM, F.VULNERABILITY_ISSUE}),
      {"protect": "C", "protect_points": 19}, {"protect": "C", "protect_points": 19, "tier": "C?"}),
    R(AX_F, "11 points scored Protect Level C",
      bdd(mappa_level=M1, factors={F.ADULT_AT_RISK, F.ATTEMPTED_SUICIDE_OR_SELF_HARM, F.VULNERABILITY_ISSUE}),
      {"protect": "C", "protect_points": 11},
      {"protect": "MISSING", "protect_points": 11, "tier": "??", "range": "A–C, RoSH missing; 1–3, needs assessment missing"},
      "MISSING_ROSH"),
    R(AX_F, "10 points scored Protect Level C", bdd(rosh=MEDIUM), {"protect": "C", "protect_points": 10},
      {"protect": "C", "protect_points": 10, "tier": "C?"}),
    R(AX_F, "9 points scored Protect Level D",
      bdd(mappa_level=M1, factors={F.ATTEMPTED_SUICIDE_OR_SELF_HARM, F.VULNERABILITY_ISSUE}),
      {"protect": "D", "protect_points": 9}, {"protect": "MISSING", "protect_points": 9, "tier": "??", "range": RANGE_RN},
      "MISSING_ROSH"),
    R(AX_F, "0 points scored Protect Level D", bdd(), {"protect": "D", "protect_points": 0},
      {"protect": "MISSING", "protect_points": 0, "tier": "??", "range": RANGE_RN}, "MISSING_ROSH"),

    *[R(OGRS_F, name, assessed(ogrs=ogrs), {"change_points": points}, {"change_points": points, "tier": f"?{level}"})
      for name, ogrs, points, level in [
          ("An OGRS score of 59% only results in 5 points", "59", 5, 1),
          ("An OGRS score of 51% only results in 5 points", "51", 5, 1),
          ("An OGRS score of 50% only results in 5 points", "50", 5, 1),
          ("An OGRS score of 100% results in 10 points", "100", 10, 2),
          ("An OGRS score of 90% results in 9 points", "90", 9, 1),
          ("An OGRS score of 80% results in 8 points", "80", 8, 1),
          ("An OGRS score of 70% results in 7 points", "70", 7, 1),
          ("An OGRS score of 60% results in 6 points", "60", 6, 1),
          ("An OGRS score of 50% results in 5 points", "50", 5, 1),
          ("An OGRS score of 40% results in 4 points", "40", 4, 1),
          ("An OGRS score of 30% results in 3 points", "30", 3, 1),
          ("An OGRS score of 20% results in 2 points", "20", 2, 1),
          ("An OGRS score of 10% results in 1 points", "10", 1, 1),
          ("An OGRS score of less than 10% results in 0 points", "9", 0, 1)]],

    R(CT_F, "Scoring over 20 points results in a change level of '3'", assessed(ogrs="90", needs=severe(*SIX)),
      {"change": "3", "change_points": 21}, {"change": "3", "change_points": 21, "tier": "?3"}),
    R(CT_F, "Scoring exactly 20 points results in a change level of '3'", assessed(ogrs="100", needs=severe(*SIX[:5])),
      {"change": "3", "change_points": 20}, {"change": "3", "change_points": 20, "tier": "?3"}),
    R(CT_F, "Scoring less than 20 points does not result in a change level of '3'", assessed(ogrs="90", needs=severe(*SIX[:5])),
      {"change": "2", "change_points": 19}, {"change": "2", "change_points": 19, "tier": "?2"}),
    R(CT_F, "Scoring over 10 points results in a change level of '2'", assessed(ogrs="90", needs=severe(Need.ACCOMMODATION)),
      {"change": "2", "change_points": 11}, {"change": "2", "change_points": 11, "tier": "?2"}),
    R(CT_F, "Scoring exactly 10 points results in a change level of '2'", assessed(needs=severe(*SIX[:5])),
      {"change": "2", "change_points": 10}, {"change": "2", "change_points": 10, "tier": "?2"}),
    R(CT_F, "Scoring less than 10 points results in a change level of '1'",
      assessed(needs={**severe(*SIX[:4]), Need.DRUG_MISUSE: STANDARD}),
      {"change": "1", "change_points": 9}, {"change": "1", "change_points": 9, "tier": "?1"}),

    *[R(NEEDS_F, name, assessed(needs={need: severity}), {"change_points": points}, {"change_points": points, "tier": "?1"})
      for name, need, severity, points in [
          ("NO NEED for ACCOMMODATION scores 0 points", Need.ACCOMMODATION, NO_NEED, 0),
          ("STANDARD need for ACCOMMODATION scores 1 point", Need.ACCOMMODATION, STANDARD, 1),
          ("SEVERE need for ACCOMMODATION scores 2 points", Need.ACCOMMODATION, SEVERE, 2),
          ("NO NEED for EDUCATION_TRAINING_AND_EMPLOYABILITY scores 0 points", Need.EDUCATION_TRAINING_AND_EMPLOYABILITY, NO_NEED, 0),
          ("STANDARD need for EDUCATION_TRAINING_AND_EMPLOYABILITY scores 1 point", Need.EDUCATION_TRAINING_AND_EMPLOYABILITY, STANDARD, 1),
          # The feature file names this scenario after ACCOMMODATION; its step is EDUCATION_TRAINING_AND_EMPLOYABILITY.
          ("SEVERE need for ACCOMMODATION scores 2 points (EDUCATION_TRAINING_AND_EMPLOYABILITY)",
           Need.EDUCATION_TRAINING_AND_EMPLOYABILITY, SEVERE, 2),
          ("NO NEED for RELATIONSHIPS scores 0 points", Need.RELATIONSHIPS, NO_NEED, 0),
          ("STANDARD need for RELATIONSHIPS scores 1 point", Need.RELATIONSHIPS, STANDARD, 1),
          ("SEVERE need for RELATIONSHIPS scores 2 points", Need.RELATIONSHIPS, SEVERE, 2),
          ("NO NEED for LIFESTYLE_AND_ASSOCIATES scores 0 points", Need.LIFESTYLE_AND_ASSOCIATES, NO_NEED, 0),
          ("STANDARD need for LIFESTYLE_AND_ASSOCIATES scores 1 point", Need.LIFESTYLE_AND_ASSOCIATES, STANDARD, 1),
          ("SEVERE need for LIFESTYLE_AND_ASSOCIATES scores 2 points", Need.LIFESTYLE_AND_ASSOCIATES, SEVERE, 2),
          ("NO NEED for DRUG_MISUSE scores 0 points", Need.DRUG_MISUSE, NO_NEED, 0),
          ("STANDARD need for DRUG_MISUSE scores 1 point", Need.DRUG_MISUSE, STANDARD, 1),
          ("SEVERE need for DRUG_MISUSE scores 2 points", Need.DRUG_MISUSE, SEVERE, 2),
          ("NO NEED for ALCOHOL_MISUSE scores 0 points", Need.ALCOHOL_MISUSE, NO_NEED, 0),
          ("STANDARD need for ALCOHOL_MISUSE scores 1 point", Need.ALCOHOL_MISUSE, STANDARD, 1),
          ("SEVERE need for ALCOHOL_MISUSE scores 2 points", Need.ALCOHOL_MISUSE, SEVERE, 2),
          ("NO NEED for THINKING_AND_BEHAVIOUR scores 0 points", Need.THINKING_AND_BEHAVIOUR, NO_NEED, 0),
          ("STANDARD need for THINKING_AND_BEHAVIOUR scores 2 points", Need.THINKING_AND_BEHAVIOUR, STANDARD, 2),
          ("SEVERE need for THINKING_AND_BEHAVIOUR scores 4 points", Need.THINKING_AND_BEHAVIOUR, SEVERE, 4),
          ("NO NEED for ATTITUDES scores 0 points", Need.ATTITUDES, NO_NEED, 0),
          ("STANDARD need for ATTITUDES scores 2 points", Need.ATTITUDES, STANDARD, 2),
          ("SEVERE need for ATTITUDES scores 4 points", Need.ATTITUDES, SEVERE, 4),
          ("NO NEED for FINANCIAL_MANAGEMENT_AND_INCOME scores 0 points", Need.FINANCIAL_MANAGEMENT_AND_INCOME, NO_NEED, 0),
          ("STANDARD need for FINANCIAL_MANAGEMENT_AND_INCOME scores 0 points", Need.FINANCIAL_MANAGEMENT_AND_INCOME, STANDARD, 0),
          ("SEVERE need for FINANCIAL_MANAGEMENT_AND_INCOME scores 0 points", Need.FINANCIAL_MANAGEMENT_AND_INCOME, SEVERE, 0),
          ("NO NEED for EMOTIONAL_WELL_BEING scores 0 points", Need.EMOTIONAL_WELL_BEING, NO_NEED, 0),
          ("STANDARD need for EMOTIONAL_WELL_BEING scores 0 points", Need.EMOTIONAL_WELL_BEING, STANDARD, 0),
          ("SEVERE need for EMOTIONAL_WELL_BEING scores 0 points", Need.EMOTIONAL_WELL_BEING, SEVERE, 0)]],
    R(NEEDS_F, "Different needs of different severities combine",
      assessed(needs={Need.ACCOMMODATION: STANDARD, Need.ALCOHOL_MISUSE: NO_NEED}), {"change_points": 1},
      {"change_points": 1, "tier": "?1"}),
    R(NEEDS_F, "Different needs of the same severity combine",
      assessed(needs={Need.ACCOMMODATION: STANDARD, Need.ALCOHOL_MISUSE: STANDARD}), {"change_points": 2},
      {"change_points": 2, "tier": "?1"}),

    R(MAN_F, "Custodial sentence of type SC has mandate for change", assessed(), {"change": "1"}, {"change": "1", "tier": "?1"}),
    R(MAN_F, "Custodial sentence of type NC has mandate for change", assessed(), {"change": "1"}, {"change": "1", "tier": "?1"}),
    R(MAN_F, "Non-custodial sentence with only unpaid work has no mandate for change", bdd(mandate_for_change=False),
      {"change": "0", "change_points": 0}, {"change": "0", "change_points": 0, "tier": "?0"}),
    R(MAN_F, "Non-custodial sentence with order extended and unpaid work has no mandate for change",
      bdd(mandate_for_change=False), {"change": "0", "change_points": 0}, {"change": "0", "change_points": 0, "tier": "?0"}),
    R(MAN_F, "Non-custodial sentence with non-restrictive requirements has a mandate for change", assessed(),
      {"change": "1"}, {"change": "1", "tier": "?1"}),
    R(MAN_F, "Sentence with no assessment has change level 2", bdd(), {"change": "2", "change_points": 0},
      {"change": "MISSING", "change_points": 0, "tier": "??", "range": RANGE_RN}, "MISSING_NEEDS"),
    R(MAN_F, "Sentence with 55 week old assessment has a mandate for change", assessed(), {"change": "1"},
      {"change": "1", "tier": "?1"}),
]

# Integration tests (IT + file): each calculation asserted by expectTier...("A1"). -------------
V2_F, PA_F, MFC_F, NA_F, NS_F, RE_F = ("v2/TierCalculationV2Test.kt", "v2/ProtectTierATest.kt", "v2/MandateForChangeTest.kt",
                                       "v2/NoAssessmentFoundTest.kt", "v2/NoSentenceTest.kt", "v2/RegistrationEdgeCasesTest.kt")
BULK_F, RC_F, TD_F, TV_F, DE_F = ("v2/BulkTierV2Test.kt", "RecalculationTest.kt", "TierDetailsTest.kt",
                                  "TierControllerVersioningTest.kt", "DomainEventListenerTest.kt")
NO_NEEDS = {}  # restOfSetupWithMaleOffenderNoSevereNeeds: an assessment with no needs
RANGE_AB = "A–B, RoSH missing; 1–3, needs assessment missing"
M2_A1 = delius(licence(), registrations=[mappa(M2)], needs=NO_NEEDS)
STANDARD_ANSWERS = {"impulsivity": SOME, "temper_control": SOME, "parenting_responsibilities": True}
SIGNIFICANT_ANSWERS = {"impulsivity": SIGNIFICANT, "temper_control": SIGNIFICANT, "parenting_responsibilities": True}

INTEGRATION = [
    R(V2_F, "no NSis returned Female Offender", delius(licence(), gender=Gender.FEMALE, rsr=None, ogrs=None),
      {"tier": "D2"}, {"tier": "??", "range": "A–D, RoSH missing; 1–3, needs assessment and reoffending score missing"},
      "MISSING_ROSH", "MISSING_NEEDS"),
    R(V2_F, "Does write back when tier is unchanged", delius(licence(), registrations=[mappa(M2)]),
      {"tier": "A2"}, {"tier": "A?", "range": "1–3, needs assessment missing"}, "MISSING_NEEDS"),
    R(V2_F, "Does write back when calculation result differs but tier is unchanged (first calculation)",
      delius(licence(), registrations=[mappa(M2)]), {"tier": "A2"}, {"tier": "A?"}, "MISSING_NEEDS"),
    R(V2_F, "Does write back when calculation result differs but tier is unchanged (second calculation)",
      delius(licence(), registrations=[mappa(M2)], ogrs="0", needs=EVERY_NEED), {"tier": "A3"}, {"tier": "A3"}),
    R(V2_F, "writes back when change level is changed (first calculation)", delius(licence(), registrations=[mappa(M2)]),
      {"tier": "A2"}, {"tier": "A?"}, "MISSING_NEEDS"),
    R(V2_F, "writes back when change level is changed (second calculation)", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    *[R(V2_F, f"calculation is done based on san threshold for san assessment ({severity.value})",
        delius(licence(), needs=dict.fromkeys(Need, severity)), {"tier": f"B{level}"},
        {"tier": f"?{level}", "range": "A–B, RoSH missing"}, "MISSING_ROSH")
      for severity, level in [(NO_NEED, 1), (STANDARD, 2), (SEVERE, 3)]],
    R(V2_F, "writes back when protect level is changed (first calculation)", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(V2_F, "writes back when protect level is changed (second calculation)",
      delius(licence(), registrations=[mappa(M1)], needs=NO_NEEDS), {"tier": "B1"}, {"tier": "?1", "range": "A–B, RoSH missing"},
      "MISSING_ROSH"),
    R(V2_F, "returns latest tier calculation (first calculation)", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(V2_F, "returns latest tier calculation (second calculation)",
      delius(licence(), registrations=[mappa(M1)], needs=NO_NEEDS), {"tier": "B1"}, {"tier": "?1"}, "MISSING_ROSH"),

    R(PA_F, "Tier is A with Mappa M2", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(PA_F, "Tier is A with Mappa M3", delius(licence(), registrations=[mappa(M3)], needs=NO_NEEDS), {"tier": "A1"}, {"tier": "A1"}),
    R(PA_F, "Tier is A with ROSH VERY HIGH", delius(licence(), rosh=VH, needs=NO_NEEDS), {"tier": "A1"}, {"tier": "A1"}),
    R(PA_F, "Tier is B with low Mappa but 31 points",
      delius(licence(), rosh=HIGH, registrations=[mappa(M1)], needs=NO_NEEDS,
             factors=[F.CHILD_CONCERNS, F.CHILD_PROTECTION, F.RISK_TO_CHILDREN]),
      {"tier": "B1"}, {"tier": "B1", "protect_points": 31}),

    R(MFC_F, "calculate change for concurrent custodial and non-custodial sentence",
      delius(licence(), order(RequirementType.CURFEW), registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A1"}, {"tier": "A1"}),
    R(MFC_F, "do not calculate change for terminated custodial sentence",
      delius(ended_yesterday(licence()), registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A0"}, {"tier": "N/A"},
      "NO_ACTIVE_SENTENCE"),
    R(MFC_F, "calculate change for terminated non-custodial sentence and current non-custodial sentence with "
             "non-restrictive requirements",
      delius(order(RequirementType.REHABILITATION_ACTIVITY), order(), registrations=[mappa(M2)], needs=NO_NEEDS),
      {"tier": "A1"}, {"tier": "A1"}),
    R(MFC_F, "do not calculate change for terminated non-custodial sentence with non-restrictive requirements",
      delius(ended_yesterday(licence()), registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A0"}, {"tier": "N/A"},
      "NO_ACTIVE_SENTENCE"),
    R(MFC_F, "do not calculate change when only restrictive requirements are present on a non-custodial sentence",
      delius(order(RequirementType.CURFEW), registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A0"}, {"tier": "A0"}),
    R(MFC_F, "calculate change with restrictive and non-restrictive requirements on a non-custodial sentence",
      delius(order(RequirementType.REHABILITATION_ACTIVITY, RequirementType.CURFEW), registrations=[mappa(M2)], needs=NO_NEEDS),
      {"tier": "A1"}, {"tier": "A1"}),
    R(MFC_F, "do not calculate change when no requirements are present on a non-custodial sentence",
      delius(order(), registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A0"}, {"tier": "A0S"}, "UNSUPERVISED_DERIVED"),

    R(NA_F, "changeLevel should be 2 if assessment returns 404", delius(licence(), registrations=[mappa(M2)]),
      {"tier": "A2"}, {"tier": "A?"}, "MISSING_NEEDS"),
    # The two stored v2 calculations in V4_1__add_test_data_historic.sql, recalculated from their stored inputs.
    R(NA_F, "can deserialise historic records (F987564)",
      delius(licence(), rosh=HIGH, rsr="1.0", ogrs="73", factors=[F.IOM_NOMINAL], answers={
          "parenting_responsibilities": False, "impulsivity": SOME, "temper_control": SOME},
          needs={Need.ATTITUDES: STANDARD, Need.DRUG_MISUSE: STANDARD, Need.ACCOMMODATION: SEVERE, Need.ALCOHOL_MISUSE: NO_NEED,
                 Need.RELATIONSHIPS: STANDARD, Need.THINKING_AND_BEHAVIOUR: STANDARD, Need.LIFESTYLE_AND_ASSOCIATES: SEVERE,
                 Need.EDUCATION_TRAINING_AND_EMPLOYABILITY: STANDARD}),
      {"tier": "B3"}, {"tier": "B3", "protect_points": 20, "change_points": 20}),
    R(NA_F, "can deserialise historic records (F987546)",
      delius(licence(), rosh=HIGH, rsr="3.38", ogrs="41", answers={
          "parenting_responsibilities": False, "impulsivity": SIGNIFICANT, "temper_control": SOME},
          needs={Need.ATTITUDES: STANDARD, Need.DRUG_MISUSE: STANDARD, Need.ACCOMMODATION: SEVERE, Need.ALCOHOL_MISUSE: NO_NEED,
                 Need.RELATIONSHIPS: STANDARD, Need.THINKING_AND_BEHAVIOUR: STANDARD, Need.LIFESTYLE_AND_ASSOCIATES: STANDARD,
                 Need.EDUCATION_TRAINING_AND_EMPLOYABILITY: SEVERE}),
      {"tier": "B2"}, {"tier": "B2", "protect_points": 20, "change_points": 15}),

    R(NS_F, "Tier is calculated with change level zero when no sentence is found",
      delius(registrations=[mappa(M2)], needs=NO_NEEDS), {"tier": "A0"}, {"tier": "N/A"}, "NO_ACTIVE_SENTENCE"),

    R(RE_F, "calculate change and protect when no registrations are found", delius(licence(), needs=NO_NEEDS),
      {"tier": "B1"}, {"tier": "?1", "range": "A–B, RoSH missing"}, "MISSING_ROSH"),
    R(RE_F, "calculate change and protect when registration level is missing",
      delius(licence(), factors=[F.STREET_GANGS], needs=NO_NEEDS), {"tier": "B1"}, {"tier": "?1", "protect_points": 22},
      "MISSING_ROSH"),
    R(RE_F, "uses latest registration - two mappa registrations present",
      delius(licence(), registrations=[mappa(M1, date(2020, 2, 1), ended=date(2021, 2, 1)), mappa(M2, date(2021, 2, 1))],
             rsr=None, ogrs=None),
      {"tier": "A2"}, {"tier": "A?", "range": "1–3, needs assessment and reoffending score missing"}, "MISSING_NEEDS"),
    R(RE_F, "exclude historic registrations from tier calculation",
      delius(licence(), registrations=[historic(M2)], rsr=None, ogrs=None),
      {"tier": "D2"}, {"tier": "??", "protect_points": 0}, "MISSING_ROSH", "MISSING_NEEDS"),
    # The MAPPA registration of level "M0" is no level at all: nothing this project can record.
    R(RE_F, "uses mappa registration when latest is non-mappa but has mappa registration level",
      delius(licence(), registrations=[historic(M2)]), {"tier": "B2"}, {"tier": "??", "range": RANGE_AB},
      "MISSING_ROSH", "MISSING_NEEDS"),
    R(RE_F, "uses two thirds registration to add suffix to tier",
      delius(licence(), registrations=[historic(M2)]), {"tier": "B2S"}, {"tier": "??", "range": RANGE_AB},
      "UNSUPERVISED_DERIVED", "MISSING_ROSH", "MISSING_NEEDS"),

    *[R(BULK_F, name, delius(licence()), {"tier": "B2"}, {"tier": "??", "range": RANGE_AB}, "MISSING_ROSH", "MISSING_NEEDS")
      for name in ("returns tiers for crns with existing summaries", "returns tiers for multiple crns",
                   "falls back to on-demand calculation when no summary or calculation exists")],

    # RecalculationTest asserts the protect and change parts of the stored v2 result (its v3 tier is MISSING).
    R(RC_F, "providing crns recalculates only those crns", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(RC_F, "providing no crns recalculates all active crns from delius", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(RC_F, "test recalculates with standard needs",
      delius(licence(), registrations=[mappa(M2)], needs=dict.fromkeys(Need, STANDARD), answers=STANDARD_ANSWERS),
      {"tier": "A2"}, {"tier": "A2", "change_points": 12}),
    R(RC_F, "test recalculates with severe needs",
      delius(licence(), registrations=[mappa(M2)], needs=EVERY_NEED, answers=SIGNIFICANT_ANSWERS),
      {"tier": "A3"}, {"tier": "A3", "change_points": 22}),
    R(TD_F, "tier details v2 endpoint returns latest calculation details", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(TV_F, "v3 endpoints only return v3 calculations (new v2 calculation)", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(DE_F, "can calculate tier on domain event", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
    R(DE_F, "can calculate tier on recall domain event", M2_A1, {"tier": "A1"}, {"tier": "A1"}),
]


# Calculator unit tests (UNIT + file). -------------------------------------------------------

def women(previous_enforcement=False, **answers) -> TierInputs:
    """AdditionalFactorsForWomen.calculate: a woman, the answers given (an absent one: not answered)."""
    return bdd(rosh=LOW, female=True, previous_enforcement=previous_enforcement, **answers)


AFW_F, RSR_T = "service/calculation/AdditionalFactorsForWomenTest.kt", "domain/enums/RSRTest.kt"
UNITS = [
    R(AFW_F, "should add multiple additional factors", women(parenting_responsibilities=True, temper_control=SOME),
      {"womens_points": 4}, {"womens_points": 4}),
    R(AFW_F, "should not include additional factors if no valid assessment", women(), {"womens_points": 0}, {"womens_points": 0}),
    R(AFW_F, "should count both Temper and Impulsivity as max '1'", women(impulsivity=SIGNIFICANT, temper_control=SOME),
      {"womens_points": 2}, {"womens_points": 2}),
    R(AFW_F, "should count Temper without Impulsivity as max '2'", women(temper_control=SOME),
      {"womens_points": 2}, {"womens_points": 2}),
    R(AFW_F, "should count Impulsivity without Temper as max '1'", women(impulsivity=SIGNIFICANT),
      {"womens_points": 2}, {"womens_points": 2}),
    R(AFW_F, "should ignore negative Parenting", women(parenting_responsibilities=False), {"womens_points": 0}, {"womens_points": 0}),
    R(AFW_F, "should ignore negative Impulsivity", women(impulsivity=NONE), {"womens_points": 0}, {"womens_points": 0}),
    R(AFW_F, "should ignore negative Temper", women(temper_control=NONE), {"womens_points": 0}, {"womens_points": 0}),
    R(AFW_F, "Should return Breach points if previousEnforcementActivity is true", women(previous_enforcement=True),
      {"womens_points": 2}, {"womens_points": 2}),
    R(AFW_F, "Should return no Breach points if previousEnforcementActivity is false", women(previous_enforcement=False),
      {"womens_points": 0}, {"womens_points": 0}),
    # RSRTest pins the thresholds (BigDecimal of doubles); each row scores a score equal to one.
    # hmpps's points follow from ProtectLevelCalculator.getRsrPoints with those constants.
    R(RSR_T, "It should match RSR C Lower (3.00)", bdd(rosh=LOW, rsr="3.00"), {"protect_points": 10}, {"protect_points": 10}),
    R(RSR_T, "It should match RSR C Upper (6.99)", bdd(rosh=LOW, rsr="6.99"), {"protect_points": 10}, {"protect_points": 10}),
    R(RSR_T, "It should match RSR B Lower (7.00)", bdd(rosh=LOW, rsr="7.00"), {"protect_points": 20}, {"protect_points": 20}),
    R(RSR_T, "It should match RSR B Upper (99.99)", bdd(rosh=LOW, rsr="99.99"), {"protect_points": 0},
      {"protect_points": 20, "tier": "B?"}, "EXACT_RSR_BANDS"),
]

ROWS = [*[replace(r, source=BDD + r.source) for r in SCENARIOS], *[replace(r, source=IT + r.source) for r in INTEGRATION],
        *[replace(r, source=UNIT + r.source) for r in UNITS]]


def observe(result, keys) -> dict:
    facts = {"protect_points": result.protect_points, "change_points": result.change_points,
             "protect": result.protect.value, "change": result.change.value, "tier": result.tier, "range": result.range,
             "womens_points": result.breakdown.get("additionalFactorsForWomen")}
    return {key: facts[key] for key in keys}


def slug(row: Row) -> str:
    return f"{row.source.rsplit('/', 1)[-1]}: {row.name}"


@pytest.mark.parametrize("row", ROWS, ids=[slug(r) for r in ROWS])
def test_tier_1_hmpps_tier_scenario(row: Row):
    result = calculate(row.given)
    assert observe(result, row.ours) == row.ours
    ours_on_their_facts = observe(result, row.hmpps)
    assert set(row.differs) <= set(DIVERGENCES)
    if row.differs:
        assert ours_on_their_facts != row.hmpps, f"{row.name}: labelled a divergence but agrees with hmpps-tier"
    else:
        assert ours_on_their_facts == row.hmpps, f"{row.name}: not labelled a divergence but differs from hmpps-tier"


def test_tier_1_hmpps_tier_scenario_counts_are_those_in_the_docstring():
    feature_files = {r.source for r in ROWS if r.source.endswith(".feature")}
    assert (len(ROWS), len(SCENARIOS), len(INTEGRATION), len(UNITS), len(feature_files)) == (175, 116, 45, 14, 13)
    assert (sum(not r.differs for r in ROWS), sum(bool(r.differs) for r in ROWS)) == (146, 29)
    assert {d for r in ROWS for d in r.differs} == set(DIVERGENCES)
    assert len({slug(r) for r in ROWS}) == len(ROWS)  # every row has its own name

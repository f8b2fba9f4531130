"""The accredited programme catalogue (REQ-PRG-1) as data: every programme the sources name, with
only the eligibility criteria the sources state, each criterion carrying the words it rests on.

Eligibility is decided when the offender is *referred* (``referToProgramme``), not when the court
sentences: the PF's programme standard lists "Eligibility and suitability for the programme are
confirmed" among the steps that prepare the offender *after* sentence ("There is sufficient
contact between sentence and commencement to prepare the offender"). A court's programme
requirement is therefore always recorded as the court made it.

What a criterion can be:
- a fact the case holds (gender, age on the referral date, an offence category on any sentence of
  the case, RoSH on the referral date): the service evaluates it;
- a fact the case does not hold (e.g. that the victim of the intimate partner violence was a female
  partner): the officer confirms it at referral (``Confirmation``); a referral that does not
  confirm it is refused, never assumed.
A programme for which the sources state no criterion is referable on the officer's confirmation of
eligibility and suitability (PF) and is shown as "no criteria in the sources"; nothing is invented.

Departures from the earlier catalogue (the sources win, and say so):
- The Thinking Skills Programme used to carry "aged 18 or over", "a RoSH assessment on record" and
  "not for sexual offences". No source states any of them (IB names TSP only as delivered in every
  region); they are removed. The old module also said "IB and NP list the Thinking Skills
  Programme": NP never mentions it.
- Building Better Relationships keeps "against a female partner" (IB), which the catalogue's summary
  dropped. Its "moderate or high risk of committing future IPV offences" is a risk of IPV
  reoffending, not the RoSH band the old code read it from (IB points to the Spousal Assault Risk
  Assessment for this group); the service holds no such assessment, so the officer confirms it.
- NP is the source for CDVP, IDAP and the Healthy Relationships Programme, never for BBR.

Where a programme may be referred from a requirement or licence condition:
- the programme must be one the sources call accredited (IB: practitioners "will propose an
  Accredited Programme"; PF Programme Requirement: "The theory manual for each accredited
  programme"); a programme whose accreditation the sources do not state is catalogued, not referable;
- not one the sources mark as delivered in prison only (IB "*Currently available in prisons only";
  NP "one in prison"): a requirement or licence condition is served in the community;
- not one the sources mark as previously accredited (IB "**Previous CSAAP accredited programmes").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.core.case import Case, rosh_as_of
from domain.core.dates import age_on
from domain.core.enums import Gender, OffenceCategory, RoshLevel


class Setting(str, Enum):
    COMMUNITY = "COMMUNITY"
    PRISON = "PRISON"
    NOT_STATED = "NOT_STATED"


class Accreditation(str, Enum):
    ACCREDITED = "ACCREDITED"
    PREVIOUSLY_ACCREDITED = "PREVIOUSLY_ACCREDITED"
    NOT_YET_ACCREDITED = "NOT_YET_ACCREDITED"
    NOT_STATED = "NOT_STATED"


class Criterion(str, Enum):
    GENDER = "GENDER"
    MIN_AGE = "MIN_AGE"
    OFFENCE_ON_CASE = "OFFENCE_ON_CASE"
    ROSH_AT_LEAST = "ROSH_AT_LEAST"
    CONFIRMED = "CONFIRMED"


class Confirmation(str, Enum):
    """Facts a criterion needs that the case record does not hold: the officer confirms them."""

    HISTORICAL_IPV_OFFENCE = "HISTORICAL_IPV_OFFENCE"
    AGAINST_FEMALE_PARTNER = "AGAINST_FEMALE_PARTNER"
    IPV_RISK_MODERATE_OR_HIGH = "IPV_RISK_MODERATE_OR_HIGH"
    RELATIONSHIP_PROBLEMS = "RELATIONSHIP_PROBLEMS"
    HETEROSEXUAL_RELATIONSHIP = "HETEROSEXUAL_RELATIONSHIP"


class EligibilityStatus(str, Enum):
    ELIGIBLE = "ELIGIBLE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    TO_BE_CONFIRMED = "TO_BE_CONFIRMED"
    NO_CRITERIA_IN_SOURCES = "NO_CRITERIA_IN_SOURCES"
    NOT_REFERABLE = "NOT_REFERABLE"
    UNKNOWN_PROGRAMME = "UNKNOWN_PROGRAMME"


@dataclass(frozen=True)
class Source:
    cite: str
    quote: str


@dataclass(frozen=True)
class Condition:
    criterion: Criterion
    value: object
    requires: str
    source: Source
    # OFFENCE_ON_CASE: an offence not on this case record (a historical one) may be confirmed instead.
    or_confirmed: Confirmation | None = None


@dataclass(frozen=True)
class Programme:
    code: str
    name: str
    setting: Setting
    accreditation: Accreditation
    named_in: tuple[Source, ...]
    conditions: tuple[Condition, ...] = ()
    # What the sources say of whom a programme that cannot be referred is for (not evaluated).
    stated_target: tuple[Source, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def not_referable_because(self) -> str | None:
        if self.accreditation is Accreditation.PREVIOUSLY_ACCREDITED:
            return "the sources list it among the \"Previous CSAAP accredited programmes\""
        if self.accreditation is Accreditation.NOT_YET_ACCREDITED:
            return "the sources describe it as not yet accredited"
        if self.accreditation is Accreditation.NOT_STATED:
            return "the sources do not name it as an accredited programme (a programme requirement delivers one)"
        if self.setting is Setting.PRISON:
            return "the sources describe it as delivered in prison only (a requirement or licence condition is served in the community)"
        return None

    @property
    def confirmations(self) -> frozenset[Confirmation]:
        found = {c.value for c in self.conditions if c.criterion is Criterion.CONFIRMED}
        return frozenset(found | {c.or_confirmed for c in self.conditions if c.or_confirmed is not None})


# Sources, by the words they use ------------------------------------------------------------------

IB_MINIMUM = Source("IB Accredited Programmes", "Delivery of Accredited Programmes is flexible, based on regional need. "
                                                "All regions will deliver, as a minimum:")
IB_BBR = Source("IB Building Better Relationships (BBR)",
                "BBR is for adult male perpetrators convicted of an Intimate Partner Violence (IPV) related offence against "
                "a female partner, who present with a moderate or high risk of committing future IPV offences.")
IB_BBR_REQUIREMENTS = "IB Building Better Relationships (BBR), Individual Requirements"
IB_MOT = Source("IB New Me MOT", "New Me MOT is a toolkit of short exercises that enable the Probation Practitioner to "
                                 "support graduates of the following Accredited Programmes:")
IB_PRISON_ONLY = Source("IB New Me MOT", "*Currently available in prisons only")
IB_PREVIOUS = Source("IB New Me MOT", "**Previous CSAAP accredited programmes")
NP_PROGRAMMES = Source("NP", "There are two accredited domestic violence programmes in use in the Community and one in prison "
                             "within England and Wales: the Community Domestic Violence Programme, the Integrated Domestic "
                             "Abuse Programme, and Healthy Relationships Programme respectively.")
NP_BOTH = Source("NP", "Both programmes are targeted at male offenders, who are in, or were in, heterosexual relationships, "
                       "who are of medium to high risk of causing harm.")
RRDP_DRUGS = Source("RRDP Annex A, Drugs and Alcohol", "An adapted P-ASRO (Prison – Addressing Substance Related Offending) has been "
                                              "developed and is suitable for adults and younger offenders. All accredited drug "
                                              "programmes have now been reviewed including Action on Drugs.")

BBR_CONDITIONS = (
    Condition(Criterion.GENDER, Gender.MALE, "a man", Source(IB_BBR_REQUIREMENTS, "Gender: Male")),
    Condition(Criterion.MIN_AGE, 18, "aged 18 or over on the referral date", Source(IB_BBR_REQUIREMENTS, "Age: 18+")),
    Condition(Criterion.OFFENCE_ON_CASE, OffenceCategory.INTIMATE_PARTNER_VIOLENCE,
              "an intimate partner violence offence, index or historical",
              Source(IB_BBR_REQUIREMENTS, "IPV related offence (this can be index or historical)"),
              or_confirmed=Confirmation.HISTORICAL_IPV_OFFENCE),
    Condition(Criterion.CONFIRMED, Confirmation.AGAINST_FEMALE_PARTNER, "the offence was against a female partner", IB_BBR),
    Condition(Criterion.CONFIRMED, Confirmation.IPV_RISK_MODERATE_OR_HIGH,
              "a moderate or high risk of committing future IPV offences", IB_BBR),
    Condition(Criterion.CONFIRMED, Confirmation.RELATIONSHIP_PROBLEMS, "relationship problems",
              Source(IB_BBR_REQUIREMENTS, "Relationship problems")),
)

DOMESTIC_VIOLENCE_CONDITIONS = (
    Condition(Criterion.GENDER, Gender.MALE, "a man", NP_BOTH),
    Condition(Criterion.CONFIRMED, Confirmation.HETEROSEXUAL_RELATIONSHIP, "in, or was in, a heterosexual relationship", NP_BOTH),
    # "medium to high risk of causing harm" is read as RoSH MEDIUM or above: NP speaks of risk of harm,
    # and VERY_HIGH is not excluded from a programme targeted at the higher risks.
    Condition(Criterion.ROSH_AT_LEAST, RoshLevel.MEDIUM, "a medium to high risk of causing harm (RoSH MEDIUM or above)",
              NP_BOTH),
)

PROGRAMMES: tuple[Programme, ...] = (
    Programme("BBR", "Building Better Relationships", Setting.COMMUNITY, Accreditation.ACCREDITED,
              (IB_MINIMUM, Source("IB Building Better Relationships (BBR)", "Probation staff are expected to refer all "
                                  "individuals who meet the eligibility and suitability criteria to BBR in community sites.")),
              BBR_CONDITIONS,
              note="IB also lists the need areas BBR addresses (social skills deficits, attitudes that support relationship "
                   "violence, ... alcohol and drug misuse); they inform suitability and are not eligibility criteria."),
    Programme("TSP", "Thinking Skills Programme", Setting.COMMUNITY, Accreditation.ACCREDITED,
              (Source("IB Accredited Programmes", "Thinking Skills Programme (TSP)"),)),
    Programme("SOP", "Sexual Offending Programmes", Setting.COMMUNITY, Accreditation.ACCREDITED,
              (Source("IB Accredited Programmes", "Sexual Offending Programmes"),),
              note="IB names the family, not a programme; the RRDP counts \"sex offender treatment programmes\" in prisons."),
    Programme("HORIZON", "Horizon", Setting.NOT_STATED, Accreditation.ACCREDITED, (IB_MOT,)),
    Programme("IHORIZON", "iHorizon", Setting.NOT_STATED, Accreditation.ACCREDITED, (IB_MOT,)),
    Programme("KAIZEN", "Kaizen", Setting.PRISON, Accreditation.ACCREDITED,
              (Source("IB New Me MOT", "Kaizen (all strands: Sexual, General Violence and Intimate Partner Violence) *"),
               IB_PRISON_ONLY)),
    Programme("BNM_PLUS", "Becoming New Me +", Setting.PRISON, Accreditation.ACCREDITED,
              (Source("IB New Me MOT", "Becoming New Me + (all strands: Sexual, General Violence and Intimate Partner "
                                       "Violence) *"), IB_PRISON_ONLY), aliases=("Becoming New Me Plus", "Becoming New Me+")),
    Programme("HSP", "Healthy Sex Programme", Setting.PRISON, Accreditation.ACCREDITED,
              (Source("IB New Me MOT", "Healthy Sex Programme*"), IB_PRISON_ONLY)),
    Programme("LNM", "Living as New Me", Setting.NOT_STATED, Accreditation.ACCREDITED, (IB_MOT,)),
    Programme("NMS", "New Me Strengths", Setting.NOT_STATED, Accreditation.ACCREDITED,
              (Source("IB New Me MOT", "New Me Strengths (all strands: Sexual, General Violence, Intimate Partner Violence "
                                       "and Acquisitive)"),)),
    Programme("CSCP", "Cognitive Self-Change Programme", Setting.NOT_STATED, Accreditation.PREVIOUSLY_ACCREDITED,
              (Source("IB New Me MOT", "Cognitive Self-Change Programme**"), IB_PREVIOUS)),
    Programme("SCP", "Self-Change Programme", Setting.NOT_STATED, Accreditation.PREVIOUSLY_ACCREDITED,
              (Source("IB New Me MOT", "Self-Change Programme**"), IB_PREVIOUS)),
    Programme("CDVP", "Community Domestic Violence Programme", Setting.COMMUNITY, Accreditation.ACCREDITED,
              (NP_PROGRAMMES, Source("NP", "CDVP is a cognitive behavioural programme.  It is a sequential programme for male "
                                           "perpetrators of medium to high risk of harm.")),
              DOMESTIC_VIOLENCE_CONDITIONS,
              note="Named by NP and the RRDP (2005/06); the current interventions brochure does not list it."),
    Programme("IDAP", "Integrated Domestic Abuse Programme", Setting.COMMUNITY, Accreditation.ACCREDITED,
              (NP_PROGRAMMES,), DOMESTIC_VIOLENCE_CONDITIONS,
              note="Named by NP and the RRDP (2005/06); the current interventions brochure does not list it. NP: \"Offenders "
                   "can start the Programme at the beginning of any module except the Sexual Respect Module\" (delivery, "
                   "not eligibility)."),
    Programme("HRP", "Healthy Relationships Programme", Setting.PRISON, Accreditation.ACCREDITED,
              (NP_PROGRAMMES, Source("NP", "The Healthy Relationship Programme HRP in use in prison")),
              stated_target=(Source("NP", "designed for those men assessed as having a moderate risk/moderate need who have "
                                          "been violent in their intimate relationships"),
                             Source("NP", "designed for high risk/high need offenders who have been violent in their "
                                          "intimate relationships"))),
    Programme("ETS", "Enhanced Thinking Skills", Setting.NOT_STATED, Accreditation.ACCREDITED,
              (Source("RRDP Annex A, Attitudes, Thinking and Behaviour", "The services have undertaken a joint review of Enhanced Thinking Skills, taking account "
                                    "of the implications for other general OBPs"),),
              note="Read as accredited: the RRDP reviews it among the offending behaviour programmes audited under the "
                   "Correctional Services Accreditation Panel."),
    Programme("P_ASRO", "P-ASRO (Prison – Addressing Substance Related Offending)", Setting.PRISON, Accreditation.ACCREDITED,
              (RRDP_DRUGS,), aliases=("P-ASRO", "Prison Addressing Substance Related Offending"),
              stated_target=(Source("RRDP Annex A, Drugs and Alcohol", "suitable for adults and younger offenders"),)),
    Programme("AOD", "Action on Drugs", Setting.NOT_STATED, Accreditation.ACCREDITED, (RRDP_DRUGS,),
              note="Named among the accredited drug programmes the Prison Service's women's team reviewed; its setting is not "
                   "stated."),
    Programme("ICCP", "Intensive Change and Control Programme", Setting.NOT_STATED, Accreditation.NOT_STATED,
              (Source("RRDP Pathway: Attitudes, thinking and behaviour", "The number of ICCP completions"),),
              note="Named only as a performance measure; the sources do not say it is accredited."),
    Programme("CARE", "CARE (Choices Actions Relationships & Emotions)", Setting.PRISON, Accreditation.NOT_YET_ACCREDITED,
              (Source("RRDP Annex A, Programmes specifically for female offenders", "it is anticipated that the programme will be submitted to the CSAP for accreditation in "
                                    "early 2007"),),
              stated_target=(Source("RRDP Annex A, Programmes specifically for female offenders", "CARE targets women who present a medium to high risk of reconviction for "
                                                  "violent and/or substance related offending"),),
              aliases=("CARE",)),
    Programme("SDP", "Short Duration Drug Treatment Programme", Setting.PRISON, Accreditation.NOT_STATED,
              (Source("RRDP Annex A, Drugs and Alcohol", "Development of a Short Duration Drug Treatment Programme (SDP) for short-term "
                                                "prisoners."),),
              stated_target=(Source("RRDP Annex A, Drugs and Alcohol", "primarily for short-term prisoners, whose time in custody would "
                                                              "normally preclude engagement in intensive drug rehabilitation "
                                                              "programmes"),)),
    Programme("FOR", "FOR ...a Change (Focus on Resettlement for Women)", Setting.PRISON, Accreditation.NOT_STATED,
              (Source("RRDP Annex A, Programmes specifically for female offenders", "3 pathfinder pilot sites are operational in female establishments"),),
              stated_target=(Source("RRDP Annex A, Programmes specifically for female offenders", "available for women serving short sentences"),)),
    Programme("SMP", "Short motivational package", Setting.NOT_STATED, Accreditation.NOT_STATED,
              (Source("RRDP Pathway: Attitudes, thinking and behaviour", "The service has also developed a short motivational package "
                                                                "which is being piloted in custody and the community."),),
              stated_target=(Source("RRDP Annex A, Programmes specifically for female offenders", "It can be delivered to offenders serving very short sentences and on "
                                                  "remand."),)),
    Programme("PROSPECTS", "Prospects Programme", Setting.COMMUNITY, Accreditation.NOT_STATED,
              (Source("RRDP Annex A, Drugs and Alcohol", "Undertake a joint pilot to develop a supportive strategy for short-term "
                                                "prisoners who have had substance misuse problems (Prospects Programme)."),),
              stated_target=(Source("RRDP Annex A, Drugs and Alcohol", "short-term prisoners who have had substance misuse problems"),)),
    Programme("ANGER", "Anger management programme", Setting.NOT_STATED, Accreditation.ACCREDITED,
              (Source("NP", "There are a number of accredited offending behaviour programmes addressing thinking skills, anger "
                            "management, domestic and other types of violent crime as well as sexual offending."),),
              note="NP and the RRDP name the kind, not a programme."),
    Programme("SDAP", "Short duration alcohol programme", Setting.NOT_STATED, Accreditation.NOT_STATED,
              (Source("RRDP Drugs and Alcohol Pathway", "Development of short duration alcohol programme"),),
              note="In development in the source (\"Invitations have been issued to areas to pilot\")."),
)

BY_CODE = {p.code: p for p in PROGRAMMES}


def find_programme(name: str | None) -> Programme | None:
    """By code, full name or alias, ignoring case and surrounding spaces."""
    if name is None:
        return None
    wanted = name.strip().casefold()
    return next((p for p in PROGRAMMES
                 if wanted in {p.code.casefold(), p.name.casefold(), *(a.casefold() for a in p.aliases)}), None)


# Evaluation --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Facts:
    """What the case says on the day of the referral, and what the officer confirms."""

    gender: Gender
    age: int
    offence_categories: frozenset[OffenceCategory]
    rosh: RoshLevel | None
    confirmations: frozenset[Confirmation] = frozenset()


def facts_on(case: Case, on: date, confirmations: frozenset[Confirmation] = frozenset()) -> Facts:
    """The facts on ``on``: age on that day, offences of sentences imposed by then (index or
    historical), the RoSH assessment in force then."""
    rosh = rosh_as_of(case, on)
    return Facts(gender=case.offender.gender, age=age_on(case.offender.date_of_birth, on),
                 offence_categories=frozenset(s.offence.category for s in case.sentences if s.imposed_on <= on),
                 rosh=rosh.level if rosh else None, confirmations=confirmations)


@dataclass(frozen=True)
class CriterionOutcome:
    condition: Condition
    met: bool | None  # None: for the officer to confirm at referral
    explanation: str


@dataclass(frozen=True)
class Eligibility:
    programme: Programme | None
    status: EligibilityStatus
    outcomes: tuple[CriterionOutcome, ...] = ()
    detail: str = ""

    @property
    def failed(self) -> tuple[CriterionOutcome, ...]:
        return tuple(o for o in self.outcomes if o.met is False)


def _outcome(condition: Condition, facts: Facts, referral: bool) -> CriterionOutcome:
    kind, value = condition.criterion, condition.value
    if kind is Criterion.GENDER:
        return CriterionOutcome(condition, facts.gender is value, f"recorded gender {facts.gender.value}")
    if kind is Criterion.MIN_AGE:
        return CriterionOutcome(condition, facts.age >= value, f"aged {facts.age}")
    if kind is Criterion.ROSH_AT_LEAST:
        if facts.rosh is None:
            return CriterionOutcome(condition, False, "no RoSH assessment on record")
        return CriterionOutcome(condition, facts.rosh.at_least(value), f"RoSH {facts.rosh.value}")
    if kind is Criterion.OFFENCE_ON_CASE:
        if value in facts.offence_categories:
            return CriterionOutcome(condition, True, "an offence of that category is on the case")
        if condition.or_confirmed in facts.confirmations:
            return CriterionOutcome(condition, True, "a historical offence confirmed by the officer")
        return CriterionOutcome(condition, False if referral else None,
                                "no offence of that category on the case; a historical one can be confirmed "
                                f"({condition.or_confirmed.value})")
    if value in facts.confirmations:
        return CriterionOutcome(condition, True, "confirmed by the officer")
    return CriterionOutcome(condition, False if referral else None, f"to be confirmed by the officer ({value.value})")


def evaluate(programme: Programme | None, facts: Facts, *, referral: bool) -> Eligibility:
    """Eligibility for a programme on the facts. ``referral``: the officer's confirmations are
    final (an unconfirmed criterion fails); otherwise unconfirmed ones are still to be confirmed."""
    if programme is None:
        return Eligibility(None, EligibilityStatus.UNKNOWN_PROGRAMME, detail="not a programme in the catalogue")
    reason = programme.not_referable_because
    if reason is not None:
        return Eligibility(programme, EligibilityStatus.NOT_REFERABLE, detail=f"{programme.name} cannot be referred: {reason}.")
    if not programme.conditions:
        return Eligibility(programme, EligibilityStatus.NO_CRITERIA_IN_SOURCES,
                           detail=f"no criteria in the sources for {programme.name}: eligibility and suitability rest on the "
                                  "officer's confirmation")
    outcomes = tuple(_outcome(c, facts, referral) for c in programme.conditions)
    if any(o.met is False for o in outcomes):
        failed = "; ".join(f"{o.condition.requires} ({o.explanation})" for o in outcomes if o.met is False)
        return Eligibility(programme, EligibilityStatus.NOT_ELIGIBLE, outcomes, f"not eligible for {programme.name}: needs {failed}")
    if any(o.met is None for o in outcomes):
        pending = "; ".join(o.condition.requires for o in outcomes if o.met is None)
        return Eligibility(programme, EligibilityStatus.TO_BE_CONFIRMED, outcomes, f"to be confirmed at referral: {pending}")
    return Eligibility(programme, EligibilityStatus.ELIGIBLE, outcomes, f"eligible for {programme.name}")


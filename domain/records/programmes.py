"""Accredited programme eligibility as data (REQ-PRG-1), evaluated by ``domain.records.requirements``.

Sources: IB "Building Better Relationships (BBR)": "for adult male perpetrators convicted of an
Intimate Partner Violence (IPV) related offence ... who present with a moderate or high risk of
committing future IPV offences"; Individual requirements: Gender: Male; Age: 18+; IPV related
offence (this can be index or historical). IB and NP list the Thinking Skills Programme (TSP)
as delivered in every region but give no criteria beyond an assessed risk and need.

Interpretations (recorded in the closing note):
- "moderate or high risk" is read from the case's current RoSH assessment: MEDIUM or above. The
  service has no IPV-specific risk tool (SARA) yet; when it has, the criterion changes here.
- "historical" IPV offence means the index offence of any sentence on the case.
- TSP: age 18+, a RoSH assessment on record (the programme is matched to assessed risk), and not
  for sexual offences (the seeds send sexual offending to the separate sexual offending
  programmes). Missing inputs fail: no assessment means not eligible, never a lighter route.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from domain.core.enums import Gender, OffenceCategory, RoshLevel


class Criterion(str, Enum):
    MIN_AGE = "MIN_AGE"
    GENDER = "GENDER"
    OFFENCE_CATEGORY_ON_CASE = "OFFENCE_CATEGORY_ON_CASE"
    ROSH_AT_LEAST = "ROSH_AT_LEAST"
    ROSH_ASSESSED = "ROSH_ASSESSED"
    INDEX_OFFENCE_NOT_IN = "INDEX_OFFENCE_NOT_IN"


@dataclass(frozen=True)
class Condition:
    criterion: Criterion
    value: object
    explanation: str


@dataclass(frozen=True)
class Programme:
    code: str
    name: str
    conditions: tuple[Condition, ...]
    source: str


PROGRAMMES: tuple[Programme, ...] = (
    Programme(
        code="BBR", name="Building Better Relationships",
        conditions=(
            Condition(Criterion.GENDER, Gender.MALE, "BBR is for men"),
            Condition(Criterion.MIN_AGE, 18, "BBR is for adults aged 18 or over"),
            Condition(Criterion.OFFENCE_CATEGORY_ON_CASE, OffenceCategory.INTIMATE_PARTNER_VIOLENCE,
                      "BBR needs an intimate partner violence offence (index or historical)"),
            Condition(Criterion.ROSH_AT_LEAST, RoshLevel.MEDIUM, "BBR is for moderate or high risk (current RoSH MEDIUM or above)"),
        ),
        source="IB Building Better Relationships; NP accredited domestic violence programmes"),
    Programme(
        code="TSP", name="Thinking Skills Programme",
        conditions=(
            Condition(Criterion.MIN_AGE, 18, "TSP is for adults aged 18 or over"),
            Condition(Criterion.ROSH_ASSESSED, None, "TSP needs a risk assessment on record to match the programme to risk"),
            Condition(Criterion.INDEX_OFFENCE_NOT_IN, (OffenceCategory.SEXUAL,),
                      "TSP is not for sexual offences (sexual offending programmes apply)"),
        ),
        source="IB Accredited Programmes (delivered in all regions)"),
)


def find_programme(name: str) -> Programme | None:
    """By code or full name, ignoring case and surrounding spaces."""
    wanted = name.strip().casefold()
    return next((p for p in PROGRAMMES if wanted in (p.code.casefold(), p.name.casefold())), None)

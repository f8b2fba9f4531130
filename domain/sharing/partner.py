"""The partner view (REC-4, docs/api.md "Partner view"): what a partner agency may read, for which
purposes and about which cases, as data; the summary is built with only the permitted fields, so
nothing withheld is ever materialised (the UK partner API redacts JSON after serialisation).

Row filters (which cases an agency may see) and field limits (which fields), per agency:
- POLICE: every case, every field.
- PRISON: cases with a licence or PSS (people they release or hold), every field.
- CHILDREN_SERVICES: cases with an active child safeguarding registration or RoSH to children of
  MEDIUM or above; no MAPPA detail.
- ADULT_SOCIAL_CARE: cases with an active adult-at-risk registration; RoSH, safeguarding, provider.
- YOUTH_OFFENDING_TEAM: offenders under 21 (transition from youth justice); RoSH, restrictions, provider.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.core.case import Case
from domain.core.dates import add_months, age_on
from domain.core.enums import (
    Agency,
    MappaCategory,
    MappaLevel,
    Provider,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceStatus,
)
from domain.core.registry import Section, standard

REC_4 = standard("REC-4", Section.RECORD_KEEPING, "Information is shared only for a stated, permitted purpose",
                 source="PF Record keeping and information sharing", enforced=True,
                 rule="Partner reads must state one of the permitted purposes; every partner read, and every refused "
                      "one, is audited.")


class SharingPurpose(str, Enum):
    RISK_MANAGEMENT = "RISK_MANAGEMENT"
    PUBLIC_PROTECTION = "PUBLIC_PROTECTION"
    SAFEGUARDING_CHILDREN = "SAFEGUARDING_CHILDREN"
    SAFEGUARDING_ADULTS = "SAFEGUARDING_ADULTS"
    VICTIM_PROTECTION = "VICTIM_PROTECTION"
    MAPPA_DECISION = "MAPPA_DECISION"


FIELDS = ("roshLevel", "mappaCategory", "mappaLevel", "safeguarding", "restrictions", "managingProvider")
RESTRICTIVE = (RequirementType.EXCLUSION, RequirementType.CURFEW, RequirementType.PROHIBITED_ACTIVITY,
               RequirementType.RESIDENCE)
CHILD_KINDS = (SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.CHILD_CONCERNS)


@dataclass(frozen=True)
class AgencyPolicy:
    purposes: frozenset[SharingPurpose]
    fields: frozenset[str]
    row_filter: Callable[[Case, date], bool]
    row_filter_text: str


def _licence(case: Case, today: date) -> bool:
    return any(s.type.is_post_release and s.status is not SentenceStatus.TERMINATED for s in case.sentences)


def _children(case: Case, today: date) -> bool:
    rosh = case.rosh
    return (any(s.kind in CHILD_KINDS and s.active_on(today) for s in case.safeguarding)
            or (rosh is not None and rosh.risk_to_children is not None and rosh.risk_to_children.at_least(RoshLevel.MEDIUM)))


def _adults(case: Case, today: date) -> bool:
    return any(s.kind is SafeguardingKind.ADULT_AT_RISK and s.active_on(today) for s in case.safeguarding)


def _transition(case: Case, today: date) -> bool:
    return age_on(case.offender.date_of_birth, today) < 21


P = SharingPurpose
ALL_FIELDS = frozenset(FIELDS)
AGENCIES: dict[Agency, AgencyPolicy] = {
    Agency.POLICE: AgencyPolicy(frozenset(P), ALL_FIELDS, lambda case, today: True, "every case"),
    Agency.PRISON: AgencyPolicy(frozenset({P.RISK_MANAGEMENT, P.PUBLIC_PROTECTION, P.MAPPA_DECISION, P.VICTIM_PROTECTION}),
                                ALL_FIELDS, _licence, "cases with a licence or post-sentence supervision"),
    Agency.CHILDREN_SERVICES: AgencyPolicy(frozenset({P.SAFEGUARDING_CHILDREN, P.RISK_MANAGEMENT}),
                                           frozenset({"roshLevel", "safeguarding", "restrictions", "managingProvider"}),
                                           _children, "cases with child safeguarding or RoSH to children MEDIUM or above"),
    Agency.ADULT_SOCIAL_CARE: AgencyPolicy(frozenset({P.SAFEGUARDING_ADULTS, P.RISK_MANAGEMENT}),
                                           frozenset({"roshLevel", "safeguarding", "managingProvider"}),
                                           _adults, "cases with an adult-at-risk registration"),
    Agency.YOUTH_OFFENDING_TEAM: AgencyPolicy(frozenset({P.RISK_MANAGEMENT, P.PUBLIC_PROTECTION}),
                                              frozenset({"roshLevel", "restrictions", "managingProvider"}),
                                              _transition, "offenders under 21"),
}


@dataclass(frozen=True)
class SharedRestriction:
    type: RequirementType
    starts_on: date
    ends_on: date | None
    details: str | None


@dataclass(frozen=True)
class SharedRiskSummary:
    crn: str
    rosh_level: RoshLevel | None
    mappa_category: MappaCategory | None
    mappa_level: MappaLevel | None
    safeguarding: tuple[SafeguardingKind, ...]
    restrictions: tuple[SharedRestriction, ...]
    managing_provider: Provider | None
    fields_returned: tuple[str, ...]
    withheld: tuple[str, ...]


@dataclass(frozen=True)
class Refusal:
    reason: str
    looks_absent: bool  # True: answer as if the case did not exist


def restrictions(case: Case, today: date) -> tuple[SharedRestriction, ...]:
    found = []
    for sentence in case.sentences:
        if sentence.status is SentenceStatus.TERMINATED:
            continue
        for requirement in sentence.requirements:
            if requirement.type not in RESTRICTIVE or requirement.status is not RequirementStatus.ACTIVE:
                continue
            starts = sentence.release_date if sentence.type.is_post_release and sentence.release_date else sentence.imposed_on
            ends = (add_months(starts, requirement.length_months) if requirement.length_months else sentence.end_date)
            if ends < today:
                continue
            found.append(SharedRestriction(requirement.type, starts, ends, requirement.details))
    return tuple(found)


def share(case: Case | None, agency: Agency | None, purpose: SharingPurpose, today: date) -> SharedRiskSummary | Refusal:
    """The summary an agency may have for a purpose, or why not. REC-4: the purpose must be one
    the agency shares for; the row filter decides whether the case exists for it at all."""
    if agency is None or agency not in AGENCIES:
        return Refusal("the token names no partner agency", looks_absent=False)
    rules = AGENCIES[agency]
    if purpose not in rules.purposes:
        allowed = ", ".join(sorted(p.value for p in rules.purposes))
        return Refusal(f"REC-4: {agency.value} does not receive shared risk data for {purpose.value} (allowed: {allowed})",
                       looks_absent=False)
    if case is None or case.restricted_to is not None or not rules.row_filter(case, today):
        return Refusal(f"outside the {agency.value} row filter ({rules.row_filter_text}) or no such case", looks_absent=True)
    rosh, mappa = case.rosh, case.mappa
    values = {
        "roshLevel": rosh.level if rosh else None,
        "mappaCategory": mappa.category if mappa else None,
        "mappaLevel": mappa.level if mappa else None,
        "safeguarding": tuple(sorted({s.kind for s in case.safeguarding if s.active_on(today)}, key=lambda k: k.value)),
        "restrictions": restrictions(case, today),
        "managingProvider": case.allocation.provider if case.allocation else None,
    }
    allowed = rules.fields
    empty = {"safeguarding": (), "restrictions": ()}
    shown = {name: (value if name in allowed else empty.get(name)) for name, value in values.items()}
    return SharedRiskSummary(
        crn=case.crn, rosh_level=shown["roshLevel"], mappa_category=shown["mappaCategory"], mappa_level=shown["mappaLevel"],
        safeguarding=shown["safeguarding"], restrictions=shown["restrictions"], managing_provider=shown["managingProvider"],
        fields_returned=tuple(["crn", *[f for f in FIELDS if f in allowed]]),
        withheld=tuple(f for f in FIELDS if f not in allowed))

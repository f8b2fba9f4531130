"""The partner view (REC-4, docs/api.md "Partner view"): what a partner agency may read, for which
purposes and about which cases, as data; the summary is built with only the permitted fields, so
nothing withheld is ever materialised (the UK partner API redacts JSON after serialisation).

Row filters (which cases an agency may see) and field limits (which fields), per agency:
- POLICE: every case, every field.
- PRISON: cases with a licence or PSS (people they release or hold), every field.
- CHILDREN_SERVICES: cases with an active child safeguarding registration or RoSH to children of
  MEDIUM or above; no MAPPA detail, no PNC number.
- ADULT_SOCIAL_CARE: cases with an active adult-at-risk registration; RoSH, safeguarding, provider,
  date of birth.
- YOUTH_OFFENDING_TEAM: offenders under 21 (transition from youth justice); RoSH, restrictions, provider,
  PNC number and date of birth.

Identity confirmation (a partner checks it has the right person before acting on the summary) is a
field limit like any other, the least each agency needs to match the person to its own record:
- the PNC number goes to the criminal justice agencies that key their own records on it (police,
  prisons, youth offending teams);
- the date of birth goes to every agency: children's and adult social care match people on name
  and date of birth, and they already hold the name (they asked by CRN about someone referred to
  them), so the name is never shared.

``crn``, ``updatedAt`` and ``caseVersion`` (when the case last changed, in any part) come with every
summary: they say nothing about the person, and let a partner re-read only what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from domain.core.case import Case
from domain.core.crn import is_valid_crn
from domain.core.dates import age_on, period_end
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


# Field limits are drawn from these names (the GraphQL field names of SharedRiskSummary).
FIELDS = ("roshLevel", "roshAssessedOn", "mappaCategory", "mappaLevel", "safeguarding", "restrictions",
          "managingProvider", "pncNumber", "dateOfBirth")
ALWAYS = ("crn", "updatedAt", "caseVersion")  # with every summary: no personal data
MAX_BATCH = 100  # CRNs per sharedRiskSummaries request
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
ROSH = ("roshLevel", "roshAssessedOn")  # the band and the day it was assessed go together
AGENCIES: dict[Agency, AgencyPolicy] = {
    Agency.POLICE: AgencyPolicy(frozenset(P), ALL_FIELDS, lambda case, today: True, "every case"),
    Agency.PRISON: AgencyPolicy(frozenset({P.RISK_MANAGEMENT, P.PUBLIC_PROTECTION, P.MAPPA_DECISION, P.VICTIM_PROTECTION}),
                                ALL_FIELDS, _licence, "cases with a licence or post-sentence supervision"),
    Agency.CHILDREN_SERVICES: AgencyPolicy(frozenset({P.SAFEGUARDING_CHILDREN, P.RISK_MANAGEMENT}),
                                           frozenset({*ROSH, "safeguarding", "restrictions", "managingProvider",
                                                      "dateOfBirth"}),
                                           _children, "cases with child safeguarding or RoSH to children MEDIUM or above"),
    Agency.ADULT_SOCIAL_CARE: AgencyPolicy(frozenset({P.SAFEGUARDING_ADULTS, P.RISK_MANAGEMENT}),
                                           frozenset({*ROSH, "safeguarding", "managingProvider", "dateOfBirth"}),
                                           _adults, "cases with an adult-at-risk registration"),
    Agency.YOUTH_OFFENDING_TEAM: AgencyPolicy(frozenset({P.RISK_MANAGEMENT, P.PUBLIC_PROTECTION}),
                                              frozenset({*ROSH, "restrictions", "managingProvider", "pncNumber",
                                                         "dateOfBirth"}),
                                              _transition, "offenders under 21"),
}


@dataclass(frozen=True)
class SharedRestriction:
    type: RequirementType
    starts_on: date  # first day in force
    ends_on: date  # last day in force, inclusive (as Sentence.end_date)
    details: str | None


@dataclass(frozen=True)
class SharedRiskSummary:
    crn: str
    updated_at: datetime
    case_version: int
    rosh_level: RoshLevel | None
    rosh_assessed_on: date | None
    mappa_category: MappaCategory | None
    mappa_level: MappaLevel | None
    safeguarding: tuple[SafeguardingKind, ...]
    restrictions: tuple[SharedRestriction, ...]
    managing_provider: Provider | None
    pnc_number: str | None
    date_of_birth: date | None
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
            # The last day in force, inclusive, like the sentence's own end date: a 6-month exclusion
            # from 2 November runs to 1 May (until issue 16 this said 2 May, the first day free of it).
            ends = period_end(starts, requirement.length_months) if requirement.length_months else sentence.end_date
            if ends < today:
                continue
            found.append(SharedRestriction(requirement.type, starts, ends, requirement.details))
    return tuple(found)


def policy_for(agency: Agency | None) -> AgencyPolicy | None:
    """What an agency may ask (sharingPolicy): None for a caller that names no partner agency."""
    return AGENCIES.get(agency)  # None is no key: None


def purpose_refused(agency: Agency | None, purpose: SharingPurpose) -> Refusal | None:
    """REC-4: the purpose must be one the agency shares for; the same answer for every case."""
    rules = policy_for(agency)
    if rules is None:
        return Refusal("the token names no partner agency", looks_absent=False)
    if purpose not in rules.purposes:
        allowed = ", ".join(sorted(p.value for p in rules.purposes))
        return Refusal(f"REC-4: {agency.value} does not receive shared risk data for {purpose.value} (allowed: {allowed})",
                       looks_absent=False)
    return None


def absent_reason(requested: str | None, case: Case | None, rules: AgencyPolicy, agency: Agency, today: date) -> str | None:
    """Why a case is answered as absent (for the audit trail only: the partner sees the same null
    whatever the reason), or None when the agency may have its summary."""
    if case is None:
        return "no such case" if requested is not None and is_valid_crn(requested) else "not a CRN"
    if case.restricted_to is not None:
        return "restricted case"
    if not rules.row_filter(case, today):
        return f"outside the {agency.value} row filter ({rules.row_filter_text})"
    return None


def share(case: Case | None, agency: Agency | None, purpose: SharingPurpose, today: date,
          requested: str | None = None) -> SharedRiskSummary | Refusal:
    """The summary an agency may have for a purpose, or why not. REC-4: the purpose must be one
    the agency shares for; the row filter decides whether the case exists for it at all."""
    refused = purpose_refused(agency, purpose)
    if refused is not None:
        return refused
    rules = AGENCIES[agency]
    reason = absent_reason(requested, case, rules, agency, today)
    if reason is not None:
        return Refusal(reason, looks_absent=True)
    rosh, mappa = case.rosh, case.mappa
    values = {
        "roshLevel": rosh.level if rosh else None,
        "roshAssessedOn": rosh.assessed_on if rosh else None,
        "mappaCategory": mappa.category if mappa else None,
        "mappaLevel": mappa.level if mappa else None,
        "safeguarding": tuple(sorted({s.kind for s in case.safeguarding if s.active_on(today)})),  # str enums: by name
        "restrictions": restrictions(case, today),
        "managingProvider": case.allocation.provider if case.allocation else None,
        "pncNumber": case.offender.pnc_number,
        "dateOfBirth": case.offender.date_of_birth,
    }
    allowed = rules.fields
    empty = {"safeguarding": (), "restrictions": ()}
    shown = {name: (value if name in allowed else empty.get(name)) for name, value in values.items()}
    return SharedRiskSummary(
        crn=case.crn, updated_at=case.updated.at, case_version=case.version,
        rosh_level=shown["roshLevel"], rosh_assessed_on=shown["roshAssessedOn"],
        mappa_category=shown["mappaCategory"], mappa_level=shown["mappaLevel"],
        safeguarding=shown["safeguarding"], restrictions=shown["restrictions"], managing_provider=shown["managingProvider"],
        pnc_number=shown["pncNumber"], date_of_birth=shown["dateOfBirth"],
        fields_returned=(*ALWAYS, *[f for f in FIELDS if f in allowed]),
        withheld=tuple(f for f in FIELDS if f not in allowed))


def share_many(cases: Sequence[Case | None], requested: Sequence[str], agency: Agency, purpose: SharingPurpose,
               today: date) -> list[SharedRiskSummary | Refusal]:
    """``share`` for a batch, in request order (``cases[i]`` is the case stored under
    ``requested[i]``, or None). Call only once ``purpose_refused`` has said None."""
    return [share(case, agency, purpose, today, crn) for case, crn in zip(cases, requested, strict=True)]

"""The rules registry: every national standard declared once, as data, beside the function that
implements it.

A ``Standard`` says what the rule asks, the numbers it uses (names in ``domain.core.parameters``),
where it comes from (seed document and section), and whether the service *enforces* it (a mutation
is refused when it is broken) and/or *monitors* it (it appears in ``Case.standards`` and
``standardsReport``). The standards engine takes titles from here, ``userErrors.standard`` names a
registered ID, and ``docs/standards.md`` is generated from this table (``python -m api.docs``).

Declaring a standard is a statement in the module that implements it::

    REQ_UPW_1 = standard("REQ-UPW-1", Section.REQUIREMENTS, "Unpaid work is 40 to 300 hours",
                         source="IB Unpaid Work", parameters=("REQ_UPW_1_MIN_HOURS", "REQ_UPW_1_MAX_HOURS"),
                         enforced=True)

Sources: PF = Practice Framework, National Standards for the Management of Offenders (NOMS,
August 2015); IB = probation interventions brochures; RRDP = National Reducing Re-offending
Delivery Plan; JI = joint inspection of offender management; NP = accredited domestic violence
programmes; CJA = Criminal Justice Act 2003. See docs/sources.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from domain.core.parameters import PARAMETERS


class Section(Enum):
    """Catalogue sections, in catalogue order (the order ``standards`` lists its statuses in)."""

    ALLOCATION = "Allocation"
    INDUCTION = "Induction and first appointment"
    PLANNING = "Planning and review"
    APPROVED_PREMISES = "Approved Premises"
    VICTIMS = "Victims"
    COMPLETION = "Completion"
    REQUIREMENTS = "Requirements"
    ENFORCEMENT = "Enforcement: community orders, suspended sentence orders, post-sentence supervision"
    LICENCES = "Enforcement: licences"
    RISK = "Risk of serious harm"
    MAPPA = "MAPPA"
    SAFEGUARDING = "Safeguarding"
    TIERING = "Tiering"
    RECORD_KEEPING = "Record keeping and information sharing"


SECTION_ORDER = list(Section)
ID_PATTERN = re.compile(r"[A-Z]+(-[A-Z]+)*-[0-9]+")


@dataclass(frozen=True)
class Standard:
    """One rule of the catalogue."""

    id: str
    section: Section
    title: str
    source: str
    parameters: tuple[str, ...] = ()
    enforced: bool = False
    monitored: bool = False
    rule: str = ""
    covered_by: tuple[str, ...] = ()

    @property
    def sort_key(self) -> tuple:
        prefix, _, number = self.id.rpartition("-")
        return SECTION_ORDER.index(self.section), prefix, int(number)

    def numbers(self) -> list[tuple[str, object]]:
        """The parameter values this rule uses, by name."""
        return [(name, PARAMETERS[name].value) for name in self.parameters]


REGISTRY: dict[str, Standard] = {}


def standard(id: str, section: Section, title: str, *, source: str, parameters: tuple[str, ...] = (),
             enforced: bool = False, monitored: bool = False, rule: str = "",
             covered_by: tuple[str, ...] = ()) -> Standard:
    """Declare a standard (once: a second declaration of the same ID is a programming error).

    ``enforced``: mutations apply it (they refuse what breaks it, or derive what is recorded from
    it). ``monitored``: it has a status in ``Case.standards``. ``covered_by``: the service meets
    it through other standards (e.g. ALLOC-4 through PLAN-5's review after a transfer)."""
    if not ID_PATTERN.fullmatch(id):
        raise ValueError(f"{id!r} is not a rule ID like ENF-4 or REQ-UPW-1")
    if id in REGISTRY:
        raise ValueError(f"{id} is declared twice")
    if not (enforced or monitored or covered_by):
        raise ValueError(f"{id} is neither enforced, monitored nor covered by another standard")
    unknown = [name for name in parameters if name not in PARAMETERS]
    if unknown:
        raise ValueError(f"{id} names unknown parameters: {unknown}")
    declared = Standard(id, section, title, source, tuple(parameters), enforced, monitored, rule or title,
                        tuple(covered_by))
    REGISTRY[id] = declared
    return declared


def lookup(id: str) -> Standard:
    """The registered standard with this ID (KeyError if none)."""
    return REGISTRY[id]


def catalogue_order() -> list[Standard]:
    return sorted(REGISTRY.values(), key=lambda s: s.sort_key)

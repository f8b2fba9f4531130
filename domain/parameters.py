"""Every number that policy can change, in one table, each with its source.

Rules read their numbers from here, never from literals, so that a change of policy is a change
of one line with its citation. Sources are the seeds named in STANDARDS.md (PF = Practice
Framework 2015, IB = interventions brochures, RRDP = Reducing Re-offending Delivery Plan) and,
for the sentence shapes the standards take for granted, the Criminal Justice Act 2003 (CJA).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Parameter:
    value: object
    source: str


PARAMETERS: dict[str, Parameter] = {
    # Definitions
    "ORA_COMMENCEMENT": Parameter(date(2015, 2, 1), "PF: Offender Rehabilitation Act 2014 commencement"),
    # Sentence shapes (validated on addSentence)
    "COMMUNITY_ORDER_MAX_MONTHS": Parameter(36, "CJA 2003 s.177(5): a community order lasts at most 3 years"),
    "SSO_OPERATIONAL_MIN_MONTHS": Parameter(6, "CJA 2003 s.189(3): operational period 6 months to 2 years"),
    "SSO_OPERATIONAL_MAX_MONTHS": Parameter(24, "CJA 2003 s.189(3): operational period 6 months to 2 years"),
    "SSO_CUSTODIAL_MAX_MONTHS": Parameter(24, "CJA 2003 s.189(1): a custodial term of at most 2 years may be suspended"),
    "PSS_CUSTODIAL_MAX_MONTHS": Parameter(23, "ORA 2014 / PF: post-sentence supervision follows custodial terms of under 2 years"),
    "SENTENCE_MAX_MONTHS": Parameter(1200, "Input sanity bound (100 years); life licences are recorded with this maximum"),
    # Allocation
    "ALLOC_3_NPS_FROM": Parameter("HIGH", "PF Managing RoSH: HIGH or above is managed by the NPS"),
}


def param(name: str):
    """The value of a policy parameter (KeyError if it is not in the table)."""
    return PARAMETERS[name].value

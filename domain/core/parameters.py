"""Every number that policy can change, in one table, each with its source.

Rules read their numbers from here, never from literals, so that a change of policy is a change
of one line with its citation. Sources are the seeds named in docs/standards.md (PF = Practice
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
    "PSS_CUSTODIAL_MAX_MONTHS": Parameter(23, "CJA 2003 s.256AA (inserted by ORA 2014): post-sentence supervision follows custodial terms of under 2 years (the PF speaks only of its extension to sentences under 12 months)"),
    "SENTENCE_MAX_MONTHS": Parameter(1200, "Input sanity bound (100 years); life licences are recorded with this maximum"),
    # Allocation
    "ALLOC_3_NPS_FROM": Parameter("HIGH", "PF Managing RoSH: HIGH or above is managed by the NPS"),
    # Induction and first appointment
    "APPT_1_WORKING_DAYS": Parameter(5, "PF Implementing the sentence: first face-to-face within 5 working days of allocation"),
    "APPT_2_WORKING_DAYS": Parameter(1, "PF: licence/PSS face-to-face on the day of release or the next working day"),
    # Planning
    "PLAN_3_HIGH_ROSH_WORKING_DAYS": Parameter(5, "RRDP Public Protection measures: risk assessment, risk management plans and "
                                                  "OASys sentence plans on high risk offenders within 5 working days of the "
                                                  "commencement of the order or release into the community"),
    "PLAN_3_PPO_WORKING_DAYS": Parameter(5, "RRDP Public Protection measures: risk of harm assessments and OASys sentence plans "
                                            "on Prolific and other Priority Offenders within 5 working days of commencement "
                                            "of the order or release into the community"),
    "RRDP_EMPLOYMENT_KEPT_WEEKS": Parameter(4, "RRDP ETE measures: unemployed offenders that find and keep employment or "
                                               "vocational training for 4 weeks or more during supervision"),
    "PLAN_4_MAX_WEEKS_BEFORE_RELEASE": Parameter(12, "PF: a custody plan is prepared no more than 12 weeks before release"),
    "AP_1_MIN_MONTHS_BEFORE_RELEASE": Parameter(3, "PF Approved Premises: prepared at least three months before release"),
    # Victims
    "VIC_1_STATUTORY_MIN_CUSTODIAL_MONTHS": Parameter(12, "PF Victims: statutory contact at a custodial sentence of 12 months or more"),
    "VIC_2_WEEKS": Parameter(8, "PF Victims: contact offered within eight weeks of sentence"),
    # Completion
    "END_1_WEEKS_BEFORE_END": Parameter(8, "PF Completion: evaluation up to eight weeks before termination"),
    # Enforcement
    "ENF_3_WORKING_DAYS": Parameter(6, "PF The sentence is enforced: warning or action within 6 working days of the failure"),
    "ENF_4_WINDOW_MONTHS": Parameter(12, "PF: breach on the 2nd (CO/SSO) or 3rd (PSS) unacceptable failure within 12 months"),
    "ENF_4_THRESHOLD_COMMUNITY": Parameter(2, "PF: 2nd unacceptable failure within 12 months on a CO/SSO"),
    "ENF_4_THRESHOLD_PSS": Parameter(3, "PF: 3rd unacceptable failure within 12 months on PSS"),
    "LIC_1_WORKING_DAYS": Parameter(9, "PF: recall decision by the end of the 9th working day after the failure"),
    "LIC_2_REPORT_HOURS": Parameter(24, "PF: recall report within 24 hours of the decision"),
    "LIC_2_EMERGENCY_REPORT_HOURS": Parameter(2, "PF: 2 hours in emergency cases"),
    # Requirements
    "REQ_UPW_1_MIN_HOURS": Parameter(40, "IB Unpaid Work: 40 to 300 hours"),
    "REQ_UPW_1_MAX_HOURS": Parameter(300, "IB Unpaid Work: 40 to 300 hours"),
    "REQ_UPW_2_WORKING_DAYS": Parameter(7, "PF Unpaid Work: first work session within 7 working days of allocation"),
    "REQ_UPW_3_MONTHS": Parameter(12, "PF, IB: hours completed within 12 months of sentence"),
    "REQ_UPW_4_ETE_PERCENT": Parameter(30, "IB: education, training and employment count for at most 30% of the hours"),
    "REQ_EXC_1_MIN_MONTHS": Parameter(2, "PF Exclusion: at least 2 months"),
    "REQ_EXC_1_MAX_MONTHS": Parameter(24, "PF Exclusion: at most 2 years"),
    "REQ_PAR_1_CO_MAX_MONTHS": Parameter(36, "PF Prohibited Activity: at most 3 years on a community order"),
    "REQ_PAR_1_SSO_MAX_MONTHS": Parameter(24, "PF Prohibited Activity: at most 2 years on an SSO"),
    "REQ_AAMR_1_MAX_DAYS": Parameter(120, "IB AAMR: at most 120 days"),
    "REQ_AAMR_1_MIN_AGE": Parameter(18, "IB AAMR: age 18 or over"),
    "REQ_TRT_1_MIN_AGE": Parameter(18, "PF, IB Treatment requirements: age 18 or over"),
}


def param(name: str):
    """The value of a policy parameter (KeyError if it is not in the table)."""
    return PARAMETERS[name].value

"""Closed vocabularies of delivery and planning (values equal names, as in ``domain.core.enums``).

The needs vocabulary of planning is the seven pathways of the National Reducing Re-offending
Delivery Plan (RRDP, contents: "Pathway 1: Accommodation … Pathway 7: Attitudes, thinking and
behaviour"). It is deliberately separate from the tier's needs (``domain.risk.tiering.Need``, the
hmpps-tier OASys sections that score the change level): the tier measures need severity to set
supervision intensity, the pathways name what a plan addresses and what supervision achieved.
docs/delivery.md sets out how the two relate.
"""

from __future__ import annotations

from enum import Enum


class Pathway(str, Enum):
    """The seven pathways of the RRDP, in its order (RRDP contents and chapters 4-10)."""

    ACCOMMODATION = "ACCOMMODATION"
    EDUCATION_TRAINING_AND_EMPLOYMENT = "EDUCATION_TRAINING_AND_EMPLOYMENT"
    HEALTH = "HEALTH"
    DRUGS_AND_ALCOHOL = "DRUGS_AND_ALCOHOL"
    FINANCE_BENEFIT_AND_DEBT = "FINANCE_BENEFIT_AND_DEBT"
    CHILDREN_AND_FAMILIES = "CHILDREN_AND_FAMILIES"
    ATTITUDES_THINKING_AND_BEHAVIOUR = "ATTITUDES_THINKING_AND_BEHAVIOUR"


class UnaddressedReason(str, Enum):
    """Why a need the plan identifies has no objective addressing it yet. Recording the reason keeps
    what is *required* apart from what is *available* (the joint inspection found plans "based on
    interventions that were available rather than on what were required")."""

    NOT_AVAILABLE = "NOT_AVAILABLE"  # the intervention required is not available
    AWAITING_PLACE = "AWAITING_PLACE"  # referred or waiting for a place
    DECLINED = "DECLINED"  # the offender declined the intervention offered
    SEQUENCED_LATER = "SEQUENCED_LATER"  # PF: "sequencing the objectives so that any needs that require stabilisation are dealt with first"


class ChangeRequestedBy(str, Enum):
    """Who asked for an arranged appointment to be cancelled or moved."""

    SERVICE = "SERVICE"
    OFFENDER = "OFFENDER"


class SupervisionPoint(str, Enum):
    """When an accommodation and employment status was taken: at the start of supervision
    (commencement of the order, or release) or at its end (RRDP outcome measures)."""

    START = "START"
    END = "END"


class AccommodationStatus(str, Enum):
    """RRDP: "settled accommodation" (narrative) and "suitable accommodation" (the measure) are read
    as one status, SETTLED; the other two use the interventions brochure's words ("homeless or in
    temporary/unstable accommodation")."""

    SETTLED = "SETTLED"
    TEMPORARY_OR_UNSTABLE = "TEMPORARY_OR_UNSTABLE"
    HOMELESS = "HOMELESS"


class EmploymentStatus(str, Enum):
    """Employment status at a point of supervision. The RRDP's employment measure is not a start/end
    comparison (it counts "unemployed offenders that find and keep employment or vocational
    training for 4 weeks or more during supervision"): that is measured from ``EmploymentSpell``s,
    with UNEMPLOYED at the start as its population."""

    EMPLOYED = "EMPLOYED"
    VOCATIONAL_TRAINING = "VOCATIONAL_TRAINING"
    UNEMPLOYED = "UNEMPLOYED"
    NOT_AVAILABLE_FOR_WORK = "NOT_AVAILABLE_FOR_WORK"


class EmploymentKind(str, Enum):
    """What an employment spell is (RRDP: "employment or vocational training")."""

    EMPLOYMENT = "EMPLOYMENT"
    VOCATIONAL_TRAINING = "VOCATIONAL_TRAINING"

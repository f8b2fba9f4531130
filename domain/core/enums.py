"""Closed vocabularies of the domain (docs/standards.md "Definitions"). Values equal names, so they
can be stored and exchanged as they are."""

from enum import Enum


class Gender(str, Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"
    OTHER = "OTHER"
    NOT_KNOWN = "NOT_KNOWN"


class Provider(str, Enum):
    NPS = "NPS"
    CRC = "CRC"


class SentenceType(str, Enum):
    COMMUNITY_ORDER = "COMMUNITY_ORDER"
    SUSPENDED_SENTENCE_ORDER = "SUSPENDED_SENTENCE_ORDER"
    LICENCE = "LICENCE"
    POST_SENTENCE_SUPERVISION = "POST_SENTENCE_SUPERVISION"

    @property
    def is_community(self) -> bool:
        """A community order or suspended sentence order (served in the community from the start)."""
        return self in (SentenceType.COMMUNITY_ORDER, SentenceType.SUSPENDED_SENTENCE_ORDER)

    @property
    def is_post_release(self) -> bool:
        """A licence or post-sentence supervision period (starts on release from custody)."""
        return not self.is_community


class SentenceStatus(str, Enum):
    ACTIVE = "ACTIVE"
    BREACHED = "BREACHED"
    RECALLED = "RECALLED"
    TERMINATED = "TERMINATED"


class OffenceCategory(str, Enum):
    VIOLENT = "VIOLENT"
    SEXUAL = "SEXUAL"
    INTIMATE_PARTNER_VIOLENCE = "INTIMATE_PARTNER_VIOLENCE"
    ACQUISITIVE = "ACQUISITIVE"
    DRUGS = "DRUGS"
    MOTORING = "MOTORING"
    PUBLIC_ORDER = "PUBLIC_ORDER"
    OTHER = "OTHER"


class RequirementType(str, Enum):
    UNPAID_WORK = "UNPAID_WORK"
    REHABILITATION_ACTIVITY = "REHABILITATION_ACTIVITY"
    CURFEW = "CURFEW"
    EXCLUSION = "EXCLUSION"
    PROHIBITED_ACTIVITY = "PROHIBITED_ACTIVITY"
    RESIDENCE = "RESIDENCE"
    PROGRAMME = "PROGRAMME"
    DRUG_REHABILITATION = "DRUG_REHABILITATION"
    ALCOHOL_TREATMENT = "ALCOHOL_TREATMENT"
    MENTAL_HEALTH_TREATMENT = "MENTAL_HEALTH_TREATMENT"
    ALCOHOL_ABSTINENCE_MONITORING = "ALCOHOL_ABSTINENCE_MONITORING"
    ATTENDANCE_CENTRE = "ATTENDANCE_CENTRE"
    SUPERVISION = "SUPERVISION"
    SPECIFIED_ACTIVITY = "SPECIFIED_ACTIVITY"
    DRUG_APPOINTMENT = "DRUG_APPOINTMENT"
    DRUG_TESTING = "DRUG_TESTING"


class RequirementStatus(str, Enum):
    ACTIVE = "ACTIVE"
    TERMINATED = "TERMINATED"


class RoshLevel(str, Enum):
    LOW = "LOW"
    MEDIUM = "MEDIUM"
    HIGH = "HIGH"
    VERY_HIGH = "VERY_HIGH"

    @property
    def rank(self) -> int:
        """Order of severity: LOW < MEDIUM < HIGH < VERY_HIGH (docs/standards.md Definitions)."""
        return _ROSH_ORDER.index(self)

    def at_least(self, other: "RoshLevel") -> bool:
        return self.rank >= other.rank


_ROSH_ORDER = [RoshLevel.LOW, RoshLevel.MEDIUM, RoshLevel.HIGH, RoshLevel.VERY_HIGH]


class MappaCategory(str, Enum):
    CATEGORY_1 = "CATEGORY_1"
    CATEGORY_2 = "CATEGORY_2"
    CATEGORY_3 = "CATEGORY_3"
    CATEGORY_4 = "CATEGORY_4"


class MappaLevel(str, Enum):
    LEVEL_1 = "LEVEL_1"
    LEVEL_2 = "LEVEL_2"
    LEVEL_3 = "LEVEL_3"


class SafeguardingKind(str, Enum):
    CHILD_PROTECTION = "CHILD_PROTECTION"
    CHILD_CONCERNS = "CHILD_CONCERNS"
    ADULT_AT_RISK = "ADULT_AT_RISK"
    DOMESTIC_ABUSE = "DOMESTIC_ABUSE"
    OFFENDER_AT_RISK = "OFFENDER_AT_RISK"


class AllocationKind(str, Enum):
    ALLOCATION = "ALLOCATION"
    TRANSFER = "TRANSFER"


class Role(str, Enum):
    PRACTITIONER = "PRACTITIONER"
    SENIOR_MANAGER = "SENIOR_MANAGER"
    PARTNER = "PARTNER"
    VICTIM_LIAISON_OFFICER = "VICTIM_LIAISON_OFFICER"
    AUDITOR = "AUDITOR"
    ADMIN = "ADMIN"


class Agency(str, Enum):
    POLICE = "POLICE"
    PRISON = "PRISON"
    CHILDREN_SERVICES = "CHILDREN_SERVICES"
    ADULT_SOCIAL_CARE = "ADULT_SOCIAL_CARE"
    YOUTH_OFFENDING_TEAM = "YOUTH_OFFENDING_TEAM"


class AppointmentKind(str, Enum):
    INDUCTION = "INDUCTION"
    SUPERVISION = "SUPERVISION"
    HOME_VISIT = "HOME_VISIT"
    UNPAID_WORK = "UNPAID_WORK"
    PROGRAMME = "PROGRAMME"
    TREATMENT = "TREATMENT"
    OTHER = "OTHER"


class AppointmentOutcome(str, Enum):
    ATTENDED_COMPLIED = "ATTENDED_COMPLIED"
    ATTENDED_FAILED_TO_COMPLY = "ATTENDED_FAILED_TO_COMPLY"
    FAILED_TO_ATTEND = "FAILED_TO_ATTEND"
    ACCEPTABLE_ABSENCE = "ACCEPTABLE_ABSENCE"
    RESCHEDULED = "RESCHEDULED"

    @property
    def attended(self) -> bool:
        return self in (AppointmentOutcome.ATTENDED_COMPLIED, AppointmentOutcome.ATTENDED_FAILED_TO_COMPLY)

    @property
    def is_failure(self) -> bool:
        """The two outcomes that create a failure to comply awaiting decision (docs/api.md)."""
        return self in (AppointmentOutcome.ATTENDED_FAILED_TO_COMPLY, AppointmentOutcome.FAILED_TO_ATTEND)


class FailureStatus(str, Enum):
    AWAITING_DECISION = "AWAITING_DECISION"
    ACCEPTABLE = "ACCEPTABLE"
    UNACCEPTABLE = "UNACCEPTABLE"


class VictimContactScheme(str, Enum):
    STATUTORY = "STATUTORY"
    DISCRETIONARY = "DISCRETIONARY"


class NoteKind(str, Enum):
    """REC-3: records distinguish fact from opinion."""

    FACT = "FACT"
    OPINION = "OPINION"


class BreachOutcome(str, Enum):
    ORDER_CONTINUED = "ORDER_CONTINUED"
    ORDER_REVOKED = "ORDER_REVOKED"
    # Post-sentence supervision only: the court commits the offender to custody for the breach and
    # supervision continues (PF: "committal to custody for breach of post sentence supervision period").
    COMMITTED_TO_CUSTODY = "COMMITTED_TO_CUSTODY"

    @property
    def continues_sentence(self) -> bool:
        """The court dealt with the breach in a way that lets the sentence continue (ENF-5)."""
        return self is not BreachOutcome.ORDER_REVOKED


class SafeguardingAgency(str, Enum):
    """Where a safeguarding concern is referred (SAFE-1)."""

    CHILDRENS_SERVICES = "CHILDRENS_SERVICES"
    ADULT_SAFEGUARDING = "ADULT_SAFEGUARDING"
    MARAC = "MARAC"

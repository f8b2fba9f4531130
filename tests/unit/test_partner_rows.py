"""REC-4 row filters and field limits as rules (issue 17): every agency's row filter with a case
that matches and one that does not, registrations on the day they start, the day before and the
day they end, the youth offending team's age limit on the 21st birthday and the day before, and
every restriction the summary lists or leaves out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.core.enums import (
    Agency,
    MappaCategory,
    MappaLevel,
    RequirementStatus,
    RequirementType,
    RoshLevel,
    SafeguardingKind,
    SentenceStatus,
    SentenceType,
)
from domain.risk.model import MappaRegistration, SafeguardingConcern
from domain.sharing import partner
from tests import builders
from tests.builders import STAMP

P = partner.SharingPurpose
TODAY = date(2026, 11, 20)
DAY = timedelta(days=1)


def matches(agency: Agency, case, today: date = TODAY) -> bool:
    """The row filter as the partner meets it: a summary, or the absent answer."""
    purpose = P.RISK_MANAGEMENT
    answer = partner.share(case, agency, purpose, today)
    if isinstance(answer, partner.Refusal):
        assert answer.looks_absent and answer.reason.startswith(f"outside the {agency.value} row filter")
        return False
    return True


def registered(kind: SafeguardingKind, started_on: date = date(2026, 1, 1), ended_on: date | None = None):
    c = builders.case()
    c.safeguarding.append(SafeguardingConcern(kind=kind, started_on=started_on, ended_on=ended_on, recorded=STAMP))
    return c


def serving(type: SentenceType, status: SentenceStatus = SentenceStatus.ACTIVE):
    c = builders.case()
    s = builders.sentence(type, imposed_on=date(2026, 3, 2), release_date=date(2026, 3, 2) if type.is_post_release else None,
                          custodial_term_months=24 if type.is_post_release else None)
    s.status = status
    c.sentences.append(s)
    return c


def test_rec_4_police_row_filter_matches_every_case():
    assert matches(Agency.POLICE, builders.case())


@pytest.mark.parametrize("type, status, expected", [
    (SentenceType.LICENCE, SentenceStatus.ACTIVE, True),
    (SentenceType.POST_SENTENCE_SUPERVISION, SentenceStatus.RECALLED, True),
    (SentenceType.LICENCE, SentenceStatus.TERMINATED, False),  # no longer theirs
    (SentenceType.COMMUNITY_ORDER, SentenceStatus.ACTIVE, False),  # never in custody
    (SentenceType.SUSPENDED_SENTENCE_ORDER, SentenceStatus.ACTIVE, False),
])
def test_rec_4_prison_row_filter_matches_a_live_licence_or_pss_only(type, status, expected):
    assert matches(Agency.PRISON, serving(type, status)) is expected


@pytest.mark.parametrize("kind, expected", [
    (SafeguardingKind.CHILD_PROTECTION, True), (SafeguardingKind.CHILD_CONCERNS, True),
    (SafeguardingKind.ADULT_AT_RISK, False), (SafeguardingKind.DOMESTIC_ABUSE, False),
    (SafeguardingKind.OFFENDER_AT_RISK, False),
])
def test_rec_4_children_services_row_filter_matches_a_child_registration_only(kind, expected):
    assert matches(Agency.CHILDREN_SERVICES, registered(kind)) is expected


@pytest.mark.parametrize("kind, expected", [
    (SafeguardingKind.ADULT_AT_RISK, True), (SafeguardingKind.CHILD_PROTECTION, False),
    (SafeguardingKind.DOMESTIC_ABUSE, False), (SafeguardingKind.OFFENDER_AT_RISK, False),
])
def test_rec_4_adult_social_care_row_filter_matches_an_adult_at_risk_registration_only(kind, expected):
    assert matches(Agency.ADULT_SOCIAL_CARE, registered(kind)) is expected


@pytest.mark.parametrize("agency, kind", [(Agency.CHILDREN_SERVICES, SafeguardingKind.CHILD_PROTECTION),
                                          (Agency.ADULT_SOCIAL_CARE, SafeguardingKind.ADULT_AT_RISK)])
@pytest.mark.parametrize("started, ended, expected", [
    (TODAY, None, True),  # registered today
    (TODAY + DAY, None, False),  # registered tomorrow
    (TODAY - DAY, TODAY + DAY, True),  # ends tomorrow
    (TODAY - DAY * 10, TODAY, False),  # ended today
    (TODAY - DAY * 10, TODAY - DAY, False),  # ended yesterday
])
def test_rec_4_a_registration_opens_the_row_filter_only_while_active(agency, kind, started, ended, expected):
    assert matches(agency, registered(kind, started, ended)) is expected


@pytest.mark.parametrize("children, expected", [
    (None, False), (RoshLevel.LOW, False), (RoshLevel.MEDIUM, True), (RoshLevel.HIGH, True),
    (RoshLevel.VERY_HIGH, True),
])
def test_rec_4_children_services_row_filter_matches_rosh_to_children_medium_or_above(children, expected):
    c = builders.assess(builders.case(), RoshLevel.HIGH, date(2026, 10, 1), children=children)
    assert matches(Agency.CHILDREN_SERVICES, c) is expected


@pytest.mark.parametrize("born, expected", [
    (date(2005, 11, 21), True),  # 21 tomorrow: still 20
    (date(2005, 11, 20), False),  # 21 today
    (date(2004, 11, 20), False),  # 22
    (date(2008, 11, 20), True),  # 18 today
])
def test_rec_4_youth_offending_team_row_filter_is_under_21_on_the_day(born, expected):
    assert matches(Agency.YOUTH_OFFENDING_TEAM, builders.case(born=born)) is expected


def test_rec_4_no_agency_names_no_policy_and_the_refusal_is_not_an_absent_case():
    assert partner.policy_for(None) is None
    refusal = partner.purpose_refused(None, P.RISK_MANAGEMENT)
    assert refusal == partner.Refusal("the token names no partner agency", looks_absent=False)
    assert refusal.looks_absent is False


def test_rec_4_a_refused_purpose_names_the_purposes_the_agency_holds():
    refusal = partner.purpose_refused(Agency.PRISON, P.SAFEGUARDING_CHILDREN)
    assert refusal.reason == ("REC-4: PRISON does not receive shared risk data for SAFEGUARDING_CHILDREN "
                              "(allowed: MAPPA_DECISION, PUBLIC_PROTECTION, RISK_MANAGEMENT, VICTIM_PROTECTION)")
    assert refusal.looks_absent is False


def test_rec_4_an_unknown_case_without_a_requested_crn_is_absent_as_not_a_crn():
    assert partner.share(None, Agency.POLICE, P.RISK_MANAGEMENT, TODAY) == partner.Refusal("not a CRN", looks_absent=True)
    assert partner.share(None, Agency.POLICE, P.RISK_MANAGEMENT, TODAY, "X999999").reason == "no such case"
    assert partner.share(None, Agency.POLICE, P.RISK_MANAGEMENT, TODAY, "not-a-crn").reason == "not a CRN"


def test_rec_4_a_batch_needs_one_stored_answer_per_requested_crn():
    with pytest.raises(ValueError):
        partner.share_many([None], ["X1", "X2"], Agency.POLICE, P.RISK_MANAGEMENT, TODAY)


def test_rec_4_mappa_and_fields_returned_follow_the_field_limits():
    c = builders.case(born=date(2007, 1, 1))
    c.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_2, level=MappaLevel.LEVEL_3,
                                                   registered_on=date(2026, 1, 5), visor_recorded=True, recorded=STAMP))
    police = partner.share(c, Agency.POLICE, P.RISK_MANAGEMENT, TODAY)
    assert (police.mappa_category, police.mappa_level) == (MappaCategory.CATEGORY_2, MappaLevel.LEVEL_3)
    youth = partner.share(c, Agency.YOUTH_OFFENDING_TEAM, P.RISK_MANAGEMENT, TODAY)
    assert (youth.mappa_category, youth.mappa_level) == (None, None)
    assert youth.safeguarding == () and youth.restrictions == ()  # withheld lists are empty, not null
    assert youth.fields_returned == ("crn", "updatedAt", "caseVersion", "roshLevel", "roshAssessedOn", "restrictions",
                                     "managingProvider", "pncNumber", "dateOfBirth")
    assert youth.withheld == ("mappaCategory", "mappaLevel", "safeguarding")


def test_rec_4_active_safeguarding_kinds_are_listed_once_each_in_name_order():
    c = registered(SafeguardingKind.OFFENDER_AT_RISK)
    for kind in (SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.ADULT_AT_RISK, SafeguardingKind.CHILD_PROTECTION):
        c.safeguarding.append(SafeguardingConcern(kind=kind, started_on=date(2026, 2, 1), recorded=STAMP))
    c.safeguarding.append(SafeguardingConcern(kind=SafeguardingKind.DOMESTIC_ABUSE, started_on=date(2026, 2, 1),
                                              ended_on=TODAY, recorded=STAMP))
    assert partner.share(c, Agency.POLICE, P.RISK_MANAGEMENT, TODAY).safeguarding == (
        SafeguardingKind.ADULT_AT_RISK, SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.OFFENDER_AT_RISK)


def restriction(type: RequirementType, status: RequirementStatus = RequirementStatus.ACTIVE, **parameters):
    r = builders.requirement(type, **parameters)
    r.status = status
    return r


def test_rec_4_restrictions_list_every_live_restrictive_requirement_of_every_live_sentence():
    c = builders.case()
    ended = builders.sentence(imposed_on=date(2026, 1, 5), requirements=[restriction(RequirementType.CURFEW, length_months=6)])
    ended.status = SentenceStatus.TERMINATED
    order = builders.sentence(imposed_on=date(2026, 11, 2), requirements=[
        restriction(RequirementType.UNPAID_WORK),  # not restrictive
        restriction(RequirementType.EXCLUSION, RequirementStatus.TERMINATED, length_months=6),  # no longer in force
        restriction(RequirementType.CURFEW, length_months=1),  # ran out before today? no: 2 Nov + 1 month
        restriction(RequirementType.PROHIBITED_ACTIVITY, details="no contact with X"),  # for the whole order
        restriction(RequirementType.RESIDENCE, length_months=6, details="approved premises"),
    ])
    expired = builders.sentence(imposed_on=date(2025, 6, 2), length_months=24,
                                requirements=[restriction(RequirementType.EXCLUSION, length_months=3),
                                              restriction(RequirementType.RESIDENCE, details="at home")])
    licence = builders.sentence(SentenceType.LICENCE, imposed_on=date(2025, 11, 3), release_date=date(2026, 6, 1),
                                custodial_term_months=18, requirements=[restriction(RequirementType.EXCLUSION, length_months=12)])
    c.sentences += [ended, order, expired, licence]
    S = partner.SharedRestriction
    assert partner.share(c, Agency.POLICE, P.RISK_MANAGEMENT, TODAY).restrictions == (
        S(RequirementType.CURFEW, date(2026, 11, 2), date(2026, 12, 1), None),
        S(RequirementType.PROHIBITED_ACTIVITY, date(2026, 11, 2), order.end_date, "no contact with X"),
        S(RequirementType.RESIDENCE, date(2026, 11, 2), date(2027, 5, 1), "approved premises"),
        S(RequirementType.RESIDENCE, date(2025, 6, 2), expired.end_date, "at home"),
        S(RequirementType.EXCLUSION, date(2026, 6, 1), date(2027, 5, 31), None),  # from release, not sentence
    )


def test_rec_4_a_community_sentence_restriction_runs_from_the_day_of_sentence_even_with_a_release_date():
    c = builders.case()
    order = builders.sentence(imposed_on=date(2026, 11, 2), release_date=date(2026, 11, 9),
                              requirements=[restriction(RequirementType.CURFEW, length_months=2)])
    c.sentences.append(order)
    (only,) = partner.restrictions(c, TODAY)
    assert (only.starts_on, only.ends_on) == (date(2026, 11, 2), date(2027, 1, 1))

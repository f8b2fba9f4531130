"""The partner view as pure data (REC-4, issue 16): identity confirmation within each agency's field
limits, the as-of stamp, inclusive restriction dates at their boundaries, batches in request order
with every absent answer alike, and the policy an agency can discover."""

from datetime import date

import pytest

from domain.core.base import Actor, Recorded
from domain.core.calendar import LONDON
from domain.core.enums import Agency, RequirementType, RoshLevel, SafeguardingKind, SentenceType
from domain.risk.model import SafeguardingConcern
from domain.sharing import partner
from tests import builders
from tests.builders import STAMP

P = partner.SharingPurpose
TODAY = date(2026, 11, 20)


def known_case(crn: str = "X123456", born: date = date(2007, 1, 1)):
    case = builders.case(born=born)
    case.crn = crn
    case.offender.pnc_number = "2010/0012345X"
    return case


@pytest.mark.parametrize("agency, pnc, dob", [
    (Agency.POLICE, True, True),
    (Agency.PRISON, True, True),
    (Agency.YOUTH_OFFENDING_TEAM, True, True),
    (Agency.CHILDREN_SERVICES, False, True),
    (Agency.ADULT_SOCIAL_CARE, False, True),
])
def test_rec_4_identity_confirmation_stays_within_each_agencys_field_limits(agency, pnc, dob):
    rules = partner.AGENCIES[agency]
    assert ("pncNumber" in rules.fields) is pnc and ("dateOfBirth" in rules.fields) is dob
    case = known_case()
    # Put the case inside every row filter: under 21, a licence, child and adult safeguarding.
    case.sentences.append(builders.sentence(SentenceType.LICENCE, imposed_on=date(2026, 1, 5), length_months=24,
                                            release_date=date(2026, 6, 1), custodial_term_months=12))
    for kind in (SafeguardingKind.CHILD_PROTECTION, SafeguardingKind.ADULT_AT_RISK):
        case.safeguarding.append(SafeguardingConcern(kind=kind, started_on=date(2026, 1, 1), recorded=STAMP))
    purpose = next(iter(sorted(rules.purposes)))
    summary = partner.share(case, agency, purpose, TODAY)
    assert isinstance(summary, partner.SharedRiskSummary)
    assert summary.pnc_number == ("2010/0012345X" if pnc else None)
    assert summary.date_of_birth == (date(2007, 1, 1) if dob else None)
    assert ("pncNumber" in summary.withheld) is not pnc
    assert summary.fields_returned[:3] == partner.ALWAYS


def test_rec_4_the_summary_says_as_of_when_and_which_version():
    case = known_case()
    case.version = 7
    case.updated = Recorded(by=Actor(subject="u-2", name="Sam"), at=STAMP.at.replace(month=11, day=19).astimezone(LONDON))
    summary = partner.share(case, Agency.POLICE, P.RISK_MANAGEMENT, TODAY)
    assert (summary.case_version, summary.updated_at) == (7, case.updated.at)


def test_rec_4_rosh_assessed_on_is_null_when_not_assessed_and_the_day_of_the_current_band_when_assessed():
    case = known_case()
    unassessed = partner.share(case, Agency.POLICE, P.RISK_MANAGEMENT, TODAY)
    assert (unassessed.rosh_level, unassessed.rosh_assessed_on) == (None, None)
    builders.assess(case, RoshLevel.MEDIUM, date(2026, 3, 1))
    builders.assess(case, RoshLevel.HIGH, date(2026, 9, 14))
    assessed = partner.share(case, Agency.POLICE, P.RISK_MANAGEMENT, TODAY)
    assert (assessed.rosh_level, assessed.rosh_assessed_on) == (RoshLevel.HIGH, date(2026, 9, 14))


def exclusion_case(imposed_on: date, months: int):
    case = known_case()
    case.sentences.append(builders.sentence(imposed_on=imposed_on, requirements=[
        builders.requirement(RequirementType.EXCLUSION, length_months=months, details="Leeds city centre")]))
    return case


@pytest.mark.parametrize("today, listed", [
    (date(2027, 4, 30), True),   # the day before its last day
    (date(2027, 5, 1), True),    # its last day: still in force (inclusive)
    (date(2027, 5, 2), False),   # the day after: ended, no longer listed
])
def test_rec_4_a_shared_restriction_ends_on_its_last_day_in_force_inclusive(today, listed):
    case = exclusion_case(date(2026, 11, 2), 6)
    found = partner.restrictions(case, today)
    assert [(r.starts_on, r.ends_on) for r in found] == ([(date(2026, 11, 2), date(2027, 5, 1))] if listed else [])


def test_rec_4_restriction_end_dates_agree_with_the_sentence_end_date():
    case = exclusion_case(date(2026, 1, 15), 12)  # as long as the order: both end the same day
    [restriction] = partner.restrictions(case, date(2026, 11, 20))
    assert restriction.ends_on == case.sentences[0].end_date == date(2027, 1, 14)


def test_rec_4_a_batch_answers_in_request_order_and_every_absent_answer_is_alike():
    visible = known_case("A000001", born=date(1990, 1, 1))
    restricted = known_case("B000002", born=date(1990, 1, 1))
    restricted.restricted_to = ["someone"]
    outside = known_case("C000003", born=date(1990, 1, 1))  # no child safeguarding, no child RoSH
    builders.assess(visible, RoshLevel.HIGH, date(2026, 10, 1), children=RoshLevel.HIGH)
    requested = ["C000003", "not-a-crn", "A000001", "Z999999", "B000002", "A000001"]
    cases = [outside, None, visible, None, restricted, visible]
    results = partner.share_many(cases, requested, Agency.CHILDREN_SERVICES, P.SAFEGUARDING_CHILDREN, TODAY)
    assert [r.crn if isinstance(r, partner.SharedRiskSummary) else None for r in results] == [
        None, None, "A000001", None, None, "A000001"]
    absent = [r for r in results if isinstance(r, partner.Refusal)]
    assert all(r.looks_absent for r in absent) and len(absent) == 4
    # The reasons differ only for the audit trail; the partner is answered null for each.
    assert [r.reason.split(" (")[0] for r in absent] == [
        "outside the CHILDREN_SERVICES row filter", "not a CRN", "no such case", "restricted case"]


def test_rec_4_a_purpose_the_agency_does_not_hold_is_refused_whatever_the_case():
    refused = partner.purpose_refused(Agency.ADULT_SOCIAL_CARE, P.MAPPA_DECISION)
    assert refused is not None and refused.reason.startswith("REC-4") and not refused.looks_absent
    assert partner.purpose_refused(Agency.ADULT_SOCIAL_CARE, P.SAFEGUARDING_ADULTS) is None
    assert partner.purpose_refused(None, P.RISK_MANAGEMENT).reason == "the token names no partner agency"


def test_every_agency_has_a_policy_drawn_from_the_declared_fields_and_purposes():
    for agency in Agency:
        rules = partner.policy_for(agency)
        assert rules is not None and rules.row_filter_text and rules.purposes
        assert rules.fields <= partner.ALL_FIELDS
        # The band and the day it was assessed go together.
        assert ("roshLevel" in rules.fields) == ("roshAssessedOn" in rules.fields)
    assert partner.policy_for(None) is None

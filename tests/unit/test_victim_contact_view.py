"""VIC-1 and VIC-2 as the case view reads them (domain/sharing/views.py): the scheme and the offer
deadline of a sentence, and which decision closed a sentence's victim contact, on the boundary days
(an offer and a not-appropriate decision on the same day, or one day apart)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.core.enums import OffenceCategory, SentenceType, VictimContactScheme
from domain.sharing.views import VictimContact, contact_closure, victim_contact
from domain.sharing.victims import VictimContactDecision as D
from tests import builders

DAY = timedelta(days=1)
ON = date(2026, 11, 20)


def test_vic_2_statutory_contact_is_due_eight_weeks_after_sentence():
    s = builders.sentence(SentenceType.LICENCE, imposed_on=date(2026, 1, 5), release_date=date(2026, 6, 1),
                          custodial_term_months=12, category=OffenceCategory.VIOLENT)
    assert victim_contact(s) == VictimContact(VictimContactScheme.STATUTORY, "violent offence, custodial term 12 months",
                                              date(2026, 3, 2))


def test_vic_1_discretionary_contact_has_no_deadline_and_no_scheme_means_no_contact():
    s = builders.sentence(category=OffenceCategory.INTIMATE_PARTNER_VIOLENCE)
    contact = victim_contact(s)
    assert contact.scheme is VictimContactScheme.DISCRETIONARY and contact.offer_due_by is None
    assert victim_contact(builders.sentence(category=OffenceCategory.ACQUISITIVE)) is None


@pytest.mark.parametrize("offered, declined, expected", [
    (None, None, None),
    (ON, None, (D.OFFERED, ON)),
    (None, ON, (D.NOT_APPROPRIATE, ON)),
    (ON, ON, (D.OFFERED, ON)),  # the same day: the offer wins
    (ON - DAY, ON, (D.OFFERED, ON - DAY)),  # offered the day before
    (ON + DAY, ON, (D.NOT_APPROPRIATE, ON)),  # offered the day after
])
def test_vic_1_the_earliest_closing_decision_closes_victim_contact(offered, declined, expected):
    c = builders.case()
    if offered:
        c.victim_contact_offered["s-1"] = offered
    if declined:
        c.victim_contact_not_appropriate["s-1"] = declined
    c.victim_contact_offered["s-2"] = ON - DAY * 30  # another sentence's decision does not count
    assert contact_closure(c, "s-1") == expected

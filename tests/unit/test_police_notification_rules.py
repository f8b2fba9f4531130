"""NOTIFY-1 / NOTIFY-2 recording rules (domain/records/rules.py ``police_notification``, issue 17): the
notification date on the sentence day, the day before it, the requirement's last day and the day
after; which requirement types each kind is for; what each kind must and must not carry."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.core.enums import RequirementType as T
from domain.records.commands import RecordPoliceNotification
from domain.records.model import NotificationKind as K
from domain.records.rules import police_notification
from tests import builders

DAY = timedelta(days=1)
SENTENCED = date(2026, 5, 4)
ENDS = date(2026, 11, 3)  # 6 months from 4 May, inclusive
TODAY = date(2026, 12, 1)


def notice(kind=K.START, on=SENTENCED, **overrides) -> RecordPoliceNotification:
    fields = {"crn": "X123456", "sentence_id": "s", "requirement_id": "r", "kind": kind, "notified_on": on,
              "police_recipient": "PC Smith", "in_writing": True,
              "contact_for_non_compliance": "Duty officer 01632 960000" if kind is K.START else None}
    return RecordPoliceNotification(**{**fields, **overrides})


def problems(command, type=T.EXCLUSION):
    s = builders.sentence(imposed_on=SENTENCED, length_months=24)
    r = builders.requirement(type, length_months=6, details="town centre")
    s.requirements.append(r)
    return [(v.field, v.standard) for v in police_notification(s, r, command, TODAY)]


@pytest.mark.parametrize("kind, on, refused", [
    (K.START, SENTENCED - DAY, True), (K.START, SENTENCED, False), (K.START, ENDS, False), (K.START, ENDS + DAY, True),
    (K.END, SENTENCED - DAY, True), (K.END, SENTENCED, False), (K.END, ENDS + DAY, False),
    (K.END, TODAY, False), (K.END, TODAY + DAY, True),  # not in the future
])
def test_notify_1_and_2_the_notification_date_lies_between_the_sentence_and_the_requirement_end(kind, on, refused):
    assert problems(notice(kind, on)) == ([(("notifiedOn",), None)] if refused else [])


@pytest.mark.parametrize("kind, type, allowed", [
    (K.START, T.EXCLUSION, True), (K.START, T.PROHIBITED_ACTIVITY, True), (K.START, T.RESIDENCE, False),
    (K.END, T.RESIDENCE, True), (K.END, T.MENTAL_HEALTH_TREATMENT, True), (K.END, T.UNPAID_WORK, False),
])
def test_notify_1_and_2_each_kind_is_for_its_requirement_types(kind, type, allowed):
    assert problems(notice(kind), type) == ([] if allowed else [(("requirementId",), None)])


@pytest.mark.parametrize("kind, rule", [(K.START, "NOTIFY-1"), (K.END, "NOTIFY-2")])
def test_notify_1_and_2_the_police_are_told_in_writing(kind, rule):
    assert problems(notice(kind, in_writing=False)) == [(("inWriting",), rule)]


@pytest.mark.parametrize("contact, expected", [
    (None, [(("contactForNonCompliance",), "NOTIFY-1")]), ("  ", [(("contactForNonCompliance",), "NOTIFY-1")]),
    ("x" * 500, [(("contactForNonCompliance",), None)]),
])
def test_notify_1_a_start_notice_names_who_to_contact_about_non_compliance(contact, expected):
    assert problems(notice(K.START, contact_for_non_compliance=contact)) == expected


def test_notify_2_an_end_notice_may_name_a_contact_and_say_whether_the_offender_was_told():
    assert problems(notice(K.END, contact_for_non_compliance="Duty officer", offender_notified=True)) == []
    assert problems(notice(K.END, contact_for_non_compliance=" ")) == [(("contactForNonCompliance",), None)]
    assert problems(notice(K.START, offender_notified=False)) == [(("offenderNotified",), None)]


def test_notify_1_the_recipient_and_every_other_stakeholder_are_named():
    assert problems(notice(police_recipient=" ", other_stakeholders=("Council", ""))) == [
        (("policeRecipient",), None), (("otherStakeholders", "1"), None)]

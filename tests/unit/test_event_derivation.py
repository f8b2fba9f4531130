"""domain.events: what a change announces (derive.changes, table-tested on the case before and after),
who hears it (audience), and the webhook signature and backoff."""

from __future__ import annotations

import hmac
from datetime import date, timedelta

import pytest

from domain.core.enums import (
    Agency,
    AllocationKind,
    MappaCategory,
    MappaLevel,
    Provider,
    RoshLevel,
    SafeguardingKind,
    SentenceStatus,
)
from domain.events import derive, webhooks
from domain.events.audience import partner_types, partners_for
from domain.events.model import EventType as T
from domain.risk.model import MappaRegistration, SafeguardingConcern
from tests.builders import STAMP, allocate, assess, case, sentence

DAY = date(2026, 11, 20)


def with_sentence(c):
    c.sentences.append(sentence())
    return c


def mappa(c):
    c.mappa_registrations.append(MappaRegistration(category=MappaCategory.CATEGORY_1, level=MappaLevel.LEVEL_2,
                                                   registered_on=DAY, visor_recorded=True, recorded=STAMP))
    return c


def safeguard(c, kind=SafeguardingKind.CHILD_CONCERNS):
    c.safeguarding.append(SafeguardingConcern(kind=kind, started_on=DAY - timedelta(days=1), recorded=STAMP))
    return c


def terminate(c):
    c.sentences[0].status = SentenceStatus.TERMINATED
    return c


def end_safeguarding(c):
    c.safeguarding[0].ended_on = DAY
    return c


def deregister(c):
    c.mappa_registrations[0].deregistered_on = DAY
    return c


CHANGES = [
    ("sentence added", lambda c: c, with_sentence, [(T.SENTENCE_ADDED, {"sentenceType": "COMMUNITY_ORDER"})]),
    ("sentence terminated", with_sentence, terminate, [(T.SENTENCE_TERMINATED, {})]),
    ("allocated", lambda c: c, lambda c: allocate(c, DAY), [(T.CASE_ALLOCATED, {"provider": "NPS"})]),
    ("transferred", lambda c: allocate(c, DAY), lambda c: allocate(c, DAY, Provider.CRC, AllocationKind.TRANSFER),
     [(T.CASE_TRANSFERRED, {"from": "NPS", "to": "CRC"})]),
    ("rosh level changed", lambda c: assess(c, RoshLevel.LOW, DAY), lambda c: assess(c, RoshLevel.HIGH, DAY),
     [(T.ROSH_CHANGED, {"from": "LOW", "to": "HIGH"})]),
    ("rosh reassessed at the same level", lambda c: assess(c, RoshLevel.LOW, DAY),
     lambda c: assess(c, RoshLevel.LOW, DAY), []),
    ("mappa registered", lambda c: c, mappa, [(T.MAPPA_REGISTERED, {"category": "CATEGORY_1", "level": "LEVEL_2"})]),
    ("mappa deregistered", mappa, deregister, [(T.MAPPA_DEREGISTERED, {"category": "CATEGORY_1"})]),
    ("safeguarding registered", lambda c: c, safeguard, [(T.SAFEGUARDING_REGISTERED, {"kind": "CHILD_CONCERNS"})]),
    ("safeguarding ended", safeguard, end_safeguarding, [(T.SAFEGUARDING_ENDED, {"kind": "CHILD_CONCERNS"})]),
]


@pytest.mark.parametrize(("name", "given", "change", "expected"), CHANGES, ids=[c[0] for c in CHANGES])
def test_a_change_announces_what_changed_and_nothing_else(name, given, change, expected):
    c = given(case())
    before = derive.facts(c)
    after = derive.facts(change(c))
    found = [(d.type, {k: v for k, v in d.detail.items() if k != "sentenceId"}) for d in derive.changes(before, after)]
    assert found == expected


def test_children_services_never_receive_mappa_and_a_restricted_case_raises_no_partner_event():
    assert not {T.MAPPA_REGISTERED, T.MAPPA_DEREGISTERED} & partner_types(Agency.CHILDREN_SERVICES)
    assert {T.MAPPA_REGISTERED, T.RECALL_RECOMMENDED} <= partner_types(Agency.POLICE)
    c = safeguard(case())
    # Born 1990 (not under 21: no YOT), no licence (no prison), child concerns (children's services).
    assert set(partners_for(c, T.ROSH_CHANGED, {"from": None, "to": "HIGH"}, DAY)) == {"POLICE", "CHILDREN_SERVICES"}
    c.restricted_to = ["u-1"]
    assert partners_for(c, T.ROSH_CHANGED, {"from": None, "to": "HIGH"}, DAY) == {}


def test_the_signature_is_hmac_sha256_over_timestamp_and_body():
    signature = webhooks.sign("s" * 32, "1700000000", '{"a":1}')
    assert signature == "sha256=" + hmac.new(b"s" * 32, b'1700000000.{"a":1}', "sha256").hexdigest()
    assert webhooks.verify("s" * 32, "1700000000", '{"a":1}', signature)
    assert not webhooks.verify("s" * 32, "1700000001", '{"a":1}', signature)


def test_backoff_doubles():
    assert [webhooks.backoff(n, 2).total_seconds() for n in (1, 2, 3, 4)] == [2, 4, 8, 16]

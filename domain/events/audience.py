"""Who hears what (issue 12, point 3), decided when the event happens and stored with it.

Staff: the events of cases in their scope (``domain.core.policy``: the provider managing the case at
the time, the restriction's allow-list). Partners: only the event types their agency may receive
(each partner type is gated by the ``sharedRiskSummary`` field it speaks about, so an agency hears
no more than it may read: children's services, which may not see MAPPA detail, hear no MAPPA
event), only for cases inside its row filter at the time of the event, and never for a restricted
case."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain.core import policy
from domain.core.case import Case
from domain.core.enums import Agency, Role
from domain.core.principal import Principal
from domain.events.model import DomainEvent, EventType
from domain.sharing import partner

T = EventType
# The shared-view field each partner event speaks about; an agency receives the type when the field is
# in its limits. Types not listed (tiers, enforcement detail, overdue standards) are staff only.
PARTNER_FIELD: dict[EventType, str] = {
    T.SENTENCE_ADDED: "restrictions", T.SENTENCE_TERMINATED: "restrictions",
    T.CASE_ALLOCATED: "managingProvider", T.CASE_TRANSFERRED: "managingProvider",
    T.ROSH_CHANGED: "roshLevel", T.MAPPA_REGISTERED: "mappaLevel", T.MAPPA_DEREGISTERED: "mappaLevel",
    T.SAFEGUARDING_REGISTERED: "safeguarding", T.SAFEGUARDING_ENDED: "safeguarding",
}
# Recall matters to the agencies that arrest and hold people; it carries only whether it is emergency.
RECALL_AGENCIES = frozenset({Agency.POLICE, Agency.PRISON})


def partner_types(agency: Agency) -> frozenset[EventType]:
    """The event types an agency may receive."""
    rules = partner.AGENCIES[agency]
    types = {t for t, name in PARTNER_FIELD.items() if name in rules.fields}
    if agency in RECALL_AGENCIES:
        types.add(T.RECALL_RECOMMENDED)
    return frozenset(types)


def partner_detail(event_type: EventType, detail: dict[str, Any]) -> dict[str, Any]:
    """What of a detail a partner may see: sentence ids are internal and stay with staff."""
    return {k: v for k, v in detail.items() if k != "sentenceId"}


def partners_for(case: Case, event_type: EventType, detail: dict[str, Any], today: date) -> dict[str, dict[str, Any]]:
    """Per agency that may hear this event about this case now, the detail it may see."""
    if case.restricted_to is not None:
        return {}
    heard = {}
    for agency, rules in partner.AGENCIES.items():
        if event_type in partner_types(agency) and rules.row_filter(case, today):
            heard[agency.value] = partner_detail(event_type, detail)
    return heard


def is_partner(principal: Principal) -> bool:
    return Role.PARTNER in principal.roles


def staff_may_hear(principal: Principal, event: DomainEvent) -> bool:
    """The staff rule of ``policy.can_see``, on the scope the event was stored with."""
    if not policy.allows(principal, policy.Operation.READ_CASE):
        return False
    if event.restricted_to is not None and principal.subject not in event.restricted_to:
        return False
    scope = policy.provider_scope(principal)
    if scope is None:
        return True
    return any((p.value if p is not None else None) == event.provider for p in scope)


def may_hear(principal: Principal, event: DomainEvent) -> dict[str, Any] | None:
    """The detail this caller may see of the event, or None when it may not hear it at all."""
    if is_partner(principal):
        if principal.agency is None:
            return None
        return event.partners.get(principal.agency.value)
    return event.detail if staff_may_hear(principal, event) else None


def may_subscribe(principal: Principal) -> bool:
    """Staff who read cases, and partners that name an agency."""
    return (is_partner(principal) and principal.agency is not None) or policy.allows(principal, policy.Operation.READ_CASE)

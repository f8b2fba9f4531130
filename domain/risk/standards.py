"""Monitored standards of risk: RISK-2 and MAPPA-1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.calendar import LONDON
from domain.core.case import Case
from domain.core.registry import Section, standard
from domain.core.standards import Check, check
from domain.risk import derivation
from domain.risk.rules import RISK_3

RISK_2 = standard("RISK-2", Section.RISK, "CRC case at HIGH RoSH or above referred and transferred to the NPS",
                  source="PF Risk Management (PI 57/2014)", monitored=True,
                  rule="Where a CRC case's RoSH may have increased to HIGH it is referred to the NPS without delay and, "
                       "if confirmed, transferred to the NPS.")
MAPPA_1 = standard("MAPPA-1", Section.MAPPA, "MAPPA case recorded on ViSOR",
                   source="PF Working with MAPPA", monitored=True, enforced=True,
                   rule="MAPPA registrations have a category (1-4) and a level (1-3); use of ViSOR is mandatory for "
                        "MAPPA cases, so a registration without a ViSOR record reference is NOT_MET.")



def risk_and_mappa(case: Case, as_of: date) -> Iterable[Check]:
    """RISK-2 (see ``domain.risk``) and MAPPA-1: a current MAPPA registration needs a ViSOR
    record reference, or it is NOT_MET."""
    for escalated, transferred, detail in derivation.risk_2_events(case, as_of):
        yield check(RISK_2, None, arises_on=escalated, done_on=transferred, detail=detail)
    live = [m for m in case.mappa_registrations if m.registered_on <= as_of
            and (m.deregistered_on is None or m.deregistered_on > as_of)]
    if live:
        current = live[-1]
        recorded = bool(current.visor_reference)
        yield check(MAPPA_1, None, arises_on=current.registered_on, done_on=current.registered_on, done_ok=recorded,
                    detail=f"ViSOR record {current.visor_reference}." if recorded else
                    "MAPPA case without a ViSOR record reference: ViSOR use is mandatory.")


def emergency_actions(case: Case, as_of: date) -> Iterable[Check]:
    """RISK-3: each emergency action is DUE from the day it happened until the manager is
    informed, then MET. No deadline: the PF says the manager is informed "as soon as possible
    after the event", so none is invented. The catalogue had the action recorded "with the time a
    manager was informed"; the PF's "all action should be recorded and the relevant manager
    informed as soon as possible after the event" puts the record first and the informing after,
    so the time may be recorded later (the PF wins)."""
    for action in case.emergency_actions:
        occurred = action.occurred_at.astimezone(LONDON)
        informed = action.manager_informed_at.astimezone(LONDON) if action.manager_informed_at else None
        yield check(RISK_3, None, arises_on=occurred.date(), done_on=informed.date() if informed else None,
                    detail=f"Emergency action ({action.action.rstrip('.')}) at {occurred:%H:%M on %d %b %Y}; "
                           + (f"manager informed at {informed:%H:%M on %d %b %Y}." if informed else
                              "inform the manager as soon as possible after the event."))

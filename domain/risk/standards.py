"""Monitored standards of risk: RISK-2 and MAPPA-1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from domain.core.case import Case
from domain.core.registry import Section, standard
from domain.core.standards import Check, check
from domain.risk import derivation

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


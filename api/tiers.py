"""``python -m api tiers recalculate``: recalculate every case's tier (TIER-1), e.g. after the
tiering rule version changed; each changed tier is written with reason RULES_CHANGED (or
"Scheduled recalculation" when only time moved an input) and its rule version."""

from __future__ import annotations

from api.settings import Settings
from domain.core.enums import Role
from domain.core.ports import Clock
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.risk import use_cases as risk
from repositories.factory import Store, open_store

SYSTEM = Principal(subject="tier-recalculation", name="Tier recalculation (python -m api tiers recalculate)",
                   roles=frozenset({Role.ADMIN}))


async def recalculate_all(settings: Settings, clock: Clock, store: Store | None = None) -> dict[str, int]:
    """Counts: cases read, recalculated, failed (a case that kept changing under the write)."""
    opened = store is None
    if store is None:
        uri = None if settings.embedded_store else settings.mongodb_uri.get_secret_value()
        store = open_store(uri, settings.mongodb_database)
    try:
        uow = UnitOfWork(store.cases, clock, store.tiers, store.audit, store.victims)
        return await risk.recalculate_tiers(uow, SYSTEM)
    finally:
        if opened:
            store.close()

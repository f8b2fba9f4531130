"""The daily job (issue 12.5): what changes with the passage of time alone. ``python -m api jobs
run-once`` for cron, or the in-process loop (leader-elected: one instance at a time holds the
``daily-job`` lease in ``leases``). Each run:
1. tiers whose inputs expired (complexity factors, safeguarding with an end date) or whose rule version
   changed are recalculated (``domain.risk.use_cases.recalculate_tiers``: TIER_CHANGED where it changed);
2. every case whose stored summary no longer answers for today (a standard moved with time, or the
   standards' rules changed) is written again: its summary refreshed, STANDARD_OVERDUE for each
   standard that became OVERDUE since its last write (``domain.events.use_cases.announce_overdue``).
Idempotent: a second run on the same day writes nothing and announces nothing."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from api.background import every
from domain.core.enums import Role
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.events import use_cases as events
from domain.risk import use_cases as risk

logger = logging.getLogger("probation.jobs")
LEASE = "daily-job"
JOB = Principal(subject="daily-job", name="Daily job (time-driven recalculation)", roles=frozenset({Role.ADMIN}))


async def run_once(uow: UnitOfWork) -> dict[str, int]:
    tiers = await risk.recalculate_tiers(uow, JOB)
    overdue = await events.announce_overdue(uow, JOB)
    return {"tiersRecalculated": tiers["recalculated"], "casesRefreshed": overdue["cases"],
            "overdueEvents": overdue["events"], "failed": tiers["failed"] + overdue["failed"]}


class DailyJob:
    """Runs ``run_once`` at most once per ``interval`` across every instance: the lease says who runs
    it and records when it last ran."""

    def __init__(self, uow: UnitOfWork, leases, interval: timedelta, *, owner: str | None = None,
                 lease: timedelta = timedelta(minutes=30)) -> None:
        self.uow = uow
        self.leases = leases
        self.interval = interval
        self.owner = owner or f"job-{uuid.uuid4().hex[:12]}"
        self.lease = lease

    async def tick(self) -> dict[str, int] | None:
        """Run the job if it is due and this instance wins the lease; None otherwise."""
        now = self.uow.clock.now()
        held = await self.leases.acquire(LEASE, self.owner, now, self.lease)
        if held is None:
            return None
        last = held.get("lastRunAt")
        if last is not None and datetime.fromisoformat(last) + self.interval > now:
            await self.leases.release(LEASE, self.owner)
            return None
        counts = await run_once(self.uow)
        await self.leases.release(LEASE, self.owner, lastRunAt=now.isoformat(), lastCounts=counts)
        logger.info("Daily job ran: %s", counts)
        return counts

    async def run(self, check_seconds: float = 60.0) -> None:
        await every(check_seconds, self.tick, logger, "Daily job")


async def run_from_settings(settings) -> dict[str, int] | None:
    """``python -m api jobs run-once``: the job once, now, under the lease (None: another instance holds it)."""
    from datetime import timedelta as _timedelta

    from domain.core.ports import SystemClock
    from repositories.factory import open_store

    uri = None if settings.embedded_store else settings.mongodb_uri.get_secret_value()
    store = open_store(uri, settings.mongodb_database)
    try:
        uow = UnitOfWork(store.cases, SystemClock(), store.tiers, store.audit, store.victims, store.officers,
                         store.claims, events=store.events, webhooks=store.webhooks)
        job = DailyJob(uow, store.leases, _timedelta(0), owner=f"cli-{uuid.uuid4().hex[:8]}")
        held = await store.leases.acquire(LEASE, job.owner, uow.clock.now(), job.lease)
        if held is None:
            return None
        counts = await run_once(uow)
        await store.leases.release(LEASE, job.owner, lastRunAt=uow.clock.now().isoformat(), lastCounts=counts)
        await store.relay.run_once()
        return counts
    finally:
        store.close()

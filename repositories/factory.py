"""The one place a database client is made. Moving from motor to PyMongo's AsyncMongoClient
(motor is deprecated: bug fixes ended 2026-05-14) is a change to this module only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mongomock_motor import AsyncMongoMockClient
from motor.motor_asyncio import AsyncIOMotorClient

from repositories.audit import MongoAuditLog
from repositories.cases import MongoCaseRepository
from repositories.claims import MongoClaims
from repositories.indexes import ensure_indexes
from repositories.leases import MongoLeases
from repositories.events import MongoEventStore
from repositories.officers import MongoOfficerDirectory
from repositories.outbox import OutboxRelay
from repositories.tiers import MongoTierHistory
from repositories.timing import CommandObserver, CommandTimer
from repositories.victims import MongoVictimRepository
from repositories.webhooks import MongoWebhookStore


@dataclass
class Store:
    """A database client and the repositories over it, owned by the application's lifespan."""

    client: Any
    database: Any
    embedded: bool
    cases: MongoCaseRepository
    tiers: MongoTierHistory
    audit: MongoAuditLog
    victims: MongoVictimRepository
    officers: MongoOfficerDirectory
    claims: MongoClaims
    relay: OutboxRelay
    events: MongoEventStore
    webhooks: MongoWebhookStore
    leases: MongoLeases

    async def ping(self) -> bool:
        try:
            result = await self.database.command("ping")
        except Exception:  # any driver failure means "not ready"; the caller reports it
            return False
        return bool(result.get("ok"))

    async def ensure_indexes(self) -> list[str]:
        return await ensure_indexes(self.database)

    async def try_ensure_indexes(self) -> str | None:
        """Create the indexes; None when done, else one line saying why the database could not be
        reached (the driver's first line, which names hosts but never credentials)."""
        try:
            await self.ensure_indexes()
        except Exception as error:  # any driver failure: the caller reports it and retries
            detail = (str(error).splitlines() or [""])[0][:200]
            return f"{type(error).__name__}: {detail}"
        return None

    def close(self) -> None:
        self.client.close()


def open_store(mongodb_uri: str | None, database_name: str, *, server_selection_timeout_ms: int = 5000,
               on_command: CommandObserver | None = None) -> Store:
    """A store on MongoDB at ``mongodb_uri``, or the embedded in-memory store (mongomock-motor)
    when it is None. The embedded store is not persistent: it lives and dies with the process.
    ``on_command`` hears the latency of every command sent to a real MongoDB."""
    if mongodb_uri:
        listeners = [CommandTimer(on_command)] if on_command else []
        client = AsyncIOMotorClient(mongodb_uri, tz_aware=True, serverSelectionTimeoutMS=server_selection_timeout_ms,
                                    event_listeners=listeners)
        embedded = False
    else:
        client = AsyncMongoMockClient(tz_aware=True)
        embedded = True
    database = client[database_name]
    relay = OutboxRelay(database)
    return Store(client=client, database=database, embedded=embedded,
                 cases=MongoCaseRepository(database["cases"], embedded, relay=relay), relay=relay,
                 events=MongoEventStore(database["events"], database["relay_reservations"], relay=relay),
                 webhooks=MongoWebhookStore(database["webhooks"], database["webhook_deliveries"]),
                 leases=MongoLeases(database["leases"]),
                 tiers=MongoTierHistory(database["tier_calculations"]), audit=MongoAuditLog(database["audit"]),
                 victims=MongoVictimRepository(database["victims"]), officers=MongoOfficerDirectory(database["officers"]),
                 claims=MongoClaims(database["claims"]))

"""Every index the service relies on, declared in one place and created idempotently at start-up.

Each query the repositories issue must be served by one of these (tests check the query shapes
against this table, because mongomock ignores indexes; against a real server they check
``explain``)."""

from __future__ import annotations

from dataclasses import dataclass

from repositories.search import backfill_search_keys


@dataclass(frozen=True)
class IndexSpec:
    collection: str
    keys: tuple[tuple[str, int], ...]
    name: str
    unique: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.keys)


ASC = 1

INDEXES: tuple[IndexSpec, ...] = (
    # Case look-up by CRN, and the keyset order of every caseload listing.
    IndexSpec("cases", (("crn", ASC),), "crn_unique", unique=True),
    # Caseload filters: equality on the filtered field, then the keyset order.
    IndexSpec("cases", (("current.officerCode", ASC), ("crn", ASC)), "officer_crn"),
    IndexSpec("cases", (("current.provider", ASC), ("crn", ASC)), "provider_crn"),
    IndexSpec("cases", (("current.roshLevel", ASC), ("crn", ASC)), "rosh_crn"),
    IndexSpec("cases", (("current.overdueFrom", ASC), ("crn", ASC)), "overdue_crn"),
    IndexSpec("cases", (("current.tier", ASC), ("crn", ASC)), "tier_crn"),
    # Caseload views: orderBy NEXT_DUE (keyset on the order key, then crn) and the dueBy filter
    # (a range on the same key), alone or after an officer's or provider's caseload.
    IndexSpec("cases", (("current.nextDueKey", ASC), ("crn", ASC)), "next_due_crn"),
    IndexSpec("cases", (("current.officerCode", ASC), ("current.nextDueKey", ASC), ("crn", ASC)), "officer_next_due_crn"),
    IndexSpec("cases", (("current.provider", ASC), ("current.nextDueKey", ASC), ("crn", ASC)), "provider_next_due_crn"),
    # Person search (repositories.search): a range over a folded name key, or an equality on the
    # date of birth or the PNC number, then the keyset order.
    IndexSpec("cases", (("current.surnameKey", ASC), ("crn", ASC)), "surname_crn"),
    IndexSpec("cases", (("current.forenameKey", ASC), ("crn", ASC)), "forename_crn"),
    IndexSpec("cases", (("current.dateOfBirth", ASC), ("crn", ASC)), "birth_crn"),
    IndexSpec("cases", (("current.pncKey", ASC), ("crn", ASC)), "pnc_crn"),
    # TIER-1 history of a case, newest first.
    IndexSpec("tier_calculations", (("caseId", ASC), ("case_version", -1)), "case_version"),
    IndexSpec("victims", (("crn", ASC), ("_id", ASC)), "crn"),
    # Staff directory: pages in name order, all or by provider (a name prefix is a range on nameKey).
    # Look-up by code is the _id index every collection has.
    IndexSpec("officers", (("nameKey", ASC), ("_id", ASC)), "name_code"),
    IndexSpec("officers", (("provider", ASC), ("nameKey", ASC), ("_id", ASC)), "provider_name_code"),
    # Audit: newest first overall, by case, by actor.
    IndexSpec("audit", (("at", -1), ("_id", -1)), "at_desc"),
    IndexSpec("audit", (("crn", ASC), ("at", -1), ("_id", -1)), "crn_at"),
    IndexSpec("audit", (("actorSubject", ASC), ("at", -1), ("_id", -1)), "actor_at"),
    # Batched staff reads name their cases in an array (a multikey index).
    IndexSpec("audit", (("crns", ASC), ("at", -1), ("_id", -1)), "crns_at"),
    # The relay finds cases with a pending outbox by their entries' ids (multikey; empty outboxes
    # index as null).
    IndexSpec("cases", (("outbox.id", ASC),), "outbox_id"),
    # The events feed: in position order, overall, for a partner agency, about one case, for staff by provider.
    IndexSpec("events", (("position", ASC),), "position_unique", unique=True),
    IndexSpec("events", (("agencies", ASC), ("position", ASC)), "agency_position"),
    IndexSpec("events", (("crn", ASC), ("position", ASC)), "crn_position"),
    IndexSpec("events", (("provider", ASC), ("position", ASC)), "provider_position"),
    IndexSpec("relay_reservations", (("until", ASC), ("low", ASC)), "until_low"),
    # Webhook deliveries: the due ones in order, and the ADMIN listing by agency and status.
    IndexSpec("webhook_deliveries", (("status", ASC), ("nextAttemptAt", ASC)), "status_due"),
    IndexSpec("webhook_deliveries", (("agency", ASC), ("status", ASC), ("queuedAt", -1)), "agency_status_queued"),
)


async def ensure_indexes(database) -> list[str]:
    """Create every declared index (a no-op for those that exist), then store the person-search keys
    on cases written before they existed. Returns the indexes' names."""
    created = []
    for spec in INDEXES:
        name = await database[spec.collection].create_index(list(spec.keys), name=spec.name, unique=spec.unique)
        created.append(name)
    await backfill_search_keys(database["cases"])
    return created

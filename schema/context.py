"""The typed per-request context (``strawberry.Info[Context]``), built by ``api`` for each request."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from strawberry.dataloader import DataLoader

from domain.audit.reads import ReadLog
from domain.core.case import Case
from domain.core.ports import Clock
from domain.core.principal import Principal
from domain.core.unit_of_work import UnitOfWork
from domain.records import use_cases as records
from schema.budget import Budget


@dataclass
class Loaders:
    """Per-request DataLoaders: batch and cache look-ups within one request only."""

    case_by_crn: DataLoader[str, Case | None]

    @classmethod
    def for_principal(cls, uow: UnitOfWork, principal: Principal) -> "Loaders":
        """Loaders see only what ``principal`` may see (domain.core.policy)."""

        async def visible(crns: list[str]):
            return await records.get_many(uow, principal, crns)

        return cls(case_by_crn=DataLoader(load_fn=visible))

    def remember(self, case: Case) -> None:
        """After a write, later fields in the same request read the case as written."""
        self.case_by_crn.prime(case.crn, case, force=True)


@dataclass
class Context:
    principal: Principal
    uow: UnitOfWork
    clock: Clock
    loaders: Loaders
    request: Any = None
    response: Any = None
    # The request's time budget (schema.budget) and the staff reads it made, audited in one write
    # when the operation ends (resolvers.audit.ReadAudit).
    budget: Budget = field(default_factory=Budget)
    reads: ReadLog = field(default_factory=ReadLog)
    # A websocket's connection_init payload (api.graphql_view authenticates from it), and how often a
    # subscription polls for events when no relay in this process has woken it.
    connection_params: dict | None = None
    poll_seconds: float = 1.0

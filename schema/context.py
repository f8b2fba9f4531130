"""The typed per-request context (``strawberry.Info[Context]``), built by ``api`` for each request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strawberry.dataloader import DataLoader

from domain.model import Case
from domain.ports import Clock
from domain.principal import Principal
from domain.use_cases import CaseService


@dataclass
class Loaders:
    """Per-request DataLoaders: batch and cache look-ups within one request only."""

    case_by_crn: DataLoader[str, Case | None]

    @classmethod
    def for_service(cls, service: CaseService, principal: Principal) -> "Loaders":
        """Loaders see only what ``principal`` may see (domain.policy)."""

        async def visible(crns: list[str]):
            return await service.get_many(principal, crns)

        return cls(case_by_crn=DataLoader(load_fn=visible))

    def remember(self, case: Case) -> None:
        """After a write, later fields in the same request read the case as written."""
        self.case_by_crn.prime(case.crn, case, force=True)


@dataclass
class Context:
    principal: Principal
    service: CaseService
    clock: Clock
    loaders: Loaders
    request: Any = None
    response: Any = None

"""Who is acting: the authenticated principal of a request, as the domain sees it."""

from __future__ import annotations

from dataclasses import dataclass, field

from domain.core.enums import Agency, Provider, Role


@dataclass(frozen=True)
class Principal:
    """The person (or partner system) making a request, from the verified token's claims."""

    subject: str
    name: str
    roles: frozenset[Role] = field(default_factory=frozenset)
    provider: Provider | None = None
    staff_code: str | None = None
    agency: Agency | None = None

    def has_role(self, role: Role) -> bool:
        return role in self.roles

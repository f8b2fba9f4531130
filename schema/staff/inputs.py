"""GraphQL inputs of the staff directory and their conversion to domain commands."""

from __future__ import annotations

import strawberry

from domain.core import enums as d
from domain.staff import commands as c
from schema import enums
from schema.common import MutationInput


@strawberry.input(description="A new officer in the staff directory (ADMIN only).")
class RegisterOfficerInput(MutationInput):
    code: str = strawberry.field(description="Staff code: 1 to 20 letters and digits, stored in capitals; unique whatever its case.")
    name: str = strawberry.field(description="Name (not blank), as allocations will record it.")
    provider: enums.Provider = strawberry.field(description="The provider the officer works for.")

    def to_domain(self) -> c.RegisterOfficer:
        return c.RegisterOfficer(code=self.code, name=self.name, provider=enums.to_domain(self.provider, d.Provider))


@strawberry.input(description="A change to an officer in the staff directory (ADMIN only); what is omitted stays as it is.")
class UpdateOfficerInput(MutationInput):
    code: str = strawberry.field(description="The officer's staff code (any case).")
    name: str | None = strawberry.field(default=None, description="New name (not blank); existing allocations keep the old one.")
    provider: enums.Provider | None = strawberry.field(default=None, description="New provider; their current cases are not moved (transfer them).")
    active: bool | None = strawberry.field(default=None, description="False: the officer has left and is given no new case; true: back in post.")
    expected_version: int | None = strawberry.field(default=None, description="If given, the update fails with VERSION_CONFLICT (writing nothing) unless the entry is still at this version.")

    def to_domain(self) -> c.UpdateOfficer:
        return c.UpdateOfficer(code=self.code, name=self.name, provider=enums.to_domain(self.provider, d.Provider),
                               active=self.active, expected_version=self.expected_version)

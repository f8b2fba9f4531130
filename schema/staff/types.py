"""GraphQL types of the staff directory and of the caller (``viewer``)."""

from __future__ import annotations

import strawberry

from domain.core.principal import Principal
from domain.staff.model import StaffOfficer as DomainStaffOfficer
from domain.staff.model import normalise_code
from schema import enums
from schema.common import PageInfo, RecordStamp


@strawberry.type(description="An officer in the staff directory. Its identity is `code` (for a client cache: key it by "
                             "`code`). Allocations read the officer's name from here.")
class StaffOfficer:
    code: str = strawberry.field(description="Staff code, in capitals (codes are compared without regard to case).")
    name: str = strawberry.field(description="Name, as allocations record it from now on (earlier allocations keep the "
                                             "name they were made under).")
    provider: enums.Provider = strawberry.field(description="The provider the officer works for: they are given only its cases.")
    active: bool = strawberry.field(description="False for a leaver: kept for the history, never given a new case.")
    version: int = strawberry.field(description="Raised by every change; send it as `expectedVersion` to updateOfficer.")
    created: RecordStamp = strawberry.field(description="Who registered the officer and when.")
    updated: RecordStamp = strawberry.field(description="Who last changed the entry and when.")

    @classmethod
    def of(cls, officer: DomainStaffOfficer) -> "StaffOfficer":
        return cls(code=officer.code, name=officer.name, provider=enums.to_graphql(officer.provider, enums.Provider),
                   active=officer.active, version=officer.version, created=RecordStamp.of(officer.created),
                   updated=RecordStamp.of(officer.updated))


@strawberry.type(description="An officer in a page of the directory.")
class StaffOfficerEdge:
    cursor: str = strawberry.field(description="Opaque cursor of this officer.")
    node: StaffOfficer = strawberry.field(description="The officer.")


@strawberry.type(description="A page of the staff directory in name order (keyset pagination).")
class StaffOfficerConnection:
    edges: list[StaffOfficerEdge] = strawberry.field(description="The officers in this page.")
    page_info: PageInfo = strawberry.field(description="Where this page stands.")


@strawberry.type(description="Who is calling: the claims of your token as the service reads them. Every role may read "
                             "its own viewer, partners included.")
class Viewer:
    subject: str = strawberry.field(description="Your user id (the token's `sub`): the id restrictCase allow-lists name.")
    name: str = strawberry.field(description="Your display name (the token's `name`).")
    roles: list[enums.Role] = strawberry.field(description="Your roles: what you may do (docs/access.md).")
    provider: enums.Provider | None = strawberry.field(description="Your provider: whose cases you see. Null for partners "
                                                                   "and for roles not tied to one.")
    staff_code: str | None = strawberry.field(description="Your staff code in capitals, as `Allocation.officer.code` and "
                                                          "`cases(filter: {officerCode})` use it: your caseload. Null "
                                                          "when your token carries none (partners).")
    agency: enums.Agency | None = strawberry.field(description="Your partner agency (partners only): what it receives is "
                                                               "`sharingPolicy`.")
    officer: StaffOfficer | None = strawberry.field(description="Your own staff directory entry, by your staff code; null "
                                                                "when you have no code or it is not registered.")

    @classmethod
    def of(cls, principal: Principal, officer: DomainStaffOfficer | None) -> "Viewer":
        return cls(subject=principal.subject, name=principal.name,
                   roles=[enums.to_graphql(role, enums.Role) for role in sorted(principal.roles, key=lambda r: r.value)],
                   provider=enums.to_graphql(principal.provider, enums.Provider),
                   staff_code=normalise_code(principal.staff_code) if principal.staff_code else None,
                   agency=enums.to_graphql(principal.agency, enums.Agency),
                   officer=StaffOfficer.of(officer) if officer else None)

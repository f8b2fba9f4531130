"""Who may do what: one policy table (issue 6), read by the use cases and the schema's
permission classes.

Roles (docs/api.md): PRACTITIONER reads and writes the cases of their provider; SENIOR_MANAGER does
the same and may also issue final licence warnings (LIC-3) and restrict cases; PARTNER sees only
the shared risk view; VICTIM_LIAISON_OFFICER reads and writes victim records only; AUDITOR reads
every case and the audit log, writes nothing; ADMIN reads and writes every case and restricts
cases, but reads neither victims (VIC-3) nor the audit log (separation of duties). The staff
directory is maintained by ADMIN and read by practitioners, senior managers, auditors and ADMIN.

Case visibility: staff scoped to a provider see the cases that provider manages; an unallocated
case is visible to the NPS, which allocates (PF Allocation). A restricted case exists only for
the staff on its allow-list. A case the caller may not see looks exactly like one that does not
exist.
"""

from __future__ import annotations

from enum import Enum

from domain.core.case import Case
from domain.core.enums import Provider, Role
from domain.core.principal import Principal


class Operation(str, Enum):
    READ_CASE = "READ_CASE"
    WRITE_CASE = "WRITE_CASE"
    ISSUE_FINAL_LICENCE_WARNING = "ISSUE_FINAL_LICENCE_WARNING"
    RESTRICT_CASE = "RESTRICT_CASE"
    READ_SHARED_RISK = "READ_SHARED_RISK"
    READ_VICTIMS = "READ_VICTIMS"
    WRITE_VICTIMS = "WRITE_VICTIMS"
    READ_AUDIT = "READ_AUDIT"
    READ_STAFF_DIRECTORY = "READ_STAFF_DIRECTORY"
    WRITE_STAFF_DIRECTORY = "WRITE_STAFF_DIRECTORY"
    MANAGE_WEBHOOKS = "MANAGE_WEBHOOKS"  # register partner agencies' webhooks, read their deliveries


O = Operation
POLICY: dict[Role, frozenset[Operation]] = {
    Role.PRACTITIONER: frozenset({O.READ_CASE, O.WRITE_CASE, O.READ_STAFF_DIRECTORY}),
    Role.SENIOR_MANAGER: frozenset({O.READ_CASE, O.WRITE_CASE, O.ISSUE_FINAL_LICENCE_WARNING, O.RESTRICT_CASE,
                                    O.READ_STAFF_DIRECTORY}),
    Role.PARTNER: frozenset({O.READ_SHARED_RISK}),
    Role.VICTIM_LIAISON_OFFICER: frozenset({O.READ_VICTIMS, O.WRITE_VICTIMS}),
    Role.AUDITOR: frozenset({O.READ_CASE, O.READ_AUDIT, O.READ_STAFF_DIRECTORY}),
    Role.ADMIN: frozenset({O.READ_CASE, O.WRITE_CASE, O.RESTRICT_CASE, O.READ_STAFF_DIRECTORY, O.WRITE_STAFF_DIRECTORY,
                           O.MANAGE_WEBHOOKS}),
}

# Roles whose case access is not limited to their own provider.
ALL_PROVIDERS = frozenset({Role.AUDITOR, Role.ADMIN})


def allows(principal: Principal, operation: Operation) -> bool:
    return any(operation in POLICY.get(role, frozenset()) for role in principal.roles)


def provider_scope(principal: Principal) -> frozenset[Provider | None] | None:
    """The providers whose cases the caller may see (None in the set: unallocated cases);
    None means every provider."""
    if principal.roles & ALL_PROVIDERS:
        return None
    if principal.provider is None:
        return frozenset()
    if principal.provider is Provider.NPS:
        return frozenset({Provider.NPS, None})
    return frozenset({principal.provider})


def can_see(principal: Principal, case: Case) -> bool:
    if not allows(principal, Operation.READ_CASE):
        return False
    if case.restricted_to is not None and principal.subject not in case.restricted_to:
        return False
    scope = provider_scope(principal)
    if scope is None:
        return True
    provider = case.allocation.provider if case.allocation else None
    return provider in scope


def can_write(principal: Principal, case: Case) -> bool:
    return can_see(principal, case) and allows(principal, Operation.WRITE_CASE)

"""Who sees and writes which case (domain/core/policy.py, docs/access.md), as tables: every role
(and no role, and a role the policy does not know) x every provider claim (NPS, CRC, none) x every
case allocation (NPS, CRC, unallocated) x every restriction (none, on the allow-list, off it, an
empty allow-list). The expectations are written out here, not derived from the code under test."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest

from domain.core.enums import Provider, Role
from domain.core.policy import ALL_PROVIDERS, POLICY, Operation, allows, can_see, can_write, provider_scope
from domain.core.principal import Principal
from tests.builders import allocate, case

O = Operation
NPS, CRC = Provider.NPS, Provider.CRC
UNKNOWN_ROLE = "SUPERUSER"  # a claim value no Role names: a principal can only carry it by mistake
NO_ROLE = None

# The policy table (docs/access.md), written out: role -> operations.
EXPECTED_OPERATIONS = {
    Role.PRACTITIONER: {O.READ_CASE, O.WRITE_CASE, O.READ_STAFF_DIRECTORY},
    Role.SENIOR_MANAGER: {O.READ_CASE, O.WRITE_CASE, O.ISSUE_FINAL_LICENCE_WARNING, O.RESTRICT_CASE,
                          O.READ_STAFF_DIRECTORY},
    Role.PARTNER: {O.READ_SHARED_RISK},
    Role.VICTIM_LIAISON_OFFICER: {O.READ_VICTIMS, O.WRITE_VICTIMS},
    Role.AUDITOR: {O.READ_CASE, O.READ_AUDIT, O.READ_STAFF_DIRECTORY},
    Role.ADMIN: {O.READ_CASE, O.WRITE_CASE, O.RESTRICT_CASE, O.READ_STAFF_DIRECTORY, O.WRITE_STAFF_DIRECTORY,
                 O.MANAGE_WEBHOOKS},
}
EVERY = {NPS, CRC, None}  # case providers; None: unallocated
# (role, provider claim) -> the allocations of the cases the caller sees.
EXPECTED_VISIBLE = {
    **{(role, NPS): {NPS, None} for role in (Role.PRACTITIONER, Role.SENIOR_MANAGER)},  # NPS allocates
    **{(role, CRC): {CRC} for role in (Role.PRACTITIONER, Role.SENIOR_MANAGER)},
    **{(role, None): set() for role in (Role.PRACTITIONER, Role.SENIOR_MANAGER)},  # no provider claim
    **{(role, p): EVERY for role in (Role.AUDITOR, Role.ADMIN) for p in (NPS, CRC, None)},
}
WRITERS = {Role.PRACTITIONER, Role.SENIOR_MANAGER, Role.ADMIN}
ROLES = [*Role, UNKNOWN_ROLE, NO_ROLE]


def who(role, provider: Provider | None, subject: str = "u-1") -> Principal:
    roles = frozenset() if role is None else frozenset({role})
    return Principal(subject=subject, name="Someone", roles=roles, provider=provider)


def a_case(provider: Provider | None, restricted_to: list[str] | None = None):
    c = case()
    if provider is not None:
        allocate(c, date(2026, 11, 2), provider)
    c.restricted_to = restricted_to
    return c


@pytest.mark.parametrize("role, operation", list(product(ROLES, Operation)))
def test_policy_table_each_role_may_do_exactly_its_operations(role, operation):
    expected = operation in EXPECTED_OPERATIONS.get(role, set())  # no role, unknown role: nothing
    assert allows(who(role, NPS), operation) is expected


def test_policy_table_lists_every_role_and_a_caller_with_two_roles_has_both():
    assert set(POLICY) == set(Role) and {k: set(v) for k, v in POLICY.items()} == EXPECTED_OPERATIONS
    both = Principal(subject="u-1", name="x", roles=frozenset({Role.AUDITOR, Role.VICTIM_LIAISON_OFFICER}))
    assert allows(both, O.READ_AUDIT) and allows(both, O.READ_VICTIMS) and not allows(both, O.WRITE_CASE)


@pytest.mark.parametrize("role, provider", list(product(ROLES, [NPS, CRC, None])))
def test_provider_scope_per_role_and_provider_claim(role, provider):
    scope = provider_scope(who(role, provider))
    if role in ALL_PROVIDERS:
        assert scope is None  # every provider
    elif provider is NPS:
        assert scope == frozenset({NPS, None})
    elif provider is CRC:
        assert scope == frozenset({CRC})
    else:
        assert scope == frozenset()


def test_all_providers_is_exactly_auditor_and_admin_and_wins_over_a_provider_claim():
    assert ALL_PROVIDERS == {Role.AUDITOR, Role.ADMIN}
    mixed = Principal(subject="u-1", name="x", roles=frozenset({Role.PRACTITIONER, Role.ADMIN}), provider=CRC)
    assert provider_scope(mixed) is None


RESTRICTIONS = {"open": None, "on the allow-list": ["u-1", "u-9"], "off the allow-list": ["u-9"],
                "empty allow-list": []}


@pytest.mark.parametrize("role, claim, allocated, restriction",
                         list(product(ROLES, [NPS, CRC, None], [NPS, CRC, None], RESTRICTIONS)))
def test_case_visibility_and_writes_for_every_role_scope_and_restriction(role, claim, allocated, restriction):
    visible = allocated in EXPECTED_VISIBLE.get((role, claim), set())
    if restriction in ("off the allow-list", "empty allow-list"):
        visible = False  # a restricted case exists only for the staff on its allow-list, whatever the role
    principal, c = who(role, claim), a_case(allocated, RESTRICTIONS[restriction])
    assert can_see(principal, c) is visible
    assert can_write(principal, c) is (visible and role in WRITERS)


def test_the_allow_list_does_not_widen_scope_or_grant_a_role():
    crc_case = a_case(CRC, ["u-1"])
    assert not can_see(who(Role.PRACTITIONER, NPS), crc_case)  # on the list, outside the provider
    assert not can_see(who(Role.VICTIM_LIAISON_OFFICER, CRC), crc_case)  # on the list, no READ_CASE
    assert not can_see(who(Role.PARTNER, CRC), crc_case)


def test_principal_has_role_only_for_the_roles_it_carries():
    p = Principal(subject="u-1", name="x", roles=frozenset({Role.AUDITOR}))
    assert p.has_role(Role.AUDITOR) and not p.has_role(Role.ADMIN)
    assert Principal(subject="u-2", name="y").roles == frozenset()

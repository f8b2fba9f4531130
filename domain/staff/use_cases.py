"""Use cases of the staff directory: administrators register and update officers (every write,
and every refused one, audited); staff read it in pages to pick an officer."""

from __future__ import annotations

from domain.audit import events as audit_trail
from domain.core import policy
from domain.core.errors import ErrorCode, Violation
from domain.core.ports import DuplicateOfficer
from domain.core.principal import Principal
from domain.core.unit_of_work import MAX_ATTEMPTS, Outcome, UnitOfWork, fail, version_conflict
from domain.staff import rules
from domain.staff.commands import OfficerQuery, RegisterOfficer, UpdateOfficer
from domain.staff.model import StaffOfficer, normalise_code

ADMINS_ONLY = "Only administrators maintain the staff directory."


def _target(code: str) -> str:
    return f"officer:{normalise_code(code)}"


async def _refused(uow: UnitOfWork, principal: Principal, operation: str, code: str) -> Outcome:
    await uow.record(audit_trail.event(audit_trail.AuditKind.REFUSAL, uow.clock.now(), operation, principal,
                                       target=_target(code), reason=ADMINS_ONLY))
    return fail(Violation(ErrorCode.FORBIDDEN, ADMINS_ONLY, ()))


async def register_officer(uow: UnitOfWork, principal: Principal, command: RegisterOfficer) -> Outcome:
    """Add an officer; ``Outcome.created`` is the entry as stored. A code already in the
    directory, in any case, is DUPLICATE."""
    if not policy.allows(principal, policy.Operation.WRITE_STAFF_DIRECTORY) or uow.officers is None:
        return await _refused(uow, principal, "register_officer", command.code)
    errors = rules.registration(command)
    if errors:
        return fail(*errors)
    stamp = uow.stamp(principal)
    officer = StaffOfficer(code=normalise_code(command.code), name=command.name.strip(), provider=command.provider,
                           created=stamp, updated=stamp)
    try:
        await uow.officers.add(officer)
    except DuplicateOfficer:
        existing = await uow.officers.get(officer.code)
        named = f" ({existing.name}, {existing.provider.value})" if existing else ""
        return fail(Violation(ErrorCode.DUPLICATE, f"Officer {officer.code} is already in the directory{named}; "
                                                   "change them with updateOfficer.", ("code",)))
    await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "register_officer", principal,
                                       target=_target(officer.code), version_before=0, version_after=officer.version))
    return Outcome(created=officer)


async def update_officer(uow: UnitOfWork, principal: Principal, command: UpdateOfficer) -> Outcome:
    """Change an officer's name, provider or whether they are in post. Cases already allocated
    keep the name they were allocated under (the allocation history is not rewritten)."""
    if not policy.allows(principal, policy.Operation.WRITE_STAFF_DIRECTORY) or uow.officers is None:
        return await _refused(uow, principal, "update_officer", command.code)
    code = normalise_code(command.code)
    for _ in range(MAX_ATTEMPTS):
        current = await uow.officers.get(code)
        if current is None:
            return fail(Violation(ErrorCode.NOT_FOUND, f"No officer with code {code} in the staff directory.", ("code",)))
        if command.expected_version is not None and current.version != command.expected_version:
            return fail(version_conflict(command.expected_version, current.version))
        errors = rules.update(command, current)
        if errors:
            return fail(*errors)
        changed = replace_fields(current, command, uow.stamp(principal))
        if await uow.officers.replace(changed, expected_version=current.version):
            await uow.record(audit_trail.event(audit_trail.AuditKind.WRITE, uow.clock.now(), "update_officer", principal,
                                               target=_target(code), version_before=current.version,
                                               version_after=changed.version))
            return Outcome(created=changed)
        if command.expected_version is not None:
            latest = await uow.officers.get(code)
            return fail(version_conflict(command.expected_version, latest.version if latest else None))
    return fail(Violation(ErrorCode.VERSION_CONFLICT, f"Officer {code} kept changing; try again.", ()))


def replace_fields(current: StaffOfficer, command: UpdateOfficer, stamp) -> StaffOfficer:
    given = {"name": command.name.strip() if command.name is not None else None, "provider": command.provider,
             "active": command.active}
    return current.model_copy(update={**{k: v for k, v in given.items() if v is not None},
                                      "version": current.version + 1, "updated": stamp})


async def find_officers(uow: UnitOfWork, principal: Principal, query: OfficerQuery, first: int,
                        after: tuple[str, str] | None) -> list[StaffOfficer]:
    """Up to ``first`` officers in name order after the (name key, code) keyset position."""
    if not policy.allows(principal, policy.Operation.READ_STAFF_DIRECTORY) or uow.officers is None:
        return []
    return await uow.officers.find(query, first, after)


async def officer(uow: UnitOfWork, principal: Principal, code: str) -> StaffOfficer | None:
    """One officer by code (any case), for staff who may read the directory."""
    if not policy.allows(principal, policy.Operation.READ_STAFF_DIRECTORY) or uow.officers is None:
        return None
    return await uow.officers.get(normalise_code(code))



async def own_entry(uow: UnitOfWork, principal: Principal) -> StaffOfficer | None:
    """The caller's own directory entry, by the staff code in their token: any role may read its
    own (a victim liaison officer too), none when the token has no code or the code is unknown."""
    if not principal.staff_code or uow.officers is None:
        return None
    return await uow.officers.get(normalise_code(principal.staff_code))

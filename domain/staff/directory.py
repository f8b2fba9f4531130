"""Resolving an allocation's officer through the directory port, before a case is changed: the
records use cases call ``resolve`` and add its violations to their own, so the allocation rules
stay pure and the case change reads the officer's name from the directory, not from the client."""

from __future__ import annotations

from dataclasses import dataclass

from domain.core.enums import Provider
from domain.core.errors import Violation
from domain.core.ports import OfficerDirectory
from domain.records.commands import OfficerDetails
from domain.records.model import Officer
from domain.staff import rules
from domain.staff.model import normalise_code


@dataclass(frozen=True)
class ResolvedOfficer:
    """The officer as the case records them (normal code, directory name), or why not. Neither
    when the command names no code: ALLOC-2 (``officer_identified``) reports that."""

    officer: Officer | None
    errors: tuple[Violation, ...] = ()


async def resolve(directory: OfficerDirectory | None, details: OfficerDetails | None, provider: Provider,
                  path: tuple[str, ...] = ("officer",)) -> ResolvedOfficer:
    if details is None or not details.code or not details.code.strip():
        return ResolvedOfficer(None)
    # No directory at all (a unit of work built without one) knows no officer: fail safe.
    found = await directory.get(normalise_code(details.code)) if directory is not None else None
    errors = rules.allocatable(found, details, provider, path)
    if found is None:
        return ResolvedOfficer(None, tuple(errors))
    return ResolvedOfficer(Officer(code=found.code, name=found.name), tuple(errors))

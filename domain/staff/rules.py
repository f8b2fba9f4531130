"""Checks of the staff directory: what a registration or an update must hold, and whether an
allocation's officer is one the directory knows, in post, of the provider allocated to, and the
person the client meant. Pure functions returning violations."""

from __future__ import annotations

from domain.core.checks import MAX_NAME, text_present
from domain.core.enums import Provider
from domain.core.errors import ErrorCode, Violation, invalid
from domain.records.commands import OfficerDetails
from domain.staff.commands import RegisterOfficer, UpdateOfficer
from domain.staff.model import CODE_PATTERN, StaffOfficer, name_key, normalise_code

Path = tuple[str, ...]


def code_format(code: str, path: Path = ("code",)) -> list[Violation]:
    if CODE_PATTERN.fullmatch(normalise_code(code)) is None:
        return [invalid(path, "A staff code is 1 to 20 letters and digits, e.g. N07A001 (case does not matter).")]
    return []


def registration(command: RegisterOfficer) -> list[Violation]:
    return [*code_format(command.code), *text_present(command.name, ("name",), "Officer name", MAX_NAME)]


def update(command: UpdateOfficer, current: StaffOfficer) -> list[Violation]:
    errors = []
    if command.name is not None:
        errors += text_present(command.name, ("name",), "Officer name", MAX_NAME)
    changes = {"name": command.name.strip() if command.name is not None else None, "provider": command.provider,
               "active": command.active}
    if not errors and all(value is None or value == getattr(current, field) for field, value in changes.items()):
        errors.append(invalid((), f"Nothing to change: officer {current.code} already has these details."))
    return errors


def allocatable(found: StaffOfficer | None, details: OfficerDetails, provider: Provider,
                path: Path = ("officer",)) -> list[Violation]:
    """Whether the officer an allocation or transfer names may be given the case.

    - The code must be in the directory (NOT_FOUND at ``officer.code``).
    - A leaver is not given new cases.
    - The officer works for the provider the case goes to: an officer of another provider could not
      see the case they are responsible for (docs/access.md: staff see their provider's cases).
    - ``officer.name`` is no longer the source of truth (the directory is), but when a client still
      sends it, it must name the same person (compared without case, accents or extra spaces): a
      different name means the screen showed one officer and the code picked another, and ALLOC-2
      asks that the responsible officer's identity be clear, so the write is refused rather than
      guessed at."""
    code = normalise_code(details.code)
    if found is None:
        return [Violation(ErrorCode.NOT_FOUND, f"No officer with code {code} in the staff directory: check the code, or "
                                               "ask an administrator to register them (registerOfficer).",
                          (*path, "code"))]
    errors = []
    if not found.active:
        errors.append(invalid((*path, "code"), f"Officer {code} ({found.name}) has left (inactive in the staff directory) "
                                               "and cannot be given a case."))
    if found.provider is not provider:
        errors.append(invalid(("provider",), f"Officer {code} ({found.name}) works for the {found.provider.value}; "
                                             f"allocate to the {found.provider.value} or choose a {provider.value} officer."))
    if details.name is not None and details.name.strip() and name_key(details.name) != found.name_key:
        errors.append(invalid((*path, "name"), f"The staff directory names officer {code} \"{found.name}\", not "
                                               f"\"{details.name.strip()}\": omit the name (it is read from the directory) "
                                               "or check the code."))
    return errors

"""Commands of the staff directory: what an administrator asks, typed but not yet validated."""

from __future__ import annotations

from dataclasses import dataclass

from domain.core.enums import Provider


@dataclass(frozen=True)
class RegisterOfficer:
    code: str
    name: str
    provider: Provider


@dataclass(frozen=True)
class UpdateOfficer:
    """Change what is given; ``None`` leaves a field as it is."""

    code: str
    name: str | None = None
    provider: Provider | None = None
    active: bool | None = None
    expected_version: int | None = None


@dataclass(frozen=True)
class OfficerQuery:
    """A page of the directory, in name order: ``name_starts_with`` is a prefix of the name,
    compared without case or accents; leavers only when ``include_inactive``."""

    provider: Provider | None = None
    name_starts_with: str | None = None
    include_inactive: bool = False

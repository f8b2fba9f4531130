"""Payloads of the staff directory mutations."""

from __future__ import annotations

import strawberry

from schema.common import UserError
from schema.staff.types import StaffOfficer


@strawberry.type(description="Result of registerOfficer.")
class RegisterOfficerPayload:
    officer: StaffOfficer | None = strawberry.field(description="The officer as registered; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")


@strawberry.type(description="Result of updateOfficer.")
class UpdateOfficerPayload:
    officer: StaffOfficer | None = strawberry.field(description="The officer as updated; null when rejected.")
    user_errors: list[UserError] = strawberry.field(description="Why it was rejected; empty on success.")

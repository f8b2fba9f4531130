"""Permission classes on query fields, driven by the policy table in ``domain.policy``.

A denied field resolves to null with an error whose ``extensions.code`` is FORBIDDEN, and the
refusal is written to the audit trail before the response is sent. (Mutations answer a refusal
with a FORBIDDEN user error from the use case instead, per the API conventions.)"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission

from domain.core import policy
from schema.context import Context


class Requires(BasePermission):
    operation: policy.Operation
    message = "You are not permitted to read this."
    error_extensions = {"code": "FORBIDDEN"}

    async def has_permission(self, source: Any, info: strawberry.Info[Context], **kwargs: Any) -> bool:
        principal = info.context.principal
        if policy.allows(principal, self.operation):
            return True
        await info.context.uow.refuse(principal, info.field_name, f"role lacks {self.operation.value}",
                                      kwargs.get("crn"))
        return False


class CanReadCases(Requires):
    operation = policy.Operation.READ_CASE
    message = "Your role cannot read case records."


class CanReadAudit(Requires):
    operation = policy.Operation.READ_AUDIT
    message = "Only auditors read the audit log."


class CanReadSharedRisk(Requires):
    operation = policy.Operation.READ_SHARED_RISK
    message = "Only partner agencies read the shared risk summary."


class CanReadVictims(Requires):
    operation = policy.Operation.READ_VICTIMS
    message = "Only victim liaison officers read victim records."


class CanReadStaffDirectory(Requires):
    operation = policy.Operation.READ_STAFF_DIRECTORY
    message = "Only probation staff, auditors and administrators read the staff directory."

"""Expected failures as data: a rejected command carries one or more ``Violation``s, which the
GraphQL layer turns into ``userErrors``. Nothing here is an exception a client would see."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.core.registry import Standard


class ErrorCode(str, Enum):
    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    DUPLICATE = "DUPLICATE"
    VERSION_CONFLICT = "VERSION_CONFLICT"
    FORBIDDEN = "FORBIDDEN"
    STANDARD_VIOLATION = "STANDARD_VIOLATION"
    BREACH_REQUIRED = "BREACH_REQUIRED"
    ROSH_REQUIRES_NPS = "ROSH_REQUIRES_NPS"
    RISK_MANAGEMENT_PLAN_REQUIRED = "RISK_MANAGEMENT_PLAN_REQUIRED"
    CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED = "CHILD_SAFEGUARDING_OBJECTIVE_REQUIRED"
    PLAN_TOO_EARLY = "PLAN_TOO_EARLY"
    EVALUATION_TOO_EARLY = "EVALUATION_TOO_EARLY"
    SENIOR_MANAGER_REQUIRED = "SENIOR_MANAGER_REQUIRED"
    DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE"
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    DUPLICATE_PERSON = "DUPLICATE_PERSON"


@dataclass(frozen=True)
class Violation:
    """Why a command was refused.

    ``field`` is the path into the command's input (without the GraphQL argument name), e.g.
    ``("requirements", "0", "hours")``; empty when the command as a whole is refused.
    ``standard`` is the rule ID (``domain.core.registry``) when a national standard is the reason.
    """

    code: ErrorCode
    message: str
    field: tuple[str, ...] = field(default=())
    standard: str | None = None


def invalid(path: tuple[str, ...] | list[str], message: str) -> Violation:
    return Violation(ErrorCode.INVALID_INPUT, message, tuple(path))


def breaks(rule: Standard, path: tuple[str, ...] | list[str], message: str,
           code: ErrorCode = ErrorCode.STANDARD_VIOLATION) -> Violation:
    """A violation of a registered national standard, naming it in both the message and ``standard``."""
    return Violation(code, f"{rule.id}: {message}", tuple(path), rule.id)

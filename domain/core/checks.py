"""Input checks every capability uses: required text, dates not in the future, instants with an
offset, CRNs, and records that must fall inside a live sentence. Each returns a list of
violations; an empty list means the input is acceptable."""

from __future__ import annotations

from datetime import date, datetime

from domain.core.case import Sentence
from domain.core.crn import is_valid_crn
from domain.core.enums import RequirementStatus, RequirementType
from domain.core.errors import Violation, invalid
from domain.records.model import Requirement

Path = tuple[str, ...]

MAX_TEXT = 10_000
MAX_NAME = 200


def text_present(value: str | None, path: Path, label: str, max_length: int = MAX_TEXT) -> list[Violation]:
    if value is None or not value.strip():
        return [invalid(path, f"{label} is required and must not be blank.")]
    if len(value) > max_length:
        return [invalid(path, f"{label} must be at most {max_length} characters.")]
    return []


def not_in_future(value: date, today: date, path: Path, label: str) -> list[Violation]:
    if value > today:
        return [invalid(path, f"{label} ({value.isoformat()}) cannot be in the future (today is {today.isoformat()}).")]
    return []


def has_offset(instant: datetime, path: Path) -> list[Violation]:
    if instant.tzinfo is None or instant.utcoffset() is None:
        return [invalid(path, "An instant needs its UTC offset, e.g. 2026-11-20T14:30:00+00:00.")]
    return []


def crn_format(crn: str, path: Path = ("crn",)) -> list[Violation]:
    if not is_valid_crn(crn):
        return [invalid(path, f"CRN '{crn}' is not valid: it must be one capital letter followed by six digits, e.g. X123456.")]
    return []


def sentence_live(sentence: Sentence, on: date, path: Path) -> list[Violation]:
    """A record dated ``on`` fits the sentence: not before it was imposed, not after it ended."""
    errors = []
    if on < sentence.imposed_on:
        errors.append(invalid(path, f"The date ({on.isoformat()}) is before the sentence ({sentence.imposed_on.isoformat()})."))
    if sentence.termination is not None and on > sentence.termination.terminated_on:
        errors.append(invalid(path, f"The sentence was terminated on {sentence.termination.terminated_on.isoformat()}."))
    return errors


def requirement_live(requirement: Requirement, expected: RequirementType | None = None,
                     path: Path = ("requirementId",)) -> list[Violation]:
    if expected is not None and requirement.type is not expected:
        return [invalid(path, f"That requirement is {requirement.type.value}, not {expected.value}.")]
    if requirement.status is not RequirementStatus.ACTIVE:
        return [invalid(path, "That requirement has been terminated.")]
    return []

"""What a write changes: the document's exact size, tracked from what changed (so the size budget
is checked without encoding the whole case), and the difference between the document as read and
as it is to be written, as MongoDB update operators (``$push`` appends, ``$set`` by index path; no
``array_filters``, which the embedded store lacks)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import bson
from bson.int64 import Int64

from domain.core.ports import DocumentTooLarge

# MongoDB refuses documents over 16 MiB. A case must stay far below that: the budget leaves
# room for growth and for a write to be refused cleanly (DOCUMENT_TOO_LARGE) long before the
# server would refuse it. tests/repositories measure a realistic worst case against it.
DOCUMENT_SIZE_BUDGET = 4 * 1024 * 1024


def document_size(document: dict[str, Any]) -> int:
    return len(bson.encode(document))


def element_size(key: str, value: Any) -> int:
    """Bytes a ``key: value`` element takes inside a BSON document (type, key, value)."""
    return len(bson.encode({key: value})) - 5


def stored_size(document: dict[str, Any]) -> int:
    """The size recorded in the document at its last write (encoded afresh if it has none)."""
    recorded = (document.get("current") or {}).get("bytes")
    return int(recorded) if recorded else document_size(document)


def _sized(document: dict[str, Any], size: int) -> dict[str, Any]:
    if size > DOCUMENT_SIZE_BUDGET:
        raise DocumentTooLarge(size, DOCUMENT_SIZE_BUDGET)
    document["current"]["bytes"] = Int64(size)
    return document


def _checked(document: dict[str, Any]) -> dict[str, Any]:
    return _sized(document, document_size(document))


@dataclass
class Changes:
    """An update document's parts, and how many bytes they add to the document."""

    sets: dict[str, Any] = field(default_factory=dict)
    pushes: dict[str, list] = field(default_factory=dict)
    unsets: dict[str, str] = field(default_factory=dict)
    delta: int = 0

    def set(self, path: str, key: str, before: Any, after: Any, existed: bool = True) -> None:
        self.sets[path] = after
        self.delta += element_size(key, after) - (element_size(key, before) if existed else 0)

    def update(self) -> dict[str, Any]:
        update: dict[str, Any] = {}
        if self.sets:
            update["$set"] = self.sets
        if self.pushes:
            update["$push"] = {path: {"$each": items} for path, items in self.pushes.items()}
        if self.unsets:
            update["$unset"] = self.unsets
        return update


ATOMIC = {"current"}  # written whole: small, and always recomputed


def diff(before: dict[str, Any], after: dict[str, Any], changes: Changes, prefix: str = "") -> Changes:
    """What turns document ``before`` into ``after``, as disjoint paths: appended list items are
    pushed, a list of the same length is compared item by item (changed sub-documents recursed
    into by index), anything else that differs is set whole. Comparisons are of plain JSON values
    (C speed); nothing is copied."""
    for key, value in after.items():
        path = prefix + key
        if key not in before:
            changes.set(path, key, None, value, existed=False)
            continue
        old = before[key]
        if old == value:
            continue
        if isinstance(value, dict) and isinstance(old, dict) and path not in ATOMIC:
            diff(old, value, changes, path + ".")
        elif isinstance(value, list) and isinstance(old, list) and _list_diff(path, key, old, value, changes):
            pass
        else:
            changes.set(path, key, old, value)
    for key in before.keys() - after.keys():
        changes.unsets[prefix + key] = ""
        changes.delta -= element_size(key, before[key])
    return changes


def _list_diff(path: str, key: str, old: list, new: list, changes: Changes) -> bool:
    """Appends and same-length edits; False when the list must be set whole (items removed, or
    items changed and appended at once: MongoDB refuses a $set and a $push on one array)."""
    n = len(old)
    if len(new) > n and new[:n] == old:
        changes.pushes[path] = tail = new[n:]
        changes.delta += sum(element_size(str(n + i), item) for i, item in enumerate(tail))
        return True
    if len(new) != n:
        return False
    for i, (a, b) in enumerate(zip(old, new)):
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            diff(a, b, changes, f"{path}.{i}.")
        else:
            changes.set(f"{path}.{i}", str(i), a, b)
    return True

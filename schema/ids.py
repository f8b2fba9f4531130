"""Opaque global IDs (Relay): base64 of ``Type:key[:key...]``. Clients must not parse them."""

from __future__ import annotations

import base64
import binascii
import json


def encode(type_name: str, *keys: str) -> str:
    return base64.urlsafe_b64encode(":".join((type_name, *keys)).encode()).decode().rstrip("=")


def decode(global_id: str) -> tuple[str, list[str]] | None:
    """(type name, keys), or None when the ID is not one of ours."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        text = base64.urlsafe_b64decode(padded.encode()).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, _, rest = text.partition(":")
    if not type_name or not rest:
        return None
    return type_name, rest.split(":")


def encode_cursor(crn: str) -> str:
    return encode("cursor", crn)


def decode_cursor(cursor: str) -> str | None:
    decoded = decode(cursor)
    if decoded is None or decoded[0] != "cursor" or len(decoded[1]) != 1:
        return None
    return decoded[1][0]


def encode_keyset_cursor(order: str, key: tuple[str, ...]) -> str:
    """A cursor for a page in ``order`` other than CRN: the order's name and its keyset key."""
    return encode("cursor", order, *key)


def decode_keyset_cursor(cursor: str, order: str, length: int) -> tuple[str, ...] | None:
    decoded = decode(cursor)
    if decoded is None or decoded[0] != "cursor" or len(decoded[1]) != length + 1 or decoded[1][0] != order:
        return None
    return tuple(decoded[1][1:])


def requirement_gid(crn: str, sentence_id: str, requirement_id: str | None) -> str | None:
    """The global ID of a requirement of a sentence, or None when there is no requirement."""
    return encode("Requirement", crn, sentence_id, requirement_id) if requirement_id else None


def encode_keyset(kind: str, *values: str) -> str:
    """A cursor holding a keyset position of any strings (JSON inside, so no separator to escape)."""
    return base64.urlsafe_b64encode(json.dumps([kind, *values]).encode()).decode().rstrip("=")


def decode_keyset(cursor: str, kind: str, size: int) -> tuple[str, ...] | None:
    """The ``size`` values of a ``kind`` cursor, or None when it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if (not isinstance(data, list) or len(data) != size + 1 or data[0] != kind
            or not all(isinstance(value, str) for value in data[1:])):
        return None
    return tuple(data[1:])

"""Persisted documents (docs/queries.md, Persisted queries and trusted documents).

Automatic persisted queries, Apollo's protocol: a client sends ``extensions.persistedQuery =
{version: 1, sha256Hash}`` without the document; a hash the service knows runs its document, an
unknown one is answered ``PersistedQueryNotFound`` (code ``PERSISTED_QUERY_NOT_FOUND``), and the
client sends the document with its hash once, which the service checks (the SHA-256 of the text
must be the hash) and, once it has parsed and validated, keeps in a bounded in-process cache.

Trusted documents: with a manifest shipped with the deployment (Apollo's persisted query manifest
format), the principals it applies to (partners by default) may run only the documents in it, by
hash or by sending the same text; anything else is refused with ``PERSISTED_QUERY_NOT_IN_LIST``.
The manifest is read at start-up; an entry whose id is not the SHA-256 of its body stops the
start-up."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError

from domain.core.enums import Role
from domain.core.principal import Principal

NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST"
BAD_REQUEST = "BAD_USER_INPUT"
MAX_STORED_DOCUMENT_BYTES = 64 * 1024


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_manifest(text: str) -> dict[str, str]:
    """{hash: document} from an Apollo persisted query manifest; ValueError saying what is wrong."""
    try:
        manifest = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"the trusted documents manifest is not JSON ({error.msg})") from None
    operations = manifest.get("operations") if isinstance(manifest, dict) else None
    if manifest.get("format") != "apollo-persisted-query-manifest" or not isinstance(operations, list):
        raise ValueError('the trusted documents manifest needs "format": "apollo-persisted-query-manifest" and '
                         'an "operations" list')
    documents = {}
    for index, operation in enumerate(operations):
        body = operation.get("body") if isinstance(operation, dict) else None
        identifier = operation.get("id") if isinstance(operation, dict) else None
        if not isinstance(body, str) or not isinstance(identifier, str):
            raise ValueError(f"trusted document {index} needs a string id and body")
        if sha256(body) != identifier.lower():
            raise ValueError(f"trusted document {index} ({operation.get('name') or identifier}): its id is not the "
                             "SHA-256 of its body")
        documents[identifier.lower()] = body
    return documents


def error(message: str, code: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code})


@dataclass
class Resolved:
    """The document to run, and the hash to remember it by once it has validated (None: keep nothing)."""

    query: str | None
    register: str | None = None


class PersistedDocuments:
    def __init__(self, *, automatic: bool = True, cache_size: int = 1000, trusted: dict[str, str] | None = None,
                 trusted_for: str = "partners") -> None:
        self.automatic = automatic
        self.cache_size = cache_size
        self.cache: OrderedDict[str, str] = OrderedDict()
        self.trusted = trusted
        self.trusted_for = trusted_for

    def restricted(self, principal: Principal | None) -> bool:
        """Whether this principal may run only trusted documents."""
        if self.trusted is None:
            return False
        return self.trusted_for == "everyone" or (principal is not None and Role.PARTNER in principal.roles)

    def known(self, digest: str, restricted: bool) -> str | None:
        if self.trusted is not None and digest in self.trusted:
            return self.trusted[digest]
        if restricted or not self.automatic:
            return None
        found = self.cache.get(digest)
        if found is not None:
            self.cache.move_to_end(digest)
        return found

    def resolve(self, query: str | None, extensions: dict[str, Any] | None,
                principal: Principal | None) -> Resolved | GraphQLError:
        restricted = self.restricted(principal)
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            if restricted and (query is None or sha256(query) not in self.trusted):
                return error("Only the documents registered with this service may be run with your credentials; send "
                             "a registered document or its hash.", NOT_IN_LIST)
            return Resolved(query)
        if not isinstance(persisted, dict) or not isinstance(persisted.get("sha256Hash"), str):
            return error("`extensions.persistedQuery` must be an object with a `sha256Hash` string.", BAD_REQUEST)
        if persisted.get("version") != 1:
            return error("Unsupported persisted query version: only version 1 is supported.", NOT_SUPPORTED)
        if not self.automatic and self.trusted is None:
            return error("PersistedQueryNotSupported", NOT_SUPPORTED)
        digest = persisted["sha256Hash"].lower()
        if query is None:
            found = self.known(digest, restricted)
            if found is None:
                if restricted:
                    return error("Only the documents registered with this service may be run with your credentials; "
                                 "this hash is not one of them.", NOT_IN_LIST)
                return error("PersistedQueryNotFound", NOT_FOUND)
            return Resolved(found)
        if sha256(query) != digest:
            return error("The provided sha256Hash does not match the document's SHA-256.", HASH_MISMATCH)
        if restricted and digest not in self.trusted:
            return error("Only the documents registered with this service may be run with your credentials; send a "
                         "registered document or its hash.", NOT_IN_LIST)
        keep = self.automatic and len(query.encode("utf-8", "surrogatepass")) <= MAX_STORED_DOCUMENT_BYTES
        return Resolved(query, register=digest if keep else None)

    def remember(self, digest: str, query: str) -> None:
        self.cache[digest] = query
        self.cache.move_to_end(digest)
        while len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)

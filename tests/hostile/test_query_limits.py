"""The limits as shipped, on the real schema (never a rebuilt one with other numbers): depth,
tokens, aliases and cost, and the caches that keep a repeated document cheap."""

from __future__ import annotations

from graphql import Lexer, Source, TokenKind
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from resolvers.root import CACHE_SIZE, MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_TOKENS, schema
from tests.conftest import token
from tests.query_support import counts, seed_many


def messages(result) -> list[str]:
    return [e.message for e in result.errors or ()]


def nested(depth: int) -> str:
    """A leaf inside ``depth`` nested fields."""
    inner = "leaf"
    for level in range(depth):
        inner = f"f{level} {{ {inner} }}"
    return "{ " + inner + " }"


async def test_the_shipped_depth_limit_refuses_one_level_more():
    # The case graph has no cycles, so no valid query reaches MAX_DEPTH; the rule works on the
    # document's shape, so unknown fields show where it draws the line on the real schema.
    at_limit = await schema.execute(nested(MAX_DEPTH), context_value=None)
    over = await schema.execute(nested(MAX_DEPTH + 1), context_value=None)
    assert not any("depth" in m for m in messages(at_limit))
    assert f"'anonymous' exceeds maximum operation depth of {MAX_DEPTH}" in messages(over)


def tokens_of(document: str) -> int:
    lexer, count = Lexer(Source(document)), 0
    while lexer.advance().kind is not TokenKind.EOF:
        count += 1
    return count


def with_tokens(n: int) -> str:
    base = '{ cases(first: 1, filter: {tiers: []}) { totalCount } }'
    padding = n - tokens_of(base)
    return base.replace("[]", "[" + " ".join('"A1"' for _ in range(padding)) + "]")


async def test_the_shipped_token_limit_refuses_one_token_more(gql):
    assert tokens_of(with_tokens(MAX_TOKENS)) == MAX_TOKENS
    # At the limit the document parses, validates and runs: the resolver's answer is the tier
    # list's own bound (resolvers/input_bounds.py), not the token limit.
    [error] = (await gql(with_tokens(MAX_TOKENS), expect_errors=True))["errors"]
    assert error.extensions == {"code": "BAD_USER_INPUT", "field": ["filter", "tiers"]} and error.path == ["cases"]
    over = await schema.execute(with_tokens(MAX_TOKENS + 1), context_value=None)
    assert messages(over) == [f"Syntax Error: Document contains more than {MAX_TOKENS} tokens. Parsing aborted."]


async def test_the_shipped_alias_limit_refuses_one_alias_more(gql):
    def aliased(n: int) -> str:
        return "{ " + " ".join(f"a{i}: __typename" for i in range(n)) + " }"
    assert set((await gql(aliased(MAX_ALIASES))).values()) == {"Query"}
    result = await gql(aliased(MAX_ALIASES + 1), expect_errors=True)
    assert [e.message for e in result["errors"]] == [f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}"]
    assert result["errors"][0].extensions["code"] == "GRAPHQL_VALIDATION_FAILED"


def costing(total: int) -> str:
    """A query of exactly ``total`` cost (few tokens): pages of cases with their standards (3 + 52
    a case), a page of CRNs (3 + 2 a case), then single ids (1 each)."""
    parts, left = [], total
    while left >= 55:
        n = min(100, (left - 3) // 52)
        parts.append(f"p{len(parts)}: cases(first: {n}) {{ edges {{ node {{ standards {{ standard }} }} }} }}")
        left -= 3 + 52 * n
    if left >= 5:
        n = (left - 3) // 2
        parts.append(f"c{len(parts)}: cases(first: {n}) {{ edges {{ node {{ crn }} }} }}")
        left -= 3 + 2 * n
    if left:
        ids = ", ".join(['"x"'] * left)
        parts.append(f"n{len(parts)}: nodes(ids: [{ids}]) {{ id }}")
    return "{ " + " ".join(parts) + " }"


async def test_an_operation_at_the_shipped_cost_limit_runs_and_one_over_it_is_refused_before_anything_runs(
        gql, store, monkeypatch):
    await seed_many(store, 3)
    result = await schema.execute(costing(MAX_COST), context_value=gql_context(gql))
    assert result.errors is None and result.extensions["cost"] == {"requested": MAX_COST, "limit": MAX_COST}
    assert len(result.data["p0"]["edges"]) == 3
    before = await counts(store)

    from domain.records import use_cases as records

    async def must_not_run(*args, **kwargs):
        raise AssertionError("a resolver ran")
    monkeypatch.setattr(records, "find_cases", must_not_run)
    refused = await schema.execute(costing(MAX_COST + 1), context_value=gql_context(gql))
    [error] = refused.errors
    assert refused.data is None
    assert error.extensions == {"code": "QUERY_TOO_COSTLY", "cost": MAX_COST + 1, "limit": MAX_COST}
    assert f"would cost {MAX_COST + 1}, over the limit of {MAX_COST}" in error.message
    assert refused.extensions["cost"] == {"requested": MAX_COST + 1, "limit": MAX_COST}
    assert await counts(store) == before  # nothing read (no read audit), nothing written


def gql_context(gql):
    from schema.context import Context, Loaders
    return Context(principal=gql.principal, uow=gql.uow, clock=gql.clock, loaders=Loaders.for_principal(gql.uow, gql.principal))


async def test_the_app_ships_the_same_cost_limit_and_reports_the_cost_on_every_response(http):
    staff = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    ok = (await http.post("/graphql", json={"query": '{ case(crn: "X123456") { crn } }'}, headers=staff)).json()
    assert ok["extensions"]["cost"]["requested"] == 2 and ok["extensions"]["cost"]["limit"] == MAX_COST
    over = (await http.post("/graphql", json={"query": costing(MAX_COST + 1)}, headers=staff)).json()
    assert over["errors"][0]["extensions"]["code"] == "QUERY_TOO_COSTLY" and over["data"] is None
    broken = (await http.post("/graphql", json={"query": "{ case("}, headers=staff)).json()
    assert broken["extensions"]["cost"] == {"requested": 0, "limit": MAX_COST}  # nothing ran


async def test_a_repeated_document_is_validated_once_and_the_caches_are_bounded(gql, http):
    validated = _get_validate_cache(CACHE_SIZE)
    document = '{ cacheProbe: case(crn: "X000001") { crn } }'
    await gql(document)
    before = validated.cache_info()
    for _ in range(3):
        await gql(document)
    after = validated.cache_info()
    assert after.hits == before.hits + 3 and after.misses == before.misses
    assert after.maxsize == CACHE_SIZE and _get_parse_cache(CACHE_SIZE).cache_info().maxsize == CACHE_SIZE
    # Through the HTTP app too, with the edge's per-request rules (introspection policy, operationName).
    staff = {"Authorization": f"Bearer {token(roles=['ADMIN'])}"}
    await http.post("/graphql", json={"query": document}, headers=staff)
    before = validated.cache_info()
    for _ in range(3):
        await http.post("/graphql", json={"query": document}, headers=staff)
    assert validated.cache_info().hits == before.hits + 3

"""Per-principal rate limiting by cost (api.rate_limit): HTTP 429 with Retry-After, nothing run."""

from __future__ import annotations

import pytest

from api.rate_limit import Rate, RateLimiter
from api.settings import ConfigurationError, load_settings
from tests.conftest import offender_input
from tests.query_support import app_with, bearer, counts


class Ticks:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_starts_full_refills_at_its_rate_and_says_when_to_come_back():
    clock = Ticks()
    limiter = RateLimiter(Rate(100, 10), Rate(20, 1), clock=clock)
    assert limiter.take("staff", "u-1", 60).allowed
    refused = limiter.take("staff", "u-1", 60)  # 40 left
    assert not refused.allowed and refused.retry_after_seconds == 2 and refused.currently_available == 40
    clock.now = 1.9
    assert not limiter.take("staff", "u-1", 60).allowed  # 59 left: not yet
    clock.now = 2.0
    assert limiter.take("staff", "u-1", 60).allowed      # 60: exactly enough
    clock.now = 1000
    assert limiter.take("staff", "u-1", 100).currently_available == 0  # refilled to capacity, never beyond
    assert limiter.take("partner", "u-1", 20).allowed    # partners have their own buckets and sizes
    assert not limiter.take("partner", "u-1", 1).allowed


def test_buckets_are_kept_for_a_bounded_number_of_principals():
    limiter = RateLimiter(Rate(10, 1), Rate(10, 1), max_principals=3, clock=Ticks())
    for subject in ("a", "b", "c", "d"):
        limiter.take("staff", subject, 10)
    assert len(limiter.buckets) == 3 and ("staff", "a") not in limiter.buckets


CREATE = """mutation($input: CreateCaseInput!) { createCase(input: $input) { case { crn } userErrors { code } } }"""


async def test_a_principal_over_its_budget_gets_429_with_retry_after_and_nothing_runs(clock):
    # createCase costs 22 here (10 + payload + case + up to 10 userErrors); a bucket of 100 refilling at 1 a second.
    async with app_with(clock, query_cost_limit=100, rate_limit_staff_capacity=100, rate_limit_staff_per_second=1,
                        rate_limit_partner_capacity=100) as client:
        admin = bearer(roles=["ADMIN"], subject="busy")
        answers = []
        for i in range(10):
            answers.append(await client.post("/graphql", headers=admin, json={
                "query": CREATE, "variables": {"input": {"crn": f"X00000{i}", "offender": offender_input(pncNumber=f"2010/000000{i}X")}}}))
        allowed = [a for a in answers if a.status_code == 200]
        refused = [a for a in answers if a.status_code == 429]
        assert len(allowed) == 100 // 22 and len(refused) == 10 - len(allowed)
        body = refused[0].json()
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        retry = int(refused[0].headers["retry-after"])
        assert retry >= 1 and body["errors"][0]["extensions"]["retryAfter"] == retry
        assert body["extensions"]["cost"]["throttleStatus"]["maximumAvailable"] == 100
        assert allowed[0].json()["extensions"]["cost"]["requested"] == 22
        store = client.app.state.store
        assert (await counts(store))["cases"] == len(allowed)  # the refused ones wrote nothing
        # Another principal has its own bucket.
        other = await client.post("/graphql", headers=bearer(roles=["ADMIN"], subject="quiet"),
                                  json={"query": "{ __typename }"})
        assert other.status_code == 200


async def test_rate_limiting_can_be_turned_off(clock):
    async with app_with(clock, rate_limit=False, query_cost_limit=100, rate_limit_staff_capacity=100,
                        rate_limit_partner_capacity=100) as client:
        for _ in range(20):
            answer = await client.post("/graphql", headers=bearer(roles=["ADMIN"]),
                                       json={"query": '{ case(crn: "X123456") { crn } }'})
            assert answer.status_code == 200 and "throttleStatus" not in answer.json()["extensions"]["cost"]


def test_a_bucket_smaller_than_the_cost_limit_is_a_configuration_error(monkeypatch):
    monkeypatch.setenv("RATE_LIMIT_PARTNER_CAPACITY", "50")
    with pytest.raises(ConfigurationError) as refused:
        load_settings()
    assert "RATE_LIMIT_PARTNER_CAPACITY (50) is below QUERY_COST_LIMIT" in refused.value.lines[0]

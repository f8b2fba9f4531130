"""The README's walkthrough, run as a newcomer would run it: every GraphQL block in order, on the demo
data, with the token its first line names, against the app over HTTP. A block that says
``# expect CODE-OR-RULE`` must answer exactly that refusal (a user error whose code or standard it
names) and write nothing; every other block must answer without errors or user errors. ``# note
<name> = path`` takes a value from the answer for the blocks that use ``<name>``."""

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from api.app import create_app
from api.settings import Settings
from domain.core.calendar import LONDON
from domain.core.ports import FixedClock
from tests.conftest import TEST_SECRET, token

README = Path(__file__).resolve().parents[2] / "README.md"
# The day the walkthrough's dates were written for (they are all on or before it).
WALKTHROUGH_DAY = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
TOKENS = {  # as scripts/run.sh and `python -m api token` mint them
    "PRACTITIONER": dict(roles=["PRACTITIONER"], subject="dev-practitioner", name="Dev Practitioner",
                         provider="NPS", staff_code="N07A001"),
    "PARTNER --agency POLICE": dict(roles=["PARTNER"], subject="dev-partner", name="Dev Partner", provider=None,
                                    staff_code=None, agency="POLICE"),
    "AUDITOR": dict(roles=["AUDITOR"], subject="dev-auditor", name="Dev Auditor", provider=None, staff_code=None),
}


def walkthrough_blocks() -> list[str]:
    text = README.read_text()
    section = text[text.index("## Walkthrough"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"```graphql\n(.*?)```", section, re.S)


def errors_in(data: Any) -> list[dict]:
    """Every user error anywhere in a mutation's answer."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "userErrors" and value:
                found.extend(value)
            else:
                found.extend(errors_in(value))
    elif isinstance(data, list):
        for value in data:
            found.extend(errors_in(value))
    return found


def test_the_walkthrough_has_blocks_for_every_role_it_names():
    blocks = walkthrough_blocks()
    assert len(blocks) >= 20
    for block in blocks:
        role = re.match(r"# as (.+)", block)
        assert role and role.group(1) in TOKENS, f"block without a known '# as ROLE' first line:\n{block}"


@pytest.fixture
async def demo_app():
    settings = Settings(auth_jwt_secret=TEST_SECRET, environment="development", demo_data=True, mongodb_uri=None,
                        rate_limit=False, jobs_enabled=False)
    app = create_app(settings, clock=FixedClock(WALKTHROUGH_DAY))
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app),
                                     base_url="http://testserver") as client:
            yield client


async def test_every_walkthrough_operation_answers_as_the_readme_says(demo_app):
    values: dict[str, str] = {}
    for number, block in enumerate(walkthrough_blocks(), start=1):
        role = re.match(r"# as (.+)", block).group(1)
        query = block
        for name, value in values.items():
            query = query.replace(f"<{name}>", value)
        assert not re.search(r'"<\w+>"', query), f"block {number} uses a value no earlier block noted:\n{query}"
        bearer = token(**TOKENS[role])  # verified against the real time, as every token is
        response = await demo_app.post("/graphql", json={"query": query},
                                       headers={"Authorization": f"Bearer {bearer}"})
        assert response.status_code == 200, (number, response.text)
        body = response.json()
        assert "errors" not in body, (number, body["errors"])
        refusals = errors_in(body["data"])
        expected = re.search(r"# expect (\S+)", block)
        if expected:
            assert refusals, f"block {number} should be refused with {expected.group(1)}"
            assert {e["code"] for e in refusals} | {e["standard"] for e in refusals} >= {expected.group(1)}, (
                number, refusals)
        else:
            assert refusals == [], (number, refusals)
        for name, path in re.findall(r"# note <(\w+)> = ([\w.]+)", block):
            value = body["data"]
            for part in path.split("."):
                value = value[part]
            assert isinstance(value, str) and value, (number, path)
            values[name] = value

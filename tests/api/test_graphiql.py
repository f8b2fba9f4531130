"""GraphiQL is served entirely by the service: pinned assets from the npm registry kept in the
repository, no other origin in the page, a Content-Security-Policy of 'self', the token kept in
the tab's memory. The last test drives the OS's Chromium against a live server."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest

from api.graphiql import ASSETS, CONTENT_SECURITY_POLICY
from tests.conftest import TEST_SECRET, token
from tests.live import BASE, live_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_the_assets_are_the_pinned_npm_files():
    lines = [line.split() for line in (ASSETS / "SHA256SUMS").read_text().splitlines() if not line.startswith("#")]
    assert {name for _, name in lines} == {"graphiql.min.js", "graphiql.min.css", "react.production.min.js",
                                           "react-dom.production.min.js"}
    for digest, name in lines:
        assert hashlib.sha256((ASSETS / name).read_bytes()).hexdigest() == digest, name


async def test_the_page_names_no_other_origin_and_allows_only_its_own(http):
    page = await http.get("/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "connect-src 'self';" in CONTENT_SECURITY_POLICY
    assert "unsafe" not in CONTENT_SECURITY_POLICY
    assert not re.search(r"(https?:)?//", page.text.replace("<!doctype html>", ""))
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert all(s.startswith("/graphiql/") or s == "data:," for s in sources), sources
    for source in sources:
        if source.startswith("/"):
            assert (await http.get(source)).status_code == 200, source


def test_the_page_keeps_no_header_anywhere_but_in_memory():
    script = (ASSETS / "graphiql-init.js").read_text()
    assert "shouldPersistHeaders: false" in script and "storage: tabMemory" in script
    assert not re.search(r"\b(localStorage|sessionStorage)\s*[.\[]|document\.cookie", script)
    assert '{\\"Authorization\\": \\"Bearer <token>\\"}' in script  # the pre-filled instruction


async def test_no_page_and_no_assets_when_graphiql_is_off(clock):
    import httpx
    from asgi_lifespan import LifespanManager

    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(auth_jwt_secret=TEST_SECRET, graphiql=False), clock=clock)
    async with LifespanManager(app) as manager:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=manager.app), base_url="http://t") as client:
            assert (await client.get("/graphql", headers={"Accept": "text/html"})).status_code == 401
            assert (await client.get("/graphiql/graphiql.min.js")).status_code == 404


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (scripts/test.sh installs it with apt-get "
                                             "when run as root): the GraphiQL browser test cannot run")
def test_graphiql_in_a_real_browser_runs_a_query_with_a_pasted_token(tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    bearer = token(name="Pat Practitioner", provider="NPS")
    with live_server(AUTH_JWT_SECRET=TEST_SECRET, ENVIRONMENT="development", DEMO_DATA="true"), \
            playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            console, requested = [], []
            page.on("console", lambda message: console.append(message.text))
            page.on("request", lambda request: requested.append(request.url))
            page.goto(BASE + "/graphql")
            page.wait_for_selector(".graphiql-container .CodeMirror", timeout=15_000)
            assert "Bearer <token>" in page.locator(".graphiql-query-editor").inner_text()
            # Paste the header into the Headers pane (open by default), as a person would.
            page.click(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror")
            page.keyboard.insert_text(json.dumps({"Authorization": f"Bearer {bearer}"}))
            page.click(".graphiql-execute-button")
            page.locator(".result-window").get_by_text('"D000002"').first.wait_for(timeout=15_000)
            page.screenshot(path=str(tmp_path / "graphiql.png"))
            result = page.locator(".result-window").inner_text()
            assert '"crn": "D000002"' in result and "UNAUTHENTICATED" not in result
            # With the token in, the schema loads (introspection is open to staff in development).
            page.click('[aria-label="Re-fetch GraphQL schema"]')
            page.click('[aria-label="Show Documentation Explorer"]')
            page.locator(".graphiql-doc-explorer").get_by_text("Root Types").wait_for(timeout=15_000)
            kept = page.evaluate("[JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie]")
            assert kept == ["{}", "{}", ""]
            assert all(url.startswith(BASE + "/") for url in requested), requested
            assert not [m for m in console if "Content Security Policy" in m], console
        finally:
            browser.close()

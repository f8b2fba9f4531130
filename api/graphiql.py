"""The GraphiQL page, served entirely by the service: its assets (GraphiQL, React and ReactDOM
from the npm registry at pinned versions, ``scripts/vendor_graphiql.sh``) are in
``api/static/graphiql`` and served under ``/graphiql/``; the page names no other origin, and its
Content-Security-Policy lets it load and call nothing but this service."""

from __future__ import annotations

from pathlib import Path

from starlette.responses import HTMLResponse
from starlette.staticfiles import StaticFiles

ASSETS = Path(__file__).resolve().parent / "static" / "graphiql"
ASSET_PATH = "/graphiql"

# Fonts and icons are data: URIs inside GraphiQL's own stylesheet; nothing else is allowed.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                           "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; "
                           "frame-ancestors 'none'")

PAGE = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Probation case records: GraphiQL</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="{ASSET_PATH}/graphiql.min.css">
  <link rel="stylesheet" href="{ASSET_PATH}/page.css">
</head>
<body>
  <div id="graphiql">Loading GraphiQL&hellip;</div>
  <script src="{ASSET_PATH}/react.production.min.js"></script>
  <script src="{ASSET_PATH}/react-dom.production.min.js"></script>
  <script src="{ASSET_PATH}/graphiql.min.js"></script>
  <script src="{ASSET_PATH}/graphiql-init.js"></script>
</body>
</html>
"""


def graphiql_page() -> HTMLResponse:
    return HTMLResponse(PAGE, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY,
                                       "Referrer-Policy": "no-referrer", "Cache-Control": "no-store"})


def graphiql_assets() -> StaticFiles:
    return StaticFiles(directory=ASSETS)

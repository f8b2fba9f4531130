"""A partner agency hears about change: the events feed, read two ways.

    # the replayable feed, with a plain HTTP client (httpx): every event after the cursor kept in a file
    python examples/partner/events_client.py feed --url http://127.0.0.1:8000/graphql --cursor-file police.cursor

    # the subscription, with gql's websockets transport (graphql-transport-ws); --max N stops after N
    python examples/partner/events_client.py subscribe --url ws://127.0.0.1:8000/graphql --types ROSH_CHANGED

One line per event: ``<cursor> <type> <crn> v<caseVersion> <detail as JSON>``. The token: ``--token`` or
PROBATION_TOKEN, or (development only) ``--dev-secret`` to mint one for ``--agency``, as
``partner_client.py`` does. It needs ``httpx`` and ``gql[websockets]``; nothing from the service.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

import httpx
from gql import Client, gql
from gql.transport.websockets import WebsocketsTransport

from partner_client import development_token

FEED = """query Feed($after: String, $types: [EventType!]) {
  events(first: 100, after: $after, types: $types) {
    edges { node { cursor type crn caseVersion occurredAt detail } }
    pageInfo { hasNextPage endCursor }
  }
}"""
SUBSCRIPTION = gql("""subscription Events($types: [EventType!], $after: String) {
  events(types: $types, after: $after) { cursor type crn caseVersion occurredAt detail }
}""")


def line(event: dict) -> str:
    return f"{event['cursor']} {event['type']} {event['crn']} v{event['caseVersion']} {json.dumps(event['detail'], sort_keys=True)}"


def read_feed(url: str, token: str, cursor_file: Path | None, types: list[str] | None) -> None:
    """Every event after the saved cursor, page by page; the cursor is saved after each page, so a
    consumer that stops resumes where it left off."""
    after = cursor_file.read_text().strip() or None if cursor_file and cursor_file.exists() else None
    with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        while True:
            answer = client.post(url, json={"query": FEED, "variables": {"after": after, "types": types}})
            answer.raise_for_status()
            body = answer.json()
            if body.get("errors"):
                raise SystemExit(f"refused: {body['errors']}")
            page = body["data"]["events"]
            for edge in page["edges"]:
                print(line(edge["node"]), flush=True)
            after = page["pageInfo"]["endCursor"] or after
            if cursor_file and after:
                cursor_file.write_text(after)
            if not page["pageInfo"]["hasNextPage"]:
                return


async def subscribe(url: str, token: str, types: list[str] | None, after: str | None, limit: int | None) -> None:
    transport = WebsocketsTransport(url=url, init_payload={"authorization": f"Bearer {token}"},
                                    subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL])
    async with Client(transport=transport, fetch_schema_from_transport=False) as session:
        heard = 0
        async for result in session.subscribe(SUBSCRIPTION, variable_values={"types": types, "after": after}):
            print(line(result["events"]), flush=True)
            heard += 1
            if limit is not None and heard >= limit:
                return


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["feed", "subscribe"])
    parser.add_argument("--url", default=None, help="http(s)://.../graphql for feed, ws(s)://.../graphql for subscribe.")
    parser.add_argument("--types", nargs="*", default=None, help="Only these event types.")
    parser.add_argument("--cursor-file", type=Path, default=None, help="feed: where the cursor is kept between runs.")
    parser.add_argument("--after", default=None, help="subscribe: replay from after this cursor first.")
    parser.add_argument("--max", type=int, default=None, help="subscribe: stop after this many events.")
    parser.add_argument("--token", default=os.environ.get("PROBATION_TOKEN"), help="A partner bearer token.")
    parser.add_argument("--dev-secret", default=os.environ.get("AUTH_JWT_SECRET"),
                        help="Development only: mint a token with the server's secret instead.")
    parser.add_argument("--agency", default="POLICE", help="The agency of a minted development token.")
    arguments = parser.parse_args(argv)
    token = arguments.token or (development_token(arguments.dev_secret, arguments.agency) if arguments.dev_secret else None)
    if token is None:
        parser.error("give --token (or PROBATION_TOKEN), or --dev-secret (or AUTH_JWT_SECRET) against a development server")
    if arguments.mode == "feed":
        read_feed(arguments.url or "http://127.0.0.1:8000/graphql", token, arguments.cursor_file, arguments.types)
    else:
        asyncio.run(subscribe(arguments.url or "ws://127.0.0.1:8000/graphql", token, arguments.types, arguments.after,
                              arguments.max))


if __name__ == "__main__":
    sys.exit(main())

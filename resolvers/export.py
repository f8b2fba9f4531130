"""Write the schema to ``schema.graphql``: ``python -m resolvers.export``. The committed file
is what front-end teams and partners read; a test fails when it is stale."""

from __future__ import annotations

import sys
from pathlib import Path

from resolvers.root import schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema.graphql"


def schema_text() -> str:
    return schema.as_str().strip() + "\n"


def main() -> None:
    SCHEMA_FILE.write_text(schema_text())
    print(f"wrote {SCHEMA_FILE}", file=sys.stderr)


if __name__ == "__main__":
    main()

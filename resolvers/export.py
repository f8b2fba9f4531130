"""Write the schema to ``schema.graphql``: ``python -m resolvers.export``. The committed file
is what front-end teams and partners read; a test fails when it is stale. ``--release`` also makes it
the released baseline the schema-evolution gate compares against (docs/schema-changelog.md)."""

from __future__ import annotations

import sys
from pathlib import Path

from resolvers.root import schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema.graphql"
RELEASED_FILE = Path(__file__).resolve().parents[1] / "docs" / "schema" / "released.graphql"


def schema_text() -> str:
    return schema.as_str().strip() + "\n"


def main(argv: list[str] | None = None) -> None:
    arguments = sys.argv[1:] if argv is None else argv
    SCHEMA_FILE.write_text(schema_text())
    print(f"wrote {SCHEMA_FILE}", file=sys.stderr)
    if "--release" in arguments:
        RELEASED_FILE.write_text(schema_text())
        print(f"wrote {RELEASED_FILE}: rename '## Unreleased' in docs/schema-changelog.md to today's date", file=sys.stderr)


if __name__ == "__main__":
    main()

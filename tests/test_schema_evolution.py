"""Schema evolution is guarded: every breaking or dangerous change against the released schema is
listed, with its migration, in docs/schema-changelog.md."""

import re
from pathlib import Path

from graphql import DangerousChangeType, build_schema, find_breaking_changes, find_dangerous_changes

from resolvers.export import schema_text

ROOT = Path(__file__).resolve().parents[1]
RELEASED = ROOT / "docs" / "schema" / "released.graphql"
CHANGELOG = ROOT / "docs" / "schema-changelog.md"


def unreleased_entries(changelog: str) -> list[str]:
    """The bullet lines of the Unreleased section."""
    section = re.search(r"^## Unreleased\n(.*?)(?=^## )", changelog, re.S | re.M)
    assert section, "docs/schema-changelog.md has no '## Unreleased' section"
    return [line for line in section.group(1).splitlines() if line.startswith("- ")]


# graphql-core calls these "dangerous", but a client built against the old schema keeps working
# unchanged: it never sends the new optional input and ignores the new interface.
SAFE_FOR_CLIENTS = {DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED, DangerousChangeType.OPTIONAL_ARG_ADDED,
                    DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED}


def unlisted(released: str, current: str, changelog: str) -> list[str]:
    old, new = build_schema(released), build_schema(current)
    entries = unreleased_entries(changelog)
    changes = [*find_breaking_changes(old, new),
               *(c for c in find_dangerous_changes(old, new) if c.type not in SAFE_FOR_CLIENTS)]
    return [f"{change.type.name}: {change.description}" for change in changes
            if not any(change.description in entry and "Migration:" in entry for entry in entries)]


def test_every_breaking_or_dangerous_change_since_the_release_is_in_the_changelog():
    missing = unlisted(RELEASED.read_text(), schema_text(), CHANGELOG.read_text())
    assert missing == [], ("These schema changes are not listed under '## Unreleased' in docs/schema-changelog.md "
                           "(quote the description and give a Migration:):\n" + "\n".join(missing))


def test_the_gate_catches_a_non_null_output_field_made_nullable():
    released = "type Query { failure: Failure! }\ntype Failure { outcome: Outcome! }\nenum Outcome { A B }"
    flipped = released.replace("outcome: Outcome!", "outcome: Outcome")
    changelog = "## Unreleased\n\n## 2026-01-01\n"
    [missing] = unlisted(released, flipped, changelog)
    assert missing == "FIELD_CHANGED_KIND: Field Failure.outcome changed type from Outcome! to Outcome."
    listed = ("## Unreleased\n- Field Failure.outcome changed type from Outcome! to Outcome. Migration: treat a null "
              "outcome as not yet known.\n## 2026-01-01\n")
    assert unlisted(released, flipped, listed) == []


def test_the_gate_lists_a_new_enum_value_as_dangerous():
    released = "type Query { outcome: Outcome }\nenum Outcome { A B }"
    [missing] = unlisted(released, released.replace("A B", "A B C"), "## Unreleased\n\n## 2026-01-01\n")
    assert missing.startswith("VALUE_ADDED_TO_ENUM")


def test_an_optional_input_added_needs_no_entry():
    released = "type Query { cases(first: Int!): Int }\ninput F { a: Int }\ntype Mutation { m(f: F): Int }"
    current = released.replace("input F { a: Int }", "input F { a: Int b: Int }").replace("first: Int!", "first: Int!, after: String")
    assert unlisted(released, current, "## Unreleased\n\n## 2026-01-01\n") == []

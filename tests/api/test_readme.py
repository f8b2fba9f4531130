"""The README is documentation a newcomer acts on: its configuration table names every setting the
service reads, and nothing it no longer reads."""

import re
from pathlib import Path

from api.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def configuration_table() -> set[str]:
    text = README.read_text()
    section = text[text.index("## Configuration"):]
    section = section[:section.index("\n## ", 1)]
    names = set()
    for row in re.findall(r"^\| `([^|]+)` \|", section, re.M):
        names.update(re.findall(r"[A-Z][A-Z0-9_]+", row))
    return names


def test_the_configuration_table_names_every_setting_and_no_other():
    settings = {name.upper() for name in Settings.model_fields}
    listed = configuration_table()
    assert settings - listed == set(), "settings missing from the README's Configuration table"
    assert listed - settings == set(), "the README's Configuration table lists settings the service does not read"


def test_the_readme_starts_with_the_two_commands():
    lines = README.read_text().splitlines()
    block = lines[lines.index("```bash") + 1:]
    assert block[0].startswith("bash scripts/run.sh") and block[1].startswith("bash scripts/test.sh")
    assert block[2] == "```"

"""``docs/standards.md``, generated from the rules registry (``python -m api.docs``).

The catalogue is the registry in ``domain`` (every standard declared beside its function) joined to
the tests that name each rule ID in their function names, so the document cannot drift from what
runs: ``tests/test_architecture.py`` fails when the committed file is stale.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from domain import standards as catalogue
from domain.core.registry import Section, Standard

ROOT = Path(__file__).resolve().parents[1]
DOC_FILE = ROOT / "docs" / "standards.md"
TESTS = ROOT / "tests"
# Unit tests exercise the pure rules; GraphQL-level tests go through the schema or the HTTP app.
UNIT_DIRS = ("unit",)
GRAPHQL_DIRS = ("schema", "api", "hostile")


DEFINITIONS = [
    "## Definitions",
    "",
    "- **Working day**: Monday to Friday, except the bank holidays of England and Wales (the maintained `holidays`",
    "  calendar). \"Within N working days of D\" means on or before the Nth working day after D; D never counts.",
    "- **Sentence types**: community order (CO), suspended sentence order (SSO), licence (after release from",
    "  custody, parole licences included) and post-sentence supervision (PSS).",
    "- **RoSH**: risk of serious harm, LOW < MEDIUM < HIGH < VERY_HIGH. The current RoSH is the latest assessment",
    "  by date (on the same date, the last recorded). RoSH to children is recorded separately.",
    "- **Provider**: the National Probation Service (NPS) or a Community Rehabilitation Company (CRC).",
    "- **Unacceptable failure**: a failure to comply whose decision in force says the explanation was not",
    "  acceptable (or none was given).",
    "- **ORA commencement**: 2015-02-01, when the Offender Rehabilitation Act 2014 changes took effect.",
    "- **States**: MET (done as required), DUE (not done, not late), OVERDUE (not done, past its date), NOT_MET",
    "  (done, but late or not as required). Where a source sets no deadline the status can be DUE, never OVERDUE.",
]


@dataclass
class Coverage:
    unit: list[str] = field(default_factory=list)
    graphql: list[str] = field(default_factory=list)


def slug(standard_id: str) -> str:
    """The form a rule ID takes in a test name: ENF-4 -> enf_4, REQ-UPW-1 -> req_upw_1."""
    return standard_id.lower().replace("-", "_")


def names_rule(test_name: str, standard_id: str) -> bool:
    return re.search(rf"(^|_){re.escape(slug(standard_id))}(_|$)", test_name.removeprefix("test_")) is not None


def test_functions(directory: Path) -> list[tuple[str, str]]:
    """(file relative to tests/, function name) of every test function under ``directory``."""
    found = []
    for path in sorted(directory.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_"):
                found.append((str(path.relative_to(TESTS)), node.name))
    return found


def coverage(tests: Path = TESTS) -> dict[str, Coverage]:
    unit = [t for d in UNIT_DIRS if (tests / d).is_dir() for t in test_functions(tests / d)]
    graphql = [t for d in GRAPHQL_DIRS if (tests / d).is_dir() for t in test_functions(tests / d)]
    result = {}
    for standard in catalogue.catalogue():
        result[standard.id] = Coverage(
            unit=sorted({name for _, name in unit if names_rule(name, standard.id)}),
            graphql=sorted({name for _, name in graphql if names_rule(name, standard.id)}))
    return result


def _number(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _row(standard: Standard, covered: Coverage) -> str:
    numbers = "<br>".join(f"`{name}` = {_number(value)}" for name, value in standard.numbers()) or "—"
    applied = []
    if standard.enforced:
        applied.append("enforced")
    if standard.monitored:
        applied.append("monitored")
    if standard.covered_by:
        applied.append("through " + ", ".join(standard.covered_by))
    tests = "<br>".join([*(f"unit: `{n}`" for n in covered.unit), *(f"GraphQL: `{n}`" for n in covered.graphql)]) or "—"
    rule = standard.title if standard.rule == standard.title else f"{standard.title}: {standard.rule}"
    cells = [f"**{standard.id}**", rule.replace("|", "\\|"), numbers, standard.source, ", ".join(applied), tests]
    return "| " + " | ".join(cells) + " |"


def render(tests: Path = TESTS) -> str:
    covered = coverage(tests)
    standards = catalogue.catalogue()
    lines = [
        "# National standards catalogue",
        "",
        "Generated from the rules registry by `python -m api.docs`; do not edit by hand (a test fails when this",
        "file is stale). Each standard is declared once, beside the function that implements it, in",
        "`domain/<capability>/`. *Enforced*: mutations apply it (they refuse what breaks it, with a `userError`",
        "whose `standard` is the ID, or derive what is recorded from it). *Monitored*: it has a status in",
        "`Case.standards` and `standardsReport`. Numbers are the policy parameters it uses",
        "(`domain/core/parameters.py`, each with its source). Sources are described in `docs/sources.md`.",
        "",
        f"{len(standards)} standards: {sum(s.enforced for s in standards)} enforced, "
        f"{sum(s.monitored for s in standards)} monitored.",
        "",
        *DEFINITIONS,
    ]
    for section in Section:
        in_section = [s for s in standards if s.section is section]
        if not in_section:
            continue
        lines += ["", f"## {section.value}", "",
                  "| ID | Rule | Numbers | Source | Applied | Tests |", "|---|---|---|---|---|---|"]
        lines += [_row(s, covered[s.id]) for s in in_section]
    return "\n".join(lines) + "\n"


def write() -> Path:
    DOC_FILE.parent.mkdir(exist_ok=True)
    DOC_FILE.write_text(render(), encoding="utf-8")
    return DOC_FILE


def main(argv: list[str] | None = None) -> int:
    """``python -m api.docs`` writes the file; ``--check`` says whether the committed one is current."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m api.docs", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/standards.md is stale")
    arguments = parser.parse_args(argv)
    if arguments.check:
        current = DOC_FILE.exists() and DOC_FILE.read_text(encoding="utf-8") == render()
        print("docs/standards.md is current" if current else "docs/standards.md is stale: run python -m api.docs",
              file=sys.stderr)
        return 0 if current else 1
    print(f"wrote {write()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

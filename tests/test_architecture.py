"""The architecture holds: imports point inward (docs/design.md), the committed schema.graphql is
the schema the code builds, every type, field, argument and enum value is described, the rules
catalogue is generated from the registry and current, every registered rule is tested by name, no
module outgrows its room, and nothing points outside the repository."""

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)

from api import docs
from domain import standards as catalogue
from domain.core.registry import ID_PATTERN, REGISTRY
from resolvers.export import SCHEMA_FILE, schema_text
from resolvers.root import schema

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    declared = len(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"])
    assert f"Contracts: {declared} kept, 0 broken." in result.stdout


def test_committed_schema_file_is_current():
    assert SCHEMA_FILE.read_text() == schema_text(), "schema.graphql is stale: run .venv/bin/python -m resolvers.export"


def test_everything_in_the_schema_has_a_description():
    missing = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or name in ("String", "Int", "Boolean", "ID", "Float"):
            continue
        if not graphql_type.description:
            missing.append(name)
        if isinstance(graphql_type, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)):
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for argument_name, argument in getattr(field, "args", {}).items():
                    if not argument.description:
                        missing.append(f"{name}.{field_name}({argument_name})")
        if isinstance(graphql_type, GraphQLEnumType):
            missing += [f"{name}.{value}" for value, definition in graphql_type.values.items() if not definition.description]
    assert missing == []


def test_docs_standards_md_is_generated_from_the_registry_and_current():
    assert docs.DOC_FILE.read_text(encoding="utf-8") == docs.render(), \
        "docs/standards.md is stale: run .venv/bin/python -m api.docs"


def test_every_registered_rule_is_named_by_a_unit_test_and_a_graphql_test():
    covered = docs.coverage()
    assert len(covered) == len(REGISTRY) and len(REGISTRY) >= 52
    assert [rule for rule, c in covered.items() if not c.unit] == []
    assert [rule for rule, c in covered.items() if not c.graphql] == []


def test_a_test_name_names_a_rule_only_as_a_whole_id():
    assert docs.names_rule("test_enf_4_second_failure", "ENF-4")
    assert docs.names_rule("test_plan_5_alloc_4_transfer", "ALLOC-4")
    assert not docs.names_rule("test_req_upw_10_hours", "REQ-UPW-1")
    assert not docs.names_rule("test_prec_1_thing", "REC-1")


def _rule_ids_cited_in(source: str) -> set[str]:
    """Rule IDs written as string literals in code (e.g. a status or message naming a standard)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found |= {m.group(0) for m in ID_PATTERN.finditer(node.value)}
    return found


def test_every_rule_id_the_code_cites_is_registered():
    catalogue.catalogue()
    cited = set()
    for path in (ROOT / "domain").rglob("*.py"):
        cited |= _rule_ids_cited_in(path.read_text(encoding="utf-8"))
    # Ticket numbers of the projects we read (hmpps-tier's MAS-422, ...) are not rule IDs.
    unknown = {i for i in cited if i not in REGISTRY and not i.startswith(("TIER-1/", "MAS-"))}
    assert unknown == set()


def test_no_module_outgrows_its_room():
    big = {str(p.relative_to(ROOT)): n for p in ROOT.glob("[adrs]*/**/*.py")
           if not p.is_relative_to(ROOT / ".venv") and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500}
    assert big == {}


def test_nothing_in_the_repository_points_outside_it():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:  # not a git checkout (e.g. an sdist): nothing to check
        return
    pointing = [f for f in tracked if (ROOT / f).is_file() and (ROOT / f).suffix in (".py", ".md", ".graphql", ".toml", ".sh")
                and re.search(r"\.\./shared|STANDARDS\.md|DESIGN\.md|API\.md", (ROOT / f).read_text(encoding="utf-8"))]
    assert pointing == [f for f in pointing if f == "tests/test_architecture.py"]

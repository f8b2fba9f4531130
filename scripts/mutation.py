"""Mutation testing on demand (issue 17), one module at a time: ``scripts/mutation.sh [module ...]``.

For each module this stages a copy of the tree in ``.mutation/<module>/`` whose ``[tool.mutmut]``
mutates only that module and selects only the tests that state its rules (MODULES below), runs
mutmut there (it copies the copy into ``mutants/``, records which of the selected tests reach each
function, then runs only those tests against each mutant), and writes
``reports/mutation/<module>.txt``: the tool's counts, the score, how long it took, and the diff of
every surviving mutant, marked when docs/mutation.md lists it as equivalent (with the reason).

MUTATION_JOBS sets mutmut's --max-children (default: one per two cores, at least one).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"

POLICY_TESTS = ["tests/unit/test_access_policy.py", "tests/schema/test_access_control.py"]
PARTNER_TESTS = ["tests/unit/test_partner_rows.py", "tests/unit/test_partner_view.py",
                 "tests/unit/test_record_keeping_and_sharing.py", "tests/schema/test_partner_batches.py"]
VICTIM_VIEW_TESTS = ["tests/unit/test_victim_contact_view.py", "tests/unit/test_record_keeping_and_sharing.py"]
COMPLIANCE_TESTS = ["tests/unit/test_compliance_boundaries.py", "tests/unit/test_summary.py", "tests/unit/test_compliance.py", "tests/unit/test_enforcement_chain.py",
                    "tests/unit/test_enforcement_clock.py"]
STANDARDS_TESTS = ["tests/unit/test_standards_engine.py", "tests/unit/test_standards.py", "tests/unit/test_summary.py", "tests/unit/test_compliance.py",
                   "tests/schema/test_standards_api.py"]
REQUIREMENT_TESTS = ["tests/unit/test_requirement_variations.py", "tests/unit/test_police_notification_rules.py", "tests/unit/test_requirement_rules.py", "tests/unit/test_requirement_records.py",
                     "tests/unit/test_shape.py", "tests/unit/test_programme_referral.py",
                     "tests/unit/test_record_rules.py", "tests/unit/test_record_rule_messages.py",
                     "tests/unit/test_requirement_shapes_table.py"]
TIER_TESTS = ["tests/unit/test_tiering.py", "tests/unit/test_tiering_hmpps_scenarios.py",
              "tests/unit/test_tier_inputs.py"]
AUTH_TESTS = ["tests/api/test_token_claims.py", "tests/api/test_tokens.py", "tests/api/test_settings.py", "tests/api/test_http.py",
              "tests/api/test_auth_keys.py", "tests/api/test_token_cli.py"]

# module -> the tests that state its rules (the stats run and every mutant run use only these).
MODULES: dict[str, list[str]] = {
    "domain.core.policy": POLICY_TESTS,
    "domain.core.principal": POLICY_TESTS,
    "domain.sharing.partner": PARTNER_TESTS,
    "domain.sharing.views": VICTIM_VIEW_TESTS,
    "domain.enforcement.compliance": COMPLIANCE_TESTS,
    "domain.core.standards": STANDARDS_TESTS,
    "domain.standards": STANDARDS_TESTS,
    "domain.records.requirements": REQUIREMENT_TESTS,
    "domain.records.requirement_shapes": REQUIREMENT_TESTS,
    "domain.records.rules": REQUIREMENT_TESTS,
    "domain.risk.tiering": TIER_TESTS,
    "api.auth": AUTH_TESTS,
    "api.token": AUTH_TESTS,
}
ALSO_COPY = ["resolvers", "schema", "repositories", "docs", "schema.graphql", "README.md", "scripts",
             "compose.yaml", "Dockerfile", "constraints.txt", ".gitignore"]
SKIP = shutil.ignore_patterns(".git", ".venv", ".mutation", "mutants", "reports", "node_modules", "__pycache__",
                              ".hypothesis", ".pytest_cache", "*.egg-info", ".import_linter_cache")
# A mutant counts against the score unless the tests killed it (mutmut's own statuses).
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
NOT_COUNTED = {"skipped", "not checked"}


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def stage(module: str) -> Path:
    work = ROOT / ".mutation" / module
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(ROOT, work, ignore=SKIP, symlinks=True)
    pyproject = (work / "pyproject.toml").read_text()
    head = pyproject.split("[tool.mutmut]")[0]
    path = module.replace(".", "/") + ".py"
    section = "\n".join([
        "[tool.mutmut]",
        'source_paths = ["domain", "api"]',
        f"only_mutate = {toml_list([path])}",
        f"also_copy = {toml_list(ALSO_COPY)}",
        f"pytest_add_cli_args_test_selection = {toml_list(MODULES[module])}",
        'pytest_add_cli_args = ["-p", "no:cacheprovider", "-q"]',
        "",
    ])
    (work / "pyproject.toml").write_text(head + section)
    return work


def equivalents() -> dict[str, str]:
    """Mutants docs/mutation.md lists as equivalent: ``- `name`: reason`` lines."""
    text = (ROOT / "docs" / "mutation.md").read_text() if (ROOT / "docs" / "mutation.md").exists() else ""
    found = re.finditer(r"^- `([\w.ǁ]+__mutmut_\d+)`:?(.*(?:\n  .*)*)", text, re.M)  # reason: the item's lines
    return {m.group(1): " ".join(m.group(2).split()) for m in found}


def run(module: str, jobs: int) -> str:
    if module not in MODULES:
        raise SystemExit(f"unknown module {module!r}; choose from: {', '.join(MODULES)}")
    work = stage(module)
    started = time.monotonic()
    log = subprocess.run([str(MUTMUT), "run", "--max-children", str(jobs)], cwd=work, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    listing = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=work, capture_output=True, text=True).stdout
    status = dict(re.findall(r"^\s*(\S+__mutmut_\d+): (.+)$", listing, re.M))
    counts = Counter(status.values())
    survivors = sorted(name for name, s in status.items() if s not in KILLED | NOT_COUNTED)
    known = equivalents()
    counted = sum(n for s, n in counts.items() if s not in NOT_COUNTED)
    killed = sum(n for s, n in counts.items() if s in KILLED)
    equivalent = [name for name in survivors if name in known]
    score = 100.0 * killed / counted if counted else 100.0
    adjusted = 100.0 * killed / (counted - len(equivalent)) if counted > len(equivalent) else 100.0
    lines = [
        f"module: {module}",
        f"tests: {' '.join(MODULES[module])}",
        f"mutmut run took {elapsed:.0f} s with --max-children {jobs}",
        "counts (mutmut statuses): " + ", ".join(f"{s}: {n}" for s, n in sorted(counts.items())),
        f"score: {killed}/{counted} killed = {score:.1f}%; "
        f"without the {len(equivalent)} listed equivalent: {adjusted:.1f}%",
        f"survivors: {len(survivors)} ({len(equivalent)} listed as equivalent in docs/mutation.md)",
        "",
    ]
    for name in survivors:
        shown = subprocess.run([str(MUTMUT), "show", name], cwd=work, capture_output=True, text=True).stdout
        mark = f"EQUIVALENT: {known[name]}" if name in known else f"SURVIVED ({status[name]})"
        lines += [f"## {name}  [{mark}]", shown.rstrip(), ""]
    if log.returncode != 0:
        lines += ["mutmut run exited with code %d; its output ends:" % log.returncode, log.stdout[-3000:], log.stderr[-3000:]]
    report = ROOT / "reports" / "mutation" / f"{module}.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(lines) + "\n")
    return "\n".join(lines[:6]) + f"\nreport: {report.relative_to(ROOT)}"


def main(argv: list[str]) -> int:
    jobs = int(os.environ.get("MUTATION_JOBS") or max(1, (os.cpu_count() or 2) // 2))
    for module in argv or list(MODULES):
        print(run(module, jobs), flush=True)
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

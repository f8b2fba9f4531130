"""One standard + one kind of refusal = one code (issue 16.7; ALLOC-2 was INVALID_INPUT in one place and
STANDARD_VIOLATION in another).

Every place the domain builds a refusal is read from the source (so a refusal no test happens to drive is
audited too): ``breaks(RULE, ...)``, a ``Violation`` naming a ``standard``, and any violation whose message
starts with a rule ID. A refusal that names a standard carries STANDARD_VIOLATION, or a code of its own kind
(ROSH_REQUIRES_NPS, BREACH_REQUIRED, ...) that no other standard uses; never a generic code such as
INVALID_INPUT. The catalogue's enforced standards are then driven through this list: each must refuse
somewhere, or be one that derives what is recorded rather than refusing."""

from __future__ import annotations

import ast
import importlib
import re
from dataclasses import dataclass
from pathlib import Path

import domain.standards  # noqa: F401  (registers the catalogue)
from domain.core.errors import ErrorCode
from domain.core.registry import REGISTRY, Standard

ROOT = Path(__file__).resolve().parents[2]
ERRORS = ROOT / "domain" / "core" / "errors.py"
RULE_ID = re.compile(r"^([A-Z]+(?:-[A-Z]+)?-\d+):")
GENERIC = {ErrorCode.INVALID_INPUT, ErrorCode.NOT_FOUND, ErrorCode.DUPLICATE, ErrorCode.VERSION_CONFLICT,
           ErrorCode.FORBIDDEN, ErrorCode.DOCUMENT_TOO_LARGE, ErrorCode.IDEMPOTENCY_KEY_REUSED,
           ErrorCode.DUPLICATE_PERSON}
# Enforced standards that shape what is recorded, or refuse a read, rather than refusing a write with a
# user error: they have no refusal site, by design.
DERIVING = {
    "REC-1": "every record carries its stamp",
    "ENF-2": "failures on one day count once (compliance.py)",
    "ENF-5": "a continued order restarts the count (compliance.py)",
    "ENF-6": "a move without permission creates a failure to comply",
    "ENF-7": "a CRC breach is referred to the NPS (the message says so)",
    "LIC-1": "licence failures lead to a warning or a recall decision (compliance.py)",
    "LIC-4": "re-release restarts the count (compliance.py)",
    "MAPPA-1": "a registration is recorded with its level; monitored",
    "REC-4": "a partner's purpose is refused as a FORBIDDEN query error, not a user error",
    "TIER-1": "the tier is calculated on every write",
    "VIC-3": "victim records are kept apart from the case",
}


@dataclass(frozen=True)
class Refusal:
    standard: str
    code: ErrorCode
    where: str


def _code(node: ast.expr | None) -> ErrorCode | None:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ErrorCode":
        return ErrorCode[node.attr]
    return None


def _leading_text(node: ast.expr | None) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value)
    return ""


def _argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    keyword = next((k.value for k in call.keywords if k.arg == name), None)
    return keyword if keyword is not None else (call.args[position] if len(call.args) > position else None)


def _standards_named(node: ast.AST, module: object) -> list[Standard]:
    names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
    return [value for value in (getattr(module, name, None) for name in sorted(names)) if isinstance(value, Standard)]


def _calls(tree: ast.AST):
    """(call, the function it is in) for every call of a plain name."""
    for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
        body = function.body if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        for call in (n for statement in body for n in ast.walk(statement)
                     if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
            yield call, function


def refusals_in(source: str, module: object, where: str) -> list[Refusal]:
    found: dict[tuple, Refusal] = {}
    for call, function in _calls(ast.parse(source)):
        line = f"{where}:{call.lineno}"
        if call.func.id == "breaks":
            rule = _argument(call, 0, "rule")
            declared = getattr(module, rule.id, None) if isinstance(rule, ast.Name) else None
            # A rule chosen at run time (``rule = NOTIFY_1 if ... else NOTIFY_2``): any the function names.
            candidates = [declared] if isinstance(declared, Standard) else _standards_named(function, module)
            assert candidates, f"{line}: breaks() names no registered standard"
            code = _code(_argument(call, 3, "code")) or ErrorCode.STANDARD_VIOLATION
            for candidate in candidates:
                found[(candidate.id, line)] = Refusal(candidate.id, code, line)
        elif call.func.id == "Violation":
            code, standard = _code(_argument(call, 0, "code")), _argument(call, 3, "standard")
            named = RULE_ID.match(_leading_text(_argument(call, 1, "message")))
            if isinstance(standard, ast.Attribute) and standard.attr == "id" and isinstance(standard.value, ast.Name):
                found[(line,)] = Refusal(getattr(module, standard.value.id).id, code, line)
            elif named and code is not None:
                found[(line,)] = Refusal(named.group(1), code, line)
        elif call.func.id == "invalid":
            named = RULE_ID.match(_leading_text(_argument(call, 1, "message")))
            if named:
                found[(line,)] = Refusal(named.group(1), ErrorCode.INVALID_INPUT, line)
    return sorted(found.values(), key=lambda r: (r.where, r.standard))


def domain_refusals() -> list[Refusal]:
    found = []
    for path in sorted((ROOT / "domain").rglob("*.py")):
        if path == ERRORS:
            continue  # where breaks() and Violation are defined, not a refusal
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        found += refusals_in(path.read_text(), importlib.import_module(name), str(path.relative_to(ROOT)))
    return found


def mixed(refusals: list[Refusal]) -> list[str]:
    problems = [f"{r.where}: {r.standard} refused with the generic code {r.code.value}"
                for r in refusals if r.code in GENERIC]
    owners: dict[ErrorCode, set[str]] = {}
    for r in refusals:
        if r.code is not ErrorCode.STANDARD_VIOLATION and r.code not in GENERIC:
            owners.setdefault(r.code, set()).add(r.standard)
    problems += [f"{code.value} is used by {sorted(standards)}: a specific code names one kind of one standard"
                 for code, standards in owners.items() if len(standards) > 1]
    return problems


def test_every_refusal_that_names_a_standard_uses_that_standards_code_for_its_kind():
    assert mixed(domain_refusals()) == []


def test_every_enforced_standard_of_the_catalogue_is_audited():
    refused = {r.standard for r in domain_refusals()}
    unknown = refused - set(REGISTRY)
    assert unknown == set(), f"refusals name standards the catalogue does not declare: {sorted(unknown)}"
    enforced = {s.id for s in REGISTRY.values() if s.enforced}
    silent = sorted(enforced - refused - set(DERIVING))
    assert silent == [], f"enforced standards with no refusal found in the domain: {silent}"


def test_alloc_2_the_audit_catches_a_standard_refused_with_two_codes():
    # The shape ALLOC-2 had before issue 16.7: "already allocated" as INVALID_INPUT beside STANDARD_VIOLATION.
    from domain.records import allocation
    before = '''
def a(): return [breaks(ALLOC_2, ("officer",), "the responsible officer must be named")]
def b(): return [Violation(ErrorCode.INVALID_INPUT, "already allocated", ("crn",), ALLOC_2.id)]
def c(): return [invalid(("crn",), f"ALLOC-2: case {crn} is already allocated")]
'''
    problems = mixed(refusals_in(before, allocation, "before.py"))
    assert problems == ["before.py:3: ALLOC-2 refused with the generic code INVALID_INPUT",
                        "before.py:4: ALLOC-2 refused with the generic code INVALID_INPUT"]


def test_the_audit_catches_a_specific_code_shared_by_two_standards():
    from domain.records import allocation
    shared = '''
def a(): return [breaks(ALLOC_2, (), "x", ErrorCode.ROSH_REQUIRES_NPS)]
def b(): return [breaks(ALLOC_3, (), "y", ErrorCode.ROSH_REQUIRES_NPS)]
'''
    assert mixed(refusals_in(shared, allocation, "shared.py")) == [
        "ROSH_REQUIRES_NPS is used by ['ALLOC-2', 'ALLOC-3']: a specific code names one kind of one standard"]

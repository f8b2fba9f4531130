"""A longer schema-driven fuzz run than the suite's (tests/hostile/test_fuzz.py), at random:
generated queries and mutations, as a practitioner and as an admin, against the app in process
on the demo cases (tests/fuzzing.py). Prints how many requests it sent, how long it took, the
answers by HTTP status and error code, and every fault (a 5xx, an INTERNAL_SERVER_ERROR, a null
mutation payload without an error) with the document that caused it. Exit status 1 if any.

    .venv/bin/python scripts/fuzz.py                   # 500 examples per kind and role (2,000 requests)
    .venv/bin/python scripts/fuzz.py --examples 5000 --seed 7
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.fuzzing import ROLES, Target, describe, faults  # noqa: E402


def make_test(target: Target, kind: str, role: str, found: dict[str, str], answers: Counter, user_errors: Counter,
              examples: int, fields: list[str] | None = None):
    def run(document: str) -> None:
        response = target.send(document, role)
        codes = []
        if response.headers.get("content-type", "").startswith("application"):
            codes = sorted({(e.get("extensions") or {}).get("code", "-") for e in (json.loads(response.text).get("errors") or ())})
        answers[f"{response.status_code} {' '.join(codes) or 'no errors'}"] += 1
        if kind == "mutation" and codes == [] and response.status_code == 200:
            for payload in (json.loads(response.text).get("data") or {}).values():
                for error in (payload or {}).get("userErrors") or ():
                    if isinstance(error, dict) and "code" in error:
                        user_errors[error["code"]] += 1
        for fault in faults(response, kind):
            found.setdefault(f"{kind}/{role}: {fault}", describe(document, response))

    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))(given(document=target.strategy(kind, fields))(run))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500, help="examples per kind (query, mutation) and role")
    parser.add_argument("--seed", type=int, default=None, help="a seed, to repeat a run")
    parser.add_argument("--mutations", default=None, help="only these mutations (comma-separated), and no queries")
    arguments = parser.parse_args()
    target = Target()
    found: dict[str, str] = {}
    answers: Counter[str] = Counter()
    user_errors: Counter[str] = Counter()
    started = time.monotonic()
    try:
        only = arguments.mutations.split(",") if arguments.mutations else None
        for kind in ("query", "mutation") if only is None else ("mutation",):
            for role in ROLES:
                test = make_test(target, kind, role, found, answers, user_errors, arguments.examples, only)
                if arguments.seed is not None:
                    test = seed(arguments.seed)(test)
                test()
    finally:
        target.close()
    elapsed = time.monotonic() - started
    print(f"{target.requests} requests in {elapsed:.1f} s ({target.requests / elapsed:.1f}/s)")
    for answer, count in answers.most_common():
        print(f"  {count:6d}  HTTP {answer}")
    print("user errors (where the mutation selected userErrors { code }):",
          ", ".join(f"{code} {n}" for code, n in user_errors.most_common()) or "none")
    print(f"{len(found)} distinct faults")
    for fault, example in found.items():
        print(f"- {fault}\n{example}\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

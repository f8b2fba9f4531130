#!/usr/bin/env bash
# Mutation testing on demand (issue 17; too slow for every CI run: docs/mutation.md says how long
# each module takes). Installs the `mutation` extra (mutmut) into .venv, then runs mutmut on each
# module named (dotted, e.g. domain.core.policy), or on every target module, one at a time, with
# only that module's tests; the surviving mutants go to reports/mutation/<module>.txt.
# Usage: scripts/mutation.sh [module ...]     MUTATION_JOBS=2 sets mutmut's --max-children.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test,mutation
exec .venv/bin/python scripts/mutation.py "$@"

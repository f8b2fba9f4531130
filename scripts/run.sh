#!/usr/bin/env bash
# Runs the service on the embedded in-memory store with GraphiQL and demo cases.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export ENVIRONMENT="${ENVIRONMENT:-development}"
export DEMO_DATA="${DEMO_DATA:-true}"
exec .venv/bin/python -m api serve "$@"

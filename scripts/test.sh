#!/usr/bin/env bash
# Runs the whole test suite (unit, schema, API, architecture; repository tests also
# against a real MongoDB when MONGODB_URI is set).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
exec .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Runs the whole test suite (unit, schema, API, hostile traffic, architecture; repository tests
# also against a real MongoDB when MONGODB_URI is set). The GraphiQL browser test needs Chromium:
# installed here from the OS packages when it is missing and this is root with apt-get (as in
# CI); otherwise that test is skipped and says why.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh test
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from the OS packages for the GraphiQL browser test..." >&2
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1; then
    echo "Could not install Chromium; the browser test will be skipped." >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"

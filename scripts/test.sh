#!/usr/bin/env bash
# Runs the whole test suite (unit, schema, API, hostile traffic, architecture; repository tests
# also against a real MongoDB when MONGODB_URI is set). The GraphiQL browser test needs Chromium:
# installed here from the OS packages when it is missing and this is root with apt-get (as in
# CI); otherwise that test is skipped and says why. The TypeScript client example needs node
# (its packages are installed with npm ci below).
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
# The TypeScript client example (examples/frontend) needs its packages, pinned in its
# package-lock.json: installed with npm ci when node is here and the lock changed since; without
# node its test is skipped and says why.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  lock="$(sha256sum examples/frontend/package-lock.json | cut -d' ' -f1)"
  if [ "$(cat examples/frontend/node_modules/.installed 2>/dev/null)" != "$lock" ]; then
    echo "Installing the TypeScript example's packages (npm ci)..." >&2
    if (cd examples/frontend && npm ci --no-audit --no-fund --loglevel=error >/dev/null); then
      echo "$lock" > examples/frontend/node_modules/.installed
    else
      echo "npm ci failed; the TypeScript example test will be skipped." >&2
    fi
  fi
else
  echo "node is not installed: the TypeScript example test will be skipped." >&2
fi
exec .venv/bin/python -m pytest "$@"

#!/usr/bin/env bash
# Creates (or reuses) .venv with Python 3.11 and installs the project with the given extras.
# Re-installs only when pyproject.toml, constraints.txt or the extras changed.
# Usage: scripts/bootstrap.sh [extras]   e.g. scripts/bootstrap.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python_bin="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp_file=.venv/.installed
wanted="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1) extras=${extras}"
if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$wanted" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
  target="."
  [ -n "$extras" ] && target=".[${extras}]"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$target"
  echo "$wanted" > "$stamp_file"
fi

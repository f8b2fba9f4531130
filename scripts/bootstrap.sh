#!/usr/bin/env bash
# Creates (or reuses) .venv with Python 3.11 and installs the project with the given extras.
# Re-installs only when pyproject.toml or constraints.txt changed, or when extras are asked for
# that the environment lacks: an environment with the test extras serves the run command too, so
# alternating the run and test commands installs nothing.
# Usage: scripts/bootstrap.sh [extras]   e.g. scripts/bootstrap.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python_bin="${PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
stamp_file=.venv/.installed
inputs="$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)"
installed_inputs="" installed_extras=""
if [ -f "$stamp_file" ]; then
  read -r installed_inputs installed_extras < "$stamp_file" || true
fi
missing=""
for extra in ${extras//,/ }; do
  case ",${installed_extras}," in *",${extra},"*) ;; *) missing="yes" ;; esac
done
if [ "$installed_inputs" != "$inputs" ] || [ -n "$missing" ]; then
  # Keep the extras already installed, so the next command need not install them again.
  if [ "$installed_inputs" = "$inputs" ] && [ -n "$installed_extras" ]; then
    wanted_extras="$(printf '%s\n' ${installed_extras//,/ } ${extras//,/ } | sort -u | paste -sd, -)"
  else
    wanted_extras="$(printf '%s\n' ${extras//,/ } | sort -u | paste -sd, -)"
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
  target="."
  [ -n "$wanted_extras" ] && target=".[${wanted_extras}]"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$target"
  echo "$inputs $wanted_extras" > "$stamp_file"
fi

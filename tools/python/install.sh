#!/usr/bin/env bash
# Makes a venv of pinned Python tools from a lock file: by default the validators' (cfn-lint, checkov,
# tools/python/requirements.txt); tools/release/requirements.txt holds the release tools.
# A venv already made from this very lock file and Python is kept as it is.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="${1:?usage: install.sh <venv directory> [lock file]}"
lock="${2:-$here/requirements.txt}"
stamp="$venv/.installed-from"
wanted="$(sha256sum "$lock" | cut -d' ' -f1) $(python3 --version)"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
  echo "Python tools in $venv are up to date"
  exit 0
fi

rm -rf "$venv"
python3 -m venv "$venv"
# --no-deps: the lock names every package, so pip installs exactly these and resolves nothing.
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$lock"
"$venv/bin/pip" check --disable-pip-version-check
echo "$wanted" > "$stamp"
echo "Installed $(grep -c '==' "$lock") pinned Python packages into $venv"

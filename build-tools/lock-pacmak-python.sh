#!/usr/bin/env bash
# Usage: lock-pacmak-python.sh [--check]
#
# pacmak-python-constraints.txt pins every tool jsii-pacmak installs to build our wheel and sdist:
# pacmak's own requirements-dev.txt asks only for ranges (setuptools~=..., build~=..., twine~=...), and
# `package:python` passes this file to pip as PIP_CONSTRAINT. It is made from the requirements of the
# jsii-pacmak in node_modules, which its first line names:
# - without arguments, this writes it anew, in a throwaway venv (the upgrade workflow runs it after
#   every dependency upgrade, so that a new jsii-pacmak brings the tools it asks for);
# - with --check, it fails when the file was made for another jsii-pacmak (package:python runs this first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
constraints="$here/pacmak-python-constraints.txt"
pacmak_dir="$(cd "$here/.." && node -p 'require("path").dirname(require.resolve("jsii-pacmak/package.json"))')"
pacmak="jsii-pacmak $(node -p "require('$pacmak_dir/package.json').version")"
header="# Made by build-tools/lock-pacmak-python.sh for $pacmak with $(python3 --version | cut -d' ' -f1-2 | cut -d. -f1-2); do not edit."

if [[ "${1:-}" == --check ]]; then
  if [[ "$(head -1 "$constraints")" != "$header" ]]; then
    echo "lock-pacmak-python: $constraints was made for another jsii-pacmak or Python:" >&2
    echo "  it says: $(head -1 "$constraints")" >&2
    echo "  wanted:  $header" >&2
    echo "  run: bash build-tools/lock-pacmak-python.sh" >&2
    exit 1
  fi
  exit 0
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check -r "$pacmak_dir/lib/targets/python/requirements-dev.txt"
{
  echo "$header"
  echo "# It asks for ranges (jsii-pacmak/lib/targets/python/requirements-dev.txt); these are the exact versions pip chose."
  "$scratch/venv/bin/pip" freeze --disable-pip-version-check --all | grep -v -E '^(pip|wheel)=='
} > "$constraints"
echo "Wrote $constraints for $pacmak"

#!/usr/bin/env bash
# Regenerates requirements.txt, the full lock with every package's hashes, from requirements.in with
# pip-compile (pip-tools, pinned here), in a throwaway venv: those in this folder (the validators), or in
# the folder given (e.g. tools/release). install.sh installs a lock in pip's hash-checking mode, and
# the upgrade workflow's Renovate updates these files with the same pip-compile command (its header).
set -euo pipefail
here="$(cd "${1:-$(dirname "$0")}" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check pip-tools==7.6.2
cd "$here"
# The command pip-compile writes into the header is the one Renovate runs again (from this folder), so it
# is pip-compile's own, with relative paths. Only PyPI: a machine's own wheel folder (PIP_FIND_LINKS)
# must neither change the hashes nor appear in the lock.
env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL \
  "$scratch/venv/bin/pip-compile" --quiet --generate-hashes --allow-unsafe --strip-extras \
  --output-file=requirements.txt requirements.in
echo "Wrote $here/requirements.txt"

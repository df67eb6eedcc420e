#!/usr/bin/env bash
# `npm ci` in the folder given, unless its node_modules was installed from the package-lock.json it
# has now: the second dependency sets (test/newest, consumers/newest) are large, and change rarely.
set -euo pipefail
dir=$1
stamp="$dir/node_modules/.installed-from-package-lock.json"
if cmp -s "$dir/package-lock.json" "$stamp"; then
  exit 0
fi
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
cp "$dir/package-lock.json" "$stamp"

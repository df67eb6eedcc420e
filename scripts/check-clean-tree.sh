#!/usr/bin/env bash
# Fails when the working tree differs from the commit: a generated file (package.json, API.md, ...)
# that was edited by hand, or not regenerated and committed after a change to .projenrc.ts or src/.
set -euo pipefail
changes=$(git status --porcelain)
if [ -n "$changes" ]; then
  echo "These files differ from the commit; regenerate them (npx projen, npx projen compile docgen) and commit:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat >&2
  exit 1
fi

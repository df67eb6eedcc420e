#!/usr/bin/env bash
# Usage: check-assembly-version.sh VERSION CLOUD_ASSEMBLY...
# Fails unless each app was synthesized by aws-cdk-lib VERSION: the construct tree (tree.json) names,
# for every aws-cdk-lib construct, the version of the aws-cdk-lib that made it (our own say 0.0.0).
set -euo pipefail
version=${1:?usage: check-assembly-version.sh VERSION CLOUD_ASSEMBLY...}
shift
for assembly in "$@"; do
  # An assembly without any (no tree.json entry of aws-cdk-lib) gets the message below, not a silent exit.
  found=$(grep -o '"version": *"2\.[0-9.]*"' "$assembly/tree.json" | grep -o '2\.[0-9.]*' | sort -u | tr '\n' ' ') || true
  if [[ "$found" != "$version " ]]; then
    echo "check-assembly-version: $assembly was made by aws-cdk-lib ${found:-(none)}, not $version" >&2
    exit 1
  fi
  echo "check-assembly-version: $assembly: aws-cdk-lib $version"
done

#!/usr/bin/env bash
# projen's `bump:next-version`: decides the version of a release before the conventional commits do.
# The first release is 0.1.0 (projen's own first version would be 0.0.0, which reads as "unreleased":
# it is the version every local build carries). Once a release tag exists this prints nothing, and the
# conventional commits since the latest tag decide: in 0.x, a breaking change bumps the minor version,
# anything else releasable the patch.
set -euo pipefail
if [[ -z "$(git tag --list 'v*')" ]]; then
  echo 0.1.0
fi

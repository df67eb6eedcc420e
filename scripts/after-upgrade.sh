#!/usr/bin/env bash
# Usage: after-upgrade.sh UPDATE_TYPE
#
# What the upgrade workflow's Renovate runs on each of its branches after it moved a pin
# (renovate.json's postUpgradeTasks, written by projenrc/upgrades.ts), with Renovate's update type
# (major, minor, patch, lockFileMaintenance, ...): everything derived from the pins is made anew, so that
# the pull request holds what a person making the same upgrade would commit, and its build checks that.
set -euo pipefail
update_type=${1:?usage: after-upgrade.sh UPDATE_TYPE}
cd "$(dirname "$0")/.."
. tools/node/use.sh

# No install script runs in the job that holds Renovate's token; nothing the build needs has one.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
# package.json and its lock from .projenrc.ts's pins, the workflows from the action pins and the Node
# version. Twice: the first run installs a projen that Renovate moved, the second writes every file with it.
npx projen
npx projen
# API.md, which a new jsii-docgen may write differently.
npx projen compile
npx projen docgen

# The build tools of the Python package: for a new jsii-pacmak, and with the lock maintenance (which
# moves what pip may choose within pacmak's ranges), made anew.
if [[ "$update_type" == lockFileMaintenance ]] || ! bash build-tools/lock-pacmak-python.sh --check 2>/dev/null; then
  bash build-tools/lock-pacmak-python.sh
fi

# The language apps use the jsii runtime of the jsii-pacmak that built the packages.
pacmak=$(node -p 'require("jsii-pacmak/package.json").version')
sed -i "s/^jsii==.*/jsii==${pacmak}/" consumers/python/requirements.txt
if ! grep -q "github.com/aws/jsii-runtime-go v${pacmak}\$" consumers/go/go.mod; then
  # go.sum needs the module graph with our own module in it, which exists once dist/go is built.
  npx projen package:go
  (cd consumers/go && go get "github.com/aws/jsii-runtime-go@v${pacmak}" && go mod tidy)
fi

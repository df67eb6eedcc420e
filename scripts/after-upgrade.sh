#!/usr/bin/env bash
# What the upgrade workflow's Renovate runs on each of its branches after it moved a pin
# (renovate.json's postUpgradeTasks, written by projenrc/upgrades.ts): everything derived from the pins
# is made anew, so that the pull request holds what a person making the same upgrade would commit,
# and its build checks exactly that.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/node/use.sh

npm ci --no-audit --no-fund --loglevel=error
# package.json and its lock from .projenrc.ts's pins, the workflows from the action pins and the Node version.
npx projen
# API.md, which a new jsii-docgen may write differently.
npx projen compile
npx projen docgen

# The build tools of the Python package, for the jsii-pacmak now installed.
if ! bash build-tools/lock-pacmak-python.sh --check 2>/dev/null; then
  bash build-tools/lock-pacmak-python.sh
fi
# The Python app installs jsii at the version of the jsii-pacmak that built the wheel.
pacmak=$(node -p 'require("jsii-pacmak/package.json").version')
sed -i "s/^jsii==.*/jsii==${pacmak}/" consumers/python/requirements.txt

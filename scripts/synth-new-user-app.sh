#!/usr/bin/env bash
# Installs the npm package given (a tarball from `npx projen package:js`) into the new user's app
# given, synthesizes the app as its user would, with its own CDK CLI and cdk.json, and counts what
# cdk-nag 3 reports for each stack.
# Usage: synth-new-user-app.sh <app directory> <npm package tarball>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/$1"
package="$root/$2"
cd "$app"

# Our version is always 0.0.0: drop the copy of the last run, so that npm unpacks this one. And drop
# it again when done: jsii-docgen searches the whole tree for assemblies, and would document this
# stale copy in API.md rather than the one just compiled.
rm -rf node_modules/cdk-private-ecs-http-api
trap 'rm -rf "$app/node_modules/cdk-private-ecs-http-api"' EXIT
npm install --no-save --no-audit --no-fund --loglevel=error "$package"

# Offline, the CLI would spend seconds asking the EC2 metadata service for a Region and account.
export AWS_REGION="${AWS_REGION:-us-east-1}"
rm -rf cdk.out
status=0
node_modules/.bin/cdk synth --quiet --no-notices || status=$?
ts-node --transpile-only --project "$root/tsconfig.dev.json" "$root/scripts/count-nag-findings.ts" cdk.out "$status"

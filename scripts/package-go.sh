#!/usr/bin/env bash
# Builds dist/go as `jsii-pacmak --target go` does: the same files, go.mod as pacmak writes it, and the
# same check that the package compiles, against a scratch go.mod that no one publishes.
#
# pacmak's own check (`go mod tidy` and `go build` with a `local.go.mod`) fails on this project's machine:
# its go.mod requires `// indirect` module versions that the machine's Go module proxy does not serve
# (scripts/go-local-modfile.sh says which). So we let pacmak generate the code only (`--code-only` skips
# exactly that check and its clean-up), and run the check ourselves, on a scratch go.mod in which
# go-local-modfile.sh has replaced those versions by ones the proxy serves. The published go.mod keeps
# every line pacmak wrote: that is what Go users get from every other jsii library.
set -euo pipefail
scripts=$(cd "$(dirname "$0")" && pwd)

jsii-pacmak -v --target go --code-only

cd dist/go/cdkprivateecshttpapi
# The scratch files are named as pacmak names its own, and go, as pacmak's do: the module ships without a go.sum.
trap 'rm -f local.go.mod local.go.sum' EXIT
bash "$scripts/go-local-modfile.sh" go.mod local.go.mod
go mod tidy -modfile=local.go.mod
go build -modfile=local.go.mod ./...

#!/usr/bin/env bash
# Builds dist/go as `jsii-pacmak --target go` does, except for one line kind in go.mod.
#
# pacmak writes an `// indirect` requirement into go.mod for every npm package that aws-cdk-lib bundles,
# at the version found in node_modules (for aws-cdk-lib 2.257.0: awscdkcloudassemblyschema/v53 v53.28.0).
# Such a version need not exist as a Go module, and that one is not served, so pacmak's own
# `go mod tidy` fails, and so would every Go user's. Go needs none of those lines: awscdk's own go.mod
# requires the versions it was released with. So we generate the code only, drop those lines, and then
# check that the package compiles, as pacmak would have.
set -euo pipefail

jsii-pacmak -v --target go --code-only

cd dist/go/cdkprivateecshttpapi
sed -i '/\/\/ indirect$/d' go.mod

# Compile against a scratch copy of go.mod, as pacmak does, so the module ships without a go.sum.
cp go.mod local.go.mod
trap 'rm -f local.go.mod local.go.sum' EXIT
go mod tidy -modfile=local.go.mod
go build -modfile=local.go.mod ./...

#!/usr/bin/env bash
# Usage: release-rehearsal.sh RELEASE_TOOLS_VENV
#
# The release workflow (.github/workflows/release.yml), rehearsed offline on a clone of HEAD, up to the
# point where publib would upload; nothing is published, and this working tree is left as it was.
#
# 1. The release job: `npx projen release` is rm -rf dist, bump, build, unbump and an anti-tamper
#    check. Here each of those runs, in a clone, with the release task's environment and CI=true (so
#    `package` makes the npm package only, as in the workflow), except build's `test` step: .ci/run has
#    run the tests on this commit already. The bump writes the version and the changelog.
# 2. The publish jobs: each checks out the commit into .repo, extracts the npm tarball over it, builds
#    its language's package there and publishes that. Here one .repo builds all four.
# 3. Each package against its registry: `npm publish --dry-run`, `twine check --strict` on the wheel
#    and sdist, what Maven Central requires of the POM and jars, for the Go module that it is pacmak's
#    output file for file (go.mod included) and passes `go build` and `go vet`, and
#    scripts/check-release-artifacts.py for the rest.
# 4. How the publish jobs authenticate (scripts/check-publish-jobs.ts): npm and PyPI by trusted
#    publishing, in an environment that holds no secret.
#
# Cheap to reuse, and reused: the project's node_modules (linked into both clones, read only), the npm,
# pip and Go caches, and a Maven repository kept between rehearsals (jsii-pacmak otherwise starts each
# Java build from an empty one, as the workflow's does, and downloads aws-cdk-lib's jar every time).
# Set REHEARSAL_KEEP=1 to keep the clones (their path is printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv=$(cd "$root" && realpath "${1:?usage: release-rehearsal.sh RELEASE_TOOLS_VENV}")
cd "$root"

say() { echo "::: rehearsal: $*"; }
timed() {
  local start=$SECONDS
  "$@"
  echo "    ($((SECONDS - start)) s)"
}

if [[ "$(git rev-parse --is-shallow-repository)" == true ]]; then
  echo "release-rehearsal: this is a shallow clone; the bump and changelog need the whole history and its tags" >&2
  exit 1
fi
tree_before=$(git status --porcelain=v1 --untracked-files=all)
refs_before=$(git show-ref | sha256sum)
commit=$(git rev-parse HEAD)

work=$(mktemp -d "${TMPDIR:-/tmp}/release-rehearsal.XXXXXX")
if [[ "${REHEARSAL_KEEP:-}" == 1 ]]; then
  trap 'echo "release-rehearsal: kept $work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

# The release task's environment (RELEASE, MAJOR, ...), as projen runs `bump` and `build` under it.
release_env=$(node -e '
  const env = require("./.projen/tasks.json").tasks.release.env ?? {};
  console.log(Object.entries(env).map(([k, v]) => `export ${k}=${JSON.stringify(v)}`).join("\n"));')
eval "$release_env"
export CI=true
export JSII_PACMAK_MAVEN_LOCAL_REPOSITORY="${XDG_CACHE_HOME:-$HOME/.cache}/cdk-private-ecs-http-api/maven-repository"

clone="$work/repo"
say "release job, in a clone of $(git rev-parse --short HEAD): $(git log -1 --format=%s)"
git clone --quiet --no-checkout "$root" "$clone"
git -C "$clone" checkout --quiet --detach "$commit"
ln -s "$root/node_modules" "$clone/node_modules"
(
  cd "$clone"
  rm -rf dist
  say "bump"; timed npx projen bump
  for task in default pre-compile compile post-compile package; do
    say "build: $task"; timed npx projen "$task"
  done
  say "unbump"; timed npx projen unbump
  say "anti-tamper: the release job's build changed no committed file"
  git diff --ignore-space-at-eol --exit-code
)
version=$(cat "$clone/dist/version.txt")
tag=$(cat "$clone/dist/releasetag.txt")
tarball="$clone/dist/js/cdk-private-ecs-http-api@$version.jsii.tgz"

say "publish jobs: extract the npm tarball into .repo and build each package there"
publish="$work/publish"
mkdir -p "$publish"
git clone --quiet --no-checkout "$root" "$publish/.repo"
git -C "$publish/.repo" checkout --quiet --detach "$commit"
ln -s "$root/node_modules" "$publish/.repo/node_modules"
tar --strip-components=1 -xzf "$tarball" -C "$publish/.repo"
(
  cd "$publish/.repo"
  for language in js java python go; do
    say "package:$language"; timed npx projen "package:$language"
  done
  say "the Go module as jsii-pacmak writes it, to compare dist/go with"
  timed npx jsii-pacmak --target go --code-only --outdir "$work/pacmak"
)
mv "$publish/.repo/dist" "$publish/dist"
dist="$publish/dist"

checks=()
say "npm: npm publish --dry-run"
npm publish --dry-run --ignore-scripts --tag latest "$dist/js/cdk-private-ecs-http-api@$version.jsii.tgz" 2>&1 | sed 's/^/    /'
checks+=("npm publish --dry-run: ok")

say "PyPI: twine check --strict"
"$venv/bin/twine" --no-color check --strict "$dist"/python/*.whl "$dist"/python/*.tar.gz | sed 's/^/    /'
checks+=("twine check --strict (wheel, sdist): ok")

say "Go: dist/go is pacmak's, go.mod and every other file"
diff -r "$work/pacmak/go" "$dist/go" | sed 's/^/    /'
checks+=("dist/go is jsii-pacmak's output, go.mod included: ok")

say "Go: go build and go vet of dist/go, as a Go user's build would resolve it"
(
  cd "$dist/go/cdkprivateecshttpapi"
  # A scratch go.mod and go.sum, as scripts/package-go.sh does: the module ships without a go.sum, and
  # only the scratch go.mod works around the versions this machine's Go proxy lacks.
  bash "$root/scripts/go-local-modfile.sh" go.mod "$work/go.mod"
  go mod tidy -modfile="$work/go.mod"
  go build -modfile="$work/go.mod" ./...
  go vet -modfile="$work/go.mod" ./...
)
checks+=("go build, go vet (dist/go/cdkprivateecshttpapi): ok")

say "each package against its registry's rules"
"$venv/bin/python" "$root/scripts/check-release-artifacts.py" "$dist" "$version"
checks+=("check-release-artifacts.py: ok")

say "publish jobs: npm and PyPI with trusted publishing (OIDC), and no stored token where they run"
(cd "$root" && ts-node --transpile-only --project tsconfig.dev.json scripts/check-publish-jobs.ts .github/workflows/release.yml) | sed 's/^/    /'
checks+=("check-publish-jobs.ts (npm provenance, PyPI attestations, no registry token in environment release): ok")

say "this working tree is as it was"
if [[ "$(git status --porcelain=v1 --untracked-files=all)" != "$tree_before" || "$(git show-ref | sha256sum)" != "$refs_before" ]]; then
  echo "release-rehearsal: the working tree, a branch or a tag changed" >&2
  exit 1
fi
checks+=("working tree, branches and tags unchanged: ok")

say "the changelog of $tag (dist/changelog.md, the GitHub release's notes)"
sed 's/^/    /' "$clone/dist/changelog.md"

echo "::: release rehearsal of $commit: $tag"
echo "  artifacts (what each publish job would upload):"
(cd "$dist" && find js python java go -type f \( -name '*.tgz' -o -name '*.whl' -o -name '*.tar.gz' -o -name '*.pom' -o -name '*.jar' -o -name go.mod -o -name version \) \
  -not -path 'go/*/jsii/*' | sort | sed 's/^/    dist\//')
echo "  checks:"
printf '    %s\n' "${checks[@]}"

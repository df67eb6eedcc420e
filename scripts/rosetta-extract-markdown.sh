#!/usr/bin/env bash
# Usage: rosetta-extract-markdown.sh FILE.md...
#
# `jsii-rosetta extract --strict` compiles the examples of the README and of `@example` tags, since
# both are in the assembly. Markdown files meant to be folded into the README later (docs/) are not,
# so each one is checked the same way as the README of a scratch copy of our assembly: same
# fixtures (rosetta/), same dependencies, same strict compilation. Run it after `npx projen compile`.
set -euo pipefail

root=$PWD
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for markdown in "$@"; do
  package="$scratch/$(basename "$markdown" .md)"
  mkdir -p "$package"
  cp package.json "$package/"
  cp -R rosetta "$package/"
  ln -s "$root/node_modules" "$root/lib" "$package/"
  # The assembly with this file as its README.
  node -e '
    const fs = require("fs");
    const [assemblyFile, markdownFile, outFile] = process.argv.slice(1);
    const assembly = JSON.parse(fs.readFileSync(assemblyFile, "utf8"));
    assembly.readme = { markdown: fs.readFileSync(markdownFile, "utf8") };
    fs.writeFileSync(outFile, JSON.stringify(assembly));
  ' "$root/.jsii" "$markdown" "$package/.jsii"
  echo "jsii-rosetta extract --strict: $markdown"
  jsii-rosetta extract --strict "$package/.jsii"
done

#!/usr/bin/env bash
# Installs the npm packages the tests read into .cache/npm: GitHub's OpenAPI description and recorded real
# responses (the GitHub simulator's fidelity tests) and eemeli/yaml (the second YAML parser the differential
# test of Tidemark's YAML reader runs with node). Idempotent: does nothing when all of them are already there.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=".cache/npm"
marker="$prefix/node_modules/@octokit/openapi/generated/api.github.com.json"
fixtures="$prefix/node_modules/@octokit/fixtures/scenarios/api.github.com/get-repository/normalized-fixture.json"
yaml_version="2.9.1"
yaml_package="$prefix/node_modules/yaml/package.json"
have_yaml() { [ -f "$yaml_package" ] && grep -q "\"version\": \"$yaml_version\"" "$yaml_package"; }
if [ -f "$marker" ] && [ -f "$fixtures" ] && have_yaml; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "ensure-npm: npm is required (Node.js 20+)" >&2; exit 1; }
mkdir -p "$prefix"
echo "ensure-npm: installing @octokit/openapi 23.0.2, @octokit/fixtures 23.1.2 and yaml $yaml_version into $prefix" >&2
npm install --ignore-scripts --no-audit --no-fund --prefix "$prefix" \
  @octokit/openapi@23.0.2 @octokit/fixtures@23.1.2 "yaml@$yaml_version" >/dev/null
[ -f "$marker" ] || { echo "ensure-npm: $marker is still missing after npm install" >&2; exit 1; }
have_yaml || { echo "ensure-npm: yaml $yaml_version is still missing from $prefix after npm install" >&2; exit 1; }

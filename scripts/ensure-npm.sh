#!/usr/bin/env bash
# Installs the npm packages the GitHub simulator's fidelity tests read (GitHub's OpenAPI description and
# recorded real responses) into .cache/npm. Idempotent: does nothing when the spec is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=".cache/npm"
marker="$prefix/node_modules/@octokit/openapi/generated/api.github.com.json"
fixtures="$prefix/node_modules/@octokit/fixtures/scenarios/api.github.com/get-repository/normalized-fixture.json"
if [ -f "$marker" ] && [ -f "$fixtures" ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "ensure-npm: npm is required (Node.js 20+)" >&2; exit 1; }
mkdir -p "$prefix"
echo "ensure-npm: installing @octokit/openapi 23.0.2 and @octokit/fixtures 23.1.2 into $prefix" >&2
npm install --ignore-scripts --no-audit --no-fund --prefix "$prefix" \
  @octokit/openapi@23.0.2 @octokit/fixtures@23.1.2 >/dev/null
[ -f "$marker" ] || { echo "ensure-npm: $marker is still missing after npm install" >&2; exit 1; }

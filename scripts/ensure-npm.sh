#!/usr/bin/env bash
# Installs the npm packages the tests read into .cache/npm: GitHub's OpenAPI description and recorded real
# responses (the GitHub simulator's fidelity tests) and eemeli/yaml (the second YAML parser the differential
# test of Tidemark's YAML reader runs with node), and kubernetes-models (the Kubernetes OpenAPI schema compiled into
# validators: the deploy tests check every rendered manifest against it). Idempotent: does nothing when all of them are
# already there.
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=".cache/npm"
marker="$prefix/node_modules/@octokit/openapi/generated/api.github.com.json"
fixtures="$prefix/node_modules/@octokit/fixtures/scenarios/api.github.com/get-repository/normalized-fixture.json"
yaml_version="2.9.1"
yaml_package="$prefix/node_modules/yaml/package.json"
have_yaml() { [ -f "$yaml_package" ] && grep -q "\"version\": \"$yaml_version\"" "$yaml_package"; }
k8s_models_version="5.1.0"
k8s_models_package="$prefix/node_modules/kubernetes-models/package.json"
have_k8s_models() { [ -f "$k8s_models_package" ] && grep -q "\"version\": \"$k8s_models_version\"" "$k8s_models_package"; }
if [ -f "$marker" ] && [ -f "$fixtures" ] && have_yaml && have_k8s_models; then
  exit 0
fi

command -v npm >/dev/null 2>&1 || { echo "ensure-npm: npm is required (Node.js 20+)" >&2; exit 1; }
mkdir -p "$prefix"
echo "ensure-npm: installing @octokit/openapi 23.0.2, @octokit/fixtures 23.1.2, yaml $yaml_version and kubernetes-models $k8s_models_version into $prefix" >&2
# kubernetes-models declares node >= 22 but its validators run on Node.js 20 (the deploy tests prove it): no engine check
npm install --ignore-scripts --no-audit --no-fund --engine-strict=false --prefix "$prefix" \
  @octokit/openapi@23.0.2 @octokit/fixtures@23.1.2 "yaml@$yaml_version" "kubernetes-models@$k8s_models_version" >/dev/null 2>"$prefix/npm-install.log" \
  || { cat "$prefix/npm-install.log" >&2; exit 1; }
[ -f "$marker" ] || { echo "ensure-npm: $marker is still missing after npm install" >&2; exit 1; }
have_yaml || { echo "ensure-npm: yaml $yaml_version is still missing from $prefix after npm install" >&2; exit 1; }
have_k8s_models || { echo "ensure-npm: kubernetes-models $k8s_models_version is still missing from $prefix after npm install" >&2; exit 1; }

#!/usr/bin/env bash
# Runs Tidemark's main job on the bundled example (examples/): starts a real local registry on a free
# loopback port, pushes the example's images and tags to it, points Tidemark at it, shows the result, and
# stops everything it started.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
./scripts/ensure-deps.sh
# shellcheck source=scripts/registry.sh
. ./scripts/registry.sh

work="$(mktemp -d)"
cleanup() { [ -n "${REGISTRY_PID:-}" ] && kill "$REGISTRY_PID" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Building tidemark (first run only)"
./tidemark --version

step "Starting a local registry and pushing the example's tags"
registry_start "$work/registry"
echo "registry: http://$REGISTRY_ADDR (storage in a temporary folder)"
cosign_tag="sha256-$(printf 'demo' | sha256sum | cut -d' ' -f1).sig"
for image in cert-manager-controller cert-manager-webhook cert-manager-cainjector cert-manager-acmesolver; do
  registry_push "jetstack/$image" v1.15.3 v1.16.0 v1.16.2 v1.16.5 v1.17.0 v1.17.4 v1.18.0 v1.18.2 v1.19.0-alpha.1 v2.0.0 "$cosign_tag"
done
registry_push stefanprodan/podinfo 6.7.0 6.7.1 6.8.0 6.9.1 7.0.0
registry_push library/nginx 1.25.3 1.25.3-alpine 1.25.4 1.25.5-alpine 1.27.2 1.27.3 1.27.3-alpine latest
registry_push library/busybox 1.36.0 1.36.1 1.37.0 latest
registry_push bitnami/redis 7.2.4 7.2.5 7.4.1 8.0.0
echo "pushed 9 repositories"

# The example's manifests name quay.io, ghcr.io and docker.io. The demo works on a copy of examples/ whose
# tidemark.yaml also sends those hosts' registry API requests to the local registry (the 'endpoint' setting of
# docs/configuration.md), so references keep their real names.
repo="$work/repo"
cp -r examples "$repo"
cat >> "$repo/tidemark.yaml" <<YAML
registries:
  - host: quay.io
    endpoint: http://$REGISTRY_ADDR
  - host: ghcr.io
    endpoint: http://$REGISTRY_ADDR
  - host: docker.io
    endpoint: http://$REGISTRY_ADDR
YAML

step "tidemark scan (default policy: non-breaking)"
./tidemark scan --config "$repo/tidemark.yaml" \
  quay.io/jetstack/cert-manager-controller:v1.16.2 \
  quay.io/jetstack/cert-manager-webhook:v1.16.2 \
  ghcr.io/stefanprodan/podinfo:6.7.0 \
  nginx:1.25.3-alpine \
  bitnami/redis:7.2.4

step "tidemark scan with a semver range, as JSON"
./tidemark scan --config "$repo/tidemark.yaml" --policy 'semver:~1.16' --output json \
  quay.io/jetstack/cert-manager-controller:v1.16.2

step "tidemark refs: every image reference in the example repository"
./tidemark refs --repo "$repo"

step "tidemark plan: what would change and why"
./tidemark plan --repo "$repo"

step "tidemark plan --output diff (a patch that git apply accepts)"
./tidemark plan --repo "$repo" --output diff

step "Done"
echo "Everything the demo started has been stopped. See README.md and docs/ for more."

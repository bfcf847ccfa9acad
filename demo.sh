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
cleanup() {
  [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
  [ -n "${REGISTRY_PID:-}" ] && kill "$REGISTRY_PID" 2>/dev/null
  rm -rf "$work"
}
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

step "Starting the GitHub simulator with the example repository as alice/gitops"
dotnet build tests/Tidemark.GitHubSimulator -c Release -nologo -v q -clp:ErrorsOnly > "$work/simulator-build.log" 2>&1 \
  || { cat "$work/simulator-build.log"; exit 1; }
mkdir -p "$work/github"
cat > "$work/github.yaml" <<YAML
users: [alice]
repositories:
  - owner: alice
    name: gitops
    private: false
    defaultBranch: main
    import: $repo
tokens:
  - name: automation
    kind: fine-grained
    user: alice
    repositories: [gitops]
    permissions: {contents: write, pull_requests: write, metadata: read}
    expiresInDays: 90
    writeTo: tokens/automation
YAML
dotnet tests/Tidemark.GitHubSimulator/bin/Release/net10.0/Tidemark.GitHubSimulator.dll \
  --data "$work/github" --config "$work/github.yaml" > "$work/github.out" 2> "$work/github.err" &
SIM_PID=$!
for _ in $(seq 1 100); do grep -q '^listening on ' "$work/github.out" 2>/dev/null && break; sleep 0.1; done
github="$(sed -n 's/^listening on //p' "$work/github.out")"
[ -n "$github" ] || { echo "the GitHub simulator did not start:"; cat "$work/github.err"; exit 1; }
echo "GitHub simulator: $github (repository alice/gitops; a fine-grained token in a file, never printed)"
run() {
  ./tidemark run --repo "$github/alice/gitops.git" --api-url "$github/" --token-file "$work/github/tokens/automation" \
    --work-dir "$work/tidemark-work" --state "$work/state.db" "$@"
}
show_pr() {
  curl -fsS "$github/repos/alice/gitops/pulls?state=all" > "$work/pulls.json"
  python3 - "$work/pulls.json" <<'PY'
import json, sys
for pr in json.load(open(sys.argv[1])):
    print("#%s [%s] %s" % (pr["number"], pr["state"], pr["title"]))
    print("")
    print(pr["body"])
PY
}

step "tidemark run: commit, push the update branch, open the pull request"
run

step "tidemark run again: nothing new, so nothing is pushed or edited (and no registry is asked: cached)"
run

step "A newer cert-manager release appears in the registry, and tidemark run updates the same pull request"
for name in controller webhook cainjector acmesolver; do registry_push "jetstack/cert-manager-$name" v1.18.3; done
echo "(tag listings are cached in the state store for 10 minutes; --refresh lists every registry now)"
run --refresh

step "The pull request on the simulated GitHub"
show_pr

step "Done"
echo "Everything the demo started has been stopped. See README.md and docs/ for more."

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
# shellcheck source=scripts/example.sh
. ./scripts/example.sh

work="$(mktemp -d)"
trap example_cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Building tidemark (first run only)"
./tidemark --version

step "Starting a local registry and pushing the example's tags"
example_registry
echo "registry: http://$REGISTRY_ADDR (storage in a temporary folder)"
echo "pushed the tags of 9 repositories"

# A copy of examples/, and the operator's settings ($operator, outside the repository) that send quay.io, ghcr.io
# and docker.io to the local registry: registry endpoints are never read from the repository (docs/security.md).
example_repo

step "tidemark scan (default policy: non-breaking)"
./tidemark scan --config "$operator" \
  quay.io/jetstack/cert-manager-controller:v1.16.2 \
  quay.io/jetstack/cert-manager-webhook:v1.16.2 \
  ghcr.io/stefanprodan/podinfo:6.7.0 \
  nginx:1.25.3-alpine \
  bitnami/redis:7.2.4

step "tidemark scan with a semver range, as JSON"
./tidemark scan --config "$operator" --policy 'semver:~1.16' --output json \
  quay.io/jetstack/cert-manager-controller:v1.16.2

step "tidemark refs: every image reference in the example repository"
./tidemark refs --repo "$repo" --config "$operator"

step "tidemark plan: what would change and why"
./tidemark plan --repo "$repo" --config "$operator"

step "tidemark plan --output diff (a patch that git apply accepts)"
./tidemark plan --repo "$repo" --config "$operator" --output diff

step "Starting the GitHub simulator with the example repository as alice/gitops"
example_github
echo "GitHub simulator: $github (repository alice/gitops; a fine-grained token in a file, never printed)"
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
example_run

step "tidemark run again: nothing new, so nothing is pushed or edited (and no registry is asked: cached)"
example_run

step "A newer cert-manager release appears in the registry, and tidemark run updates the same pull request"
for name in controller webhook cainjector acmesolver; do registry_push "jetstack/cert-manager-$name" v1.18.3; done
echo "(tag listings are cached in the state store for 10 minutes; --refresh lists every registry now)"
example_run --refresh

step "The pull request on the simulated GitHub"
show_pr

step "tidemark doctor with the automation token and --write-probe: every capability proven (exit 0)"
example_doctor "$work/github/tokens/automation" --write-probe
echo "exit code: 0"

step "tidemark doctor with a read-only token: it says what is wrong and how to fix it (exit 3)"
code=0
example_doctor "$work/github/tokens/read-only" || code=$?
echo "exit code: $code"
[ "$code" -eq 3 ] || { echo "expected exit 3 from doctor with the read-only token"; exit 1; }

step "tidemark token status: what the state store knows of the token (no network)"
./tidemark token status --state "$work/state.db"

step "tidemark audit: the last pushes and pull request writes, each naming the token by its fingerprint"
./tidemark audit --state "$work/state.db" --action git.push --limit 3
./tidemark audit --state "$work/state.db" --action pr. --limit 3

step "tidemark serve: the same run, continuously, with a dashboard and health endpoints (a few seconds)"
cat > "$work/serve.yaml" <<YAML
listen: ["http://127.0.0.1:0"]
state: $work/state.db
workDir: $work/serve-work
log: text
token: { file: $work/github/tokens/automation }
repositories:
  - url: $github/alice/gitops.git
    apiUrl: $github/
    config: $operator
    interval: 5m
YAML
./tidemark serve --config "$work/serve.yaml" 2> "$work/serve.log" &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true; example_cleanup' EXIT
serve_url=""
for _ in $(seq 1 100); do
  serve_url="$(sed -n 's/.*tidemark serve listening on \(http:[^ ]*\) .*/\1/p' "$work/serve.log" | head -n 1)"
  [ -n "$serve_url" ] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log"; echo "tidemark serve did not start"; exit 1; }
  sleep 0.1
done
[ -n "$serve_url" ] || { cat "$work/serve.log"; echo "tidemark serve did not say where it listens"; exit 1; }
echo "dashboard: $serve_url/"
printf 'GET /healthz: '; curl -fsS "$serve_url/healthz"
printf 'GET /readyz:  '; curl -fsS "$serve_url/readyz"
kill -TERM "$serve_pid"
wait "$serve_pid"
echo "stopped cleanly (SIGTERM, exit 0); docs/serve.md has the settings, scheduling, shutdown and replicas"
trap example_cleanup EXIT

step "Done"
echo "Everything the demo started has been stopped. See README.md and docs/ for more."

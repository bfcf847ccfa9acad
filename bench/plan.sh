#!/usr/bin/env bash
# `tidemark plan` end to end on a generated repository (default 10,000 YAML files, ~87 MB) against a real local
# registry standing in for docker.io, ghcr.io, quay.io and registry.k8s.io. Reports wall time and peak memory.
# Usage: bench/plan.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-deps.sh
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
. ./scripts/registry.sh
files="${1:-10000}"
work="$(mktemp -d -t tidemark-plan-XXXXXX)"
cleanup() { [ -n "${REGISTRY_PID:-}" ] && kill "$REGISTRY_PID" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
./tidemark --version >/dev/null
dotnet bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll generate "$work/repo" "$files"

registry_start "$work/registry"
registry_push library/nginx 1.25.3 1.25.4 1.27.3 2.0.0
registry_push fluxcd/source-controller v1.4.1 v1.4.3 v1.5.0
registry_push jetstack/cert-manager-controller v1.16.2 v1.17.4 v1.18.2
registry_push ingress-nginx/controller v1.11.2 v1.11.5 v1.12.0
registry_push bitnami/redis 7.2.0 7.2.1 7.2.2 7.2.3 7.2.4 7.2.5 7.2.6 7.2.7 7.2.8 7.4.1 7.2.4-debian-12-r0 7.2.5-debian-12-r1
registry_push library/postgres 16.4 16.6 17.2
for k in $(seq 0 29); do
  registry_push "org/app-$k" $(for m in $(seq 0 21); do printf 'v1.%s.0 ' "$m"; done)
done
# registry endpoints are the operator's settings (--config), never the repository's (docs/security.md)
cat > "$work/operator.yaml" <<YAML
version: 1
registries:
  - {host: docker.io, endpoint: "http://$REGISTRY_ADDR"}
  - {host: ghcr.io, endpoint: "http://$REGISTRY_ADDR"}
  - {host: quay.io, endpoint: "http://$REGISTRY_ADDR"}
  - {host: registry.k8s.io, endpoint: "http://$REGISTRY_ADDR"}
YAML
echo "plan over $files files:"
/usr/bin/time -f "wall %e s, peak RSS %M KiB, CPU user %U s + system %S s" \
  dotnet .build/cli/Tidemark.Cli.dll plan --repo "$work/repo" --config "$work/operator.yaml" --output json > "$work/plan.json"
python3 - "$work/plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
places = sum(len(c["files"]) for c in plan["changes"])
print(f'{len(plan["changes"])} changes at {places} places, {len(plan["unchanged"])} unchanged, {len(plan["errors"])} errors, {len(plan["skipped"])} skipped')
PY

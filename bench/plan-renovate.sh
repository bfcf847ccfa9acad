#!/usr/bin/env bash
# `plan` CPU, Tidemark against Renovate's lookups (`--platform=local --dry-run=lookup`), side by side on one
# generated repository whose references point at a *paging* registry: the local distribution registry holds REPOS
# repositories of TAGS tags each, and bench/renovate/paging-proxy.py in front of it sorts and pages tags/list the way
# quay.io, ghcr.io and Docker Hub do (a page holds min(n, 1000) tags, 100 when n is absent; Link rel="next").
# Both tools read the same FILES files and ask the same registry; CPU = user + system of the tool's process
# (the registry's and the proxy's CPU are not counted for either), medians of RUNS. The proxy counts requests.
# A second Tidemark pass against the proxy in "ignore" mode (every page 100 tags whatever n says) shows what asking
# for the largest first page (?n=1000) saves.
# Renovate runs only when installed in .cache/renovate (see bench/renovate.sh); it is offline except for loopback:
# every proxy variable points at a closed port (127.0.0.1:9) and NO_PROXY lets only 127.0.0.1 through.
# Usage: bench/plan-renovate.sh [RUNS] [FILES] [REPOS] [TAGS]   (defaults: 3 200 10 2500)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"; files="${2:-200}"; repos="${3:-10}"; tags="${4:-2500}"
root="$(pwd)"
./scripts/ensure-deps.sh >/dev/null
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
. ./scripts/registry.sh
work="$(mktemp -d -t tidemark-plan-vs-renovate-XXXXXX)"
pids=()
cleanup() { for p in "${REGISTRY_PID:-}" "${pids[@]}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
renovate="$root/.cache/renovate/node_modules/.bin/renovate"
./tidemark --version >/dev/null

registry_start "$work/registry"
python3 bench/renovate/push-tags.py "$REGISTRY_ADDR" "$repos" "$tags"
start_proxy() { # MODE -> PROXY_ADDR
  local port; port="$(free_port)"
  python3 bench/renovate/paging-proxy.py "$REGISTRY_ADDR" "$port" "$1" 1000 "$work/requests-$1.log" &
  pids+=($!); PROXY_ADDR="127.0.0.1:$port"
  for _ in $(seq 1 50); do curl -fsS "http://$PROXY_ADDR/v2/" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "the paging proxy did not start" >&2; return 1
}
start_proxy honour; honour="$PROXY_ADDR"
start_proxy ignore; ignore="$PROXY_ADDR"

generate() { # DIR ADDR
  mkdir -p "$1"
  for i in $(seq 0 $((files - 1))); do
    cat > "$1/app-$i.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-$i
spec:
  template:
    spec:
      containers:
        - name: app
          image: $2/org/app-$((i % repos)):v1.0.0
YAML
  done
}
generate "$work/repo" "$honour"
generate "$work/repo-ignore" "$ignore"
cat > "$work/renovate.json" <<JSON
{"enabledManagers": ["kubernetes"], "kubernetes": {"managerFilePatterns": ["/\\\\.ya?ml\$/"]},
 "packageRules": [{"matchDatasources": ["docker"], "registryUrls": ["http://$honour"]}]}
JSON

cpu() { tail -1 "$1" | awk '{printf "%.2f", $1 + $2}'; }
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR + 1) / 2)]}'; }
lists() { grep -c '/tags/list' "$1" 2>/dev/null || echo 0; }
offline=(HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9
  https_proxy=http://127.0.0.1:9 GLOBAL_AGENT_HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1 no_proxy=127.0.0.1
  GLOBAL_AGENT_NO_PROXY=127.0.0.1)

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $files files, $repos repositories x $tags tags"
tidemark_plan() { # DIR LOG -> median CPU in $median_cpu, requests of the last run in $requests and $tag_requests
  local t=() before
  for _ in $(seq "$runs"); do
    before="$(cat "$2" 2>/dev/null | wc -l)"
    /usr/bin/time -f "%U %S" -o "$work/t" dotnet .build/cli/Tidemark.Cli.dll plan --repo "$1" --output json > "$work/plan.json" || true
    t+=("$(cpu "$work/t")")
    requests="$(( $(wc -l < "$2") - before ))"; tag_requests="$(tail -n "$requests" "$2" | grep -c '/tags/list' || true)"
  done
  median_cpu="$(printf '%s\n' "${t[@]}" | median)"
}
tidemark_plan "$work/repo" "$work/requests-honour.log"; tm="$median_cpu"; tm_req="$requests"; tm_tags="$tag_requests"
changes="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["changes"]))' "$work/plan.json")"
tidemark_plan "$work/repo-ignore" "$work/requests-ignore.log"; ti="$median_cpu"; ti_req="$requests"; ti_tags="$tag_requests"
: > "$work/requests-honour.log"
rn="-"; rn_req="-"; rn_tags="-"; ratio="-"; updates="-"
if [ -x "$renovate" ]; then
  r=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/renovate-base"; : > "$work/requests-honour.log"
    (cd "$work/repo" && env "${offline[@]}" RENOVATE_CONFIG_FILE="$work/renovate.json" RENOVATE_BASE_DIR="$work/renovate-base" \
      RENOVATE_ONBOARDING=false RENOVATE_REQUIRE_CONFIG=ignored LOG_LEVEL=debug RENOVATE_X_IGNORE_NODE_WARN=true \
      NODE_OPTIONS="--require $root/bench/renovate/node20-shim.cjs" \
      /usr/bin/time -f "%U %S" -o "$work/t" "$renovate" --platform=local --dry-run=lookup > "$work/renovate.log" 2>&1) || true
    r+=("$(cpu "$work/t")")
  done
  grep -q '"updates"' "$work/renovate.log" || { echo "Renovate found no updates (log kept: $work/renovate.log)" >&2; tail -30 "$work/renovate.log" >&2; trap - EXIT; exit 1; }
  rn="$(printf '%s\n' "${r[@]}" | median)"
  rn_req="$(wc -l < "$work/requests-honour.log")"; rn_tags="$(lists "$work/requests-honour.log")"
  updates="$(grep -c '"newVersion"' "$work/renovate.log" || true)"
  ratio="$(awk -v a="$rn" -v b="$tm" 'BEGIN {printf "%.1fx", a / b}')"
fi
printf '| tool | registry pages | CPU-s (median of %s) | requests (tags/list) per run | updates found |\n|---|---|---|---|---|\n' "$runs"
printf '| Tidemark plan | n honoured (≤ 1000) | %s | %s (%s) | %s changes |\n' "$tm" "$tm_req" "$tm_tags" "$changes"
printf '| Tidemark plan | n ignored (100 a page) | %s | %s (%s) | |\n' "$ti" "$ti_req" "$ti_tags"
printf '| Renovate lookup | n honoured (≤ 1000) | %s | %s (%s) | %s newVersion lines |\n' "$rn" "$rn_req" "$rn_tags" "$updates"
echo "ratio Renovate / Tidemark: $ratio"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

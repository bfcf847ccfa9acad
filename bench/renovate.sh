#!/usr/bin/env bash
# Discovery CPU, Tidemark (`refs`, precompiled build of ./tidemark) against Renovate (`--platform=local
# --dry-run=extract`, extraction only) side by side on the same trees: examples/ and generated repositories of
# SIZES files (bench/Tidemark.Benchmarks generate). Medians of RUNS, CPU = user + system of the whole process.
# Renovate runs only when installed in .cache/renovate (an ignored folder):
#   npm install --ignore-scripts --no-audit --no-fund --prefix .cache/renovate renovate@44.121.2
# It runs offline: every proxy variable points at a closed loopback port (127.0.0.1:9), so it can send nothing
# anywhere; extraction needs no network. Renovate 44 asks for Node 24; on Node 20 bench/renovate/node20-shim.cjs
# adds the two built-ins it reaches (Set methods, RegExp.escape) and Renovate logs "Unsupported node environment".
# Usage: bench/renovate.sh [RUNS] [SIZES...]   (defaults: 3, then 100 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"; shift || true
sizes=("${@:-100 1000}"); read -r -a sizes <<< "${sizes[*]}"
root="$(pwd)"
work="$(mktemp -d -t tidemark-vs-renovate-XXXXXX)"
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
renovate="$root/.cache/renovate/node_modules/.bin/renovate"

./tidemark --version >/dev/null
dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
trees=("examples:$root/examples")
for n in "${sizes[@]}"; do
  dotnet bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll generate "$work/repo-$n" "$n" >/dev/null
  trees+=("generated $n files:$work/repo-$n")
done
# Renovate's kubernetes manager reads no file by default; the config opens it to every YAML file, as Tidemark reads
cat > "$work/renovate.json" <<'JSON'
{"enabledManagers": ["kubernetes", "flux", "kustomize", "helm-values", "dockerfile", "docker-compose", "github-actions"],
 "kubernetes": {"managerFilePatterns": ["/\\.ya?ml$/"]}}
JSON

cpu() { tail -1 "$1" | awk '{printf "%.2f", $1 + $2}'; }
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR + 1) / 2)]}'; }
offline=(HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9
  https_proxy=http://127.0.0.1:9 GLOBAL_AGENT_HTTP_PROXY=http://127.0.0.1:9 NO_PROXY= no_proxy=)

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; node $(node --version 2>/dev/null || echo none)"
[ -x "$renovate" ] && echo "Renovate $("$renovate" --version 2>/dev/null)" || echo "Renovate not installed in .cache/renovate: Tidemark only"
printf '| tree | files | Tidemark refs CPU-s | references | Renovate extract CPU-s | dependencies | ratio |\n|---|---|---|---|---|---|---|\n'
for entry in "${trees[@]}"; do
  name="${entry%%:*}"; dir="${entry#*:}"
  files="$(find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name 'Dockerfile*' \) | wc -l)"
  t=(); for _ in $(seq "$runs"); do
    /usr/bin/time -f "%U %S" -o "$work/t" dotnet .build/cli/Tidemark.Cli.dll refs --repo "$dir" --output json > "$work/refs.json"
    t+=("$(cpu "$work/t")"); done
  tm="$(printf '%s\n' "${t[@]}" | median)"
  refs="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d.get("references", d.get("refs", []))))' "$work/refs.json" 2>/dev/null || echo '?')"
  rn="-"; deps="-"; ratio="-"
  if [ -x "$renovate" ]; then
    r=(); for _ in $(seq "$runs"); do
      rm -rf "$work/renovate-base"
      (cd "$dir" && env "${offline[@]}" RENOVATE_CONFIG_FILE="$work/renovate.json" RENOVATE_BASE_DIR="$work/renovate-base" \
        RENOVATE_ONBOARDING=false RENOVATE_REQUIRE_CONFIG=ignored LOG_LEVEL=info RENOVATE_X_IGNORE_NODE_WARN=true \
        NODE_OPTIONS="--require $root/bench/renovate/node20-shim.cjs" \
        /usr/bin/time -f "%U %S" -o "$work/t" "$renovate" --platform=local --dry-run=extract > "$work/renovate.log" 2>&1) || true
      grep -q "Dependency extraction complete" "$work/renovate.log" || { echo "Renovate did not extract (log kept: $work/renovate.log)" >&2; tail -20 "$work/renovate.log" >&2; exit 1; }
      r+=("$(cpu "$work/t")"); done
    rn="$(printf '%s\n' "${r[@]}" | median)"
    deps="$(grep -c '"depName"' "$work/renovate.log" || true)"
    ratio="$(awk -v a="$rn" -v b="$tm" 'BEGIN {printf "%.1fx", a / b}')"
  fi
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$files" "$tm" "$refs" "$rn" "$deps" "$ratio"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

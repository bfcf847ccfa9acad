#!/usr/bin/env bash
# Renovate extraction only (offline) on a trial tree: prints one line per dependency: manager file depName currentValue datasource skipReason
set -euo pipefail
dir="$1"; out="${2:-/tmp/renovate-$(basename "$dir").log}"
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
renovate="$root/.cache/renovate/node_modules/.bin/renovate"
[ -x "$renovate" ] || { echo "Renovate is not installed: npm install --ignore-scripts --no-audit --no-fund --prefix .cache/renovate renovate@44.121.2" >&2; exit 2; }
cfg="$(mktemp -d)"
# RENOVATE_EXTRA_MANAGERS: more managers with their default file patterns, comma-separated (e.g. helmfile)
extra=""; for m in ${RENOVATE_EXTRA_MANAGERS//,/ }; do extra="$extra, \"$m\""; done
cat > "$cfg/renovate.json" <<JSON
{"enabledManagers": ["flux", "helm-values", "kustomize", "helmv3"$extra],
 "flux": {"managerFilePatterns": ["/\\\\.ya?ml\$/"]},
 "helm-values": {"managerFilePatterns": ["/\\\\.ya?ml\$/"]},
 "kustomize": {"managerFilePatterns": ["/(^|/)kustomization\\\\.ya?ml\$/"]},
 "helmv3": {"managerFilePatterns": ["/(^|/)Chart\\\\.ya?ml\$/"]}}
JSON
(cd "$dir" && [ -d .git ] || (git init -q && git add -A && git -c user.name=t -c user.email=t@t.invalid commit -qm trial))
(cd "$dir" && env HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 \
  GLOBAL_AGENT_HTTP_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1 no_proxy=127.0.0.1 GLOBAL_AGENT_NO_PROXY=127.0.0.1 \
  RENOVATE_CONFIG_FILE="$cfg/renovate.json" RENOVATE_BASE_DIR="$cfg/base" RENOVATE_ONBOARDING=false RENOVATE_REQUIRE_CONFIG=ignored \
  LOG_LEVEL=debug LOG_FORMAT=json RENOVATE_X_IGNORE_NODE_WARN=true NODE_OPTIONS="--require $root/bench/renovate/node20-shim.cjs" \
  "$renovate" --platform=local --dry-run=extract > "$out" 2>&1) || true
python3 - "$out" <<'PY'
import json,sys
for line in open(sys.argv[1]):
    try: o=json.loads(line)
    except Exception: continue
    pf=o.get("packageFiles") or o.get("config",{}) if isinstance(o.get("config"),dict) else o.get("packageFiles")
    if o.get("msg")!="Extracted dependencies": continue
    for mgr,files in o["packageFiles"].items():
        for f in files:
            for d in f.get("deps",[]):
                print("\t".join(str(x) for x in [mgr,f["packageFile"],d.get("depName"),d.get("currentValue"),d.get("datasource"),d.get("skipReason","")]))
PY

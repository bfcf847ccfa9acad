#!/usr/bin/env bash
# Notification-to-pull-request latency of `tidemark serve` on loopback: the bundled example in the GitHub simulator
# plus one Deployment whose image lives in a real local distribution registry, which notifies the service's
# /hooks/registry/distribution itself (notifications.endpoints). Each repetition pushes a new tag and measures the
# time until the update branch holds it and the pull request says so. The repository's interval is an hour, so
# only the notification can cause the run. Target: under 5 s. Usage: bench/serve-latency.sh [REPETITIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-deps.sh
. ./scripts/registry.sh
. ./scripts/example.sh
reps="${1:-5}"
work="$(mktemp -d)"
SERVE_PID=""
stop_serve() { [ -z "$SERVE_PID" ] || { kill "$SERVE_PID" 2>/dev/null; wait "$SERVE_PID" 2>/dev/null || true; }; }
trap 'stop_serve; example_cleanup' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

./tidemark --version >/dev/null
serve_port="$(free_port)"
hook_secret="$(openssl rand -hex 20)"
REGISTRY_NOTIFY_URL="http://127.0.0.1:$serve_port/hooks/registry/distribution" \
REGISTRY_NOTIFY_AUTHORIZATION="Bearer $hook_secret" example_registry
registry_push bench/app 1.0.0
example_repo
mkdir -p "$repo/apps/bench"
cat > "$repo/apps/bench/deployment.yaml" <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: bench-app
spec:
  template:
    spec:
      containers:
        - name: app
          image: $REGISTRY_ADDR/bench/app:1.0.0
YAML
example_github
cat > "$work/serve.yaml" <<YAML
listen: ["http://127.0.0.1:$serve_port"]
state: $work/state.db
workDir: $work/serve-work
log: json
token: { file: $work/github/tokens/automation }
repositories:
  - url: $github/alice/gitops.git
    interval: 1h
    config: $operator
    apiUrl: $github/
webhooks:
  registries:
    distribution: { secret: { env: BENCH_HOOK_SECRET } }
YAML
BENCH_HOOK_SECRET="$hook_secret" TIDEMARK_LOG_LEVEL=Information ./tidemark serve --config "$work/serve.yaml" > "$work/serve.out" 2> "$work/serve.log" &
SERVE_PID=$!

git init -q --bare "$work/probe.git"
probe() { # TAG -> success when the update branch's deployment names that tag and the open pull request mentions it
  git --git-dir "$work/probe.git" -c core.askpass=true fetch -q --depth 1 "$github/alice/gitops.git" \
    "+refs/heads/flux-image-updates:refs/remotes/bench" 2>/dev/null || return 1
  git --git-dir "$work/probe.git" show refs/remotes/bench:apps/bench/deployment.yaml 2>/dev/null | grep -q "bench/app:$1\$" || return 1
  curl -fsS "$github/repos/alice/gitops/pulls?state=open" | grep -q "$1"
}
wait_for() { # TAG DEADLINE_S
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  until probe "$1"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "no pull request with $1 within $2 s; serve's log:" >&2; tail -30 "$work/serve.log" >&2; return 1; }
    sleep 0.05
  done
}

# The first run: the notifications queued while the service started trigger it (its images are not known yet).
registry_push bench/app 1.0.1
wait_for 1.0.1 120
echo "first pull request open (bench/app 1.0.1); measuring $reps notification(s)"
results=()
for i in $(seq 2 $(( reps + 1 ))); do
  tag="1.0.$i"
  start="$(now_ms)"
  registry_push bench/app "$tag"
  wait_for "$tag" 60
  elapsed=$(( $(now_ms) - start ))
  results+=("$elapsed")
  run="$(grep '"event":"run.finished"' "$work/serve.log" | grep -F "app:$tag" | sed -n 's/.* in \([0-9.]*\) s \[run .*/\1/p' | tail -1 || true)"
  printf 'push %s -> pull request updated: %5d ms (the reconcile itself: %s s)\n' "$tag" "$elapsed" "${run:-?}"
  sleep 1
done
sorted=($(printf '%s\n' "${results[@]}" | sort -n))
printf 'min %d ms, median %d ms, max %d ms over %d pushes (includes the probe interval of ~50 ms plus a git fetch per probe)\n' \
  "${sorted[0]}" "${sorted[$(( ${#sorted[@]} / 2 ))]}" "${sorted[-1]}" "${#sorted[@]}"
grep -c '"webhook.accepted"' "$work/serve.log" | xargs printf 'webhook.accepted lines in the log: %s\n'
if grep -q "$hook_secret" "$work/serve.log" "$work/serve.out"; then echo "the hook secret reached serve's output" >&2; exit 1; fi

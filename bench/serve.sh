#!/usr/bin/env bash
# `tidemark serve` with 50 repositories (copies of the bundled example on the GitHub simulator, images on the local
# registry): (1) idle memory — VmRSS from /proc/PID/status a few seconds after start, with every first run still
# ahead (interval 1h); (2) throughput — reconciles finished in one minute with interval 10s and the default
# maxConcurrentRuns (4), counted from the log's "run finished" lines. Usage: bench/serve.sh [REPOSITORIES] [SECONDS].
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-deps.sh
. ./scripts/registry.sh
. ./scripts/example.sh
count="${1:-50}"
seconds="${2:-60}"
work="$(mktemp -d)"
serve_pid=""
trap '[ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true; example_cleanup' EXIT
./tidemark --version >/dev/null
example_registry
example_repo
dotnet build tests/Tidemark.GitHubSimulator -c Release -nologo -v q -clp:ErrorsOnly > "$work/simulator-build.log" 2>&1 \
  || { cat "$work/simulator-build.log"; exit 1; }
mkdir -p "$work/github"
{
  echo "users: [alice]"
  echo "repositories:"
  for i in $(seq 1 "$count"); do
    printf '  - { owner: alice, name: gitops%s, private: false, defaultBranch: main, import: %s }\n' "$i" "$repo"
  done
  echo "tokens:"
  echo "  - name: automation"
  echo "    kind: fine-grained"
  echo "    user: alice"
  printf '    repositories: [%s]\n' "$(seq -s, -f 'gitops%g' 1 "$count")"
  echo "    permissions: {contents: write, pull_requests: write, metadata: read}"
  echo "    expiresInDays: 90"
  echo "    writeTo: tokens/automation"
} > "$work/github.yaml"
dotnet tests/Tidemark.GitHubSimulator/bin/Release/net10.0/Tidemark.GitHubSimulator.dll \
  --data "$work/github" --config "$work/github.yaml" > "$work/github.out" 2> "$work/github.err" &
SIM_PID=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/github.out" 2>/dev/null && break; sleep 0.1; done
github="$(sed -n 's/^listening on //p' "$work/github.out")"
[ -n "$github" ] || { echo "the GitHub simulator did not start:"; cat "$work/github.err"; exit 1; }

settings() { # settings INTERVAL
  echo "listen: [\"http://127.0.0.1:0\"]"
  echo "state: $work/state-$1.db"
  echo "workDir: $work/serve-work"
  echo "log: text"
  echo "token: { file: $work/github/tokens/automation }"
  echo "repositories:"
  for i in $(seq 1 "$count"); do
    printf '  - { url: %s/alice/gitops%s.git, apiUrl: %s/, config: %s, interval: %s }\n' "$github" "$i" "$github" "$operator" "$1"
  done
}

start_serve() { # start_serve SETTINGS LOG
  ./tidemark serve --config "$1" 2> "$2" &
  serve_pid=$!
  for _ in $(seq 1 300); do grep -q 'tidemark serve listening on' "$2" 2>/dev/null && return 0; sleep 0.1; done
  cat "$2"; echo "tidemark serve did not start"; exit 1
}

stop_serve() {
  kill -TERM "$serve_pid"; wait "$serve_pid" || true; serve_pid=""
}

settings 1h > "$work/idle.yaml"
start_serve "$work/idle.yaml" "$work/idle.log"
sleep 5
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status")
printf 'idle: %s repositories configured, VmRSS %d MB (%s kB)\n' "$count" $(( rss / 1024 )) "$rss"
stop_serve

settings 10s > "$work/busy.yaml"
start_serve "$work/busy.yaml" "$work/busy.log"
sleep "$seconds"
finished=$(grep -c 'run finished:' "$work/busy.log" || true)
failed=$(grep -c 'run failed:' "$work/busy.log" || true)
rss=$(awk '/^VmRSS/ {print $2}' "/proc/$serve_pid/status")
stop_serve
printf 'busy: %s reconciles finished (%s failed) in %ss with %s repositories at interval 10s, maxConcurrentRuns 4; VmRSS then %d MB\n' \
  "$finished" "$failed" "$seconds" "$count" $(( rss / 1024 ))

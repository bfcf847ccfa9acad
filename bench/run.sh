#!/usr/bin/env bash
# `tidemark run` on the bundled example with nothing to change (warm work directory and tag cache), against the
# local registry and the GitHub simulator: wall time per run, git processes started, GitHub REST requests and
# registry requests, read from the debug log. Usage: bench/run.sh [RUNS] [sqlite|postgres] (the state store: a SQLite
# file, the default, or a throw-away local PostgreSQL server).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-deps.sh
. ./scripts/registry.sh
. ./scripts/example.sh
. ./scripts/postgres.sh
runs="${1:-5}"
backend="${2:-sqlite}"
work="$(mktemp -d)"
pg_dir=""
trap 'postgres_stop; [ -z "$pg_dir" ] || rm -rf "$pg_dir"; example_cleanup' EXIT
if [ "$backend" = postgres ]; then
  pg_dir="$(mktemp -d)"                                # its own folder: $work is not open to the postgres user
  postgres_start "$pg_dir"
  EXAMPLE_STATE="$PG_URL"
fi
./tidemark --version >/dev/null
example_registry
example_repo
example_github
example_run > "$work/first.out"                      # creates the branch and the pull request, fills the cache
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  TIDEMARK_LOG_LEVEL=Debug example_run > "$work/run.out" 2> "$work/run.log"
  end=$(date +%s%N)
  git=$(grep -c ' git.started ' "$work/run.log" || true)
  rest=$(grep -c ' forge.request ' "$work/run.log" || true)
  registry=$(grep -c ' registry.list.read ' "$work/run.log" || true)
  printf 'run %s: %4d ms, %s git processes, %s GitHub REST requests, %s registry listings; %s\n' \
    "$i" $(( (end - start) / 1000000 )) "$git" "$rest" "$registry" "$(grep '^pull request:' "$work/run.out")"
done

#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, builds once, runs every test
# project, and ends with one plain summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

./scripts/ensure-deps.sh
./scripts/ensure-npm.sh

results="$(pwd)/.build/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build Tidemark.slnx -c Release -nologo -v q -clp:ErrorsOnly

status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
  echo "== $name"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  p="$(get passed)"; f="$(get failed)"; t="$(get total)"; e="$(get executed)"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
exit $status

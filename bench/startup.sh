#!/usr/bin/env bash
# Start-up cost of the CLI, JIT-only build against the precompiled (ReadyToRun) build that ./tidemark runs, each with
# dynamic PGO on and off: CPU seconds (user + system, median of RUNS) and methods the JIT compiled (a startup hook,
# bench/JitCounter, counts them without touching the tool's output). Commands: --version, refs on examples/, and refs
# on a generated repository of FILES YAML files (a large run, where PGO's instrumented code shows).
# Usage: bench/startup.sh [RUNS] [FILES]   (defaults 3 and 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
files="${2:-2000}"
work="$(mktemp -d -t tidemark-startup-XXXXXX)"
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

# the JIT-only build: what `dotnet build` (and ./tidemark before issue 15) gives
dotnet build src/Tidemark.Cli/Tidemark.Cli.csproj -c Release -o "$work/jit" -nologo -v q -clp:ErrorsOnly >/dev/null
./tidemark --version >/dev/null   # the precompiled build in .build/cli, rebuilt when sources changed
dotnet build bench/JitCounter -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
hook="$(pwd)/bench/JitCounter/bin/Release/net10.0/JitCounter.dll"
dotnet bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll generate "$work/repo" "$files" >/dev/null

# one measurement: prints "CPU-SECONDS JIT-METHODS"; the tool's output goes to a file compared across builds
measure() {
  local build="$1" pgo="$2" out="$3"; shift 3
  : > "$work/jit.txt"
  DOTNET_TieredPGO="$pgo" DOTNET_STARTUP_HOOKS="$hook" JIT_COUNTER_OUT="$work/jit.txt" \
    /usr/bin/time -f "%U %S" -o "$work/time.txt" dotnet "$build/Tidemark.Cli.dll" "$@" > "$out" 2>/dev/null || true
  echo "$(tail -1 "$work/time.txt" | awk '{printf "%.2f", $1 + $2}') $(awk '{print $2}' "$work/jit.txt")"
}
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR + 1) / 2)]}'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(dotnet --version) SDK"
printf '| command | build | TieredPGO | CPU-s (median of %s) | runs | methods JIT-compiled |\n|---|---|---|---|---|---|\n' "$runs"
for command in "--version" "refs --repo examples" "refs --repo $work/repo"; do
  label="${command/$work\/repo/GENERATED ($files files)}"
  for build in jit precompiled; do
    dir="$work/jit"; [ "$build" = precompiled ] && dir=.build/cli
    for pgo in 1 0; do
      results=()
      for _ in $(seq "$runs"); do
        # shellcheck disable=SC2086 # the command is split into its words on purpose
        results+=("$(measure "$dir" "$pgo" "$work/out-$build-$pgo.txt" $command)")
      done
      cpu="$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | median)"
      all="$(printf '%s\n' "${results[@]}" | cut -d' ' -f1 | tr '\n' ' ')"
      methods="$(printf '%s\n' "${results[@]}" | cut -d' ' -f2 | median)"
      printf '| `%s` | %s | %s | %s | %s| %s |\n' "$label" "$build" "$([ "$pgo" = 1 ] && echo on || echo off)" "$cpu" "$all" "$methods"
    done
  done
  # the precompiled build must print exactly what the JIT build prints (--version names the commit each was built at)
  [ "$command" = "--version" ] && continue
  for f in "$work"/out-*.txt; do cmp -s "$f" "$work/out-jit-1.txt" || { echo "output differs: $f" >&2; exit 1; }; done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

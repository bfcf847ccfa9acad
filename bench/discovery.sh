#!/usr/bin/env bash
# Times RepositoryWalker.Discover over a generated repository of 10,000 YAML files (~100 MB) on one core.
# Usage: bench/discovery.sh [FILES]   (the generated tree is removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-10000}"
dir="$(mktemp -d -t tidemark-discovery-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
exe=bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll
dotnet "$exe" generate "$dir" "$files"
# one core: pin the process and tell the runtime so; run 1 is cold (JIT); dynamic PGO settles by about run 4
DOTNET_PROCESSOR_COUNT=1 DOTNET_gcServer=0 taskset -c 0 dotnet "$exe" discover "$dir" 5

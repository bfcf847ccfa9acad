#!/usr/bin/env bash
# Parses a generated Helm repository index.yaml (default 30 MB, Bitnami-shaped) with the streaming parser the Helm
# index client uses, on one core; prints time, CPU, allocation and peak working set per run (run 1 is cold: JIT).
# Usage: bench/helm-index.sh [MB] [RUNS] [events]   (events: the YAML event parser the scanner falls back to;
# the generated file is removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-30}"
runs="${2:-3}"
dir="$(mktemp -d -t tidemark-helm-index-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
exe=bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll
DOTNET_PROCESSOR_COUNT=1 DOTNET_gcServer=0 taskset -c 0 dotnet "$exe" helm-index "$dir/index.yaml" "$mb" "$runs" "${3:-lines}"

#!/usr/bin/env bash
# Scans N distinct repositories (default 200) on a real token-auth registry started on loopback and reports
# wall time and requests made. Usage: bench/scan.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-deps.sh
dotnet build bench/Tidemark.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
dotnet bench/Tidemark.Benchmarks/bin/Release/net10.0/Tidemark.Benchmarks.dll scan "${1:-200}"

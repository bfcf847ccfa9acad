#!/usr/bin/env bash
# Publishes tidemark as one self-contained file per platform (no .NET needed where it runs):
#   scripts/publish.sh [--fast] [--out DIR] [RID...]
# RIDs default to linux-x64 linux-arm64 osx-arm64 win-x64; each lands in DIR/RID/tidemark (tidemark.exe on Windows),
# DIR defaulting to artifacts/publish. The file is precompiled (ReadyToRun, with the runtime as one composite image,
# the fastest start; a few minutes per platform); --fast skips precompiling (about a minute; the tests use it).
# Every platform is tried; the summary names the ones that failed (their runtime packs missing from the NuGet feed,
# say) and the script then exits 1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

out="$root/artifacts/publish"
precompile=true
rids=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fast) precompile=false ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "publish.sh: unknown option $1 (--fast, --out DIR, then RIDs such as linux-x64)" >&2; exit 2 ;;
    *) rids+=("$1") ;;
  esac
  shift
done
[ ${#rids[@]} -gt 0 ] || rids=(linux-x64 linux-arm64 osx-arm64 win-x64)

built=(); failed=()
for rid in "${rids[@]}"; do
  case "$rid" in
    linux-x64|linux-arm64|linux-musl-x64|linux-musl-arm64|osx-x64|osx-arm64|win-x64|win-arm64|win-x86) ;;
    *) echo "publish.sh: $rid is not a runtime identifier this script knows (linux-x64, linux-arm64, osx-arm64, win-x64, ...)" >&2; exit 2 ;;
  esac
  dir="$out/$rid"
  rm -rf "$dir"
  mkdir -p "$dir"
  log="$dir.log"
  echo "publish.sh: $rid (precompiled: $precompile) -> $dir" >&2
  # TidemarkPrecompile=true keeps the build in obj/precompiled (Directory.Build.props): the test build is left alone;
  # PublishReadyToRun=false (--fast) then only turns off crossgen.
  if dotnet publish "$root/src/Tidemark.Cli/Tidemark.Cli.csproj" -c Release -r "$rid" --self-contained \
      -p:TidemarkPrecompile=true -p:PublishReadyToRun="$precompile" \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=embedded \
      -o "$dir" -nologo -v q -tl:off -clp:ErrorsOnly > "$log" 2>&1; then
    exe=Tidemark.Cli; name=tidemark
    case "$rid" in win-*) exe=Tidemark.Cli.exe; name=tidemark.exe ;; esac
    mv "$dir/$exe" "$dir/$name"
    built+=("$rid")
  else
    echo "publish.sh: $rid failed (log: $log):" >&2
    grep -E 'error' "$log" | sort -u | head -5 >&2 || true
    failed+=("$rid")
  fi
done

echo "publish.sh: built: ${built[*]:-none}; failed: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ]

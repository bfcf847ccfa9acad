#!/usr/bin/env bash
# Whole-repository trial: Renovate (offline extraction) and `tidemark refs` on the same tree, then the per-kind table.
# usage: whole-trial.sh TREE TIDEMARK_DIR [OUT_DIR]
#   TREE          a repository tree (a checkout, or one rebuilt from public files); it is given a git commit if it has none
#   TIDEMARK_DIR  a Tidemark checkout (its ./tidemark builds itself when a source changed)
#   OUT_DIR       where the raw outputs go (default /tmp/whole-trial-$(basename TREE))
# Renovate runs with the managers flux, helm-values, kustomize, helmv3 (every *.yaml given to flux and helm-values) and
# helmfile (its default patterns); set RENOVATE_EXTRA_MANAGERS to change the extra ones (empty: none).
set -euo pipefail
tree="$(readlink -f "$1")"; tidemark="$(readlink -f "$2")"; out="${3:-/tmp/whole-trial-$(basename "$tree")}"
tools="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
mkdir -p "$out"
echo "tree: $tree ($(find "$tree" -type f -not -path '*/.git/*' | wc -l) files)" >&2
RENOVATE_EXTRA_MANAGERS="${RENOVATE_EXTRA_MANAGERS-helmfile}" \
  bash "$tools/renovate-extract.sh" "$tree" "$out/renovate.log" > "$out/renovate.tsv"
echo "renovate: $(wc -l < "$out/renovate.tsv") dependencies ($out/renovate.tsv)" >&2
(cd "$tidemark" && ./tidemark refs --repo "$tree" --output json > "$out/tidemark.json" 2> "$out/tidemark.err") || {
  echo "tidemark refs failed (exit $?):" >&2; cat "$out/tidemark.err" >&2; exit 1; }
echo "tidemark: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["references"]), "references,", len(d["skipped"]), "skipped")' "$out/tidemark.json") ($out/tidemark.json)" >&2
python3 "$tools/compare-whole.py" "$out/renovate.tsv" "$out/tidemark.json" "$tree" | tee "$out/table.md"

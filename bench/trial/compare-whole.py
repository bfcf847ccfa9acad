#!/usr/bin/env python3
"""Compare Renovate's extraction (renovate-extract.sh TSV) with `tidemark refs --output json` on one whole tree:
chart versions, OCIRepository tags and container images, per kind.

usage: compare-whole.py RENOVATE_TSV TIDEMARK_JSON TREE [--markdown]

Kinds (Renovate side -> Tidemark side):
  HelmRelease chart     flux dep, datasource helm        <-> kind helmrelease-chart
  OCIRepository tag     flux dep whose file holds url oci://DEP <-> kind ocirepository (helm-chart or oci-artifact)
  Kustomize helmCharts  kustomize dep, datasource helm   <-> kind kustomize-helm-chart
  Chart.yaml dependency helmv3 dep                       <-> kind chart-dependency
  helmfile release      helmfile dep (only when the helmfile manager ran) <-> kind helmfile-release (or helmfile)
  image                 flux/helm-values/kustomize docker deps that are not OCIRepository tags <-> artifact image
Renovate deps with a skipReason (unknown-registry, ...) are counted and shown; a dep Tidemark does not list as a
reference but names in a `skipped` entry of the same file is "skipped by Tidemark (with reason)", not "missed".
"Missed" lines are located by searching the file for the version (Renovate gives no line numbers).
"""
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

KINDS = ["HelmRelease chart", "OCIRepository tag", "Kustomize helmCharts", "Chart.yaml dependency", "helmfile release", "image"]


def norm_image(name):
    name = name.strip()
    for prefix in ("docker.io/", "index.docker.io/", "registry-1.docker.io/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith("library/"):
        name = name[len("library/"):]
    return name


def renovate_deps(tsv, tree):
    rows = [l.rstrip("\n").split("\t") for l in open(tsv) if l.strip()]
    texts = {}

    def text(f):
        if f not in texts:
            p = tree / f
            texts[f] = p.read_text(errors="replace") if p.exists() else ""
        return texts[f]

    deps = {}
    for mgr, f, name, ver, ds, skip in rows:
        ver = None if ver in ("", "None") else ver
        if mgr == "flux" and ds == "helm":
            kind, key = "HelmRelease chart", (f, name.split("/")[-1], ver)
        elif mgr == "flux" and re.search(r"url:\s*['\"]?oci://" + re.escape(name) + r"['\"]?\s*$", text(f), re.M):
            kind, key = "OCIRepository tag", (f, name, ver)
        elif mgr == "kustomize" and ds == "helm":
            kind, key = "Kustomize helmCharts", (f, name.split("/")[-1], ver)
        elif mgr == "helmv3":
            kind, key = "Chart.yaml dependency", (f, name.split("/")[-1], ver)
        elif mgr == "helmfile":
            kind, key = "helmfile release", (f, name.split("/")[-1], ver)
        elif ds == "docker":
            kind, key = "image", (f, norm_image(name), ver)
        else:
            kind, key = f"other ({mgr}/{ds})", (f, name, ver)
        # flux and helm-values both report an image in a HelmRelease's values: count it once
        deps.setdefault((kind, key), {"kind": kind, "file": f, "name": name, "version": ver, "skip": skip, "managers": set()})
        deps[(kind, key)]["managers"].add(mgr)
        if skip and not deps[(kind, key)]["skip"]:
            deps[(kind, key)]["skip"] = skip
    return deps, text


def tidemark_refs(doc):
    refs = {}
    for r in doc["references"]:
        if r["artifact"] == "image":
            kind = "image"
            name = norm_image(f"{r['registry']}/{r['repository']}" if r.get("registry") else r["repository"])
            key = (r["file"], name, r.get("tag"))
        elif r["kind"] == "helmrelease-chart":
            kind, key = "HelmRelease chart", (r["file"], r["repository"].split("/")[-1], r.get("tag"))
        elif r["kind"] == "ocirepository":
            kind, key = "OCIRepository tag", (r["file"], f"{r['registry']}/{r['repository']}", r.get("tag"))
        elif r["kind"] == "kustomize-helm-chart":
            kind, key = "Kustomize helmCharts", (r["file"], r["repository"].split("/")[-1], r.get("tag"))
        elif r["kind"] in ("helmfile", "helmfile-release"):
            kind, key = "helmfile release", (r["file"], r["repository"].split("/")[-1], r.get("tag"))
        elif r["kind"] == "chart-dependency":
            kind, key = "Chart.yaml dependency", (r["file"], r["repository"].split("/")[-1], r.get("tag"))
        else:
            kind, key = f"other ({r['kind']})", (r["file"], r.get("repository"), r.get("tag"))
        refs[(kind, key)] = r
    return refs


def locate(text, name, version):
    """The line of VERSION after the first line naming NAME (within 15 lines), else the first line with VERSION, else NAME."""
    lines = text.splitlines()
    short = name.split("/")[-1]
    live = [(i, l) for i, l in enumerate(lines, 1) if not l.lstrip().startswith("#")]
    has_version = (lambda l: bool(version) and re.search(r"(^|[\s:'\"@])" + re.escape(version) + r"(['\"]|\s|$)", l))
    for i, l in live:
        if short in l:
            for j, m in live:
                if i <= j <= i + 15 and has_version(m):
                    return j
    for i, l in live:
        if has_version(l):
            return i
    for i, l in live:
        if short in l:
            return i
    return 0


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        sys.exit(__doc__)
    tsv, tm_json, tree = args[0], args[1], Path(args[2])
    ren, text = renovate_deps(tsv, tree)
    doc = json.load(open(tm_json))
    tm = tidemark_refs(doc)
    skipped_by_file = defaultdict(list)
    for s in doc["skipped"]:
        skipped_by_file[s["file"]].append(s)

    kinds = KINDS + sorted({k for k, _ in ren} - set(KINDS)) + sorted({k for k, _ in tm} - set(KINDS))
    rows, details = [], []
    for kind in kinds:
        rk = {key: d for (k, key), d in ren.items() if k == kind}
        tk = {key: r for (k, key), r in tm.items() if k == kind}
        missed, skipped_both = [], []
        for key, d in sorted(rk.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))):
            if key in tk:
                continue
            short = d["name"].split("/")[-1]
            named = [s for s in skipped_by_file.get(d["file"], []) if short in s["reason"]]
            line = locate(text(d["file"]), d["name"], d["version"])
            where = f"{d['file']}:{line}"
            if named:
                skipped_both.append(f"{where} {d['name']} {d['version']} (Renovate: {d['skip'] or 'looked up'}; Tidemark skipped: {named[0]['reason']})")
            else:
                missed.append(f"{where} {d['name']} {d['version']}" + (f" (Renovate: {d['skip']})" if d["skip"] else ""))
        only = [f"{r['file']}:{r['line']} {key[1]} {key[2]}" for key, r in sorted(tk.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))) if key not in rk]
        if not rk and not tk:
            continue
        rskips = sum(1 for d in rk.values() if d["skip"])
        rcount = f"{len(rk)}" + (f" ({rskips} {', '.join(sorted({d['skip'] for d in rk.values() if d['skip']}))})" if rskips else "")
        tcount = f"{len(tk)}" + (f" + {len(skipped_both)} skipped with reason" if skipped_both else "")
        rows.append((kind, rcount, tcount, len(missed), len(only)))
        for m in missed:
            details.append(f"- missed by Tidemark [{kind}]: {m}")
        for s in skipped_both:
            details.append(f"- skipped by Tidemark [{kind}]: {s}")
        for o in only:
            details.append(f"- only Tidemark [{kind}]: {o}")

    print("| kind | Renovate | Tidemark | missed by Tidemark | only Tidemark |")
    print("|---|---|---|---|---|")
    for kind, rc, tc, m, o in rows:
        print(f"| {kind} | {rc} | {tc} | {m} | {o} |")
    print()
    for d in details:
        print(d)
    other = [s for s in doc["skipped"]]
    print(f"\nTidemark skipped entries: {len(other)}")
    for s in other:
        print(f"  {s['file']}:{s['line']} {s['reason']}")


if __name__ == "__main__":
    main()

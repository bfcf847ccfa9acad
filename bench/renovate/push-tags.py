#!/usr/bin/env python3
"""Pushes REPOS repositories org/app-0 … with TAGS tags each (v1.0.0 … by minor and patch) to a distribution
registry over its HTTP API on one kept-alive connection: one config and one layer blob per repository, one OCI
manifest per tag (an annotation makes each tag's digest distinct).
Usage: push-tags.py REGISTRY_ADDR REPOS TAGS"""
import hashlib
import http.client
import json
import sys

addr, repos, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection(addr, timeout=30)


def call(method, path, body=b"", headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status}")
    return response


def blob(repo, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    location = call("POST", f"/v2/{repo}/blobs/uploads/").getheader("Location")
    location = location.split(addr, 1)[-1]
    call("PUT", location + ("&" if "?" in location else "?") + "digest=" + digest, data,
         {"Content-Type": "application/octet-stream"})
    return digest, len(data)


for r in range(repos):
    repo = f"org/app-{r}"
    config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": []}}).encode()
    (cd, cs), (ld, ls) = blob(repo, config), blob(repo, f"layer of {repo}".encode())
    for i in range(count):
        tag = f"v1.{i // 50}.{i % 50}"
        manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                               "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": cs},
                               "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": ld, "size": ls}],
                               "annotations": {"org.opencontainers.image.version": tag}}).encode()
        call("PUT", f"/v2/{repo}/manifests/{tag}", manifest, {"Content-Type": "application/vnd.oci.image.manifest.v1+json"})

#!/usr/bin/env python3
"""A paging front for the local distribution registry (which ignores n and last, research/registry-testing.md).

Usage: paging-proxy.py UPSTREAM_ADDR PORT MODE CAP LOG
  MODE honour: a tags/list page holds min(n, CAP) tags (DEFAULT_PAGE when n is absent), as quay.io, ghcr.io and
               Docker Hub page; MODE ignore: every page holds DEFAULT_PAGE tags whatever n says (a registry that
               does not honour n).
Tags are sorted, pages continue after `last`, and a `Link: <...?n=N&last=T>; rel="next"` header names the next page.
Every other request is forwarded to the registry unchanged. Each request is appended to LOG as one line
"METHOD PATH". Binds to 127.0.0.1 only; bench use, not a test fixture.
"""
import bisect
import http.client
import json
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_PAGE = 100
upstream, port, mode, cap, log_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
lock = threading.Lock()
tags_cache = {}


def upstream_request(method, path, headers=None):
    conn = http.client.HTTPConnection(upstream, timeout=30)
    conn.request(method, path, headers=headers or {})
    response = conn.getresponse()
    return response, response.read(), conn


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self):
        with lock:
            with open(log_path, "a") as log:
                log.write(f"{self.command} {self.path}\n")

    def do_HEAD(self):
        self.forward()

    def do_GET(self):
        self.record()
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/v2/") and url.path.endswith("/tags/list"):
            return self.tags(url)
        self.forward(recorded=True)

    def tags(self, url):
        name = url.path[len("/v2/"):-len("/tags/list")]
        with lock:
            tags = tags_cache.get(name)
        if tags is None:
            response, body, conn = upstream_request("GET", f"/v2/{name}/tags/list")
            conn.close()
            if response.status != 200:
                return self.reply(response.status, body, {"Content-Type": "application/json"})
            tags = sorted(json.loads(body).get("tags") or [])
            with lock:
                tags_cache[name] = tags
        query = urllib.parse.parse_qs(url.query)
        asked = int(query["n"][0]) if "n" in query else DEFAULT_PAGE
        size = min(asked, cap) if mode == "honour" else DEFAULT_PAGE
        start = bisect.bisect_right(tags, query["last"][0]) if "last" in query else 0
        page = tags[start:start + size]
        headers = {"Content-Type": "application/json"}
        if start + size < len(tags):
            headers["Link"] = f'</v2/{name}/tags/list?n={size}&last={urllib.parse.quote(page[-1])}>; rel="next"'
        self.reply(200, json.dumps({"name": name, "tags": page}).encode(), headers)

    def forward(self, recorded=False):
        if not recorded:
            self.record()
        keep = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "authorization")}
        response, body, conn = upstream_request(self.command, self.path, keep)
        conn.close()
        headers = {k: v for k, v in response.getheaders() if k.lower() in
                   ("content-type", "docker-content-digest", "www-authenticate", "docker-distribution-api-version", "location")}
        self.reply(response.status, body, headers, length=response.getheader("Content-Length"))

    def reply(self, status, body, headers, length=None):
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", length if self.command == "HEAD" and length else str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()

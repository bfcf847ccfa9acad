# Shell helpers for a throw-away local distribution registry (sourced by demo.sh and bench scripts).
# Pushing needs no docker: a config blob, a layer blob and an OCI manifest per tag, over the registry's HTTP API.

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# registry_start DIR -> sets REGISTRY_PID and REGISTRY_ADDR (127.0.0.1:PORT); with REGISTRY_NOTIFY_URL set, the registry
# POSTs its push/pull notifications there (with REGISTRY_NOTIFY_AUTHORIZATION as the Authorization header)
registry_start() {
  local dir="$1" port
  port="$(free_port)"
  mkdir -p "$dir/storage"
  cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
  if [ -n "${REGISTRY_NOTIFY_URL:-}" ]; then # the registry's own webhook (bench/serve-latency.sh)
    cat >> "$dir/config.yml" <<YAML
notifications:
  endpoints:
    - name: notify
      url: $REGISTRY_NOTIFY_URL
      headers:
        Authorization: ["${REGISTRY_NOTIFY_AUTHORIZATION:-}"]
      timeout: 2s
      threshold: 3
      backoff: 500ms
      ignoredmediatypes: [application/octet-stream]
YAML
  fi
  /usr/bin/docker-registry serve "$dir/config.yml" > "$dir/registry.log" 2>&1 &
  REGISTRY_PID=$!
  REGISTRY_ADDR="127.0.0.1:$port"
  for _ in $(seq 1 50); do
    curl -fsS "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "the local registry did not start; its log:" >&2
  cat "$dir/registry.log" >&2
  return 1
}

_blob_push() { # repo file -> prints digest
  local repo="$1" file="$2" digest location
  digest="sha256:$(sha256sum "$file" | cut -d' ' -f1)"
  location="$(curl -fsS -X POST -D - -o /dev/null "http://$REGISTRY_ADDR/v2/$repo/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  case "$location" in http*) ;; *) location="http://$REGISTRY_ADDR$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$digest" ;; *) location="$location?digest=$digest" ;; esac
  curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$file" "$location" >/dev/null
  echo "$digest"
}

# registry_push REPO TAG... : pushes each tag as its own small image (distinct digests)
registry_push() {
  local repo="$1"; shift
  local tmp config layer config_digest layer_digest tag
  tmp="$(mktemp -d)"
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}' > "$tmp/config.json"
  printf 'tidemark demo layer for %s' "$repo" > "$tmp/layer"
  config_digest="$(_blob_push "$repo" "$tmp/config.json")"
  layer_digest="$(_blob_push "$repo" "$tmp/layer")"
  config_size="$(stat -c %s "$tmp/config.json")"
  layer_size="$(stat -c %s "$tmp/layer")"
  for tag in "$@"; do
    cat > "$tmp/manifest.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"$config_digest","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"$layer_digest","size":$layer_size}],"annotations":{"org.opencontainers.image.version":"$tag"}}
JSON
    curl -fsS -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
      --data-binary "@$tmp/manifest.json" "http://$REGISTRY_ADDR/v2/$repo/manifests/$tag" >/dev/null
  done
  rm -rf "$tmp"
}

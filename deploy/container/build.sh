#!/usr/bin/env bash
# Builds Tidemark's container image without a Docker daemon and pushes it to a registry (docs/deploy.md "Container image"):
#   deploy/container/build.sh --registry HOST:PORT [--name tidemark] [--tag VERSION] [--rootfs DIR] [--cli DIR]
#                             [--source URL] [--insecure] [--keep DIR]
# Two stages, as a multi-stage Dockerfile would have them, each skipped when given:
#   1. base: a minimal Debian bookworm root filesystem with git and CA certificates (debootstrap, as root), or --rootfs DIR;
#   2. build: tidemark published self-contained for linux-x64 (dotnet publish), or --cli DIR (a folder holding the
#      executable "tidemark" or "Tidemark.Cli", e.g. scripts/publish.sh's single file).
# Then two layers (the base; the CLI in /usr/local/lib/tidemark, linked as /usr/local/bin/tidemark), an OCI config
# (user 65532, entrypoint tidemark, labels org.opencontainers.image.source/version/revision/created), the manifest,
# and a push over the registry HTTP API with curl (plain HTTP with --insecure, e.g. a registry on loopback).
# Prints the pushed reference and manifest digest on its last line. The layers are reproducible: files sorted, owners
# and times fixed (SOURCE_DATE_EPOCH: the last commit's time).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"

registry=""; name="tidemark"; tag=""; rootfs=""; cli=""; insecure=false; keep=""
source_url="https://github.com/tidemark/tidemark"
usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "build.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) registry="$2"; shift ;;
    --name) name="$2"; shift ;;
    --tag) tag="$2"; shift ;;
    --rootfs) rootfs="$2"; shift ;;
    --cli) cli="$2"; shift ;;
    --source) source_url="$2"; shift ;;
    --insecure) insecure=true ;;
    --keep) keep="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown argument $1 (--help lists them)" ;;
  esac
  shift
done
[ -n "$registry" ] || fail "--registry HOST:PORT is required (where the image is pushed)"
[[ "$name" =~ ^[a-z0-9]+([._/-][a-z0-9]+)*$ ]] || fail "--name $name is not a repository name (lower case, digits, . _ - /)"
for tool in curl tar gzip sha256sum git; do command -v "$tool" >/dev/null || fail "$tool is required"; done

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/Tidemark.Cli/Tidemark.Cli.csproj" | head -1)"
[ -n "$tag" ] || tag="$version"
revision="$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}"
created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"

work="${keep:-$(mktemp -d)}"
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

# stage 1: the base
if [ -z "$rootfs" ]; then
  [ "$(id -u)" -eq 0 ] || fail "building the base needs root (debootstrap); or give --rootfs DIR"
  command -v debootstrap >/dev/null || fail "debootstrap is required (apt-get install debootstrap); or give --rootfs DIR"
  rootfs="$work/rootfs"
  echo "build.sh: base: debootstrap bookworm (minbase + git, ca-certificates, libssl3) into $rootfs" >&2
  debootstrap --variant=minbase --include=git,ca-certificates,libssl3 bookworm "$rootfs" http://deb.debian.org/debian \
    > "$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap failed (log above)"; }
  # what a runtime image does not need
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/var/log/* "$rootfs"/tmp/*
fi
[ -d "$rootfs" ] || fail "--rootfs $rootfs is not a folder"

# stage 2: the CLI: self-contained (no .NET in the base), precompiled with the runtime as one composite image, as a
# folder (a single file would unpack its native libraries at start, which a read-only root filesystem forbids)
if [ -z "$cli" ]; then
  echo "build.sh: build: dotnet publish linux-x64, self-contained, precompiled" >&2
  cli="$work/publish"
  DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$root/src/Tidemark.Cli/Tidemark.Cli.csproj" -c Release \
    -r linux-x64 --self-contained -p:TidemarkPrecompile=true -o "$cli" -nologo -v q -tl:off -clp:ErrorsOnly >&2 \
    || fail "dotnet publish failed"
fi
[ -x "$cli/tidemark" ] || [ -x "$cli/Tidemark.Cli" ] || fail "--cli $cli holds no executable tidemark (nor Tidemark.Cli)"

# layer 1: the base, with Tidemark's user (65532) and its writable folders
base="$work/base"
rm -rf "$base"; mkdir -p "$base"
cp -a "$rootfs/." "$base/"
mkdir -p "$base/etc" "$base/tmp" "$base/var/lib/tidemark"
touch "$base/etc/passwd" "$base/etc/group"
grep -q '^tidemark:' "$base/etc/passwd" || echo 'tidemark:x:65532:65532:tidemark:/var/lib/tidemark:/usr/sbin/nologin' >> "$base/etc/passwd"
grep -q '^tidemark:' "$base/etc/group" || echo 'tidemark:x:65532:' >> "$base/etc/group"
chmod 1777 "$base/tmp"
chown 65532:65532 "$base/var/lib/tidemark"
# layer 2: the CLI
app="$work/app"
rm -rf "$app"; mkdir -p "$app/usr/local/lib/tidemark" "$app/usr/local/bin"
cp -a "$cli/." "$app/usr/local/lib/tidemark/"
[ -e "$app/usr/local/lib/tidemark/tidemark" ] || ln -s Tidemark.Cli "$app/usr/local/lib/tidemark/tidemark"
ln -s ../lib/tidemark/tidemark "$app/usr/local/bin/tidemark"

blobs="$work/blobs"
mkdir -p "$blobs"
layer() { # DIR OUT.tar.gz -> prints "DIFF_ID DIGEST SIZE"
  tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --numeric-owner --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
    -C "$1" -cf "$2.tar" .
  local diff; diff="sha256:$(sha256sum "$2.tar" | cut -d' ' -f1)"
  gzip -n -f "$2.tar"
  mv "$2.tar.gz" "$2"
  echo "$diff sha256:$(sha256sum "$2" | cut -d' ' -f1) $(stat -c %s "$2")"
}
read -r base_diff base_digest base_size < <(layer "$base" "$blobs/base.tar.gz")
read -r app_diff app_digest app_size < <(layer "$app" "$blobs/app.tar.gz")

json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
cat > "$blobs/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created","config":{"User":"65532:65532","Entrypoint":["/usr/local/bin/tidemark"],"Cmd":["--help"],"WorkingDir":"/var/lib/tidemark","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","HOME=/var/lib/tidemark","TMPDIR=/tmp","DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp","DOTNET_CLI_TELEMETRY_OPTOUT=1"],"ExposedPorts":{"8080/tcp":{}},"Labels":{"org.opencontainers.image.source":"$(json_string "$source_url")","org.opencontainers.image.version":"$(json_string "$version")","org.opencontainers.image.revision":"$revision","org.opencontainers.image.created":"$created","org.opencontainers.image.title":"tidemark","org.opencontainers.image.description":"Keeps the container images of a GitOps repository up to date through pull requests."}},"rootfs":{"type":"layers","diff_ids":["$base_diff","$app_diff"]},"history":[{"created":"$created","created_by":"deploy/container/build.sh: base (Debian bookworm minbase, git, ca-certificates)"},{"created":"$created","created_by":"deploy/container/build.sh: tidemark $version (linux-x64, self-contained)"}]}
JSON
config_digest="sha256:$(sha256sum "$blobs/config.json" | cut -d' ' -f1)"
config_size="$(stat -c %s "$blobs/config.json")"
cat > "$blobs/manifest.json" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"$config_digest","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"$base_digest","size":$base_size},{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"$app_digest","size":$app_size}],"annotations":{"org.opencontainers.image.source":"$(json_string "$source_url")","org.opencontainers.image.version":"$(json_string "$version")","org.opencontainers.image.revision":"$revision"}}
JSON
manifest_digest="sha256:$(sha256sum "$blobs/manifest.json" | cut -d' ' -f1)"

scheme=https; [ "$insecure" = true ] && scheme=http
api="$scheme://$registry/v2/$name"
push_blob() { # FILE DIGEST
  if curl -fsS -o /dev/null -I "$api/blobs/$2" 2>/dev/null; then return 0; fi
  local location
  location="$(curl -fsS -D - -o /dev/null -X POST "$api/blobs/uploads/" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')"
  [ -n "$location" ] || fail "the registry gave no upload location for $name"
  case "$location" in /*) location="$scheme://$registry$location" ;; esac
  case "$location" in *\?*) location="$location&digest=$2" ;; *) location="$location?digest=$2" ;; esac
  curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/octet-stream' --data-binary "@$1" "$location" \
    || fail "pushing $(basename "$1") ($2) failed"
}
echo "build.sh: pushing $registry/$name:$tag" >&2
push_blob "$blobs/base.tar.gz" "$base_digest"
push_blob "$blobs/app.tar.gz" "$app_digest"
push_blob "$blobs/config.json" "$config_digest"
curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/vnd.oci.image.manifest.v1+json' \
  --data-binary "@$blobs/manifest.json" "$api/manifests/$tag" || fail "pushing the manifest failed"
echo "$registry/$name:$tag@$manifest_digest"

#!/usr/bin/env bash
# Pulls an image pushed by build.sh back from the registry and checks it without a container runtime:
#   deploy/container/verify.sh --insecure HOST:PORT/NAME:TAG [--unpack DIR] [-- TIDEMARK-ARGS...]
# Checks the manifest and config (user 65532, entrypoint /usr/local/bin/tidemark, the org.opencontainers.image labels),
# that every layer's digest matches, and that git and tidemark are in the layers. With --unpack DIR it extracts the
# layers into DIR and, as root, runs tidemark inside it as the image's user (chroot, no namespaces), with TIDEMARK-ARGS
# (default --version). Prints "verify.sh: ok" at the end; any failed check exits 1 naming it.
set -euo pipefail
scheme=https; unpack=""; ref=""; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --insecure) scheme=http ;;
    --unpack) unpack="$2"; shift ;;
    --) shift; args=("$@"); break ;;
    -*) echo "verify.sh: unknown option $1" >&2; exit 2 ;;
    *) ref="$1" ;;
  esac
  shift
done
[[ "$ref" =~ ^([^/]+)/([^:@]+):([^@]+)$ ]] || { echo "verify.sh: give the image as HOST:PORT/NAME:TAG" >&2; exit 2; }
registry="${BASH_REMATCH[1]}"; name="${BASH_REMATCH[2]}"; tag="${BASH_REMATCH[3]}"
[ ${#args[@]} -gt 0 ] || args=(--version)
api="$scheme://$registry/v2/$name"
check() { echo "verify.sh: FAILED: $*" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

curl -fsS -H 'Accept: application/vnd.oci.image.manifest.v1+json' "$api/manifests/$tag" -o "$work/manifest.json" || check "no manifest for $ref"
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$@"; }
config_digest="$(field "$work/manifest.json" 'd["config"]["digest"]')"
curl -fsS "$api/blobs/$config_digest" -o "$work/config.json" || check "config blob $config_digest missing"
[ "sha256:$(sha256sum "$work/config.json" | cut -d' ' -f1)" = "$config_digest" ] || check "config digest mismatch"
[ "$(field "$work/config.json" 'd["config"]["User"]')" = "65532:65532" ] || check "the user is not 65532:65532"
[ "$(field "$work/config.json" 'd["config"]["Entrypoint"]')" = "['/usr/local/bin/tidemark']" ] || check "the entrypoint is not tidemark"
for label in source version revision; do
  value="$(field "$work/config.json" "d['config']['Labels'].get('org.opencontainers.image.$label', '')")"
  [ -n "$value" ] || check "label org.opencontainers.image.$label is missing"
  echo "verify.sh: org.opencontainers.image.$label=$value"
done

: > "$work/files"
i=0
for digest in $(field "$work/manifest.json" '" ".join(l["digest"] for l in d["layers"])'); do
  curl -fsS "$api/blobs/$digest" -o "$work/layer$i.tar.gz" || check "layer $digest missing"
  [ "sha256:$(sha256sum "$work/layer$i.tar.gz" | cut -d' ' -f1)" = "$digest" ] || check "layer $digest: digest mismatch"
  tar -tzf "$work/layer$i.tar.gz" >> "$work/files"
  i=$((i + 1))
done
grep -qx './usr/bin/git' "$work/files" || check "git (/usr/bin/git) is not in the layers"
grep -qx './usr/local/lib/tidemark/tidemark' "$work/files" || check "tidemark (/usr/local/lib/tidemark/tidemark) is not in the layers"
grep -qx './usr/local/bin/tidemark' "$work/files" || check "/usr/local/bin/tidemark is not in the layers"
echo "verify.sh: $i layers, $(wc -l < "$work/files") entries; git and tidemark present"

if [ -n "$unpack" ]; then
  [ "$(id -u)" -eq 0 ] || check "--unpack runs tidemark with chroot, which needs root"
  mkdir -p "$unpack"
  for ((n = 0; n < i; n++)); do tar -xzf "$work/layer$n.tar.gz" -C "$unpack" --numeric-owner; done
  echo "verify.sh: running tidemark ${args[*]} in $unpack as 65532:65532" >&2
  chroot_cmd="$(command -v chroot)" || check "chroot is missing (coreutils)"
  # the runtime reads /proc (memory limits, its own maps) and /dev (null, urandom): the host's, bound for this run only
  mkdir -p "$unpack/proc" "$unpack/dev"
  mount --bind /proc "$unpack/proc" || check "cannot bind /proc into $unpack"
  trap 'umount "$unpack/proc" 2>/dev/null; umount "$unpack/dev" 2>/dev/null; rm -rf "$work"' EXIT
  mount --bind /dev "$unpack/dev" || check "cannot bind /dev into $unpack"
  # read-only, so that deleting DIR while they are still bound could never reach the host's /proc and /dev
  mount -o remount,bind,ro "$unpack/proc" && mount -o remount,bind,ro "$unpack/dev" || check "cannot make the bound /proc and /dev read-only"
  # a clean environment built in a subshell: every exported variable is dropped except GITHUB_TOKEN and
  # TIDEMARK_STATE, which stay exported by name (never `env -i GITHUB_TOKEN=...`: that puts the token on a command line)
  (
    for name in $(compgen -e); do
      case "$name" in GITHUB_TOKEN | TIDEMARK_STATE) ;; *) unset "$name" 2>/dev/null || true ;; esac
    done
    if [ -n "${GITHUB_TOKEN:-}" ]; then export GITHUB_TOKEN; else unset GITHUB_TOKEN; fi
    if [ -n "${TIDEMARK_STATE:-}" ]; then export TIDEMARK_STATE; else unset TIDEMARK_STATE; fi
    export PATH=/usr/local/bin:/usr/bin:/bin HOME=/var/lib/tidemark TMPDIR=/tmp DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp
    exec "$chroot_cmd" --userspec=65532:65532 "$unpack" /usr/local/bin/tidemark "${args[@]}"
  ) || check "tidemark ${args[*]} failed in the image"
fi
echo "verify.sh: ok"

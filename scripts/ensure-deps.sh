#!/usr/bin/env bash
# Installs what a fresh machine lacks for the tests and the demo. Idempotent: a second run installs nothing.
set -euo pipefail

need_apt=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd git || need_apt+=(git)
[ -x /usr/bin/docker-registry ] || need_apt+=(docker-registry)
have_cmd htpasswd || need_apt+=(apache2-utils)
have_cmd openssl || need_apt+=(openssl)
have_cmd perl || need_apt+=(perl)
have_cmd curl || need_apt+=(curl)
have_cmd python3 || need_apt+=(python3)
have_cmd npm || need_apt+=(npm)
have_cmd node || need_apt+=(nodejs)
# the PostgreSQL state tests start their own server from the package's binaries (tests/Tidemark.Testing/Postgres)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need_apt+=(postgresql)
have_cmd setpriv || need_apt+=(util-linux)
# the dashboard's browser tests drive Debian's Chromium through Playwright's bundled driver (never `playwright install`)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "ensure-deps: installing Debian packages: ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# docker-registry's Debian package starts a system service on :5000 (postgresql's one on :5432); the tests start their
# own on free ports.
if have_cmd systemctl; then
  for service in docker-registry postgresql; do
    if systemctl is-active --quiet "$service" 2>/dev/null; then
      systemctl stop "$service" >/dev/null 2>&1 || true
    fi
  done
fi

# kubectl (with its kustomize v5) renders deploy/kubernetes for the deploy tests. Debian's kubernetes-client is too old
# (kustomize v2), so it is not installed from here: the tests fail naming it when it is missing, never skip.
if ! have_cmd kubectl; then
  echo "ensure-deps: kubectl is missing: the deploy tests (Tidemark.Tests.Deploy) will fail; install kubectl 1.27 or later" >&2
elif ! kubectl version --client 2>/dev/null | grep -q 'Kustomize Version: v[5-9]'; then
  echo "ensure-deps: kubectl's kustomize is older than v5: the deploy tests will fail; install kubectl 1.27 or later" >&2
fi

have_cmd dotnet || { echo "ensure-deps: the .NET SDK (dotnet) is required; see global.json for the version" >&2; exit 1; }

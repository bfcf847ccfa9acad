#!/usr/bin/env bash
# The GitHub Action's run step (action.yml at the repository root): runs `tidemark run` once on this repository.
# Every input arrives as an environment variable, never spliced into this script or a command line, and the token only
# as GITHUB_TOKEN (a GitHub App's key only as a file under RUNNER_TEMP):
#   TIDEMARK_CLI           the tidemark executable (the action's install step sets it)
#   GITHUB_TOKEN           the token (default: the workflow's own GITHUB_TOKEN); unused with an App
#   TIDEMARK_REPOSITORY    the repository's https:// URL; TIDEMARK_API_URL the GitHub API (GitHub Enterprise too)
#   TIDEMARK_STATE_DIR     where the state store lives between runs (the action caches this folder)
#   TIDEMARK_CONFIG        optional operator settings file (registries, credentials; docs/configuration.md)
#   TIDEMARK_DRY_RUN       "true": do everything but push and write to GitHub
#   TIDEMARK_APP_ID, TIDEMARK_APP_PRIVATE_KEY   optional GitHub App instead of the token
#   TIDEMARK_APP_INSTALLATION_ID                optional, with the App
# Exit codes are tidemark's (docs/run.md); 2 for a bad input, naming it.
set -euo pipefail

fail() { echo "tidemark-action: $*" >&2; exit 2; }
[ -n "${TIDEMARK_CLI:-}" ] || fail "TIDEMARK_CLI is not set: the action's install step did not run"
[ -n "${TIDEMARK_REPOSITORY:-}" ] || fail "the repository input is empty: leave it out to use this repository"
[ -n "${TIDEMARK_STATE_DIR:-}" ] || fail "the state-dir input is empty"
temp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/tidemark-action"
mkdir -p "$temp" "$TIDEMARK_STATE_DIR"

args=(run --repo "$TIDEMARK_REPOSITORY" --work-dir "$temp/work" --output text)
[ -z "${TIDEMARK_API_URL:-}" ] || args+=(--api-url "$TIDEMARK_API_URL")
case "${TIDEMARK_DRY_RUN:-false}" in
  true) args+=(--dry-run) ;;
  false|"") ;;
  *) fail "the dry-run input must be true or false, not '${TIDEMARK_DRY_RUN}'" ;;
esac

config="${TIDEMARK_CONFIG:-}"
if [ -n "$config" ] && [ ! -f "$config" ]; then
  fail "the config input names $config, which does not exist in the workspace: commit it or fix the path"
fi

if [ -n "${TIDEMARK_APP_ID:-}" ] || [ -n "${TIDEMARK_APP_PRIVATE_KEY:-}" ]; then
  [ -n "${TIDEMARK_APP_ID:-}" ] && [ -n "${TIDEMARK_APP_PRIVATE_KEY:-}" ] \
    || fail "app-id and app-private-key go together: set both (the key from a secret), or neither to use the token"
  case "$TIDEMARK_APP_ID" in *[!0-9A-Za-z.]*) fail "app-id must be the App's numeric id or client id" ;; esac
  installation=""
  if [ -n "${TIDEMARK_APP_INSTALLATION_ID:-}" ]; then
    case "$TIDEMARK_APP_INSTALLATION_ID" in *[!0-9]*) fail "app-installation-id must be a number" ;; esac
    installation=", installationId: $TIDEMARK_APP_INSTALLATION_ID"
  fi
  [ -z "$config" ] || fail "with a GitHub App, put the App into your config file (github: { token: { app: { id: ..., privateKeyFile: ... } } }, docs/token-setup.md) and write the key to that path in an earlier step, or leave the config input out"
  # the key: a file only this user reads; the id: in an operator settings file (never a process argument)
  # removed on every exit (a failure, a cancelled step), not only after tidemark ends
  trap 'rm -f "$temp/app.pem"' EXIT
  (umask 077 && printf '%s\n' "$TIDEMARK_APP_PRIVATE_KEY" > "$temp/app.pem")
  config="$temp/operator.yaml"
  (umask 077 && printf 'github:\n  token:\n    app: { id: %s, privateKeyFile: %s%s }\n' "$TIDEMARK_APP_ID" "$temp/app.pem" "$installation" > "$config")
  unset GITHUB_TOKEN
else
  [ -n "${GITHUB_TOKEN:-}" ] || fail "no token: the token input is empty (default: the workflow's GITHUB_TOKEN) and no GitHub App is set"
fi
[ -z "$config" ] || args+=(--config "$config")

export TIDEMARK_STATE="$TIDEMARK_STATE_DIR/state.db"
status=0
"$TIDEMARK_CLI" "${args[@]}" || status=$?
exit $status

# Shell helpers shared by demo.sh and bench/run.sh: the bundled example (examples/) against a real local registry
# holding its images' tags, and the GitHub simulator holding it as alice/gitops. Source scripts/registry.sh first;
# set $work to a temporary folder that the caller removes (and stop $SIM_PID and $REGISTRY_PID on exit).

# example_registry: start the registry and push every tag the example's images need.
example_registry() {
  registry_start "$work/registry"
  local cosign_tag image
  cosign_tag="sha256-$(printf 'demo' | sha256sum | cut -d' ' -f1).sig"
  for image in cert-manager-controller cert-manager-webhook cert-manager-cainjector cert-manager-acmesolver; do
    registry_push "jetstack/$image" v1.15.3 v1.16.0 v1.16.2 v1.16.5 v1.17.0 v1.17.4 v1.18.0 v1.18.2 v1.19.0-alpha.1 v2.0.0 "$cosign_tag"
  done
  registry_push stefanprodan/podinfo 6.7.0 6.7.1 6.8.0 6.9.1 7.0.0
  registry_push library/nginx 1.25.3 1.25.3-alpine 1.25.4 1.25.5-alpine 1.27.2 1.27.3 1.27.3-alpine latest
  registry_push library/busybox 1.36.0 1.36.1 1.37.0 latest
  registry_push bitnami/redis 7.2.4 7.2.5 7.4.1 8.0.0
}

# example_repo: a copy of examples/ in $repo, and the operator's settings in $operator ($work/operator.yaml, outside
# the repository) that send quay.io, ghcr.io and docker.io registry API requests to the local registry (the 'endpoint'
# setting of docs/configuration.md), so references keep their real names. Registry endpoints are operator-only
# settings: the repository's own tidemark.yaml may not hold them (docs/security.md).
example_repo() {
  repo="$work/repo"
  operator="$work/operator.yaml"
  cp -r examples "$repo"
  cat > "$operator" <<YAML
version: 1
registries:
  - host: quay.io
    endpoint: http://$REGISTRY_ADDR
  - host: ghcr.io
    endpoint: http://$REGISTRY_ADDR
  - host: docker.io
    endpoint: http://$REGISTRY_ADDR
YAML
}

# example_github: build and start the GitHub simulator with $repo as alice/gitops (public, branch main) and a
# fine-grained token written to $work/github/tokens/automation (and a read-only one, for showing the doctor's
# findings, in $work/github/tokens/read-only); sets $github (its URL) and $SIM_PID.
example_github() {
  dotnet build tests/Tidemark.GitHubSimulator -c Release -nologo -v q -clp:ErrorsOnly > "$work/simulator-build.log" 2>&1 \
    || { cat "$work/simulator-build.log"; return 1; }
  mkdir -p "$work/github"
  cat > "$work/github.yaml" <<YAML
users: [alice]
repositories:
  - owner: alice
    name: gitops
    private: false
    defaultBranch: main
    import: $repo
tokens:
  - name: automation
    kind: fine-grained
    user: alice
    repositories: [gitops]
    permissions: {contents: write, pull_requests: write, metadata: read}
    expiresInDays: 90
    writeTo: tokens/automation
  - name: read-only
    kind: fine-grained
    user: alice
    repositories: [gitops]
    permissions: {contents: read, pull_requests: read, metadata: read}
    expiresInDays: 90
    writeTo: tokens/read-only
YAML
  dotnet tests/Tidemark.GitHubSimulator/bin/Release/net10.0/Tidemark.GitHubSimulator.dll \
    --data "$work/github" --config "$work/github.yaml" > "$work/github.out" 2> "$work/github.err" &
  SIM_PID=$!
  for _ in $(seq 1 100); do grep -q '^listening on ' "$work/github.out" 2>/dev/null && break; sleep 0.1; done
  github="$(sed -n 's/^listening on //p' "$work/github.out")"
  [ -n "$github" ] || { echo "the GitHub simulator did not start:"; cat "$work/github.err"; return 1; }
}

# example_run [ARGS...]: tidemark run against the simulated alice/gitops, with the token from its file and $operator;
# the state in $work/state.db, or in $EXAMPLE_STATE when set (e.g. a PostgreSQL URL).
example_run() {
  ./tidemark run --repo "$github/alice/gitops.git" --api-url "$github/" --token-file "$work/github/tokens/automation" --config "$operator" \
    --work-dir "$work/tidemark-work" --state "${EXAMPLE_STATE:-$work/state.db}" "$@"
}

# example_doctor TOKEN-FILE [ARGS...]: tidemark doctor against the simulated alice/gitops with that token.
example_doctor() {
  local token="$1"; shift
  ./tidemark doctor --repo "$github/alice/gitops.git" --api-url "$github/" --token-file "$token" --config "$operator" \
    --work-dir "$work/tidemark-work" --state "$work/state.db" "$@"
}

example_cleanup() {
  [ -n "${SIM_PID:-}" ] && kill "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null
  [ -n "${REGISTRY_PID:-}" ] && kill "$REGISTRY_PID" 2>/dev/null
  rm -rf "$work"
}

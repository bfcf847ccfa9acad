namespace Tidemark.Tests.Manifests;

/// <summary>
/// The files of the recall repository (<see cref="DiscoveryRecallTests"/>): a line that holds a reference ends with
/// <c> ⟦image as found⟧</c>, which is cut off before the file is written; <c>SHA</c> stands for a sha256 digest.
/// Lines without a mark are decoys or structure and must not be found.
/// </summary>
internal static class RecallRepository
{
    public static IReadOnlyList<(string Path, string Content)> Files { get; } =
    [
        ("apps/web/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  initContainers:
                    - name: migrate
                      image: "ghcr.io/acme/migrate:2.0.1" ⟦ghcr.io/acme/migrate:2.0.1⟧
                  containers:
                    - name: web
                      image: nginx:1.27.3 ⟦nginx:1.27.3⟧
                    - name: dind
                      image: docker:29-dind@SHA ⟦docker:29-dind@SHA⟧
            """),
        ("apps/web/kustomization.yaml", """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources: [deployment.yaml]
            images:
              - name: nginx ⟦nginx:1.27.3-alpine⟧
                newTag: 1.27.3-alpine
            """),
        ("apps/jobs/cronjob.yaml", """
            apiVersion: batch/v1
            kind: CronJob
            spec:
              jobTemplate:
                spec:
                  template:
                    spec:
                      containers:
                        - image: bitnami/kubectl:1.33.2 ⟦bitnami/kubectl:1.33.2⟧
            """),
        ("apps/debug/pod.yaml", """
            apiVersion: v1
            kind: Pod
            spec:
              containers:
              - {name: shell, image: busybox:1.37.0} ⟦busybox:1.37.0⟧
              volumes:
              - name: tools
                image: {reference: "ghcr.io/acme/tools:0.9.1", pullPolicy: IfNotPresent} ⟦ghcr.io/acme/tools:0.9.1⟧
            """),
        ("apps/app/setters.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            spec:
              template:
                spec:
                  containers:
                    - image: ghcr.io/acme/app:1.4.0 # {"$imagepolicy": "flux-system:app"} ⟦ghcr.io/acme/app:1.4.0⟧
            """),
        ("clusters/production/apps.yaml", """
            apiVersion: kustomize.toolkit.fluxcd.io/v1
            kind: Kustomization
            spec:
              path: ./apps/web
              images:
                - name: nginx
                  newName: registry.example.com/mirror/nginx ⟦registry.example.com/mirror/nginx:1.27.4⟧
                  newTag: 1.27.4
            """),
        ("apps/notes/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  image: latest-notes\n  imageName: \"true\"\n"),
        ("apps/redis/helmrelease.yaml", """
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            spec:
              values:
                image:
                  registry: docker.io
                  repository: bitnami/redis ⟦docker.io/bitnami/redis:7.4.1⟧
                  tag: 7.4.1
            """),
        ("charts/app/values.yaml", "image:\n  repository: ghcr.io/acme/app ⟦ghcr.io/acme/app:1.4.0⟧\n  tag: \"1.4.0\"\n"),
        ("charts/app/templates/deployment.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{ .Release.Name }}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: {{ .Values.image.repository }}:{{ .Values.image.tag }}
                    - name: sidecar
                      image: "busybox:1.37.0" ⟦busybox:1.37.0⟧
                    - name: plain
                      image: {{ .Values.image }}
            """),
        ("infra/gateway/envoyproxy.yaml", """
            apiVersion: gateway.envoyproxy.io/v1alpha1
            kind: EnvoyProxy
            spec:
              provider:
                kubernetes:
                  envoyDeployment:
                    container:
                      image: envoyproxy/envoy:distroless-v1.36.2 ⟦envoyproxy/envoy:distroless-v1.36.2⟧
            """),
        ("infra/db/cluster.yaml", """
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            spec:
              imageName: ghcr.io/cloudnative-pg/postgresql:16.4 ⟦ghcr.io/cloudnative-pg/postgresql:16.4⟧
            ---
            apiVersion: dragonflydb.io/v1alpha1
            kind: Dragonfly
            spec:
              image: docker.dragonflydb.io/dragonflydb/dragonfly:v1.34.1 ⟦docker.dragonflydb.io/dragonflydb/dragonfly:v1.34.1⟧
              exporter:
                image:
                  repository: quay.io/oliver006/redis_exporter ⟦quay.io/oliver006/redis_exporter:v1.67.0⟧
                  tag: v1.67.0
            ---
            apiVersion: apps.emqx.io/v2beta1
            kind: EMQX
            spec:
              image: emqx/emqx:5.8.6 ⟦emqx/emqx:5.8.6⟧
            ---
            apiVersion: image.toolkit.fluxcd.io/v1
            kind: ImageRepository
            spec:
              image: ghcr.io/acme/app
            """),
        ("ci/pipelines.yaml", """
            apiVersion: tekton.dev/v1
            kind: Task
            spec:
              steps:
                - name: test
                  image: golang:1.25.3 ⟦golang:1.25.3⟧
            ---
            apiVersion: argoproj.io/v1alpha1
            kind: WorkflowTemplate
            spec:
              templates:
                - name: hello
                  container:
                    image: alpine:3.22 ⟦alpine:3.22⟧
                - name: flag
                  script:
                    image: true
            """),
        (".github/workflows/ci.yml", """
            jobs:
              test:
                container: node:22.11-alpine ⟦node:22.11-alpine⟧
                services:
                  db:
                    image: postgres:17.2 ⟦postgres:17.2⟧
                steps:
                  - uses: actions/checkout@v4
                  - uses: docker://ghcr.io/igorshubovych/markdownlint-cli:v0.42.0 ⟦ghcr.io/igorshubovych/markdownlint-cli:v0.42.0⟧
              build:
                container:
                  image: ghcr.io/acme/builder:1.2 ⟦ghcr.io/acme/builder:1.2⟧
            """),
        (".github/actions/lint/action.yml", "runs:\n  using: docker\n  image: docker://ghcr.io/acme/lint:2.0 ⟦ghcr.io/acme/lint:2.0⟧\n"),
        ("legacy/docker-compose.yml", "db:\n  image: postgres:9.6 ⟦postgres:9.6⟧\nweb:\n  build: .\n"),
        ("charts/server/values-prod.yaml", "server:\n  image:\n    repository: ghcr.io/acme/server ⟦ghcr.io/acme/server:3.1.0⟧\n    version: 3.1.0\n"),
        ("compose.yaml", "services:\n  db:\n    image: postgres:17.2 ⟦postgres:17.2⟧\n  app:\n    build: .\n"),
        ("Dockerfile", """
            # syntax=docker/dockerfile:1.7 ⟦docker/dockerfile:1.7⟧
            ARG GO_VERSION=1.26
            FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build ⟦golang:1.26-alpine⟧
            RUN go build -o /app .
            FROM build AS test
            FROM gcr.io/distroless/static-debian12:nonroot AS final ⟦gcr.io/distroless/static-debian12:nonroot⟧
            COPY --from=build /app /app
            COPY --from=ghcr.io/acme/tools:0.9.1 /bin/tool /bin/tool ⟦ghcr.io/acme/tools:0.9.1⟧
            """),
    ];
}

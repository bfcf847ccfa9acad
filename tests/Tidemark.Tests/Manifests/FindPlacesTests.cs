using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

/// <summary>The places beyond pod specs that real GitOps repositories hold images in (issue #9 §3).</summary>
public sealed class FindPlacesTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("kubernetes", "envoy.yaml",
        "apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: EnvoyProxy\nspec:\n  provider:\n    kubernetes:\n      envoyDeployment:\n        container:\n          image: envoyproxy/envoy:distroless-v1.36.2\n",
        "8:18 envoyproxy/envoy:distroless-v1.36.2 distroless-v1.36.2")]
    [InlineData("kubernetes", "pg.yaml", "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nspec:\n  imageName: ghcr.io/cloudnative-pg/postgresql:16.4\n",
        "4:14 ghcr.io/cloudnative-pg/postgresql:16.4 16.4")]
    [InlineData("kubernetes", "df.yaml",
        "apiVersion: dragonflydb.io/v1alpha1\nkind: Dragonfly\nspec:\n  image: docker.dragonflydb.io/dragonflydb/dragonfly:v1.34.1\n  exporter:\n    image:\n      repository: quay.io/o/exporter\n      tag: \"2.1\"\n",
        "4:10 docker.dragonflydb.io/dragonflydb/dragonfly:v1.34.1 v1.34.1|7:19 quay.io/o/exporter:2.1 2.1")]
    [InlineData("kubernetes", "task.yaml", "apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n  - name: a\n    image: alpine:3.22\n",
        "6:12 alpine:3.22 3.22")]
    [InlineData("kubernetes", "wf.yaml",
        "apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nspec:\n  templates:\n  - container: {image: 'ghcr.io/o/step:1'}\n  - script:\n      image: python:3.13-slim\n",
        "5:25 ghcr.io/o/step:1 1|7:14 python:3.13-slim 3.13-slim")]
    [InlineData("kubernetes", "volume.yaml",
        "apiVersion: v1\nkind: Pod\nspec:\n  volumes:\n  - name: models\n    image:\n      reference: quay.io/o/models:v2\n      pullPolicy: IfNotPresent\n",
        "7:18 quay.io/o/models:v2 v2")]
    [InlineData("kubernetes", "apps.yaml",
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  path: ./apps\n  images:\n  - name: podinfo\n    newName: ghcr.io/stefanprodan/podinfo\n    newTag: 6.7.0\n",
        "7:14 ghcr.io/stefanprodan/podinfo:6.7.0 6.7.0")]
    [InlineData("kubernetes", "digest.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - image: docker:29-dind@" + Sha + "\n",
        "5:12 docker:29-dind@" + Sha + " 29-dind")]
    [InlineData("kubernetes", "deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx\n",
        "7:16 nginx -")]
    [InlineData("github-actions", ".github/workflows/ci.yml",
        "jobs:\n  test:\n    container: node:22.11-alpine\n    services:\n      db:\n        image: postgres:17.2\n    steps:\n      - uses: actions/checkout@v4\n      - uses: docker://alpine:3.21\n  build:\n    container:\n      image: \"ghcr.io/o/builder:1.2\"\n",
        "3:16 node:22.11-alpine 22.11-alpine|6:16 postgres:17.2 17.2|9:24 alpine:3.21 3.21|12:15 ghcr.io/o/builder:1.2 1.2")]
    [InlineData("helm-template", "chart/templates/deploy.yaml",
        "metadata:\n  name: {{ .Release.Name }}\nspec:\n  containers:\n  - name: a\n    image: {{ .Values.image }}\n  - name: b\n    image: \"busybox:1.38.0\"\n  - image: busybox:1.38.0 # pinned\n    imageName: reg.io/x:{{ .Values.tag }}\n",
        "8:13 busybox:1.38.0 1.38.0|9:12 busybox:1.38.0 1.38.0")]
    [InlineData("dockerfile", "Dockerfile",
        "ARG GO_VERSION=1.26\nFROM golang:${GO_VERSION}-alpine AS build\nFROM build AS final\nCOPY --from=build /a /b\nCOPY --chown=1 --from=ghcr.io/o/tools:1.2 /t /t\nCOPY --from=0 /x /y\n",
        "2:6 golang:1.26-alpine 1.26-alpine|5:23 ghcr.io/o/tools:1.2 1.2")]
    [InlineData("dockerfile", "Dockerfile", "ARG REGISTRY=reg.io\nFROM --platform=$BUILDPLATFORM ${REGISTRY}/app:1.0 AS b\nFROM docker:29-dind@" + Sha + "\n",
        "2:32 reg.io/app:1.0 1.0|3:6 docker:29-dind@" + Sha + " 29-dind")]
    [InlineData("dockerfile", "Dockerfile", "\ufeff# syntax = docker/dockerfile:1.7\n# escape=`\nFROM alpine:3.22\n# syntax=not/a:directive\n",
        "1:13 docker/dockerfile:1.7 1.7|3:6 alpine:3.22 3.22")]
    [InlineData("github-actions", "lint/action.yml", "name: lint\nruns:\n  using: docker\n  image: docker://ghcr.io/o/lint:2.0\n", "4:19 ghcr.io/o/lint:2.0 2.0")]
    [InlineData("github-actions", "action.yaml", "runs:\n  using: composite\n  steps:\n  - uses: docker://alpine:3.22\n  - run: echo\n", "4:20 alpine:3.22 3.22")]
    [InlineData("github-actions", "action.yml", "runs:\n  using: docker\n  image: Dockerfile\n", "")]
    [InlineData("helm-values", "values.yaml", "server:\n  image:\n    repository: ghcr.io/o/server\n    version: 3.1.0\n", "3:17 ghcr.io/o/server:3.1.0 3.1.0")]
    [InlineData("compose", "docker-compose.yml", "db:\n  image: postgres:9.6\nweb:\n  build: .\n", "2:10 postgres:9.6 9.6")]
    public void Find_Place_GivesSitesWithPositions(string kind, string path, string content, string expected)
    {
        var found = Kind(kind).Find(content, path);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), found.Sites.Select(s => $"{s.Line}:{s.Column} {s.Image} {s.Image?.Tag ?? "-"}"));
        Assert.All(found.Sites.SelectMany(s => s.Targets), t => Assert.Equal(t.CurrentText, content.Substring(t.Span.Start, t.Span.Length)));
    }

    [Theory]
    [InlineData("cm.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  image: latest-notes\n  imageName: \"true\"\n")]
    [InlineData("flag.yaml", "apiVersion: x.io/v1\nkind: Thing\nspec:\n  image: true\n  source: {repository: https://github.com/o/r, tag: v1}\n")]
    [InlineData("repo.yaml", "apiVersion: image.toolkit.fluxcd.io/v1\nkind: ImageRepository\nspec:\n  image: ghcr.io/o/app\n")]
    [InlineData("values.yaml", "image: nginx:1.25\nspec:\n  image: nginx:1.25\n")]
    [InlineData("hr.yaml", "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image: nginx:1.25\n")]
    public void Find_NotAnImageOrNotAnObject_KubernetesFindsNothingAndSkipsNothing(string path, string content)
    {
        var found = Kind("kubernetes").Find(content, path);

        Assert.Empty(found.Sites);
        Assert.Empty(found.Skipped);
    }

    [Fact]
    public void Find_ContainerImageOfAnObject_IsFoundOnce()
    {
        const string Content = "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - image: nginx:1.25\n";

        var site = Assert.Single(FileFindings.Find(Content, "d.yaml", ManifestKinds.All).Sites);

        Assert.Equal("kubernetes", site.Kind);
    }

    [Fact]
    public void Find_DockerStep_TargetsOnlyTheTextAfterTheScheme()
    {
        const string Content = "jobs:\n  a:\n    steps:\n    - uses: 'docker://ghcr.io/o/lint:2'\n";

        var site = Assert.Single(Kind("github-actions").Find(Content, ".github/workflows/lint.yaml").Sites);

        var target = Assert.Single(site.Targets);
        Assert.Equal(("ghcr.io/o/lint:2", TargetPart.Whole), (target.CurrentText, target.Part));
    }

    [Theory]
    [InlineData("ARG GO=1.26\nFROM golang:${GO}-alpine\n", "Tag 1.26 1 -alpine")]
    [InlineData("ARG GO=1.26\nFROM golang:v${GO}\n", "Tag 1.26 1 v")]
    [InlineData("ARG A=1\nARG B=2\nFROM app:${A}.${B}\n", "")]
    [InlineData("ARG IMAGE=alpine\nFROM ${IMAGE}:3.22\n", "Tag 3.22 2")]
    [InlineData("ARG GO=1.26\nFROM golang:${GO}\n", "Tag 1.26 1")]
    [InlineData("ARG BASE=alpine:3.22\nFROM ${BASE}\n", "Whole alpine:3.22 1")]
    [InlineData("ARG REG=reg.io\nFROM ${REG}/app:1.0\n", "Tag 1.0 2")]
    [InlineData("ARG REG=reg.io\nARG TAG=2\nFROM $REG/app:$TAG\n", "Tag 2 2")]
    public void Find_DockerfileArgs_TargetTheOnePlaceThatHoldsThePart(string content, string expected)
    {
        var site = Assert.Single(Kind("dockerfile").Find(content, "Dockerfile").Sites);

        var lines = LineMap.Of(content);
        Assert.Equal(expected, string.Join(",", site.Targets.Select(t => $"{t.Part} {t.CurrentText} {lines.Line(t.Span.Start)} {t.Prefix}{t.Suffix}".TrimEnd())));
    }

    [Fact]
    public void Find_HelmTemplate_SaysOncePerFileThatTemplateLinesAreNotRead()
    {
        const string Content = "spec:\n  containers:\n  - image: {{ .Values.image }}\n  - image: busybox:1.38.0\n";

        var found = FileFindings.Find(Content, "templates/pod.yaml", ManifestKinds.All);

        Assert.Equal("4:12 helm-template", $"{Assert.Single(found.Sites).Line}:{found.Sites[0].Column} {found.Sites[0].Kind}");
        var skipped = Assert.Single(found.Skipped);
        Assert.Equal(1, skipped.Line);
        Assert.Contains("Helm template", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_WorkflowExpression_IsSkippedWithReason()
    {
        const string Content = "jobs:\n  a:\n    container: ${{ matrix.image }}\n";

        var found = Kind("github-actions").Find(Content, ".github/workflows/ci.yml");

        Assert.Empty(found.Sites);
        Assert.Equal((3, true), (Assert.Single(found.Skipped).Line, found.Skipped[0].Reason.Contains("GitHub Actions expression", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(".github/workflows/ci.yml", true)]
    [InlineData("svc/.github/workflows/release.yaml", true)]
    [InlineData(".github/workflows/nested/ci.yml", false)]
    [InlineData(".github/dependabot.yml", false)]
    [InlineData("actions/lint/action.yaml", true)]
    [InlineData("ci.yml", false)]
    public void Handles_Path_WorkflowsDirectlyUnderWorkflowsAndActionMetadata(string path, bool expected) =>
        Assert.Equal(expected, Kind("github-actions").Handles(path));

    private static IManifestKind Kind(string name) => ManifestKinds.ByName(name) ?? throw new ArgumentException(name);
}

using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class FindTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("kubernetes", "pod.yaml", "kind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx:1.25.3\n", "5:12 nginx:1.25.3 1.25.3")]
    [InlineData("kubernetes", "pod.yaml", "spec:\n  initContainers:\n  - image: \"busybox:1.36\"\n  containers:\n  - image: 'app:1'\n", "3:13 busybox:1.36 1.36|5:13 app:1 1")]
    [InlineData("kubernetes", "flow.yaml", "{spec: {containers: [{name: a, image: \"reg.io/app:1.2.3\"}]}}", "1:40 reg.io/app:1.2.3 1.2.3")]
    [InlineData("kubernetes", "two.yaml", "---\nspec: {containers: [{image: a:1}]}\n---\nspec: {ephemeralContainers: [{image: b:2}]}\n", "2:29 a:1 1|4:38 b:2 2")]
    [InlineData("kubernetes", "list.yaml", "kind: List\nitems:\n- spec:\n    template:\n      spec:\n        containers:\n        - image: x/y:3\n", "7:18 x/y:3 3")]
    [InlineData("kubernetes", "bom.yaml", "\ufeffspec:\n  containers:\n  - image: nginx:1\n", "3:12 nginx:1 1")]
    [InlineData("kubernetes", "nodigest.yaml", "containers:\n- image: nginx@" + Sha + "\n", "2:10 nginx@" + Sha + " -")]
    [InlineData("kustomize", "kustomization.yaml", "images:\n- name: nginx\n  newTag: 1.25.3\n- name: app\n  newName: ghcr.io/o/app\n  digest: " + Sha + "\n", "2:9 nginx:1.25.3 1.25.3|5:12 ghcr.io/o/app@" + Sha + " -")]
    [InlineData("kustomize", "Kustomization", "images:\n- name: nginx\n  newTag: \"1.25\"\n", "2:9 nginx:1.25 1.25")]
    [InlineData("helm-values", "values.yaml", "image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2.4\n", "3:15 docker.io/bitnami/redis:7.2.4 7.2.4")]
    [InlineData("helm-values", "values-prod.yml", "controller:\n  image:\n    repository: reg.io/c\n    tag: \"v1\"\nsidecarImage: {repository: s, tag: 2}\nother:\n  image: app:3\n", "3:17 reg.io/c:v1 v1|5:28 s:2 2|7:10 app:3 3")]
    [InlineData("helmrelease", "hr.yaml", "kind: HelmRelease\nspec:\n  values:\n    image: {repository: a/b, tag: 1.0.0}\n", "4:25 a/b:1.0.0 1.0.0")]
    [InlineData("compose", "compose.yaml", "services:\n  db:\n    image: postgres:16\n  web:\n    build: .\n", "3:12 postgres:16 16")]
    [InlineData("dockerfile", "Dockerfile", "ARG TAG=1.23\nFROM --platform=linux/amd64 golang:${TAG} AS build\nFROM build\nFROM scratch\nFROM alpine:3.20 as final\n", "2:29 golang:1.23 1.23|5:6 alpine:3.20 3.20")]
    [InlineData("dockerfile", "Containerfile", "ARG IMAGE=\"ghcr.io/o/base:2\"\nFROM ${IMAGE}\n", "2:6 ghcr.io/o/base:2 2")]
    [InlineData("embedded", "d.yaml", "args:\n- --solver-image=quay.io/js/solver:v1.16.2\n- run quay.io/a/b:1 now\n", "2:18 quay.io/js/solver:v1.16.2 v1.16.2|3:7 quay.io/a/b:1 1")]
    [InlineData("flux-setter", "d.yaml", "image: ghcr.io/o/app:1.0 # {\"$imagepolicy\": \"flux-system:app\"}\n", "1:8 ghcr.io/o/app:1.0 1.0")]
    [InlineData("flux-setter", "d.yaml", "image:\n  repository: ghcr.io/o/app\n  tag: 1.0 #{\"$imagepolicy\":\"apps:app:tag\"}\n", "3:8 ghcr.io/o/app:1.0 1.0")]
    public void Find_Content_GivesSitesWithPositions(string kind, string path, string content, string expected)
    {
        var found = Kind(kind).Find(content, path);

        var actual = found.Sites.Select(s => $"{s.Line}:{s.Column} {s.Image} {s.Image?.Tag ?? "-"}");
        Assert.Equal(expected.Split('|'), actual);
        Assert.All(found.Sites, s => Assert.Equal(kind, s.Kind));
        Assert.All(found.Sites.SelectMany(s => s.Targets), t => Assert.Equal(t.CurrentText, content.Substring(t.Span.Start, t.Span.Length)));
    }

    [Theory]
    [InlineData("flux-setter", "a.yaml", "image: a:1 # {\"$imagepolicy\": \"ns:app\"}\n", "ns", "app", "Full")]
    [InlineData("flux-setter", "a.yaml", "tag: 1 ## {\"$imagepolicy\": \"ns:app:tag\"}\n", "ns", "app", "Tag")]
    [InlineData("flux-setter", "a.yaml", "repo: x/y # {\"$imagepolicy\": \"ns:app:name\"}\n", "ns", "app", "Name")]
    [InlineData("flux-setter", "a.yaml", "digest: " + Sha + " # {\"$imagepolicy\": \"ns:app:digest\"}\n", "ns", "app", "Digest")]
    public void Find_SetterMarker_GivesNamespaceNameAndForm(string kind, string path, string content, string ns, string name, string form)
    {
        var site = Assert.Single(Kind(kind).Find(content, path).Sites);

        Assert.Equal(new SetterMarker(ns, name, Enum.Parse<MarkerForm>(form), 1), site.Marker);
    }

    [Theory]
    [InlineData("flux-setter", "a.yaml", "image: a:1 # pin {\"$imagepolicy\": \"ns:app\"}\n", 1, "text besides the JSON object")]
    [InlineData("flux-setter", "a.yaml", "image: a:1 # {'$imagepolicy': 'ns:app'}\n", 1, "single quotes")]
    [InlineData("flux-setter", "a.yaml", "image: a:1 # {\"$imagepolicy\": \"app\"}\n", 1, "no namespace")]
    [InlineData("flux-setter", "a.yaml", "image: a:1 # {\"$imagepolicy\": \"ns:app:version\"}\n", 1, "not one of :tag, :name, :digest")]
    [InlineData("flux-setter", "a.yaml", "- op: replace\n  value: a:1 # {\"$imagepolicy\": \"ns:app\"}\n", 2, "root is a sequence")]
    [InlineData("flux-setter", "a.yaml", "# {\"$imagepolicy\": \"ns:app\"}\nimage: a:1\n", 1, "not on a scalar's line")]
    [InlineData("kubernetes", "templates/deploy.yaml", "spec:\n  containers:\n  - image: {{ .Values.image }}\n", 1, "Helm template")]
    [InlineData("kubernetes", "bad.yaml", "spec:\n  containers:\n  - image: [a\n", 4, "not valid YAML")]
    [InlineData("kubernetes", "env.yaml", "spec:\n  containers:\n  - image: ${IMAGE}\n", 3, "variable")]
    [InlineData("kubernetes", "tpl.yaml", "spec:\n  containers:\n  - image: \"{{ .Values.x }}\"\n", 3, "template syntax")]
    [InlineData("kubernetes", "bad-ref.yaml", "spec:\n  containers:\n  - image: Nginx:1\n", 3, "invalid image reference")]
    [InlineData("dockerfile", "Dockerfile", "FROM ${BASE}\n", 1, "variable")]
    [InlineData("kubernetes", "alias.yaml", "x: &img nginx\nspec:\n  containers:\n  - image: *img\n", 4, "alias")]
    public void Find_UnusableReference_IsSkippedWithReason(string kind, string path, string content, int line, string reason)
    {
        var found = Kind(kind).Find(content, path);

        Assert.Empty(found.Sites);
        var skipped = Assert.Single(found.Skipped);
        Assert.Equal(line, skipped.Line);
        Assert.Equal(path, skipped.File);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kustomize", "kustomization.yaml", true)]
    [InlineData("kustomize", "deploy/Kustomization", true)]
    [InlineData("kustomize", "kustomize.yaml", false)]
    [InlineData("helm-values", "chart/values-prod.yaml", true)]
    [InlineData("helm-values", "chart/myvalues.yaml", false)]
    [InlineData("compose", "compose.prod.yml", true)]
    [InlineData("compose", "docker-compose.override.yaml", true)]
    [InlineData("compose", "composer.json", false)]
    [InlineData("dockerfile", "build/Dockerfile.dev", true)]
    [InlineData("dockerfile", "Containerfile", true)]
    [InlineData("dockerfile", "api.Dockerfile", true)]
    [InlineData("kubernetes", "a/b.yml", true)]
    [InlineData("kubernetes", "a/b.json", false)]
    public void Handles_Path_MatchesFilePatterns(string kind, string path, bool expected) =>
        Assert.Equal(expected, Kind(kind).Handles(path));

    [Fact]
    public void Find_SameScalarFoundByTwoKinds_KeepsTheSetterSite()
    {
        const string Content = "spec:\n  containers:\n  - image: a/b:1 # {\"$imagepolicy\": \"ns:b\"}\n";

        var site = Assert.Single(FileFindings.Find(Content, "d.yaml", ManifestKinds.All).Sites);

        Assert.Equal("flux-setter", site.Kind);
        Assert.NotNull(site.Marker);
    }

    private static IManifestKind Kind(string name) => ManifestKinds.ByName(name) ?? throw new ArgumentException(name);
}

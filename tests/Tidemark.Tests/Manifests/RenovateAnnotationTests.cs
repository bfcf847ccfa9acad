using Tidemark.Manifests;
using Tidemark.Manifests.RenovateAnnotations;

namespace Tidemark.Tests.Manifests;

public sealed class RenovateAnnotationTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly RenovateAnnotationKind Kind = new();

    [Theory]
    [InlineData("talconfig.yaml", "# renovate: datasource=docker depName=ghcr.io/siderolabs/installer\ntalosVersion: v1.8.1\n", "2:15 ghcr.io/siderolabs/installer:v1.8.1 Tag v1.8.1 Plain")]
    [InlineData("ks.yaml", "    # renovate: datasource=docker depName=ghcr.io/o/app\n    - APP_VERSION: \"1.2.3\" # pinned\n", "2:21 ghcr.io/o/app:1.2.3 Tag 1.2.3 DoubleQuoted")]
    [InlineData("a.yaml", "#renovate: datasource=docker depName=nginx versioning=docker\nversion: &v '1.27'\n", "2:14 nginx:1.27 Tag 1.27 SingleQuoted")]
    [InlineData("versions.env", "# renovate: datasource=docker depName=ghcr.io/o/app\r\nAPP_VERSION=1.2.3\r\n", "2:13 ghcr.io/o/app:1.2.3 Tag 1.2.3 Embedded")]
    [InlineData("install.sh", "# renovate: datasource=docker depName=o/app registryUrl=https://quay.io/\nexport APP_VERSION=\"v2\"\n", "2:21 quay.io/o/app:v2 Tag v2 Embedded")]
    [InlineData("Dockerfile", "# renovate: datasource=docker depName=x packageName=ghcr.io/o/tool\nARG TOOL_VERSION=0.9.1\nFROM scratch\n", "2:18 ghcr.io/o/tool:0.9.1 Tag 0.9.1 Embedded")]
    [InlineData("a.yaml", "# renovate: datasource=docker depName=ghcr.io/o/app\nIMAGE: ghcr.io/o/app:1.2.3\n", "2:8 ghcr.io/o/app:1.2.3 Whole ghcr.io/o/app:1.2.3 Plain")]
    [InlineData("a.yaml", "# renovate: datasource=docker depName=ghcr.io/o/app\nTAG: 1.2.3@" + Sha + "\n", "2:6 ghcr.io/o/app:1.2.3@" + Sha + " Tag 1.2.3 Embedded|Digest " + Sha)]
    public void Find_DockerAnnotation_GivesTheValueBelowAsTheImageTag(string path, string content, string expected)
    {
        var found = Kind.Find(content, path);

        var site = Assert.Single(found.Sites);
        var targets = string.Join("|", site.Targets.Select(t => t.Part == TargetPart.Digest ? $"{t.Part} {t.CurrentText}" : $"{t.Part} {t.CurrentText} {t.Style}"));
        Assert.Equal(expected, $"{site.Line}:{site.Column} {site.Image} {targets}");
        Assert.Equal("renovate-annotation", site.Kind);
        Assert.All(site.Targets, t => Assert.Equal(t.CurrentText, content.Substring(t.Span.Start, t.Span.Length)));
        Assert.Empty(found.Skipped);
    }

    [Theory]
    [InlineData("# renovate: datasource=github-releases depName=siderolabs/talos\nTALOS_VERSION=v1.8.1\n", 1, "datasource=github-releases is not a container image; Tidemark updates only datasource=docker annotations")]
    [InlineData("x: 1\n# renovate: datasource=helm depName=cilium registryUrl=https://helm.cilium.io\nversion: 1.16.1\n", 2, "datasource=helm is not a container image")]
    [InlineData("# renovate: depName=ghcr.io/o/app\nV=1\n", 1, "needs datasource= and depName=")]
    [InlineData("# renovate: datasource=docker\nV=1\n", 1, "needs datasource= and depName=")]
    [InlineData("# renovate: datasource=docker depName ghcr.io/o/app\nV=1\n", 1, "\"depName\" in the renovate: annotation is not key=value")]
    [InlineData("# renovate: datasource=docker depName=a depName=b\nV=1\n", 1, "\"depName\" is given twice")]
    [InlineData("# renovate: datasource=docker depName=ghcr.io/o/app\n\nAPP_VERSION=1\n", 1, "no KEY: VALUE or KEY=VALUE line directly below")]
    [InlineData("# renovate: datasource=docker depName=ghcr.io/o/app", 1, "no KEY: VALUE or KEY=VALUE line directly below")]
    [InlineData("# renovate: datasource=docker depName=ghcr.io/o/app\nimages:\n", 1, "no KEY: VALUE or KEY=VALUE line directly below")]
    [InlineData("# renovate: datasource=docker depName=ghcr.io/o/app\nAPP_VERSION: ${VERSION}\n", 2, "variable")]
    [InlineData("# renovate: datasource=docker depName=Ghcr.io/O/App\nAPP_VERSION: 1.0\n", 2, "Ghcr.io/O/App:1.0")]
    public void Find_AnnotationNotUsable_IsSkippedWithTheReason(string content, int line, string reason)
    {
        var found = Kind.Find(content, "versions.yaml");

        Assert.Empty(found.Sites);
        var skipped = Assert.Single(found.Skipped);
        Assert.Equal(line, skipped.Line);
        Assert.Contains(reason, skipped.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("APP_VERSION: 1.0 # renovate: datasource=docker depName=ghcr.io/o/app\n")]
    [InlineData("# see renovate: docs for this\nAPP_VERSION: 1.0\n")]
    [InlineData("APP_VERSION: 1.0\n# renovate: datasource=docker depName=ghcr.io/o/app is documented above\n")]
    public void Find_NotAnAnnotationLine_FindsNothing(string content)
    {
        var found = Kind.Find(content, "versions.yaml");

        Assert.Empty(found.Sites);
        Assert.All(found.Skipped, s => Assert.Contains("not key=value", s.Reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("talos/talconfig.yaml", true)]
    [InlineData("a.yml", true)]
    [InlineData(".env", true)]
    [InlineData("cluster/versions.env", true)]
    [InlineData("scripts/bootstrap.sh", true)]
    [InlineData("images/Dockerfile", true)]
    [InlineData("renovate.json5", false)]
    [InlineData("main.tf", false)]
    public void Handles_Path_YamlEnvShellAndDockerfiles(string path, bool handled) => Assert.Equal(handled, Kind.Handles(path));

    [Fact]
    public void Find_AnnotatedHelmTag_KeepsTheHelmValuesSiteWithItsRepository()
    {
        const string content = "image:\n  repository: ghcr.io/o/app\n  # renovate: datasource=docker depName=ghcr.io/o/app\n  tag: 1.2.3\n";

        var site = Assert.Single(FileFindings.Find(content, "values.yaml", ManifestKinds.All).Sites);

        Assert.Equal("helm-values", site.Kind);
        Assert.Equal("ghcr.io/o/app:1.2.3", site.Image!.ToString());
    }

    [Fact]
    public void Apply_NewTagForAnnotatedValue_ChangesOnlyTheValue()
    {
        const string content = "# renovate: datasource=docker depName=ghcr.io/o/app\nAPP_VERSION=1.2.3 # app\n";
        var site = Assert.Single(Kind.Find(content, "versions.env").Sites);

        var outcome = SpanEditor.Apply(content, "versions.env", [new Replacement(site, "1.10.0")]);

        Assert.Equal("# renovate: datasource=docker depName=ghcr.io/o/app\nAPP_VERSION=1.10.0 # app\n", Assert.IsType<EditOutcome.Edited>(outcome).Content);
    }

    [Theory]
    [InlineData("org/app", "https://ghcr.io", "ghcr.io/org/app")]
    [InlineData("org/app", "https://ghcr.io/", "ghcr.io/org/app")]
    [InlineData("org/app", "registry.example.com:5000", "registry.example.com:5000/org/app")]
    [InlineData("quay.io/org/app", "https://ghcr.io", "quay.io/org/app")]
    [InlineData("localhost/app", "https://ghcr.io", "localhost/app")]
    [InlineData("nginx", null, "nginx")]
    public void Repository_RegistryUrl_IsPutBeforeANameWithoutHost(string name, string? registryUrl, string expected) =>
        Assert.Equal(expected, RenovateAnnotationKind.Repository(name, registryUrl));
}

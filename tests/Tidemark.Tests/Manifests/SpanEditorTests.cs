using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

public sealed class SpanEditorTests
{
    [Theory]
    [InlineData("1.10", true)]
    [InlineData("2024", true)]
    [InlineData("yes", true)]
    [InlineData("True", true)]
    [InlineData("null", true)]
    [InlineData("~", true)]
    [InlineData("0x1F", true)]
    [InlineData("1e3", true)]
    [InlineData("2024-01-02", true)]
    [InlineData("1:30", true)]
    [InlineData("v1.10", false)]
    [InlineData("1.10.0", false)]
    [InlineData("7.2.4-debian-12-r0", false)]
    [InlineData("latest", false)]
    public void ReadsAsNonString_Tag_MatchesYamlTypes(string tag, bool expected) =>
        Assert.Equal(expected, PlainScalars.ReadsAsNonString(tag));

    [Theory]
    [InlineData("tag: 1.9\n", "1.10", "tag: \"1.10\"\n")]
    [InlineData("tag: v1.9\n", "v1.10", "tag: v1.10\n")]
    [InlineData("tag: \"1.9\"\n", "1.10", "tag: \"1.10\"\n")]
    [InlineData("tag: '1.9'\n", "2024", "tag: '2024'\n")]
    [InlineData("tag: 1.9 # note\r\n", "yes", "tag: \"yes\" # note\r\n")]
    public void Apply_HelmTag_QuotesOnlyWhenThePlainValueWouldChangeType(string tagLine, string newTag, string expectedLine)
    {
        var content = "image:\n  repository: a/b\n  " + tagLine;
        var site = Assert.Single(Find("helm-values", content, "values.yaml"));

        var outcome = SpanEditor.Apply(content, "values.yaml", [new Replacement(site, newTag)]);

        var edited = Assert.IsType<EditOutcome.Edited>(outcome);
        Assert.Equal("image:\n  repository: a/b\n  " + expectedLine, edited.Content);
    }

    [Fact]
    public void Apply_SameTag_IsUnchanged()
    {
        const string Content = "containers:\n- image: nginx:1.25\n";
        var site = Assert.Single(Find("kubernetes", Content, "d.yaml"));

        Assert.IsType<EditOutcome.Unchanged>(SpanEditor.Apply(Content, "d.yaml", [new Replacement(site, "1.25")]));
    }

    [Fact]
    public void Apply_TagIntoKustomizeImageWithoutNewTag_IsRefusedWithReason()
    {
        const string Content = "images:\n- name: nginx\n  newName: reg.io/nginx\n";
        var site = Assert.Single(Find("kustomize", Content, "kustomization.yaml"));

        var refused = Assert.IsType<EditOutcome.Refused>(SpanEditor.Apply(Content, "kustomization.yaml", [new Replacement(site, "1.27")]));

        Assert.Equal(3, refused.Line);
        Assert.Contains("no tag field", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SiteFromOtherText_IsRefused()
    {
        var site = Assert.Single(Find("kubernetes", "containers:\n- image: nginx:1.25\n", "d.yaml"));

        var outcome = SpanEditor.Apply("containers:\n- image:   nginx:1.25\n", "d.yaml", [new Replacement(site, "1.27")]);

        Assert.IsType<EditOutcome.Refused>(outcome);
    }

    [Fact]
    public void Apply_TagThatCannotBeWritten_IsRefused()
    {
        const string Content = "containers:\n- image: nginx:1.25\n";
        var site = Assert.Single(Find("kubernetes", Content, "d.yaml"));

        var refused = Assert.IsType<EditOutcome.Refused>(SpanEditor.Apply(Content, "d.yaml", [new Replacement(site, "1 # x")]));

        Assert.Contains("cannot be written", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NewTagThatBreaksTheReference_IsRefusedAfterReReading()
    {
        const string Content = "containers:\n- image: nginx:1.25\n";
        var site = Assert.Single(Find("kubernetes", Content, "d.yaml"));

        var outcome = SpanEditor.Apply(Content, "d.yaml", [new Replacement(site, "-bad")]);

        Assert.IsType<EditOutcome.Refused>(outcome);
    }

    [Fact]
    public void Apply_TagAndNameIntoHelmParts_WritesEachScalar()
    {
        const string Content = "image:\n  registry: docker.io\n  repository: bitnami/redis\n  tag: 7.2\n  digest: \"\"\n";
        var site = Assert.Single(Find("helm-values", Content, "values.yaml"));

        var outcome = SpanEditor.Apply(Content, "values.yaml", [new Replacement(site, "7.4.1", null, "ghcr.io/mirror/redis")]);

        var edited = Assert.IsType<EditOutcome.Edited>(outcome);
        Assert.Equal("image:\n  registry: ghcr.io\n  repository: mirror/redis\n  tag: 7.4.1\n  digest: \"\"\n", edited.Content);
        Assert.Equal(3, edited.ChangedSpans);
    }

    [Fact]
    public void Apply_DockerfileArgUsedTwice_EditsTheDefaultOnce()
    {
        const string Content = "ARG V=1.23\nFROM golang:${V} AS a\nFROM golang:${V} AS b\n";
        var sites = Find("dockerfile", Content, "Dockerfile");

        var outcome = SpanEditor.Apply(Content, "Dockerfile", [.. sites.Select(s => new Replacement(s, "1.24"))]);

        Assert.Equal("ARG V=1.24\nFROM golang:${V} AS a\nFROM golang:${V} AS b\n", Assert.IsType<EditOutcome.Edited>(outcome).Content);
    }

    private static IReadOnlyList<ReferenceSite> Find(string kind, string content, string path) =>
        ManifestKinds.ByName(kind)!.Find(content, path).Sites;
}

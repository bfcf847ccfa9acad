using Tidemark.Manifests;

namespace Tidemark.Tests.Manifests;

/// <summary>Edits of tags that a Dockerfile spells with a global ARG: the ARG line's value changes, the FROM line stays.</summary>
public sealed class DockerfileArgEditTests
{
    private const string Content = "ARG GO_VERSION=1.26\nFROM golang:${GO_VERSION}-alpine AS build\nFROM golang:v${GO_VERSION} AS test\n";

    [Theory]
    [InlineData(0, "1.27-alpine", "ARG GO_VERSION=1.27\n")]
    [InlineData(1, "v1.26.1", "ARG GO_VERSION=1.26.1\n")]
    public void Apply_TagAroundAnArg_WritesOnlyTheArgValue(int site, string newTag, string firstLine)
    {
        var sites = ManifestKinds.ByName("dockerfile")!.Find(Content, "Dockerfile").Sites;

        var outcome = SpanEditor.Apply(Content, "Dockerfile", [new Replacement(sites[site], newTag)]);

        var edited = Assert.IsType<EditOutcome.Edited>(outcome);
        Assert.Equal(firstLine + Content[(Content.IndexOf('\n', StringComparison.Ordinal) + 1)..], edited.Content);
    }

    [Theory]
    [InlineData(0, "1.27-bookworm")]
    [InlineData(1, "1.27")]
    [InlineData(0, "-alpine")]
    public void Apply_TagThatDropsTheFixedText_IsRefusedWithReason(int site, string newTag)
    {
        var sites = ManifestKinds.ByName("dockerfile")!.Find(Content, "Dockerfile").Sites;

        var outcome = SpanEditor.Apply(Content, "Dockerfile", [new Replacement(sites[site], newTag)]);

        var refused = Assert.IsType<EditOutcome.Refused>(outcome);
        Assert.Contains("does not have the form", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_TwoFromsAskingDifferentArgValues_IsRefused()
    {
        var sites = ManifestKinds.ByName("dockerfile")!.Find(Content, "Dockerfile").Sites;

        var outcome = SpanEditor.Apply(Content, "Dockerfile", [new Replacement(sites[0], "1.27-alpine"), new Replacement(sites[1], "v1.28")]);

        Assert.IsType<EditOutcome.Refused>(outcome);
    }
}

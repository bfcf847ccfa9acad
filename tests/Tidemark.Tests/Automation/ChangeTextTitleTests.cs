using Tidemark.Automation;
using Tidemark.Configuration;

namespace Tidemark.Tests.Automation;

public sealed class ChangeTextTitleTests
{
    private static PlannedChange Change(string from, string to) => new("nginx", from, to, "semver:>=1.0.0", null, "", []);

    [Theory]
    [InlineData("1.25.3", "1.27.3", PullRequestConfig.DefaultTitle)]
    [InlineData("v1.16.2", "v2.0.0", "chore: automated image updates, including major updates")]
    [InlineData("0.4.1", "0.5.0", "chore: automated image updates, including major updates")]
    [InlineData("main-abc-100", "main-def-200", "chore: automated image updates")]
    public void Title_DefaultTitle_PromisesNonBreakingOnlyWhenEveryChangeIs(string from, string to, string expected)
    {
        Assert.Equal(expected, ChangeText.Title(PullRequestConfig.DefaultTitle, [Change("1.0.0", "1.0.1"), Change(from, to)]));
    }

    [Fact]
    public void Title_ConfiguredTitle_IsKeptAsWritten()
    {
        Assert.Equal("deps: images", ChangeText.Title("deps: images", [Change("1.0.0", "2.0.0")]));
    }

    [Fact]
    public void Body_MajorChangeAndHeldBackUpdate_AreMarked()
    {
        var body = ChangeText.Body([Change("1.9.0", "2.0.0")], "tidemark/image-updates", [new HeldBackUpdate("redis", "7.4.1", "8.0.0", "non-breaking")]);

        var lines = body.Split('\n');
        Assert.Contains("- nginx: 1.9.0 → 2.0.0 (major update)", lines);
        Assert.Contains("- redis: 8.0.0 — a major update, outside non-breaking", lines);
    }

    [Fact]
    public void Body_ChartsAndArtifacts_AreListedInTheirOwnSectionAfterTheImages()
    {
        var chart = new PlannedChange("https://charts.example/podinfo", "6.5.0", "6.7.1", "non-breaking", null, "", []) { Artifact = Tidemark.Manifests.ArtifactKind.HelmChart, Holders = ["HelmRelease apps/podinfo"] };
        var artifact = new PlannedChange("ghcr.io/org/manifests", "v1.2.0", "v1.3.0", "non-breaking", null, "", []) { Artifact = Tidemark.Manifests.ArtifactKind.OciArtifact, Holders = ["OCIRepository flux-system/app"] };

        var body = ChangeText.Body([artifact, Change("1.25.3", "1.27.3"), chart], "tidemark/image-updates");

        Assert.StartsWith("- nginx: 1.25.3 → 1.27.3\n\nCharts and OCI artifacts:\n\n- chart podinfo (HelmRelease apps/podinfo): 6.5.0 → 6.7.1\n- artifact ghcr.io/org/manifests (OCIRepository flux-system/app): v1.2.0 → v1.3.0\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_ChartDependencyChange_SaysToRegenerateTheLockFile()
    {
        var dependency = new PlannedChange("https://charts.bitnami.com/bitnami/postgresql", "15.2.5", "15.5.38", "non-breaking", null, "", [new SitePlace("charts/shop/Chart.yaml", 9)])
        { Artifact = Tidemark.Manifests.ArtifactKind.HelmChart, Holders = ["dependency of chart shop"] };
        var release = new PlannedChange("https://charts.example/podinfo", "6.5.0", "6.7.1", "non-breaking", null, "", [new SitePlace("apps/podinfo.yaml", 12)])
        { Artifact = Tidemark.Manifests.ArtifactKind.HelmChart, Holders = ["HelmRelease apps/podinfo"] };

        var body = ChangeText.Body([dependency, release], "tidemark/image-updates");
        var without = ChangeText.Body([release], "tidemark/image-updates");

        Assert.Contains("- chart postgresql (dependency of chart shop): 15.2.5 → 15.5.38\n", body, StringComparison.Ordinal);
        Assert.Contains("\n`charts/shop/Chart.yaml`: dependency versions changed. If the chart keeps a `Chart.lock`, regenerate it before merging (`helm dependency update charts/shop`, then commit the lock file)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("lock", without, StringComparison.OrdinalIgnoreCase);
    }
}

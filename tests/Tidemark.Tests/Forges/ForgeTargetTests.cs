using Tidemark.Forges;
using Tidemark.Forges.GitHub;

namespace Tidemark.Tests.Forges;

/// <summary>Targets are parsed once, with nested groups, and judged by the forge; API bases are normalised in one place.</summary>
public sealed class ForgeTargetTests
{
    [Theory]
    [InlineData("https://gitlab.example/platform/team/gitops.git", "platform/team", "gitops")]
    [InlineData("https://gitlab.example/a/b/c/d/gitops/", "a/b/c/d", "gitops")]
    [InlineData("https://github.com/acme/gitops", "acme", "gitops")]
    [InlineData("http://127.0.0.1:8080/acme/gitops.git", "acme", "gitops")]
    public void Parse_RepositoryUrl_GroupsAndName(string url, string groups, string name)
    {
        var target = ForgeTarget.Parse(url, "--repo");

        Assert.Equal((groups, name), (string.Join('/', target.Groups), target.Name));
        Assert.Equal($"{groups}/{name}", target.FullName);
    }

    [Theory]
    [InlineData("https://github.com/acme", "does not name a repository as …/OWNER/REPO")]
    [InlineData("http://gitlab.example/a/b", "must use https://")]
    [InlineData("https://user:secret@gitlab.example/a/b", "is not an https:// URL without credentials")]
    public void Parse_BadUrl_SaysWhereAndWhy(string url, string why)
    {
        var error = Assert.Throws<ForgeTargetException>(() => ForgeTarget.Parse(url, "--repo"));

        Assert.StartsWith("--repo: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GitHubAccept_NestedGroups_SaysGitHubTakesOwnerRepo()
    {
        var github = ForgeRegistry.Default["github"];

        var error = Assert.Throws<ForgeTargetException>(() => github.Accept(ForgeTarget.Parse("https://github.com/acme/team/gitops", "--repo"), "--repo"));

        Assert.Equal("--repo: https://github.com/acme/team/gitops does not name a repository as …/OWNER/REPO (GitHub takes OWNER/REPO; acme/team/gitops has nested groups)", error.Message);
    }

    [Fact]
    public void Registry_UnknownForge_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ForgeRegistry.Default["gitea"]);

        Assert.Contains("no forge called gitea (known: github)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ghe.example/api/v3", "https://ghe.example/api/v3/")]
    [InlineData("https://api.github.com/", "https://api.github.com/")]
    [InlineData("http://127.0.0.1:9/prefix", "http://127.0.0.1:9/prefix/")]
    public void ApiBaseNormalize_AddsTheFinalSlashOnly(string given, string expected)
    {
        Assert.Equal(new Uri(expected), ApiBase.Normalize(new Uri(given)));
    }
}

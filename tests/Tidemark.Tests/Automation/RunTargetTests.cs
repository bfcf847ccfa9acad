using Tidemark.Automation;
using Tidemark.Configuration;

namespace Tidemark.Tests.Automation;

public sealed class RunTargetTests
{
    [Theory]
    [InlineData("https://github.com/acme/gitops.git", "https://api.github.com/")]
    [InlineData("https://GitHub.com/acme/gitops", "https://api.github.com/")]
    [InlineData("https://ghe.example.com/acme/gitops.git", "https://ghe.example.com/api/v3/")]
    [InlineData("https://ghe.example.com:8443/acme/gitops", "https://ghe.example.com:8443/api/v3/")]
    public void DefaultApiUrl_RepositoryHost_IsGitHubsApiLayout(string repository, string api)
    {
        Assert.Equal(new Uri(api), RunTarget.FromUrl(repository, "--repo").DefaultApiUrl);
    }

    [Fact]
    public void For_ApiUrlGiven_KeepsIt()
    {
        var target = RunTarget.FromUrl("https://ghe.example.com/acme/gitops", "--repo");
        var given = new RunSettings(null, null, false, null, new Uri("https://api.example.net/"), null, null, "/secrets");
        var inferred = given with { ApiUrlGiven = false };

        Assert.Equal(new Uri("https://api.example.net/"), given.For(target).ApiUrl);
        Assert.Equal(new Uri("https://ghe.example.com/api/v3/"), inferred.For(target).ApiUrl);
    }

    [Fact]
    public void FromUrl_NestedGroupsOnGitHub_UsageErrorSayingGitHubTakesOwnerRepo()
    {
        var error = Assert.Throws<UsageException>(() => RunTarget.FromUrl("https://github.com/acme/team/gitops.git", "--repo"));

        Assert.Equal("--repo: https://github.com/acme/team/gitops.git does not name a repository as …/OWNER/REPO (GitHub takes OWNER/REPO; acme/team/gitops has nested groups)", error.Message);
    }

    [Fact]
    public void FromUrl_OwnerRepo_CleanRemoteAndNames()
    {
        var target = RunTarget.FromUrl("https://github.com/acme/gitops/", "--repo");

        Assert.Equal(("https://github.com/acme/gitops.git", "acme", "gitops"), (target.Remote.Url, target.Owner, target.Name));
    }
}

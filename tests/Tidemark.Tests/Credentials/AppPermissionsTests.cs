using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Tests.Credentials;

/// <summary>What an App token is minted with: contents and pull requests write, metadata read, workflows write only on demand.</summary>
public sealed class AppPermissionsTests
{
    [Fact]
    public void Needed_WithoutWorkflows_IsContentsPullRequestsMetadata() =>
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "write", ["pull_requests"] = "write", ["metadata"] = "read" }, AppPermissions.Needed(workflows: false));

    [Fact]
    public void Needed_WithWorkflows_AddsWorkflowsWrite() =>
        Assert.Equal("write", AppPermissions.Needed(workflows: true)["workflows"]);

    [Theory]
    [InlineData("write", true)]
    [InlineData("admin", true)]
    [InlineData("read", false)]
    [InlineData(null, false)]
    public void Cover_ContentsAtLevel_CoversWriteOnlyWhenAtLeastWrite(string? level, bool covered)
    {
        var granted = new Dictionary<string, string> { ["pull_requests"] = "write", ["metadata"] = "read" };
        if (level is not null)
        {
            granted["contents"] = level;
        }

        Assert.Equal(covered, AppPermissions.Cover(granted, AppPermissions.Needed(workflows: false)));
        Assert.Equal(covered ? [] : ["contents: write"], AppPermissions.Missing(granted, AppPermissions.Needed(workflows: false)));
    }
}

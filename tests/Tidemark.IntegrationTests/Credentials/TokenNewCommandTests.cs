using System.Text.Json;
using Tidemark.IntegrationTests.Cli;

namespace Tidemark.IntegrationTests.Credentials;

public sealed class TokenNewCommandTests
{
    [Fact]
    public async Task New_FineGrainedByDefault_ListsRepositoryAndPermissionsWithoutWorkflows()
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", "acme/gitops");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("https://github.com/settings/personal-access-tokens/new", run.Out, StringComparison.Ordinal);
        Assert.Contains("Token name:         flux-gitops-automation", run.Out, StringComparison.Ordinal);
        Assert.Contains("Resource owner:     acme", run.Out, StringComparison.Ordinal);
        Assert.Contains("Only select repositories: acme/gitops", run.Out, StringComparison.Ordinal);
        Assert.Contains("Expiration:         90 days", run.Out, StringComparison.Ordinal);
        Assert.Contains("Contents:         Read and write", run.Out, StringComparison.Ordinal);
        Assert.Contains("Pull requests:    Read and write", run.Out, StringComparison.Ordinal);
        Assert.Contains("Metadata:         Read-only", run.Out, StringComparison.Ordinal);
        Assert.Contains("Workflows:        not needed", run.Out, StringComparison.Ordinal);
        Assert.Contains("read -rs GITHUB_TOKEN && export GITHUB_TOKEN", run.Out, StringComparison.Ordinal);
        Assert.Contains("kubectl create secret generic github-token -n flux-system --from-file=token=/dev/stdin", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("export GITHUB_TOKEN=", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task New_FineGrainedWithAWorkflowPath_AddsWorkflowsWrite()
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", "acme/gitops", "--paths", "clusters/prod", "./.github/workflows/");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Workflows:        Read and write", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_Classic_GivesAPrefilledLinkWithRepoScopeOnly()
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", "acme/gitops", "--classic");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("https://github.com/settings/tokens/new?scopes=repo&description=flux-gitops-automation\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_ClassicWithAWorkflowPath_AddsTheWorkflowScopeAndEncodesTheName()
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", "acme/gitops", "--classic", "--paths", ".github/workflows/deploy.yaml", "--name", "flux gitops/bot");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("https://github.com/settings/tokens/new?scopes=repo,workflow&description=flux%20gitops%2Fbot\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("does not follow purpose-project-type", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_Json_GivesTheSameAsData()
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", "acme/GitOps.Infra", "--paths", ".github", "--output", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("fine-grained", root.GetProperty("type").GetString());
        Assert.Equal("flux-gitops-infra-automation", root.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nameWarning").ValueKind);
        Assert.True(root.GetProperty("workflowsNeeded").GetBoolean());
        Assert.Equal(["Contents", "Pull requests", "Metadata", "Workflows", "Commit statuses"], root.GetProperty("permissions").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.False(root.GetProperty("permissions")[4].GetProperty("required").GetBoolean());
        Assert.Contains(root.GetProperty("storage").EnumerateArray(), s => s.GetProperty("where").GetString() == "vault");
    }

    [Theory]
    [InlineData("gitops")]
    [InlineData("acme/gitops/extra")]
    public async Task New_BadRepo_IsBadInput(string repo)
    {
        var run = await CliRun.RunAsync("token", "new", "--repo", repo);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not OWNER/REPO", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_WithoutRepo_IsBadInput()
    {
        var run = await CliRun.RunAsync("token", "new");

        Assert.Equal(2, run.ExitCode);
    }
}

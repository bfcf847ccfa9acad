using Tidemark.Testing;
namespace Tidemark.IntegrationTests.Run;

/// <summary>Where run's token comes from, what it refuses, and that output names it only by its fingerprint.</summary>
public sealed class RunTokenTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    [Fact]
    public async Task Run_TokenCommittedToTheRepository_IsRefusedWithFileAndLineAndNothingIsPushed()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        await scene.GitHub.CommitAsync(scene.Repository, "main", new Dictionary<string, string> { ["apps/.env"] = $"# local settings\nGITHUB_TOKEN={scene.Token}\n" }, "Add settings");

        var run = await scene.RunAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("apps/.env:2", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, run.Out + run.Error, StringComparison.Ordinal);
        Assert.Null(scene.BranchSha(RunScene.UpdateBranch));
        Assert.Equal(0, scene.RestWrites());
    }

    [Fact]
    public async Task Run_TokenFromANamedVariableOrACommand_WorksAndIsNamedByItsFingerprint()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);
        var script = Path.Combine(scene.Root, "print-token");
        Directory.CreateDirectory(scene.Root);
        var tokenFile = Path.Combine(scene.Root, "token-value");
        await File.WriteAllTextAsync(tokenFile, scene.Token);
        await ExecutableScript.WriteAsync(script, $"#!/bin/sh\nexec cat {tokenFile}\n");

        var fromCommand = await scene.RunAsync("--token-command", script, "--dry-run");
        var fromVariable = await scene.RunAsync("--token-env", "GITHUB_TOKEN", "--dry-run");

        Assert.True(fromCommand.ExitCode == 0, fromCommand.Error);
        Assert.Equal(0, fromVariable.ExitCode);
        Assert.Contains($"token classic …{scene.Token[^4..]} #", fromCommand.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(scene.Token, fromCommand.Out + fromCommand.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoTokenSources_IsAUsageError()
    {
        await using var registry = await RunFixture.StartRegistryAsync();
        using var scene = await fixture.NewSceneAsync(registry);

        var run = await scene.RunAsync("--token-env", "GITHUB_TOKEN", "--token-file", "/nonexistent");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give one token source", run.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using Json.Schema;

namespace Tidemark.IntegrationTests.Run;

/// <summary><c>run --output json</c>: one object a CI job can read, valid against docs/schemas/run.schema.json.</summary>
public sealed class RunJsonOutputTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Tidemark.Testing.ExampleRepository.SourceRoot(), "docs", "schemas", "run.schema.json")));

    [Fact]
    public async Task Run_OutputJson_IsOneObjectValidAgainstTheSchemaWithThePullRequestAndTheCommit()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunAsync("--output", "json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        using var json = JsonDocument.Parse(run.Out);
        AssertValid(json);
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        var pull = Assert.Single(scene.Repository.PullRequests);
        Assert.Equal("created", result.GetProperty("action").GetString());
        Assert.Equal(pull.Number, result.GetProperty("pullRequest").GetProperty("number").GetInt32());
        Assert.Equal(scene.BranchSha(RunScene.UpdateBranch), result.GetProperty("commit").GetString());
        Assert.True(result.GetProperty("runId").GetInt64() > 0);
        Assert.Contains(result.GetProperty("changes").EnumerateArray(), c => c.GetProperty("image").GetString() == "quay.io/jetstack/cert-manager-controller" && c.GetProperty("to").GetString() == "v1.18.2");
        Assert.Equal("flux", json.RootElement.GetProperty("mode").GetProperty("name").GetString());
        Assert.Equal(scene.Repository.FullName, json.RootElement.GetProperty("repository").GetString());
        var runId = json.RootElement.GetProperty("run").GetString()!;
        var audit = await scene.TidemarkAsync("audit", "--run", runId, "--output", "json");
        Assert.True(audit.ExitCode == 0, audit.Error);
        var events = JsonDocument.Parse(audit.Out).RootElement.EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("action").GetString() == "pr.create");
        Assert.All(events, e => Assert.Equal(runId, e.GetProperty("run").GetString()));
    }

    [Fact]
    public async Task Run_TextOutput_NamesTheRunIdThatAuditListsTheRunsEventsBy()
    {
        using var scene = await fixture.NewSceneAsync();

        var run = await scene.RunAsync();

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("tidemark: run ", StringComparison.Ordinal));
        var runId = line["tidemark: run ".Length..line.IndexOf(':', "tidemark: run ".Length)];
        Assert.Contains($"`tidemark audit --run {runId}` lists what it did", line, StringComparison.Ordinal);
        var audit = await scene.TidemarkAsync("audit", "--run", runId, "--output", "json");
        Assert.True(audit.ExitCode == 0, audit.Error);
        var events = JsonDocument.Parse(audit.Out).RootElement.EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("action").GetString() == "pr.create");
        Assert.DoesNotContain(runId, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_OutputJsonDryRunWithAFailedRegistry_SaysWouldOpenAndListsTheFailureAndTheError()
    {
        using var scene = await fixture.NewSceneAsync();
        var dead = $"127.0.0.1:{Tidemark.Testing.Ports.Free()}";
        scene.EditOperatorConfig($"  - host: docker.io\n    endpoint: http://{fixture.Registry.Host}\n", $"  - host: docker.io\n    endpoint: http://{dead}\n");

        var run = await scene.RunAsync("--output", "json", "--dry-run");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        AssertValid(json);
        var result = Assert.Single(json.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal("would open", result.GetProperty("action").GetString());
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.All(result.GetProperty("failed").EnumerateArray(), f => Assert.Equal("unreachable", f.GetProperty("kind").GetString()));
        Assert.Equal(3, result.GetProperty("failed").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.StartsWith("cannot reach registry docker.io", StringComparison.Ordinal));
        Assert.Empty(scene.Repository.PullRequests);
    }

    private static void AssertValid(JsonDocument json)
    {
        var evaluation = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
    }
}

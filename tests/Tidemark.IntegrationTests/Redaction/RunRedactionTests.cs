using Tidemark.IntegrationTests.Run;

namespace Tidemark.IntegrationTests.Redaction;

/// <summary>
/// `tidemark run` against the GitHub simulator and a real registry: the token appears in no form (raw, base64 of any
/// Basic user, URL-encoded, JSON-escaped) in anything the run writes or leaves behind, even when GitHub echoes it.
/// </summary>
public sealed class RunRedactionTests(RunFixture fixture) : IClassFixture<RunFixture>
{
    private static readonly Dictionary<string, string> DebugLogs = new() { ["TIDEMARK_LOG_LEVEL"] = "Debug" };

    [Fact]
    public async Task Run_GitHubEchoesTheRequestHeadersInAnError_TheTokenIsInNoOutputLogAuditRowOrFile()
    {
        using var scene = await fixture.NewSceneAsync();
        var pulls = $"/repos/{scene.Repository.FullName}/pulls";
        fixture.GitHub.EchoRequestHeaders((method, path) => method == "POST" && path == pulls);
        try
        {
            foreach (var format in new[] { "text", "json" })
            {
                var run = await scene.RunWithAsync(DebugLogs, "--log-format", format);

                Assert.Equal(1, run.ExitCode);
                var finalLine = run.Error.TrimEnd().Split('\n')[^1];
                Assert.StartsWith("tidemark: ", finalLine, StringComparison.Ordinal);
                Assert.Contains("upstream rejected the request POST", finalLine, StringComparison.Ordinal); // GitHub's echo reached the error line
                Assert.Contains("[REDACTED]", finalLine, StringComparison.Ordinal);
                SecretForms.AssertAbsent(scene.Token, run.Out, $"stdout ({format} logs)");
                SecretForms.AssertAbsent(scene.Token, run.Error, $"stderr ({format} logs)");
            }

            var audit = await scene.AuditAsync(null);
            Assert.Contains(audit, row => row.Detail.Contains("[REDACTED]", StringComparison.Ordinal)); // the echo was audited, redacted
            foreach (var row in audit)
            {
                SecretForms.AssertAbsent(scene.Token, $"{row.Action} {row.Target} {row.Outcome} {row.TokenFingerprint} {row.Detail}", $"audit row {row.Id}");
            }

            await SecretForms.AssertAbsentFromFilesAsync(scene.Token, scene.Root);
        }
        finally
        {
            fixture.GitHub.EchoRequestHeaders(null);
        }
    }

    [Fact]
    public async Task Run_FullLoop_TheTokenIsInNoOutputFilePullRequestOrCommit()
    {
        using var scene = await fixture.NewSceneAsync();

        var first = await scene.RunWithAsync(DebugLogs);
        var second = await scene.RunWithAsync(DebugLogs, "--log-format", "json", "--output", "json");

        Assert.True(first.ExitCode == 0, first.Error + first.Out);
        Assert.True(second.ExitCode == 0, second.Error + second.Out);
        var pull = Assert.Single(scene.Repository.PullRequests);
        foreach (var (name, text) in new[] { ("stdout", first.Out + second.Out), ("stderr", first.Error + second.Error) })
        {
            SecretForms.AssertAbsent(scene.Token, text, name);
        }

        Assert.Contains(Directory.EnumerateFiles(scene.WorkDir, "config", SearchOption.AllDirectories), f => f.EndsWith("/.git/config", StringComparison.Ordinal));
        await SecretForms.AssertAbsentFromFilesAsync(scene.Token, scene.Root); // the state store (with its WAL), the work dir and its .git/config
        foreach (var row in await scene.AuditAsync(null))
        {
            SecretForms.AssertAbsent(scene.Token, $"{row.Action} {row.Target} {row.Outcome} {row.TokenFingerprint} {row.Detail}", $"audit row {row.Id}");
        }

        SecretForms.AssertAbsent(scene.Token, $"{pull.Title}\n{pull.Body}\n{string.Join('\n', pull.Comments.Select(c => c.Body))}", "the pull request");
        var history = scene.AllHistory();
        Assert.Contains("cert-manager", history, StringComparison.Ordinal); // the update commit's patch was searched
        SecretForms.AssertAbsent(scene.Token, history, "the simulator's commits");
    }
}

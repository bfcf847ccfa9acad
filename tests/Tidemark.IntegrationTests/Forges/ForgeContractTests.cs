using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Forges;
using Tidemark.IntegrationTests.GitHub;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.Forges;

/// <summary>
/// The contract every registered forge keeps (<see cref="ForgeRegistry.Default"/>): each verb of the automation port
/// (<see cref="IForge"/>) and of the diagnostics port (<see cref="IForgeDiagnostics"/>) works against a simulated forge.
/// A new forge is added to the registry and to <see cref="Simulated"/>; a new verb to the lists below.
/// </summary>
public sealed class ForgeContractTests(SimulatorFixture fixture) : IClassFixture<SimulatorFixture>
{
    private const string Branch = "tidemark/contract";

    private static readonly string[] AutomationVerbs =
    [
        nameof(IForge.GetRepositoryAsync), nameof(IForge.FindOpenPullRequestAsync), nameof(IForge.FindPullRequestsAsync),
        nameof(IForge.EnsurePullRequestAsync), nameof(IForge.ClosePullRequestAsync), nameof(IForge.CommentAsync), nameof(IForge.DeleteBranchAsync),
    ];

    private static readonly string[] DiagnosticVerbs =
    [
        nameof(IForgeDiagnostics.ReachAsync), nameof(IForgeDiagnostics.RateLimitAsync), nameof(IForgeDiagnostics.UserAsync),
        nameof(IForgeDiagnostics.RepositoryAsync), nameof(IForgeDiagnostics.BranchHeadAsync), nameof(IForgeDiagnostics.BranchAsync),
        nameof(IForgeDiagnostics.BranchRulesAsync), nameof(IForgeDiagnostics.OpenPullRequestsAsync), nameof(IForgeDiagnostics.WriteProbeAsync),
        nameof(IForgeDiagnostics.GetBranchProtectionAsync), nameof(IForgeDiagnostics.InspectAccessAsync), nameof(IForgeDiagnostics.ProbeTokenAsync),
    ];

    public static TheoryData<string> Registered => [.. ForgeRegistry.Default.All.Select(f => f.Name)];

    private GitHubSimulator GitHub => fixture.GitHub;

    [Fact]
    public void Ports_EveryVerbIsCoveredByTheContract()
    {
        Assert.Equal(AutomationVerbs.Order(StringComparer.Ordinal), typeof(IForge).GetMethods().Where(m => m.Name != "Dispose").Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(DiagnosticVerbs.Order(StringComparer.Ordinal),
            typeof(IForgeDiagnostics).GetMethods().Where(m => !m.IsSpecialName && m.Name != "Dispose").Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public async Task AutomationPort_EveryVerb_ConvergesOnTheSimulatedForge(string name)
    {
        var (connection, _) = await ConnectAsync(name);
        using var forge = ForgeRegistry.Default[name].Create(connection);
        var spec = new PullRequestSpec(Branch, "main", "Update container images", "Updates nginx to 1.26.0", [], [], []);

        var repository = await forge.GetRepositoryAsync(CancellationToken.None);
        var created = await forge.EnsurePullRequestAsync(spec, CancellationToken.None);
        var again = await forge.EnsurePullRequestAsync(spec, CancellationToken.None);
        var open = await forge.FindOpenPullRequestAsync(Branch, "main", CancellationToken.None);
        await forge.CommentAsync(created.PullRequest!.Number, "a comment", CancellationToken.None);
        await forge.ClosePullRequestAsync(created.PullRequest.Number, "closing", CancellationToken.None);
        await forge.ClosePullRequestAsync(created.PullRequest.Number, "closing", CancellationToken.None);
        var closed = await forge.FindPullRequestsAsync(Branch, PullRequestStateFilter.Closed, CancellationToken.None);
        await forge.DeleteBranchAsync(Branch, CancellationToken.None);
        await forge.DeleteBranchAsync(Branch, CancellationToken.None);

        Assert.Equal(connection.Owner + "/" + connection.Repository, repository.FullName);
        Assert.Equal((EnsureAction.Created, EnsureAction.Unchanged), (created.Action, again.Action));
        Assert.Equal(created.PullRequest.Number, open?.Number);
        Assert.Equal([created.PullRequest.Number], closed.Select(p => p.Number));
        Assert.Null(await forge.FindOpenPullRequestAsync(Branch, "main", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Registered))]
    public async Task DiagnosticsPort_EveryVerb_AnswersOnTheSimulatedForge(string name)
    {
        var (connection, _) = await ConnectAsync(name);
        using var forge = ForgeRegistry.Default[name].Diagnose(connection);
        var probe = new JsonObject { ["title"] = "tidemark write probe", ["head"] = "no-such-branch", ["base"] = "main" };

        Assert.True((await forge.ReachAsync(CancellationToken.None)).IsSuccess);
        Assert.True((await forge.RateLimitAsync(CancellationToken.None)).IsSuccess);
        Assert.True((await forge.UserAsync(CancellationToken.None)).IsSuccess);
        Assert.True((await forge.RepositoryAsync(CancellationToken.None)).IsSuccess);
        Assert.True((await forge.BranchHeadAsync("main", CancellationToken.None)).IsSuccess);
        Assert.True((await forge.BranchAsync("main", CancellationToken.None)).IsSuccess);
        Assert.True((await forge.BranchRulesAsync("main", CancellationToken.None)).IsSuccess);
        Assert.True((await forge.OpenPullRequestsAsync($"{connection.Owner}:{Branch}", CancellationToken.None)).IsSuccess);
        Assert.Equal(422, (await forge.WriteProbeAsync(probe, CancellationToken.None)).Status); // allowed to write, refused for the missing head
        Assert.Null(await forge.GetBranchProtectionAsync("main", CancellationToken.None));
        Assert.True((await forge.InspectAccessAsync(CancellationToken.None)).TokenValid);
        Assert.True((await forge.ProbeTokenAsync(CancellationToken.None)).Works);
    }

    /// <summary>The simulated forge for a registered name; a forge without a simulator fails here, naming what to add.</summary>
    private async Task<(ForgeConnection Connection, SimRepository Repository)> ConnectAsync(string name)
    {
        Assert.True(Simulated(name), $"no simulator for the forge {name}: add one to the contract test (ForgeContractTests.Simulated)");
        var repository = await fixture.NewRepositoryAsync();
        await GitHub.CommitAsync(repository, Branch, new Dictionary<string, string> { ["deploy/app.yaml"] = "image: nginx:1.26.0\n" });
        var token = GitHub.IssueClassicToken(repository.Owner.Login, ["repo"]).Value;
        return (new ForgeConnection(GitHub.ApiUri, repository.Owner.Login, repository.Name, _ => ValueTask.FromResult(token), TimeProvider.System, NullLogger.Instance), repository);
    }

    private static bool Simulated(string name) => name == "github";
}

using Microsoft.Extensions.Time.Testing;
using Tidemark.Testing.GitHub;

namespace Tidemark.IntegrationTests.GitHub;

/// <summary>
/// One simulator per test class: users alice (owner) and bob (write collaborator), carol (no access),
/// organisations "sso-org" (SAML SSO) and "locked-org" (classic tokens blocked). Every recorder is also
/// handed to <see cref="RecordedExchanges"/> so the OpenAPI check can validate what the suite produced.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private int repositoryCounter;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public GitHubSimulator GitHub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        GitHub = await GitHubSimulator.StartAsync(new GitHubSimulatorOptions { Time = Time });
        RecordedExchanges.Register(GitHub.Recorder);
        GitHub.AddUser("alice");
        GitHub.AddUser("bob");
        GitHub.AddUser("carol");
        GitHub.AddOrganization("sso-org", ssoRequired: true);
        GitHub.AddOrganization("locked-org", classicTokensBlocked: true);
    }

    /// <summary>A fresh private repository of alice's with bob as a writer, a workflow file and a README.</summary>
    public async Task<SimRepository> NewRepositoryAsync(string owner = "alice")
    {
        var name = "repo" + Interlocked.Increment(ref repositoryCounter);
        var repository = await GitHub.AddRepositoryAsync(owner, name, new RepositoryOptions
        {
            Files = new Dictionary<string, string>
            {
                ["README.md"] = "# app\n",
                [".github/workflows/ci.yml"] = "on: push\n",
                ["deploy/app.yaml"] = "image: nginx:1.25.0\n",
            },
        });
        GitHub.AddCollaborator(repository, "bob", RepositoryRole.Write);
        return repository;
    }

    public async Task DisposeAsync() => await GitHub.DisposeAsync();
}

using Tidemark.Credentials;
using Tidemark.Credentials.GitHubApp;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Credentials;

/// <summary>The App token service goes through the token service's resilience policy: a passing 503 is retried, a 501 is not.</summary>
public sealed class AppApiResilienceTests
{
    private const string App = """{"id":1,"slug":"tidemark","name":"Tidemark","permissions":{"contents":"write"}}""";

    [Fact]
    public async Task GetApp_One503_RetriedThenAnswered()
    {
        using var server = new FaultServer(FaultServer.Answer.Status(503), FaultServer.Answer.Json(200, App));
        var api = new AppApi(new TokenTarget(server.Uri, "acme", "gitops"));

        var answer = await api.GetAppAsync("header.payload.signature", CancellationToken.None);

        Assert.Equal(200, answer.Status);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task GetApp_501_NotRetried()
    {
        using var server = new FaultServer(FaultServer.Answer.Status(501));
        var api = new AppApi(new TokenTarget(server.Uri, "acme", "gitops"));

        var answer = await api.GetAppAsync("header.payload.signature", CancellationToken.None);

        Assert.Equal(501, answer.Status);
        Assert.Equal(1, server.Requests);
    }
}

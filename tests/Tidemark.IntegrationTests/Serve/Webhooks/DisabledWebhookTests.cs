using System.Net;
using Tidemark.Tests.Serve.Webhooks;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

public sealed class DisabledWebhookTests
{
    [Fact]
    public async Task Hooks_without_a_secret_or_with_a_short_one_are_404()
    {
        await using var host = await WebhookHost.StartAsync(null, new Dictionary<string, string> { ["quay"] = "short-secret" });

        using var github = await host.PostAsync("/hooks/github", Payloads.Ping, null, ("X-GitHub-Event", "ping"));
        using var dockerhub = await host.PostAsync($"/hooks/registry/dockerhub/{HookSecrets.New()}", Payloads.DockerHub("acme/app", "1"));
        using var quay = await host.PostAsync("/hooks/registry/quay/short-secret", Payloads.Quay("""["1"]"""));

        Assert.All([github, dockerhub, quay], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Empty(host.Triggers.Calls);
        Assert.Contains("webhook.disabled", host.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", host.Log, StringComparison.Ordinal);
    }
}

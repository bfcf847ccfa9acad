using System.Diagnostics;
using Tidemark.Testing.Registry;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>The real distribution registry's own notifications reach the distribution hook: its envelope, its headers, its retries.</summary>
public sealed class RegistryNotificationTests
{
    [Fact]
    public async Task A_tag_pushed_to_the_real_registry_is_reported_once_as_a_push_of_its_repository()
    {
        var secret = HookSecrets.New();
        await using var host = await WebhookHost.StartAsync(null, new Dictionary<string, string> { ["distribution"] = secret }, "alice/gitops");
        await using var registry = await LocalRegistry.StartAnonymousAsync(
            new RegistryNotification(new Uri(host.Address, "/hooks/registry/distribution"), $"Bearer {secret}"));

        await registry.PushTagAsync("team/app", "1.2.4");

        var expected = $"pushed {registry.Host}/team/app: distribution webhook: pushed {registry.Host}/team/app:1.2.4";
        await WaitForAsync(() => host.Triggers.Calls.Contains(expected), registry);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the registry's blob events and any retry arrive meanwhile
        Assert.Equal([expected], host.Triggers.Calls);
        Assert.Contains("distribution accepted", host.Observer.Deliveries);
        Assert.DoesNotContain("distribution unauthorized", host.Observer.Deliveries);
        Assert.DoesNotContain("distribution malformed", host.Observer.Deliveries);
    }

    [Fact]
    public async Task A_registry_with_the_wrong_secret_triggers_nothing()
    {
        await using var host = await WebhookHost.StartAsync(null, new Dictionary<string, string> { ["distribution"] = HookSecrets.New() }, "alice/gitops");
        await using var registry = await LocalRegistry.StartAnonymousAsync(
            new RegistryNotification(new Uri(host.Address, "/hooks/registry/distribution"), $"Bearer {HookSecrets.New()}"));

        await registry.PushTagAsync("team/app", "1.2.4");

        await WaitForAsync(() => host.Observer.Deliveries.Contains("distribution unauthorized"), registry);
        Assert.Empty(host.Triggers.Calls);
    }

    private static async Task WaitForAsync(Func<bool> condition, LocalRegistry registry)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"no notification within 20 s; the registry said:\n{registry.Output}");
            await Task.Delay(50);
        }
    }
}

using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Webhooks;

namespace Tidemark.Tests.Serve.Webhooks;

public sealed class WebhookSecretsTests
{
    private const string Secret = "It's a Secret to Everybody";

    [Fact]
    public void The_signature_matches_GitHubs_documented_example()
    {
        // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody", payload "Hello, World!"
        const string expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        var body = Encoding.UTF8.GetBytes("Hello, World!");

        Assert.Equal(expected, WebhookSecrets.Signature(body, Secret));
        Assert.True(WebhookSecrets.SignatureMatches(expected, body, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=857107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void Missing_malformed_or_wrong_signatures_do_not_match(string? header) =>
        Assert.False(WebhookSecrets.SignatureMatches(header, Encoding.UTF8.GetBytes("Hello, World!"), Secret));

    [Fact]
    public void Shared_secrets_match_only_exactly()
    {
        Assert.True(SecretCompare.Equal(Secret, Secret));
        Assert.False(SecretCompare.Equal(Secret + " ", Secret));
        Assert.False(SecretCompare.Equal("", Secret));
        Assert.False(SecretCompare.Equal(null, Secret));
    }

    [Fact]
    public void A_replay_is_refused_within_its_window_and_accepted_after_it()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(time);

        Assert.True(guard.TryRecord("github:d-1", ReplayGuard.IdWindow));
        Assert.False(guard.TryRecord("github:d-1", ReplayGuard.IdWindow));
        Assert.True(guard.TryRecord("github:d-2", ReplayGuard.IdWindow));
        time.Advance(ReplayGuard.IdWindow + TimeSpan.FromSeconds(1));
        Assert.True(guard.TryRecord("github:d-1", ReplayGuard.IdWindow));
    }

    [Fact]
    public void The_replay_memory_is_bounded()
    {
        var guard = new ReplayGuard(new FakeTimeProvider());
        for (var i = 0; i <= ReplayGuard.Capacity + 1; i++)
        {
            Assert.True(guard.TryRecord($"k{i}", ReplayGuard.IdWindow));
        }

        Assert.True(guard.TryRecord("k0", ReplayGuard.IdWindow));
        Assert.False(guard.TryRecord($"k{ReplayGuard.Capacity}", ReplayGuard.IdWindow));
    }

    [Fact]
    public void An_expired_short_window_key_is_dropped_even_behind_a_longer_one()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(time);

        Assert.True(guard.TryRecord("distribution:events:e1", ReplayGuard.IdWindow));
        Assert.True(guard.TryRecord("quay:sha256:aa", ReplayGuard.BodyWindow));
        time.Advance(ReplayGuard.BodyWindow + TimeSpan.FromSeconds(1));
        Assert.True(guard.TryRecord("quay:sha256:bb", ReplayGuard.BodyWindow));

        Assert.Equal(2, guard.Count);
        Assert.False(guard.TryRecord("distribution:events:e1", ReplayGuard.IdWindow));
    }

    [Fact]
    public void At_capacity_the_key_closest_to_expiring_goes_first()
    {
        var time = new FakeTimeProvider();
        var guard = new ReplayGuard(time);
        Assert.True(guard.TryRecord("short", ReplayGuard.BodyWindow));
        for (var i = 1; i < ReplayGuard.Capacity; i++)
        {
            Assert.True(guard.TryRecord($"k{i}", ReplayGuard.IdWindow));
        }

        Assert.True(guard.TryRecord("one-more", ReplayGuard.IdWindow));

        Assert.Equal(ReplayGuard.Capacity, guard.Count);
        Assert.False(guard.TryRecord("k1", ReplayGuard.IdWindow), "the oldest 24-hour key is kept");
        Assert.True(guard.TryRecord("short", ReplayGuard.BodyWindow), "the 10-minute key was dropped");
    }

    [Fact]
    public void A_long_delivery_id_is_shortened_for_logs()
    {
        var id = "events:" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"e{i}"));

        var logged = WebhookReceiver.LogId(id);

        Assert.True(logged.Length < 130, logged);
        Assert.StartsWith("events:e0,e1,", logged, StringComparison.Ordinal);
        Assert.Equal("github:d-1", WebhookReceiver.LogId("github:d-1"));
    }
}

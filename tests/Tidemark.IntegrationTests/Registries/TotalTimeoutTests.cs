using System.Diagnostics;
using Tidemark.Registries;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>The registry policy's total timeout ends a call to a hanging registry, whatever the per-request timeout.</summary>
public sealed class TotalTimeoutTests : IDisposable
{
    private readonly BlackHoleListener blackHole = new();

    public void Dispose() => blackHole.Dispose();

    [Fact]
    public async Task ListTagsAsync_RegistryHangs_EndsAtTheTotalTimeoutSayingSo()
    {
        using var client = TestClients.Create(TestClients.FastOptions with { RequestTimeout = TimeSpan.FromSeconds(20), TotalTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new RegistryRepository(blackHole.Host, "team/app"), CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.#} s: the 20 s request timeout was waited out");
        Assert.Equal(RegistryErrorKind.Unreachable, error.Kind);
        Assert.Contains($"cannot reach registry {blackHole.Host} (no result within the total 1 s this command allows one registry call)", error.Message, StringComparison.Ordinal);
    }
}

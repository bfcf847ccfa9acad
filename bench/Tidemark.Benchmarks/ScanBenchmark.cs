using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Automation;
using Tidemark.Configuration;
using Tidemark.Images;
using Tidemark.Registries;
using Tidemark.Testing.Registry;

namespace Tidemark.Benchmarks;

/// <summary>
/// `scan N`: N distinct repositories on a real token-auth registry, each referenced twice, scanned like
/// `tidemark scan` does; prints wall time and the requests made (tag pages, token requests) against the target
/// of exactly one listing chain per repository and at most one token request per repository scope.
/// </summary>
public static class ScanBenchmark
{
    public static async Task<int> RunAsync(int repositories)
    {
        await using var issuer = await TokenIssuer.StartAsync();
        await using var registry = await LocalRegistry.StartTokenAsync(issuer);
        var push = Stopwatch.StartNew();
        var names = Enumerable.Range(0, repositories).Select(i => $"bench/app-{i:D3}").ToList();
        foreach (var name in names)
        {
            await registry.PushTagsAsync(name, ["1.0.0", "1.0.1", "1.1.0", "1.2.0-rc.1", "2.0.0"]);
        }
        Console.WriteLine($"pushed {repositories} repositories x 5 tags in {push.Elapsed.TotalSeconds:F1} s");
        issuer.ResetCount();

        var policy = ResolvedPolicy.Resolve(new PolicySpec("non-breaking", null, null, new SourcePlace("bench", 0, 0))).Value!;
        var requests = names.SelectMany(name => new[] { $"{registry.Host}/{name}:1.0.0", $"{registry.Host}/{name}:1.0.1" })
            .Select(image => new ScanRequest(image, ((ReferenceParseResult.Parsed)ImageReference.Parse(image)).Reference, policy)).ToList();
        using var client = RegistryClient.Create(new RegistryClientOptions(), TimeProvider.System, NullLogger.Instance);
        var watch = Stopwatch.StartNew();
        var results = await new ImageScanner(new MemoizingTagSource(client)).ScanAsync(requests, explain: false, progress: null, CancellationToken.None);
        watch.Stop();

        var counts = client.Counts;
        var failed = results.Count(r => r.Error is not null);
        Console.WriteLine($"scanned {requests.Count} references to {repositories} repositories in {watch.Elapsed.TotalMilliseconds:F0} ms ({failed} failed)");
        Console.WriteLine($"requests: {counts.TagPages} tag-list pages, {counts.TokenRequests} token requests (issuer saw {issuer.TokenRequests}), {counts.ManifestHeads} manifest HEADs, {counts.Retries} retries");
        Console.WriteLine($"per repository: {(double)counts.TagPages / repositories:F2} listing requests, {(double)counts.TokenRequests / repositories:F2} token requests");
        // one listing per repository, plus at most one challenged first request per concurrent slot
        return failed == 0 && counts.TagPages <= repositories + new RegistryClientOptions().PerHostConcurrency && counts.TokenRequests <= repositories ? 0 : 1;
    }
}

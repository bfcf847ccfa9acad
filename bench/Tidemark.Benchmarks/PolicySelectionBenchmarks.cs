using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tidemark.Versions;

namespace Tidemark.Benchmarks;

/// <summary>
/// Selecting among 10,000 realistic tags: v-prefixed SemVer, pre-releases, suffix variants (-alpine, -debian),
/// branch builds (main-sha-timestamp) and garbage. The tag list is built once with a fixed seed.
/// </summary>
[MemoryDiagnoser]
public class PolicySelectionBenchmarks
{
    private const int TagCount = 10_000;

    private string[] tags = [];
    private VersionPolicy semverRange = new MajorPolicy();
    private TagFilter? branchFilter;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        tags = new string[TagCount];
        for (var i = 0; i < TagCount; i++)
        {
            tags[i] = MakeTag(random, i);
        }

        semverRange = new SemverRangePolicy(SemverRange.Parse(">=1.2.0 <3.0.0 || ^4.1").Value!);
        branchFilter = TagFilter.Create("^main-[a-fA-F0-9]+-(?P<ts>[1-9][0-9]*)", "$ts").Value;
    }

    private static string MakeTag(Random random, int i)
    {
        var version = string.Create(CultureInfo.InvariantCulture, $"{random.Next(0, 6)}.{random.Next(0, 40)}.{random.Next(0, 30)}");
        return (i % 10) switch
        {
            0 or 1 or 2 => "v" + version,
            3 => version,
            4 => $"v{version}-rc.{random.Next(1, 12)}",
            5 => version + "-alpine",
            6 => version + "-debian-12",
            7 => string.Create(CultureInfo.InvariantCulture, $"main-{random.Next():x7}-{1_700_000_000 + i}"),
            8 => string.Create(CultureInfo.InvariantCulture, $"sha-{random.Next():x8}"),
            _ => i % 20 == 9 ? "latest" : string.Create(CultureInfo.InvariantCulture, $"pr-{i}"),
        };
    }

    [Benchmark]
    public string? NonBreaking() => TagSelector.Select(new NonBreakingPolicy(), null, tags, "v1.16.2").Selected;

    [Benchmark]
    public string? SemverRangeSelection() => TagSelector.Select(semverRange, null, tags, "v1.16.2").Selected;

    [Benchmark]
    public string? NumericalWithFilter() =>
        TagSelector.Select(new NumericalPolicy(SortOrder.Ascending), branchFilter, tags, null).Selected;

    [Benchmark]
    public int NonBreakingExplained() => TagSelector.Select(new NonBreakingPolicy(), null, tags, "v1.16.2", explain: true).Verdicts.Count;
}

namespace Tidemark.IntegrationTests.Serve;

/// <summary>
/// Tests that read the service's meters, which are process-wide (<c>ServeMetrics</c>'s static <c>Meter</c>): counters
/// without a repository label, such as webhook deliveries by sender or requests to the shared test registry, also count
/// what any other test's serve host does meanwhile (a distribution notification in <c>ServeNotificationEndToEndTests</c>
/// made <c>outcome=accepted</c> 20 instead of 2). They run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process-wide serve metrics";
}

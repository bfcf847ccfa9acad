using System.Diagnostics.Metrics;

namespace Tidemark.Telemetry;

/// <summary>
/// The library's instruments, on one <see cref="Meter"/> named <c>Tidemark</c> (docs/metrics.md), recorded where the
/// work happens. Without a listener (every CLI command) a recording costs a field check; <c>tidemark serve</c> listens and
/// exposes them on <c>/metrics</c>. Instrument names are already the Prometheus names (a counter's <c>_total</c> is added
/// by the exporter). Labels are bounded: hosts, status codes, action names, repository names the operator configured.
/// </summary>
internal static class TidemarkMetrics
{
    public const string MeterName = "Tidemark";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>
    /// Registry requests answered (tag pages, manifest heads, token requests, Helm indexes), by the registry the references
    /// name (<c>docker.io</c>), the host the request went to (a mirror's, a token service's), kind and HTTP status.
    /// </summary>
    public static readonly Counter<long> RegistryRequests = Meter.CreateCounter<long>(
        "tidemark_registry_requests", "{request}", "Registry requests answered, by registry, host the request went to, kind (tags, manifest, token, helm_index) and HTTP status code");

    /// <summary>GitHub API requests answered, by API host and HTTP status (retries included).</summary>
    public static readonly Counter<long> GitHubRequests = Meter.CreateCounter<long>(
        "tidemark_github_requests", "{request}", "GitHub API requests answered, by API host, method and HTTP status code");

    /// <summary>The last <c>X-RateLimit-Remaining</c> GitHub sent, by API host.</summary>
    public static readonly Gauge<long> GitHubRateLimitRemaining = Meter.CreateGauge<long>(
        "tidemark_github_rate_limit_remaining", "{request}", "The X-RateLimit-Remaining header of the last GitHub API answer, by API host");

    /// <summary>Pull request actions done on the forge (not in a dry run): created, updated, closed, commented.</summary>
    public static readonly Counter<long> PullRequestActions = Meter.CreateCounter<long>(
        "tidemark_pull_request_actions", "{action}", "Pull request actions done on GitHub, by repository and action (created, updated, closed, commented)");

    /// <summary>Image updates carried by a pull request Tidemark opened or updated.</summary>
    public static readonly Counter<long> UpdatesProposed = Meter.CreateCounter<long>(
        "tidemark_updates_proposed", "{update}", "Image updates carried by a pull request Tidemark opened or updated, by repository");

    public static void RegistryRequest(string registry, string host, string kind, int status) =>
        RegistryRequests.Add(1, new("registry", registry), new("host", host), new("kind", kind), new("status", Status(status)));

    public static void GitHubRequest(string host, string method, int status) =>
        GitHubRequests.Add(1, new("host", host), new("method", method), new("status", Status(status)));

    public static void RateLimitRemaining(string host, long remaining) => GitHubRateLimitRemaining.Record(remaining, new KeyValuePair<string, object?>("host", host));

    public static void PullRequestAction(string repository, string action) =>
        PullRequestActions.Add(1, new("repository", repository), new("action", action));

    public static void Proposed(string repository, int updates)
    {
        if (updates > 0)
        {
            UpdatesProposed.Add(updates, new KeyValuePair<string, object?>("repository", repository));
        }
    }

    private static string Status(int status) => status is >= 100 and <= 599 ? StatusText[status - 100] : "other";

    // boxed once: a status label is a string, and the hot path should not format one per request
    private static readonly string[] StatusText = [.. Enumerable.Range(100, 500).Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

using Tidemark.Telemetry;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Puts the headers GitHub asks of every client on each request (Octokit sends no API version) and counts writes.
/// </summary>
internal sealed class GitHubWireHandler : DelegatingHandler
{
    public const string ApiVersion = "2022-11-28";

    private readonly Microsoft.Extensions.Logging.ILogger logger;
    private int writes;

    public GitHubWireHandler(HttpMessageHandler inner, Microsoft.Extensions.Logging.ILogger logger)
        : base(inner)
    {
        this.logger = logger;
    }

    public int WriteCount => Volatile.Read(ref writes);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.ParseAdd("tidemark");
        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            Interlocked.Increment(ref writes);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Log.Request(logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", (int)response.StatusCode);
        var host = request.RequestUri?.Authority ?? "";
        TidemarkMetrics.GitHubRequest(host, request.Method.Method, (int)response.StatusCode);
        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var remaining))
        {
            TidemarkMetrics.RateLimitRemaining(host, remaining);
        }

        return response;
    }
}

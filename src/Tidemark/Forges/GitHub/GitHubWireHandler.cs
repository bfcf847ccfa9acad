namespace Tidemark.Forges.GitHub;

/// <summary>
/// Puts the headers GitHub asks of every client on each request (Octokit sends no API version) and counts writes.
/// </summary>
internal sealed class GitHubWireHandler : DelegatingHandler
{
    public const string ApiVersion = "2022-11-28";

    private int writes;

    public GitHubWireHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public int WriteCount => Volatile.Read(ref writes);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        request.Headers.UserAgent.ParseAdd("tidemark");
        request.Headers.Remove("X-GitHub-Api-Version");
        request.Headers.TryAddWithoutValidation("X-GitHub-Api-Version", ApiVersion);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            Interlocked.Increment(ref writes);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

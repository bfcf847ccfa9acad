using System.Net;
using Tidemark.Resilience;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// What a GitHub answer means for a retry. A rate limit (403/429 with <c>Retry-After</c>, an exhausted
/// <c>X-RateLimit-Remaining</c> with its reset time, or a secondary limit without headers: a minute) is waited out; a
/// 500/502/503/504 is retried (after its <c>Retry-After</c> when it sent one) and counts against the host's circuit; a
/// 501 or 505 is final (the server will not do it, however often asked) but counts too; anything else is the answer.
/// </summary>
internal static class GitHubRetries
{
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromSeconds(60);

    public static async ValueTask<RetryAdvice> JudgeAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 403 or 429 && await RateLimitWaitAsync(response, time, cancellationToken).ConfigureAwait(false) is { } wait)
        {
            return new RetryAdvice(true, false, wait, $"rate limited ({status})");
        }

        return status switch
        {
            500 or 502 or 503 or 504 => new RetryAdvice(true, true, RetryAfter(response, time), $"GitHub answered {status}"),
            >= 500 => new RetryAdvice(false, true),
            _ => RetryAdvice.Final,
        };
    }

    /// <summary>How long GitHub asks us to wait, or null when the refusal is not a rate limit.</summary>
    public static async ValueTask<TimeSpan?> RateLimitWaitAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (RetryAfter(response, time) is { } asked)
        {
            return asked;
        }

        var headers = response.Headers;
        if (Number(headers, "X-RateLimit-Remaining") == 0 && Number(headers, "X-RateLimit-Reset") is { } reset)
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : until + TimeSpan.FromSeconds(1);
        }

        if (response.StatusCode == (HttpStatusCode)429)
        {
            return SecondaryLimitWait;
        }

        // secondary limit without headers: GitHub asks for at least a minute
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return body.Contains("rate limit", StringComparison.OrdinalIgnoreCase) ? SecondaryLimitWait : null;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => RetryAfterHeader.Of(response, time);

    private static long? Number(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

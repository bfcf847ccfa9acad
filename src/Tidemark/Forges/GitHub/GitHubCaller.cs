using System.Net;
using Microsoft.Extensions.Logging;
using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Runs one Octokit call: fetches the current token, waits out rate limits (Retry-After, or the reset time when
/// <c>x-ratelimit-remaining</c> is 0) up to a cap, retries transient failures a bounded number of times, and turns
/// every other failure into a <see cref="ForgeException"/>.
/// </summary>
internal sealed class GitHubCaller(
    IGitHubClient client,
    TokenCredentialStore credentials,
    Func<CancellationToken, ValueTask<string>> tokenProvider,
    GitHubForgeOptions options,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan SecondaryLimitWait = TimeSpan.FromSeconds(60);
    private readonly Lock gate = new();
    private bool answered;
    private ForgeException? givenUp;
    private readonly GitHubErrors errors = new(options.FullName);

    public async Task CallAsync(string action, Func<IGitHubClient, Task> call, CancellationToken cancellationToken) =>
        await CallAsync(action, async c =>
        {
            await call(c).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    public async Task<T> CallAsync<T>(string action, Func<IGitHubClient, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (gate)
            {
                if (givenUp is not null)
                {
                    throw givenUp;
                }
            }
            credentials.Use(await tokenProvider(cancellationToken).ConfigureAwait(false));
            Failure failure;
            try
            {
                var result = await call(client).WaitAsync(cancellationToken).ConfigureAwait(false);
                Answered();
                return result;
            }
            catch (ApiException error)
            {
                Answered();
                failure = Assess(error, action);
            }
            catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.NameResolutionError)
            {
                // Not transient: the API's host name does not resolve; retrying only delays the same answer.
                failure = new Failure(errors.Unresolvable(error, action, options.ApiBase), null, error.Message);
            }
            catch (HttpRequestException error)
            {
                failure = new Failure(errors.Unavailable(error, action, error.Message), Backoff(attempt), error.Message);
            }
            catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new Failure(errors.Unavailable(error, action, $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s"), Backoff(attempt), "timed out");
                if (GiveUpIfNeverAnswered(failure.Exception))
                {
                    throw failure.Exception;
                }
            }

            if (failure.Wait is not { } wait || attempt > options.MaxRetries || wait > options.MaxRateLimitWait)
            {
                throw failure.Exception;
            }

            Log.Retrying(logger, options.FullName, action, failure.Reason, attempt, options.MaxRetries, (long)wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Answered()
    {
        lock (gate)
        {
            answered = true;
        }
    }

    /// <summary>
    /// An API that has not answered once in this forge's life and now lets a request time out is given up: every later
    /// call fails at once with the same error, so a black-holed API costs one timeout per command, not one per call and retry.
    /// </summary>
    private bool GiveUpIfNeverAnswered(ForgeException error)
    {
        lock (gate)
        {
            if (answered)
            {
                return false;
            }
            givenUp = error;
            return true;
        }
    }

    private Failure Assess(ApiException error, string action)
    {
        var status = (int)error.StatusCode;
        if (status is 403 or 429 && RateLimitWait(error) is { } wait)
        {
            return new Failure(errors.Classify(error, action, time.GetUtcNow() + wait), wait, $"rate limited ({status})");
        }

        var transient = status is 500 or 502 or 503 or 504;
        return new Failure(errors.Classify(error, action, null), transient ? Backoff(1) : null, $"GitHub answered {status}");
    }

    /// <summary>How long GitHub asks us to wait, or null when the refusal is not a rate limit.</summary>
    private TimeSpan? RateLimitWait(ApiException error)
    {
        var headers = error.HttpResponse?.Headers;
        if (ResponseHeaders.Number(headers, "Retry-After") is { } seconds)
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        if (ResponseHeaders.Number(headers, "X-RateLimit-Remaining") == 0 && ResponseHeaders.Number(headers, "X-RateLimit-Reset") is { } reset)
        {
            var until = DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow();
            return until < TimeSpan.Zero ? TimeSpan.FromSeconds(1) : until + TimeSpan.FromSeconds(1);
        }

        // secondary limit without headers: GitHub asks for at least a minute
        return GitHubErrors.IsRateLimitBody(error) ? SecondaryLimitWait : null;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, 2 * attempt));

    private sealed record Failure(ForgeException Exception, TimeSpan? Wait, string Reason);
}

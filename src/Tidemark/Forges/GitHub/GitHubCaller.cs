using Octokit;
using Tidemark.Resilience;

namespace Tidemark.Forges.GitHub;

/// <summary>
/// Runs one Octokit call and turns every failure into a <see cref="ForgeException"/>. Retries, rate-limit waits and the
/// per-host circuit live in the HTTP setup below (<see cref="GitHubHttp"/>, the forge's <see cref="RemotePolicy"/>); what
/// reaches this class is final: an answer the retries could not turn, no answer, or an open circuit.
/// </summary>
internal sealed class GitHubCaller(IGitHubClient client, GitHubForgeOptions options, TimeProvider time)
{
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
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (givenUp is not null)
            {
                throw givenUp;
            }
        }

        try
        {
            var result = await call(client).WaitAsync(cancellationToken).ConfigureAwait(false);
            Answered();
            return result;
        }
        catch (ApiException error)
        {
            Answered();
            throw Assess(error, action);
        }
        catch (CircuitOpenException error)
        {
            throw errors.Unavailable(error, action, error.Message);
        }
        catch (HttpRequestException error) when (error.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            // Not transient: the API's host name does not resolve; retrying only delays the same answer.
            throw errors.Unresolvable(error, action, options.ApiBase);
        }
        catch (HttpRequestException error)
        {
            throw errors.Unavailable(error, action, error.Message);
        }
        catch (TimeoutException error)
        {
            var failure = errors.Unavailable(error, action, error.Message);
            GiveUpIfNeverAnswered(failure);
            throw failure;
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
    private void GiveUpIfNeverAnswered(ForgeException error)
    {
        lock (gate)
        {
            if (!answered)
            {
                givenUp = error;
            }
        }
    }

    private ForgeException Assess(ApiException error, string action)
    {
        var status = (int)error.StatusCode;
        return status is 403 or 429 && RateLimitWait(error) is { } wait
            ? errors.Classify(error, action, time.GetUtcNow() + wait)
            : errors.Classify(error, action, null);
    }

    /// <summary>How long GitHub asked us to wait (for the error's "retry after"), or null when the refusal is not a rate limit.</summary>
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
        return GitHubErrors.IsRateLimitBody(error) ? TimeSpan.FromSeconds(60) : null;
    }
}

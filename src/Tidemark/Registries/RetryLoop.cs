using Microsoft.Extensions.Logging;
using Tidemark.Credentials;

namespace Tidemark.Registries;

/// <summary>
/// Runs an attempt up to <c>Retries + 1</c> times. Retries transient failures (429, 5xx, timeouts, resets, truncated
/// bodies) after the registry's Retry-After (capped) or an exponential delay with jitter; waits on the injected
/// <see cref="TimeProvider"/>. A plain loop rather than a Polly pipeline: the delay depends on the failed answer and
/// the final error must name the attempts, and both read more directly here.
/// </summary>
internal sealed class RetryLoop(RegistryClientOptions options, TimeProvider timeProvider, Random jitter, RequestCounter counter, ILogger logger, ISecretRedactor redactor)
{
    public async Task<T> ExecuteAsync<T>(RegistryOperation operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (RetryableFailureException e) when (e.Failure.Transient && number <= options.Retries)
            {
                var delay = Delay(e.Failure, number);
                Log.Retrying(logger, operation.Description, redactor.Redact(e.Failure.Why), number, options.Retries, (long)delay.TotalMilliseconds);
                counter.CountRetry();
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (RetryableFailureException e)
            {
                // The reason quotes the registry's answer, which may echo a credential back.
                throw (e.Failure with { Why = redactor.Redact(e.Failure.Why) }).ToException(operation, number);
            }
        }
    }

    public TimeSpan Delay(RegistryFailure failure, int attempt)
    {
        if (failure.RetryAfter is { } retryAfter)
        {
            return Clamp(retryAfter, options.MaxRetryAfter);
        }

        double factor;
        lock (jitter)
        {
            factor = 0.5 + jitter.NextDouble(); // 0.5x .. 1.5x
        }

        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1) * factor;
        return Clamp(TimeSpan.FromMilliseconds(exponential), options.MaxRetryDelay);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
}

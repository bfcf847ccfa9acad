using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Tidemark.Credentials;
using Tidemark.Resilience;

namespace Tidemark.Registries;

/// <summary>
/// The registry's <see cref="RemotePolicy"/> as a Polly pipeline, built on first use (a command that asks no registry
/// builds none): a total timeout around up to <c>Retries + 1</c> attempts. Transient failures (429, 5xx, timeouts,
/// resets, truncated bodies) are retried after the registry's Retry-After (capped) or an exponential delay with jitter
/// from the injected <see cref="Random"/>; waits run on the injected <see cref="TimeProvider"/>. The final error names
/// the attempts; a call that outlives the total timeout ends with an <see cref="RegistryErrorKind.Unreachable"/> error
/// that says so. The per-host circuit is <see cref="HostBreaker"/>, which also gives a never-answering host up at its
/// first timeout.
/// </summary>
internal sealed class RetryLoop
{
    private static readonly ResiliencePropertyKey<int> AttemptsKey = new("tidemark.registry.attempts");
    private readonly RegistryClientOptions options;
    private readonly TimeProvider timeProvider;
    private readonly Random jitter;
    private readonly RequestCounter counter;
    private readonly ILogger logger;
    private readonly ISecretRedactor redactor;
    private readonly RemotePolicy policy;
    private readonly Lazy<ResiliencePipeline> pipeline;

    public RetryLoop(RegistryClientOptions options, TimeProvider timeProvider, Random jitter, RequestCounter counter, ILogger logger, ISecretRedactor redactor)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        this.jitter = jitter;
        this.counter = counter;
        this.logger = logger;
        this.redactor = redactor;
        policy = RemotePolicy.Registry with
        {
            Retries = options.Retries,
            BaseDelay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            MaxRetryAfter = options.MaxRetryAfter,
            AttemptTimeout = options.RequestTimeout,
            TotalTimeout = options.TotalTimeout,
            BreakerThreshold = options.BreakerThreshold,
        };
        pipeline = new Lazy<ResiliencePipeline>(Build);
    }

    public async Task<T> ExecuteAsync<T>(RegistryOperation operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(operation.Description, cancellationToken);
        context.Properties.Set(AttemptsKey, 0);
        try
        {
            return await pipeline.Value.ExecuteAsync(async (c, state) =>
            {
                c.Properties.Set(AttemptsKey, c.Properties.GetValue(AttemptsKey, 0) + 1);
                return await state(c.CancellationToken).ConfigureAwait(false);
            }, context, attempt).ConfigureAwait(false);
        }
        catch (RetryableFailureException e)
        {
            // The reason quotes the registry's answer, which may echo a credential back.
            throw (e.Failure with { Why = redactor.Redact(e.Failure.Why) }).ToException(operation, context.Properties.GetValue(AttemptsKey, 1));
        }
        catch (TimeoutRejectedException e)
        {
            var attempts = context.Properties.GetValue(AttemptsKey, 1);
            throw new RegistryFailure(RegistryErrorKind.Unreachable, null,
                $"no result within the total {policy.TotalTimeout.TotalSeconds:0.#} s this command allows one registry call",
                "the registry is hanging or too slow; try again later", Transient: false, Cause: e).ToException(operation, attempts);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The wait before retry <paramref name="attempt"/> (1-based): the policy's rule, with this loop's jitter.</summary>
    public TimeSpan Delay(RegistryFailure failure, int attempt)
    {
        double random;
        lock (jitter)
        {
            random = jitter.NextDouble(); // 0.5x .. 1.5x
        }

        return policy.Delay(attempt, failure.RetryAfter, random) ?? policy.MaxRetryAfter;
    }

    private ResiliencePipeline Build()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(policy.TotalTimeout);
        if (policy.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = policy.Retries,
                ShouldHandle = new PredicateBuilder().Handle<RetryableFailureException>(e => e.Failure.Transient),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(((RetryableFailureException)args.Outcome.Exception!).Failure, args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    var failure = ((RetryableFailureException)args.Outcome.Exception!).Failure;
                    Log.Retrying(logger, args.Context.OperationKey ?? "", redactor.Redact(failure.Why), args.AttemptNumber + 1, policy.Retries, (long)args.RetryDelay.TotalMilliseconds);
                    counter.CountRetry();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}

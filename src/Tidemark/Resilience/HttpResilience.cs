using System.Collections.Concurrent;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Tidemark.Resilience;

/// <summary>
/// One <see cref="RemotePolicy"/> as HTTP middleware (<see cref="Microsoft.Extensions.Http.Resilience.ResilienceHandler"/>),
/// with one pipeline per host, built on the host's first request (a command that sends nothing builds none):
/// total timeout → retry (with jitter, honouring what <c>judge</c> reads from an answer, e.g. <c>Retry-After</c>) →
/// per-host circuit breaker → per-attempt timeout. Waits and the breaker's clock run on the injected
/// <see cref="TimeProvider"/>; the timeouts on the system clock (they bound real network time).
/// Failures reach the caller as exceptions it already knows: an open circuit as <see cref="CircuitOpenException"/>
/// (an <see cref="HttpRequestException"/> whose message names the host and the failures), a timeout as
/// <see cref="TimeoutException"/> ("no answer within 30 s"); an answer the retries could not turn is returned as it is.
/// A host that has not answered once is not retried after a timeout: a black hole costs one timeout, not one per retry.
/// <code>
/// var resilience = new HttpResilience(RemotePolicy.Forge, time, random, logger, (response, ct) => GitHubRetries.JudgeAsync(response, time, ct));
/// var client = new HttpClient(resilience.Wrap(new SocketsHttpHandler()));
/// </code>
/// </summary>
internal sealed class HttpResilience
{
    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("tidemark.retry.delay");
    private static readonly ResiliencePropertyKey<string> ReasonKey = new("tidemark.retry.reason");
    private readonly ConcurrentDictionary<string, Lazy<Host>> hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly RemotePolicy policy;
    private readonly TimeProvider time;
    private readonly Random jitter;
    private readonly ILogger logger;
    private readonly Func<HttpResponseMessage, CancellationToken, ValueTask<RetryAdvice>> judge;

    public HttpResilience(RemotePolicy policy, TimeProvider time, Random jitter, ILogger logger, Func<HttpResponseMessage, CancellationToken, ValueTask<RetryAdvice>> judge)
    {
        this.policy = policy;
        this.time = time;
        this.jitter = jitter;
        this.logger = logger;
        this.judge = judge;
    }

    public RemotePolicy Policy => policy;

    /// <summary>The handler chain: the policy around <paramref name="inner"/> (which sends one attempt).</summary>
    public HttpMessageHandler Wrap(HttpMessageHandler inner) =>
        new Translating(this, new ResilienceHandler(request => HostOf(request).Pipeline) { InnerHandler = inner });

    private Host HostOf(HttpRequestMessage request)
    {
        var authority = request.RequestUri?.Authority ?? "";
        return hosts.GetOrAdd(authority, a => new Lazy<Host>(() => new Host(a, this))).Value;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => $"HTTP {(int)outcome.Result!.StatusCode}",
        TimeoutRejectedException t => $"no answer within {t.Timeout.TotalSeconds:0.#} s",
        var e => e.Message,
    };

    private double NextRandom()
    {
        lock (jitter)
        {
            return jitter.NextDouble();
        }
    }

    /// <summary>One host's pipeline and what it learnt: whether the host ever answered, why its circuit opened.</summary>
    private sealed class Host
    {
        private readonly HttpResilience owner;
        private volatile bool answered;

        public Host(string authority, HttpResilience owner)
        {
            Authority = authority;
            this.owner = owner;
            Pipeline = Build();
        }

        public string Authority { get; }

        public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

        public string LastFailure { get; private set; } = "";

        private RemotePolicy Policy => owner.policy;

        private ResiliencePipeline<HttpResponseMessage> Build()
        {
            var attempt = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
                .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = Policy.AttemptTimeout })
                .Build();
            var middle = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = owner.time };
            if (Policy.Retries > 0)
            {
                middle.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Policy.Retries,
                    ShouldRetryAfterHeader = false,
                    ShouldHandle = ShouldRetryAsync,
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        Log.Retrying(owner.logger, Policy.Kind, request?.Method.Method ?? "", request?.RequestUri?.AbsolutePath ?? "",
                            args.Context.Properties.GetValue(ReasonKey, Describe(args.Outcome)), args.AttemptNumber + 1, Policy.Retries, (long)args.RetryDelay.TotalMilliseconds);
                        return ValueTask.CompletedTask;
                    },
                });
            }

            middle.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 1.0,
                MinimumThroughput = Policy.BreakerThreshold,
                SamplingDuration = Policy.BreakDuration,
                BreakDuration = Policy.BreakDuration,
                ShouldHandle = IsFailureAsync,
                OnOpened = args =>
                {
                    LastFailure = Describe(args.Outcome);
                    Log.CircuitOpened(owner.logger, Policy.Kind, Authority, Policy.BreakerThreshold, LastFailure, Policy.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
            middle.AddPipeline(attempt);
            return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
                .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = Policy.TotalTimeout })
                .AddPipeline(middle.Build())
                .Build();
        }

        private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
        {
            var retryAfter = (TimeSpan?)null;
            string reason;
            switch (args.Outcome)
            {
                case { Exception: null, Result: { } response }:
                    answered = true;
                    var advice = await owner.judge(response, args.Context.CancellationToken).ConfigureAwait(false);
                    if (!advice.Retry)
                    {
                        return false;
                    }

                    retryAfter = advice.RetryAfter;
                    reason = advice.Reason.Length > 0 ? advice.Reason : Describe(args.Outcome);
                    break;
                case { Exception: TimeoutRejectedException } when answered:
                case { Exception: HttpRequestException { HttpRequestError: not HttpRequestError.NameResolutionError } and not CircuitOpenException }:
                    reason = Describe(args.Outcome);
                    break;
                default:
                    return false;
            }

            if (Policy.Delay(args.AttemptNumber + 1, retryAfter, owner.NextRandom()) is not { } delay)
            {
                return false;
            }

            args.Context.Properties.Set(DelayKey, delay);
            args.Context.Properties.Set(ReasonKey, reason);
            return true;
        }

        private async ValueTask<bool> IsFailureAsync(CircuitBreakerPredicateArguments<HttpResponseMessage> args)
        {
            if (args.Outcome.Exception is not null)
            {
                return args.Outcome.Exception is HttpRequestException or TimeoutRejectedException;
            }

            answered = true;
            return (await owner.judge(args.Outcome.Result!, args.Context.CancellationToken).ConfigureAwait(false)).Failure;
        }

        public Exception Translate(Exception error) => error switch
        {
            BrokenCircuitException broken => new CircuitOpenException(Authority, Policy.BreakerThreshold, LastFailure, Policy.BreakDuration, broken),
            TimeoutRejectedException timeout => new TimeoutException($"no answer within {timeout.Timeout.TotalSeconds:0.#} s", timeout),
            _ => error,
        };
    }

    /// <summary>Turns Polly's own exceptions into the ones HTTP callers already handle.</summary>
    private sealed class Translating(HttpResilience owner, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BrokenCircuitException or TimeoutRejectedException)
            {
                throw owner.HostOf(request).Translate(e);
            }
        }
    }
}

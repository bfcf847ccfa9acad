using System.Diagnostics.Metrics;
using Tidemark.State;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>
/// <c>tidemark_token_expiry_seconds{fingerprint,kind}</c>: seconds until each token in the state store's ledger expires,
/// negative once it has expired (how long ago), by fingerprint — never the value. Tokens GitHub reported no expiry for,
/// and tokens that expired more than <see cref="ForgetAfter"/> ago, have no series. Read from the ledger at scrape time (<see cref="RefreshAsync"/>, then the exporter observes).
/// One per <c>/metrics</c> route, on its own meter, so two hosts in one process each see their own store.
/// </summary>
internal sealed class TokenExpiryGauge : IDisposable
{
    /// <summary>A token that expired longer ago than this has no series any more.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(7);

    private readonly TimeProvider time;
    private IReadOnlyList<TokenRecord> tokens = [];

    public TokenExpiryGauge(TimeProvider time)
    {
        this.time = time;
        Meter = new Meter(ServeMetrics.MeterName + ".Tokens");
        Meter.CreateObservableGauge("tidemark_token_expiry_seconds", Observe, "s",
            "Seconds until the token expires (negative: expired that long ago), by token fingerprint and kind; tokens without a known expiry are absent");
    }

    public Meter Meter { get; }

    /// <summary>Reads the ledger; the next observation reports it.</summary>
    public async Task RefreshAsync(ITokenLedgerReader ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        tokens = await ledger.ListTokensAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<double>> Observe()
    {
        var now = time.GetUtcNow();
        foreach (var token in Volatile.Read(ref tokens))
        {
            // the ledger keeps every token it saw (a GitHub App's installation tokens: a new fingerprint each hour): one
            // expired more than a week ago is history, not a series to keep exporting forever
            if (token.ExpiresAt is { } expires && now - expires <= ForgetAfter)
            {
                yield return new Measurement<double>(Math.Round((expires - now).TotalSeconds), new("fingerprint", token.Fingerprint), new("kind", token.Kind));
            }
        }
    }
}

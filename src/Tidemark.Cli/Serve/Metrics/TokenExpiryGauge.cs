using System.Diagnostics.Metrics;
using Tidemark.State;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>
/// <c>tidemark_token_expiry_seconds{fingerprint,kind}</c>: seconds until each token in the state store's ledger expires,
/// negative once it has expired (how long ago), by fingerprint — never the value. Tokens GitHub reported no expiry for
/// have no series. Read from the ledger at scrape time (<see cref="RefreshAsync"/>, then the exporter observes).
/// One per <c>/metrics</c> route, on its own meter, so two hosts in one process each see their own store.
/// </summary>
internal sealed class TokenExpiryGauge : IDisposable
{
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
            if (token.ExpiresAt is { } expires)
            {
                yield return new Measurement<double>(Math.Round((expires - now).TotalSeconds), new("fingerprint", token.Fingerprint), new("kind", token.Kind));
            }
        }
    }
}

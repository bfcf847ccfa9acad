using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Credentials;

/// <summary>
/// A <see cref="TokenSpec"/>'s source behind <see cref="ITokenProvider"/>. It is the one place a token value is registered
/// with the redactor: every value a source returns (env, file, command output, each minted App token) is registered here
/// before it is inspected, returned or used — a refused value too. (A GitHub App's private key and JWT never leave its
/// source and are registered where they are made; a failing command's discarded output is registered by that source so
/// its stderr is shown redacted.)
/// </summary>
internal sealed class TokenProvider : ITokenProvider
{
    private readonly ITokenSource source;
    private readonly AppTokenSource? app;
    private readonly ISecretRedactor redactor;
    private string? registered;

    private TokenProvider(TokenSpec spec, ITokenSource source, AppTokenSource? app, ISecretRedactor redactor)
    {
        Spec = spec;
        this.source = source;
        this.app = app;
        this.redactor = redactor;
    }

    public TokenSpec Spec { get; }

    public string Description => source.Description;

    public ResolvedToken Resolved { get; private set; } = null!;

    public bool Mints => app is not null;

    public AppMint? LastMint => app?.LastMint;

    /// <summary>
    /// Makes the source <paramref name="spec"/> names, reads the token once and refuses it when its shape says it cannot
    /// work (see <see cref="TokenInspector"/>); throws <see cref="TokenSourceException"/>.
    /// </summary>
    public static async Task<TokenProvider> OpenAsync(TokenSpec spec, TokenSourceContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var app = spec is AppToken appSpec ? TokenSources.CreateApp(appSpec, context) : null;
        var source = app ?? TokenSources.Create(spec, context);
        var provider = new TokenProvider(spec, source, app, context.Redactor);
        var raw = await provider.ReadAsync(cancellationToken).ConfigureAwait(false);
        var inspection = TokenInspector.Inspect(raw);
        if (!inspection.IsUsable)
        {
            var error = inspection.Findings.First(f => f.Severity == TokenFindingSeverity.Error);
            throw new TokenSourceException(source.Description, $"holds a value Tidemark will not use ({inspection.Fingerprint}): {error.Message}", error.Fix);
        }

        provider.Resolved = new ResolvedToken(inspection.Value!, inspection, source.Description);
        return provider;
    }

    public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) =>
        app is null ? ValueTask.FromResult(Resolved.Value) : new ValueTask<string>(ReadAsync(cancellationToken));

    public async Task RequireWorkflowsAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            app.Require(AppPermissions.Workflows, "write");
            await app.TokenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<AppMint> MintWithWorkflowsAsync(CancellationToken cancellationToken)
    {
        if (app is null)
        {
            throw new InvalidOperationException($"{source.Description} does not mint tokens");
        }

        app.Require(AppPermissions.Workflows, "write");
        return app.MintAsync(cancellationToken);
    }

    /// <summary>Never the value: the source and, once read, the fingerprint.</summary>
    public override string ToString() => Resolved?.ToString() ?? source.Description;

    private async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var raw = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!string.Equals(raw, Volatile.Read(ref registered), StringComparison.Ordinal))
        {
            TokenSecrets.Register(redactor, raw);
            Volatile.Write(ref registered, raw);
        }

        return raw;
    }
}

namespace Tidemark.Credentials;

/// <summary>Reads a token from its source and refuses it when its shape says it cannot work (see <see cref="TokenInspector"/>).</summary>
internal static class TokenResolver
{
    public static async Task<ResolvedToken> ResolveAsync(ITokenSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var raw = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var inspection = TokenInspector.Inspect(raw);
        if (!inspection.IsUsable)
        {
            var error = inspection.Findings.First(f => f.Severity == TokenFindingSeverity.Error);
            throw new TokenSourceException(source.Description, $"holds a value Tidemark will not use ({inspection.Fingerprint}): {error.Message}", error.Fix);
        }

        return new ResolvedToken(inspection.Value!, inspection, source.Description);
    }
}

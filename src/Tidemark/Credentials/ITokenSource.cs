namespace Tidemark.Credentials;

/// <summary>
/// One place a GitHub token is read from. Example: the environment variable <c>GITHUB_TOKEN</c>, the file
/// <c>/var/run/secrets/github-token/token</c>, or the output of <c>op read op://ci/github/token</c>.
/// Made from a <see cref="TokenSpec"/> by <see cref="TokenSources"/> and read through <see cref="TokenProvider"/>, which
/// registers every value read with the <see cref="ISecretRedactor"/> before anyone else sees it.
/// </summary>
internal interface ITokenSource
{
    /// <summary>Where the token comes from, for messages. Example: <c>environment variable GITHUB_TOKEN</c>.</summary>
    string Description { get; }

    /// <summary>The raw value as stored (not yet trimmed or checked); throws <see cref="TokenSourceException"/>.</summary>
    Task<string> ReadAsync(CancellationToken cancellationToken);
}

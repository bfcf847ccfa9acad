namespace Tidemark.Credentials;

/// <summary>
/// One place a GitHub token is read from. Example: the environment variable <c>GITHUB_TOKEN</c>, the file
/// <c>/var/run/secrets/github-token/token</c>, or the output of <c>op read op://ci/github/token</c>.
/// Every value read is registered with the <see cref="ISecretRedactor"/> before it is returned.
/// </summary>
internal interface ITokenSource
{
    /// <summary>Where the token comes from, for messages. Example: <c>environment variable GITHUB_TOKEN</c>.</summary>
    string Description { get; }

    /// <summary>The raw value as stored (not yet trimmed or checked); throws <see cref="TokenSourceException"/>.</summary>
    Task<string> ReadAsync(CancellationToken cancellationToken);
}

using Tidemark.Credentials;

namespace Tidemark.Configuration;

/// <summary>
/// The <c>github:</c> section of <c>tidemark.yaml</c>: the token Tidemark uses (<see cref="Token"/>), the one that
/// replaces it during a rotation (<see cref="NextToken"/>), and how long both may stay configured once the next one
/// works (<see cref="RotationOverlap"/>, default 24 h). Example: <c>token: { env: GITHUB_TOKEN }</c>,
/// <c>nextToken: { file: /var/run/secrets/github-token-next }</c>.
/// </summary>
internal sealed record GitHubConfig
{
    public static readonly TimeSpan DefaultRotationOverlap = TimeSpan.FromHours(24);

    public TokenSpec? Token { get; init; }

    public TokenSpec? NextToken { get; init; }

    public TimeSpan RotationOverlap { get; init; } = DefaultRotationOverlap;
}

using Tidemark.Forges;

namespace Tidemark.Credentials;

/// <summary>
/// The token one run uses (git and API), the role it plays (current or next), and what probing it learned. During a
/// rotation the run starts with the next token unproven (<see cref="Proven"/> false): it is adopted only once it has
/// proven what the run needs (<see cref="RunTokenRotation.AdoptAsync"/>); otherwise the run goes on with
/// <see cref="Fallback"/>, the current token.
/// </summary>
internal sealed record RunTokenChoice(RunCredentials Credentials, string Role, TokenProbe Probe)
{
    public ResolvedToken Token => Credentials.Resolved;

    public const string Current = "current";

    public const string Next = "next";

    public string Fingerprint => Token.Fingerprint.ToString();

    /// <summary>False for a next token that passed the read probe but has not yet proven push, pull requests and workflows.</summary>
    public bool Proven { get; init; } = true;

    /// <summary>The current token, used when an unproven next token fails its proof; null when it cannot be used.</summary>
    public RunTokenChoice? Fallback { get; init; }
}

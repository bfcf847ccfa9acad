namespace Tidemark.Credentials;

/// <summary>The configured token is written in the repository or a <c>.env</c> file: it must be revoked, not used.</summary>
internal sealed class LeakedTokenException(IReadOnlyList<TokenLeak> leaks) : Exception(MessageFor(leaks))
{
    public IReadOnlyList<TokenLeak> Leaks { get; } = leaks;

    private static string MessageFor(IReadOnlyList<TokenLeak> leaks) =>
        "refusing to use the GitHub token: it is written in the repository at "
        + string.Join(", ", leaks.Select(l => $"{l.File}:{l.Line}"))
        + " (the value is [REDACTED] here). Anyone who can read these files has it. Revoke it now "
        + "(https://github.com/settings/personal-access-tokens or https://github.com/settings/tokens), create a new one with "
        + "'tidemark token new', store it outside the repository (environment, file, Secret or command), and remove it from "
        + "those files — and from git history if it was committed.";
}

using Tidemark.Credentials;
using Tidemark.Forges;

namespace Tidemark.Cli.Commands;

/// <summary>The token one run uses for everything (git and API), the role it plays (current or next), and what probing it learned.</summary>
internal sealed record RunTokenChoice(RunCredentials Credentials, string Role, TokenProbe Probe)
{
    public ResolvedToken Token => Credentials.Resolved;

    public const string Current = "current";

    public const string Next = "next";

    public string Fingerprint => Token.Fingerprint.ToString();
}

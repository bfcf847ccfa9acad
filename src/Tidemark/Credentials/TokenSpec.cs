using Tidemark.Configuration;

namespace Tidemark.Credentials;

/// <summary>
/// Where one GitHub token is read from, typed by kind and never the value: mapped once from the run flags
/// (<see cref="RunToken.SourcesAsync"/>) and once from <c>tidemark.yaml</c>'s <c>github.token</c>/<c>nextToken</c>
/// (<see cref="GitHubSectionReader"/>), turned into its <see cref="ITokenSource"/> by <see cref="TokenSources.Create"/>.
/// The fields hold what the operator wrote; the factory checks them (so a bad next token is a warning, not a crash).
/// <see cref="Place"/> is where it was written: a file position, or a flag (line 0) that errors do not prefix.
/// </summary>
internal abstract record TokenSpec
{
    public SourcePlace Place { get; init; } = new("(default)", 0, 0);

    /// <summary>The kind as people write it: <c>env</c>, <c>file</c>, <c>command</c>, <c>app</c>.</summary>
    public abstract string Kind { get; }
}

/// <summary><c>--token-env NAME</c>, <c>env: NAME</c>, or the default <c>GITHUB_TOKEN</c>.</summary>
internal sealed record EnvToken(string Variable) : TokenSpec
{
    public override string Kind => "env";
}

/// <summary><c>--token-file PATH</c>, <c>file: PATH</c>: a file, or a mounted Secret's folder holding <c>token</c> or <c>password</c>.</summary>
internal sealed record FileToken(string Path) : TokenSpec
{
    public override string Kind => "file";
}

/// <summary><c>--token-command PROGRAM ARG…</c>, <c>command: "PROGRAM ARG…"</c> with an optional <c>timeout</c>: run without a shell.</summary>
internal sealed record CommandToken(IReadOnlyList<string> Command, TimeSpan? Timeout = null) : TokenSpec
{
    public override string Kind => "command";

    public bool Equals(CommandToken? other) =>
        other is not null && base.Equals(other) && Command.SequenceEqual(other.Command, StringComparer.Ordinal) && Timeout == other.Timeout;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Command.Count, Timeout);
}

/// <summary>
/// <c>--app-id ID --app-key-file PEM [--app-installation-id N]</c>, <c>app: { id, privateKeyFile, installationId }</c>: a
/// GitHub App that mints an installation token per repository. <see cref="Id"/> is the App ID or its client ID (<c>Iv…</c>);
/// <see cref="Installation"/> as written (checked to be a number when the source is made).
/// </summary>
internal sealed record AppToken(string Id, string KeyFile, string? Installation = null) : TokenSpec
{
    public override string Kind => "app";
}

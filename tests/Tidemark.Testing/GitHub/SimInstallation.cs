namespace Tidemark.Testing.GitHub;

/// <summary>An App installation on one account, with the permissions the owner granted.</summary>
public sealed class SimInstallation
{
    public required long Id { get; init; }

    public required SimApp App { get; init; }

    public required SimAccount Account { get; init; }

    /// <summary>Selected repository names; null means all of the account's repositories.</summary>
    public IReadOnlySet<string>? Repositories { get; init; }

    public required IReadOnlyDictionary<string, string> Permissions { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

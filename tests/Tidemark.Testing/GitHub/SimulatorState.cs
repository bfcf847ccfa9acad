namespace Tidemark.Testing.GitHub;

/// <summary>
/// Everything the simulator knows besides git content. Mutations go through <see cref="Gate"/>; tests may read
/// the objects directly (e.g. a repository's pull requests) after a request has finished.
/// </summary>
public sealed class SimulatorState
{
    private long nextId = 1000;

    internal object Gate { get; } = new();

    internal Dictionary<string, SimAccount> Accounts { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, SimRepository> Repositories { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal Dictionary<string, SimToken> TokensByValue { get; } = new(StringComparer.Ordinal);

    internal Dictionary<string, SimToken> TokensById { get; } = new(StringComparer.Ordinal);

    internal Dictionary<long, SimApp> Apps { get; } = [];

    internal Dictionary<long, SimInstallation> Installations { get; } = [];

    public SimAccount? FindAccount(string login)
    {
        lock (Gate)
        {
            return Accounts.GetValueOrDefault(login);
        }
    }

    public SimRepository? FindRepository(string owner, string name)
    {
        lock (Gate)
        {
            return Repositories.GetValueOrDefault(owner + "/" + name);
        }
    }

    internal SimToken? FindToken(string value)
    {
        lock (Gate)
        {
            return TokensByValue.GetValueOrDefault(value);
        }
    }

    internal SimToken? FindTokenById(string id)
    {
        lock (Gate)
        {
            return TokensById.GetValueOrDefault(id);
        }
    }

    internal long NextId() => Interlocked.Increment(ref nextId);

    internal void AddToken(SimToken token)
    {
        lock (Gate)
        {
            TokensByValue[token.Value] = token;
            TokensById[token.Id] = token;
        }
    }

    /// <summary>The role a login has on a repository, or null when none (private repositories then hide themselves).</summary>
    internal static RepositoryRole? RoleOf(SimRepository repository, string login)
    {
        if (!repository.Owner.IsOrganization && string.Equals(repository.Owner.Login, login, StringComparison.OrdinalIgnoreCase))
        {
            return RepositoryRole.Admin;
        }

        return repository.Collaborators.TryGetValue(login, out var role) ? role : null;
    }
}

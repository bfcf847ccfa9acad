namespace Tidemark.GitHubSimulator;

/// <summary>Cross-references in a <see cref="SimulatorConfig"/>: every login, owner and repository named must be declared.</summary>
internal static class ConfigChecks
{
    public static void Check(SimulatorConfig config, ConfigProblems problems)
    {
        var users = new HashSet<string>(config.Users, StringComparer.OrdinalIgnoreCase);
        var accounts = new HashSet<string>(users, StringComparer.OrdinalIgnoreCase);
        foreach (var organization in config.Organizations)
        {
            if (!accounts.Add(organization.Name) && organization.Name.Length > 0)
            {
                problems.Error($"organization '{organization.Name}' is declared twice or is also a user");
            }
        }

        var repositories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var repository in config.Repositories)
        {
            CheckRepository(repository, users, accounts, problems);
            if (!repositories.Add(repository.Owner + "/" + repository.Name))
            {
                problems.Error(repository.Place, $"repository '{repository.Owner}/{repository.Name}' is declared twice");
            }
        }

        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in config.Tokens)
        {
            CheckToken(token, users, accounts, repositories, problems);
            if (token.WriteTo.Length > 0 && !files.Add(token.WriteTo))
            {
                problems.Error(token.Place, $"tokens '{token.Name}': writeTo '{token.WriteTo}' is used by another token");
            }
        }
    }

    private static void CheckRepository(RepositoryConfig repository, HashSet<string> users, HashSet<string> accounts, ConfigProblems problems)
    {
        if (repository.Owner.Length > 0 && !accounts.Contains(repository.Owner))
        {
            problems.Error(repository.Place, $"owner '{repository.Owner}' is not listed under users: or organizations:");
        }

        foreach (var login in repository.Collaborators.Keys.Where(login => !users.Contains(login)))
        {
            problems.Error(repository.Place, $"collaborator '{login}' is not listed under users:");
        }
    }

    private static void CheckToken(TokenConfig token, HashSet<string> users, HashSet<string> accounts, HashSet<string> repositories, ConfigProblems problems)
    {
        if (token.User.Length > 0 && !users.Contains(token.User))
        {
            problems.Error(token.Place, $"token '{token.Name}': user '{token.User}' is not listed under users:");
        }

        if (!accounts.Contains(token.Owner) && token.Owner.Length > 0)
        {
            problems.Error(token.Place, $"token '{token.Name}': owner '{token.Owner}' is not listed under users: or organizations:");
        }

        foreach (var name in (token.Repositories ?? []).Where(name => !repositories.Contains(token.Owner + "/" + name)))
        {
            problems.Error(token.Place, $"token '{token.Name}': repository '{token.Owner}/{name}' is not listed under repositories:");
        }
    }
}

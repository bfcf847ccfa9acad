using Tidemark.Testing.GitHub;
using Simulator = Tidemark.Testing.GitHub.GitHubSimulator;

namespace Tidemark.GitHubSimulator;

/// <summary>Creates the configured accounts, repositories and tokens in a running simulator; writes each token to its file.</summary>
internal static class ConfigSeeder
{
    public static async Task ApplyAsync(Simulator github, SimulatorConfig config, CancellationToken cancellationToken)
    {
        foreach (var user in config.Users)
        {
            github.AddUser(user);
        }

        foreach (var organization in config.Organizations)
        {
            var account = github.AddOrganization(organization.Name, organization.SsoRequired, organization.ClassicTokensBlocked);
            account.MaxTokenLifetimeDays = organization.MaxTokenLifetimeDays;
        }

        foreach (var repository in config.Repositories)
        {
            await AddRepositoryAsync(github, repository, cancellationToken);
        }

        foreach (var token in config.Tokens)
        {
            await TokenFile.WriteAsync(token.WriteTo, Issue(github, token).Value, cancellationToken);
        }
    }

    private static async Task AddRepositoryAsync(Simulator github, RepositoryConfig config, CancellationToken cancellationToken)
    {
        var options = new RepositoryOptions { Private = config.Private, DefaultBranch = config.DefaultBranch, ImportFolder = config.ImportFolder };
        var repository = await github.AddRepositoryAsync(config.Owner, config.Name, options, cancellationToken);
        foreach (var (login, role) in config.Collaborators)
        {
            github.AddCollaborator(repository, login, role);
        }

        foreach (var (branch, protection) in config.Protections)
        {
            github.Protect(repository, branch, protection);
        }
    }

    private static SimToken Issue(Simulator github, TokenConfig token)
    {
        DateTimeOffset? expiresAt = token.ExpiresInDays is { } days ? github.Time.GetUtcNow().AddDays(days) : null;
        return token.Kind == TokenKind.Classic
            ? github.IssueClassicToken(token.User, token.Scopes, expiresAt, token.SsoAuthorized)
            : github.IssueFineGrainedToken(token.User, token.Owner, token.Repositories, token.Permissions, expiresAt);
    }
}

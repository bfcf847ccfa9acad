using System.Text.RegularExpressions;
using Tidemark.Configuration;

namespace Tidemark.Cli.Commands;

/// <summary>
/// What <c>tidemark token new</c> tells a person to create and where to keep it; also its <c>--output json</c>
/// schema (docs/token-setup.md). Example: fine-grained, name flux-gitops-automation, owner acme, repository acme/gitops.
/// </summary>
internal sealed partial record TokenRecipe(
    string Type,
    string Name,
    string? NameWarning,
    string Url,
    int ExpirationDays,
    string ResourceOwner,
    string Repository,
    bool WorkflowsNeeded,
    IReadOnlyList<TokenPermission> Permissions,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<TokenStorage> Storage)
{
    public const string FineGrainedUrl = "https://github.com/settings/personal-access-tokens/new";
    public const string ClassicUrl = "https://github.com/settings/tokens/new";

    public static TokenRecipe Create(string ownerAndRepo, string? name, bool classic, IReadOnlyList<string> paths)
    {
        var (owner, repo) = SplitRepository(ownerAndRepo);
        var tokenName = name ?? $"flux-{Slug(repo)}-automation";
        var warning = NamePattern().IsMatch(tokenName) ? null
            : $"the name '{tokenName}' does not follow purpose-project-type (for example flux-{Slug(repo)}-automation): a clear name says what breaks when the token is revoked";
        var workflows = paths.Any(Credentials.WorkflowPaths.Touches);
        string[] scopes = classic ? workflows ? ["repo", "workflow"] : ["repo"] : [];
        var url = classic
            ? $"{ClassicUrl}?scopes={string.Join(',', scopes)}&description={Uri.EscapeDataString(tokenName)}"
            : FineGrainedUrl;
        return new TokenRecipe(classic ? "classic" : "fine-grained", tokenName, warning, url, 90, owner, $"{owner}/{repo}", workflows,
            classic ? [] : TokenPermission.FineGrained(workflows), scopes, TokenStorage.All);
    }

    private static (string Owner, string Repo) SplitRepository(string value)
    {
        var match = RepositoryPattern().Match(value.Trim());
        return match.Success
            ? (match.Groups["owner"].Value, match.Groups["repo"].Value)
            : throw new UsageException($"--repo '{value}' is not OWNER/REPO (for example acme/gitops)");
    }

    private static string Slug(string repo) => SlugInvalid().Replace(repo.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("^(?<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})?)/(?<repo>[A-Za-z0-9._-]+)$")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+){2,}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugInvalid();
}

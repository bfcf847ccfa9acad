using Tidemark.Testing.GitHub;
using YamlDotNet.RepresentationModel;

namespace Tidemark.GitHubSimulator;

/// <summary>Reads one item of <c>repositories:</c>, e.g. <c>{owner: alice, name: gitops, import: ../examples}</c>.</summary>
internal static class RepositoryReader
{
    public static RepositoryConfig Read(YamlFields fields, string configFolder)
    {
        var repository = new RepositoryConfig(
            fields.RequiredText("owner"),
            fields.RequiredText("name"),
            fields.Bool("private", fallback: true),
            fields.Text("defaultBranch") ?? "main",
            ImportFolder(fields, configFolder),
            Collaborators(fields),
            Protections(fields),
            fields.Place);
        fields.ReportUnknown();
        return repository;
    }

    private static string? ImportFolder(YamlFields fields, string configFolder)
    {
        var import = fields.Text("import");
        if (import is null)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(configFolder, import));
        if (!Directory.Exists(folder))
        {
            fields.Error("import", $"folder '{folder}' does not exist");
        }

        return folder;
    }

    private static Dictionary<string, RepositoryRole> Collaborators(YamlFields fields)
    {
        var collaborators = new Dictionary<string, RepositoryRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var (login, role) in fields.Map("collaborators"))
        {
            if (Enum.TryParse<RepositoryRole>(role, ignoreCase: true, out var parsed) && role.All(char.IsAsciiLetter))
            {
                collaborators[login] = parsed;
            }
            else
            {
                fields.Error("collaborators", $"role of '{login}' must be read, write or admin, not '{role}'");
            }
        }

        return collaborators;
    }

    private static Dictionary<string, BranchProtection> Protections(YamlFields fields)
    {
        var protections = new Dictionary<string, BranchProtection>(StringComparer.Ordinal);
        foreach (var (branch, value) in fields.Entries("protect"))
        {
            if (value is not YamlMappingNode mapping)
            {
                fields.Error("protect", $"'{branch}' needs a mapping, e.g. {{requiredStatusChecks: [ci]}}");
                continue;
            }

            var rule = fields.Nested(mapping, "protect." + branch);
            var defaults = new BranchProtection();
            protections[branch] = new BranchProtection
            {
                RequirePullRequest = rule.Bool("requirePullRequest", defaults.RequirePullRequest),
                RequiredApprovingReviewCount = rule.Int("requiredApprovingReviewCount", 0, 6) ?? defaults.RequiredApprovingReviewCount,
                RequiredStatusChecks = rule.List("requiredStatusChecks") ?? [],
                AllowForcePushes = rule.Bool("allowForcePushes", defaults.AllowForcePushes),
                AllowDeletions = rule.Bool("allowDeletions", defaults.AllowDeletions),
            };
            rule.ReportUnknown();
        }

        return protections;
    }
}

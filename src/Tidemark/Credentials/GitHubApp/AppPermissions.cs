namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// The installation permissions Tidemark asks for when it mints (the same as <c>tidemark token new</c> recommends):
/// contents write (push the update branch), pull_requests write (the pull request), metadata read (always granted),
/// and workflows write only when an update path is under <c>.github/workflows</c>.
/// </summary>
internal static class AppPermissions
{
    public const string Workflows = "workflows";

    public static Dictionary<string, string> Needed(bool workflows)
    {
        var permissions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contents"] = "write",
            ["pull_requests"] = "write",
            ["metadata"] = "read",
        };
        if (workflows)
        {
            permissions[Workflows] = "write";
        }

        return permissions;
    }

    /// <summary>True when <paramref name="granted"/> holds at least each of <paramref name="needed"/>.</summary>
    public static bool Cover(IReadOnlyDictionary<string, string> granted, IReadOnlyDictionary<string, string> needed) =>
        needed.All(n => granted.TryGetValue(n.Key, out var level) && Rank(level) >= Rank(n.Value));

    /// <summary>What <paramref name="granted"/> lacks of <paramref name="needed"/>, e.g. <c>["workflows: write"]</c>.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyDictionary<string, string> granted, IReadOnlyDictionary<string, string> needed) =>
        [.. needed.Where(n => !(granted.TryGetValue(n.Key, out var level) && Rank(level) >= Rank(n.Value))).Select(n => $"{n.Key}: {n.Value}")];

    private static int Rank(string level) => level switch
    {
        "admin" => 3,
        "write" => 2,
        "read" => 1,
        _ => 0,
    };
}

using Octokit;

namespace Tidemark.Forges.GitHub;

/// <summary>Octokit's pull request model to ours, and the client-side check that a pull request is really ours.</summary>
internal static class PullRequestMapping
{
    public static PullRequestInfo ToInfo(PullRequest pull) => new(
        pull.Number,
        pull.HtmlUrl ?? "",
        pull.State.StringValue ?? "",
        pull.Merged || pull.MergedAt is not null,
        pull.Title ?? "",
        pull.Body ?? "",
        pull.Head?.Ref ?? "",
        pull.Head?.Sha ?? "",
        pull.Base?.Ref ?? "",
        [.. (pull.Labels ?? []).Select(l => l.Name)],
        [.. (pull.RequestedReviewers ?? []).Select(u => u.Login)]);

    /// <summary>
    /// GitHub silently ignores a <c>head</c> filter it cannot read and returns every pull request, and a fork may have a
    /// branch of the same name: only a head of exactly this branch in exactly this repository counts.
    /// </summary>
    public static bool IsFrom(PullRequest pull, string repositoryFullName, string branch) =>
        pull.Head is { } head
        && string.Equals(head.Ref, branch, StringComparison.Ordinal)
        && string.Equals(head.Repository?.FullName, repositoryFullName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Equal as GitHub renders them: line endings and trailing white space do not count.</summary>
    public static bool SameText(string? current, string wanted) =>
        string.Equals(Normalize(current), Normalize(wanted), StringComparison.Ordinal);

    private static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    public static IReadOnlyList<string> Missing(IEnumerable<string> wanted, IEnumerable<string> present)
    {
        var have = new HashSet<string>(present, StringComparer.OrdinalIgnoreCase);
        return [.. wanted.Where(w => !string.IsNullOrWhiteSpace(w) && have.Add(w))];
    }
}

namespace Tidemark.Testing.GitHub;

/// <summary>
/// A repository ruleset (GH013 on push). <see cref="Include"/> holds ref patterns such as
/// <c>refs/heads/main</c>, <c>refs/heads/flux-*</c>, <c>~DEFAULT_BRANCH</c> or <c>~ALL</c>;
/// <see cref="Rules"/> holds rule types: creation, update, deletion, non_fast_forward, pull_request.
/// </summary>
public sealed record Ruleset(long Id, string Name, IReadOnlyList<string> Include, IReadOnlyList<string> Rules)
{
    /// <summary>active, evaluate or disabled; only active rulesets block pushes.</summary>
    public string Enforcement { get; init; } = "active";
}

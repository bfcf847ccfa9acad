using System.Text.RegularExpressions;

namespace Tidemark.Testing.GitHub;

/// <summary>Ruleset ref conditions: <c>~ALL</c>, <c>~DEFAULT_BRANCH</c> or fnmatch patterns (<c>*</c> stays within a segment, <c>**</c> does not).</summary>
internal static class RefPattern
{
    public static bool Matches(string pattern, string refName, string defaultBranch)
    {
        if (pattern == "~ALL")
        {
            return true;
        }

        if (pattern == "~DEFAULT_BRANCH")
        {
            return refName == "refs/heads/" + defaultBranch;
        }

        var regex = "^" + Regex.Escape(pattern).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(refName, regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public static IEnumerable<Ruleset> ActiveFor(SimRepository repository, string branch) =>
        repository.Rulesets.Where(r => r.Enforcement == "active"
            && r.Include.Any(p => Matches(p, "refs/heads/" + branch, repository.DefaultBranch)));
}

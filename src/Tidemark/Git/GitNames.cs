using System.Text.RegularExpressions;

namespace Tidemark.Git;

/// <summary>Guards for values that become git arguments: branch names and object ids can never be read as options.</summary>
internal static partial class GitNames
{
    public static string Branch(string name)
    {
        if (!BranchPattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) || name.Contains("//", StringComparison.Ordinal)
            || name.EndsWith(".lock", StringComparison.Ordinal) || name.EndsWith('/') || name.EndsWith('.'))
        {
            throw new ArgumentException($"'{name}' is not a branch name Tidemark accepts (letters, digits, . _ / -; not starting with -)", nameof(name));
        }

        return name;
    }

    public static string Sha(string sha)
    {
        if (!ShaPattern().IsMatch(sha))
        {
            throw new ArgumentException($"'{sha}' is not a full commit id", nameof(sha));
        }

        return sha;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._/-]*$")]
    private static partial Regex BranchPattern();

    [GeneratedRegex("^(?:[0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex ShaPattern();
}

namespace Tidemark.Credentials;

/// <summary>Whether an update path reaches GitHub Actions workflows, which a token may change only with the workflows permission (classic: the workflow scope).</summary>
internal static class WorkflowPaths
{
    /// <summary>True when an update path is, contains or lies under <c>.github/workflows</c>.</summary>
    public static bool Touches(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/').Trim().TrimEnd('/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized is ".github" or ".github/workflows" || normalized.StartsWith(".github/workflows/", StringComparison.Ordinal);
    }
}

namespace Tidemark.Configuration;

/// <summary>Repository-relative folder paths as configured (<c>./infrastructure/</c>, <c>apps</c>, <c>./</c>) and whether a file is under one.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder without <c>./</c>, leading or trailing slashes: <c>./infrastructure/</c> → <c>infrastructure</c>; the root is empty.</summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        return string.Join('/', parts);
    }

    /// <summary>Whether a path escapes the repository (absolute, or with a <c>..</c> part).</summary>
    public static bool Escapes(string path) =>
        Path.IsPathRooted(path) || path.StartsWith('/') || path.Replace('\\', '/').Split('/').Contains("..");

    /// <summary>Whether the repository-relative <paramref name="file"/> is inside <paramref name="folder"/> (any form <see cref="Normalize"/> accepts).</summary>
    public static bool Contains(string folder, string file)
    {
        var normalized = Normalize(folder);
        return normalized.Length == 0 || file == normalized || file.StartsWith(normalized + "/", StringComparison.Ordinal);
    }
}

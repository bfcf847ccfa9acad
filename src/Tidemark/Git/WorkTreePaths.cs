namespace Tidemark.Git;

/// <summary>
/// Resolves a repository-relative path for writing and refuses anything that would land outside the work
/// tree: absolute paths, "..", the .git folder, and symbolic links on the way (STYLE.md §24).
/// </summary>
internal static class WorkTreePaths
{
    public static string Resolve(string root, string relative)
    {
        var fullRoot = Path.GetFullPath(root);
        if (Path.IsPathRooted(relative) || relative.Length == 0)
        {
            throw Refuse(relative, "it is not a relative path");
        }

        var segments = relative.Split('/', '\\');
        if (segments.Any(s => s is ".." or "." or "") || string.Equals(segments[0], ".git", StringComparison.OrdinalIgnoreCase))
        {
            throw Refuse(relative, "it leaves the work tree or enters .git");
        }

        var current = fullRoot;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.LinkTarget is not null || new DirectoryInfo(current).LinkTarget is not null)
                {
                    throw Refuse(relative, "a symbolic link is on its way");
                }
            }
        }

        return current;
    }

    private static ArgumentException Refuse(string path, string why) =>
        new($"refusing to write '{path}': {why}", nameof(path));
}

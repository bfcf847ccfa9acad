namespace Tidemark.Manifests;

/// <summary>
/// The one I/O piece of Manifests: walks a repository's files (never <c>.git</c>, never a symlink that leads
/// outside the repository, no directory symlinks), skips binary, non-UTF-8 and too-large files with a reason,
/// decodes the rest losslessly (<see cref="ManifestText"/>) and runs the manifest kinds over them.
/// </summary>
internal sealed class RepositoryWalker
{
    public DiscoveryResult Discover(string root, DiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rootPath = RealPath(new DirectoryInfo(Path.GetFullPath(root)));
        var sites = new List<ReferenceSite>();
        var skipped = new List<Skipped>();
        var (files, bytes) = (0, 0L);
        foreach (var (relative, file) in Files(rootPath, skipped))
        {
            var kinds = options.KindsToRun.Where(k => k.Handles(relative)).ToList();
            if (kinds.Count == 0 || Read(file, relative, options, skipped) is not { } text)
            {
                continue;
            }
            options.Observe?.Invoke(relative, text);
            if (options.Include?.Invoke(relative) == false)
            {
                continue;
            }
            files++;
            bytes += file.Length;
            if (FindSafely(text, relative, kinds, skipped) is not { } found)
            {
                continue;
            }
            sites.AddRange(found.Sites);
            skipped.AddRange(found.Skipped);
        }
        return new DiscoveryResult(
            [.. sites.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line).ThenBy(s => s.Column)],
            [.. skipped.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.Line)],
            files,
            bytes);
    }

    /// <summary>The text of <paramref name="file"/>, or null after recording why it was skipped.</summary>
    /// <summary>A finder bug must cost one file (reported), not the whole run.</summary>
    private static KindFindings? FindSafely(string text, string relative, List<IManifestKind> kinds, List<Skipped> skipped)
    {
        try
        {
            return FileFindings.Find(text, relative, kinds);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or YamlDotNet.Core.YamlException)
        {
            skipped.Add(new Skipped(relative, 0, $"could not be read ({e.GetType().Name}: {e.Message}); the file was skipped — please report this"));
            return null;
        }
    }

    private static string? Read(FileInfo file, string relative, DiscoveryOptions options, List<Skipped> skipped)
    {
        if (file.Length > options.MaxFileBytes)
        {
            skipped.Add(new Skipped(relative, 0, $"the file is {file.Length} bytes, over the {options.MaxFileBytes}-byte limit; not read"));
            return null;
        }
        var bytes = File.ReadAllBytes(file.FullName);
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            skipped.Add(new Skipped(relative, 0, "a binary file (it contains a NUL byte); not read"));
            return null;
        }
        var text = ManifestText.Decode(bytes);
        if (text is null)
        {
            skipped.Add(new Skipped(relative, 0, "the file is not UTF-8; not read"));
        }
        return text;
    }

    /// <summary>Regular files under the root in ordinal path order, symlinked files followed only when they stay inside.</summary>
    private static IEnumerable<(string Relative, FileInfo File)> Files(string root, List<Skipped> skipped)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = new DirectoryInfo(pending.Pop());
            var entries = directory.EnumerateFileSystemInfos().OrderByDescending(e => e.Name, StringComparer.Ordinal).ToList();
            foreach (var entry in entries)
            {
                var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                if (entry.Name == ".git")
                {
                    continue;
                }
                if (entry.LinkTarget is not null)
                {
                    if (Followed(root, entry, relative, skipped) is { } target)
                    {
                        yield return (relative, target);
                    }
                }
                else if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub.FullName);
                }
                else if (entry is FileInfo file)
                {
                    yield return (relative, file);
                }
            }
        }
    }

    private static FileInfo? Followed(string root, FileSystemInfo link, string relative, List<Skipped> skipped)
    {
        var target = link.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null || !target.Exists)
        {
            skipped.Add(new Skipped(relative, 0, "a dangling symlink; not followed"));
            return null;
        }
        if (!IsInside(root, RealPath(target)))
        {
            skipped.Add(new Skipped(relative, 0, "a symlink that points outside the repository; never followed"));
            return null;
        }
        return target as FileInfo;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string RealPath(FileSystemInfo info)
    {
        var parent = info is FileInfo file ? file.Directory : (info as DirectoryInfo)?.Parent;
        var self = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName : info.FullName;
        if (info.LinkTarget is null && parent is not null)
        {
            return Path.Combine(RealPath(parent), info.Name);
        }
        return self == info.FullName ? self : RealPath(new FileInfo(self).Exists ? new FileInfo(self) : new DirectoryInfo(self));
    }
}

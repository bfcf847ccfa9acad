namespace Tidemark.Testing;

/// <summary>
/// Copies of the bundled example repository (<c>examples/</c>) for tests, with a <c>tidemark.yaml</c> that sends
/// quay.io, ghcr.io and docker.io registry requests to a local registry, so references keep their real names.
/// </summary>
public static class ExampleRepository
{
    /// <summary>A new temporary copy; the caller deletes it.</summary>
    public static string CopyWithRegistry(string registryHost, string extraConfig = "")
    {
        var target = Path.Combine(Path.GetTempPath(), $"tidemark-example-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(SourceRoot(), "examples"), target);
        File.AppendAllText(Path.Combine(target, "tidemark.yaml"),
            $"registries:\n  - host: quay.io\n    endpoint: http://{registryHost}\n  - host: ghcr.io\n    endpoint: http://{registryHost}\n  - host: docker.io\n    endpoint: http://{registryHost}\n" + extraConfig);
        return target;
    }

    /// <summary>The checkout this test run was built from (the folder holding Tidemark.slnx).</summary>
    public static string SourceRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tidemark.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("the repository root (Tidemark.slnx) was not found above the test binaries");
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}

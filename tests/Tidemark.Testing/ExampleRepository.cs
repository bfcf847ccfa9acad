namespace Tidemark.Testing;

/// <summary>
/// Copies of the bundled example repository (<c>examples/</c>) for tests, and the operator's <c>--config</c> file that
/// sends quay.io, ghcr.io and docker.io registry requests to a local registry, so references keep their real names.
/// Registry endpoints are operator-only settings (docs/security.md): they never go into the repository's own tidemark.yaml.
/// </summary>
public static class ExampleRepository
{
    /// <summary>A new temporary copy, <paramref name="extraConfig"/> appended to its own tidemark.yaml; the caller deletes it.</summary>
    public static string Copy(string extraConfig = "")
    {
        var target = Path.Combine(Path.GetTempPath(), $"tidemark-example-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(SourceRoot(), "examples"), target);
        if (extraConfig.Length > 0)
        {
            File.AppendAllText(Path.Combine(target, "tidemark.yaml"), extraConfig);
        }
        return target;
    }

    /// <summary>The operator's <c>--config</c> text: quay.io, ghcr.io and docker.io sent to <paramref name="registryHost"/>, then <paramref name="extra"/>.</summary>
    public static string OperatorConfig(string registryHost, string extra = "") =>
        $"version: 1\nregistries:\n  - host: quay.io\n    endpoint: http://{registryHost}\n  - host: ghcr.io\n    endpoint: http://{registryHost}\n  - host: docker.io\n    endpoint: http://{registryHost}\n" + extra;

    /// <summary>Writes <see cref="OperatorConfig"/> to <paramref name="path"/> (outside any repository) and returns the path.</summary>
    public static string WriteOperatorConfig(string path, string registryHost, string extra = "")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, OperatorConfig(registryHost, extra));
        return path;
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

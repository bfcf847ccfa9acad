namespace Tidemark.GitHubSimulator;

/// <summary>Checks the <c>--data</c> folder: created when missing, refused when an earlier run left repositories in it.</summary>
internal static class DataFolder
{
    public static void Prepare(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            return;
        }

        var repositories = Path.Combine(dataDirectory, "repositories");
        if (Directory.Exists(repositories) && Directory.EnumerateFileSystemEntries(repositories).Any())
        {
            // the simulator's users, pull requests and tokens live in memory, so old repositories would not match them
            throw new ConfigurationException($"--data: '{repositories}' already holds repositories from an earlier run; pass an empty or new folder");
        }

        Directory.CreateDirectory(dataDirectory);
    }
}

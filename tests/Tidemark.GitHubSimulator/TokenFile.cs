namespace Tidemark.GitHubSimulator;

/// <summary>Writes a generated token value to its file, readable by the owner only (0600); the value goes nowhere else.</summary>
internal static class TokenFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAsync(string path, string value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        await using (var stream = new FileStream(path, options))
        {
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(value), cancellationToken);
        }

        // UnixCreateMode only applies to a new file; an existing one keeps its mode unless it is set again
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }
}

namespace Tidemark.Cli.Commands;

/// <summary>Reads the GitHub token for <c>tidemark run</c>: <c>--token-file</c> if given, else <c>GITHUB_TOKEN</c>; trimmed, one word only. Never printed.</summary>
internal static class RunToken
{
    public static async Task<string> ReadAsync(FileInfo? file, CliEnvironment env, CancellationToken cancellationToken)
    {
        string raw;
        string source;
        if (file is not null)
        {
            if (!file.Exists)
            {
                throw new UsageException($"--token-file {file.FullName}: no such file");
            }

            raw = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            source = $"--token-file {file.FullName}";
        }
        else
        {
            raw = env.Variable("GITHUB_TOKEN") ?? "";
            source = "GITHUB_TOKEN";
        }

        var token = raw.Trim();
        if (token.Length == 0)
        {
            throw new UsageException(file is null
                ? "no GitHub token: set GITHUB_TOKEN or give --token-file FILE (a file holding only the token)"
                : $"{source} is empty; it must hold the token alone");
        }

        if (token.Any(char.IsWhiteSpace))
        {
            throw new UsageException($"{source} holds more than one word or line; it must hold the token alone (nothing was sent anywhere)");
        }

        return token;
    }
}

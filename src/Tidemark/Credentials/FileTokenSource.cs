namespace Tidemark.Credentials;

/// <summary>
/// The token in a file, or in a folder holding a file <c>token</c> (else <c>password</c>): the shape of a mounted
/// Kubernetes Secret such as <c>github-token</c> in <c>flux-system</c> (a basic-auth Secret keeps it under
/// <c>password</c>).
/// </summary>
internal sealed class FileTokenSource(string path) : ITokenSource
{
    public static readonly string[] KeysInFolder = ["token", "password"];

    /// <summary>A token is short; a bigger file is the wrong file.</summary>
    public const long MaximumBytes = 64 * 1024;

    public string Description => $"token file {path}";

    public async Task<string> ReadAsync(CancellationToken cancellationToken)
    {
        var file = Locate();
        var info = new FileInfo(file);
        if (info.Length > MaximumBytes)
        {
            throw new TokenSourceException($"token file {file}", $"is {info.Length} bytes, too big to be a token", "point at the file that holds only the token");
        }

        string value;
        try
        {
            value = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenSourceException($"token file {file}", $"cannot be read ({e.Message})", "check its permissions: Tidemark's user must be able to read it");
        }

        if (value.Trim().Length == 0)
        {
            throw new TokenSourceException($"token file {file}", "is empty", "write the token into it, or fix the Secret it is mounted from");
        }

        return value;
    }

    private string Locate()
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new TokenSourceException($"token file {path}", "does not exist", "fix the path, or mount the Secret there (for example the Secret github-token with key token)");
        }

        foreach (var key in KeysInFolder)
        {
            var candidate = Path.Combine(path, key);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new TokenSourceException($"token folder {path}", "has neither a 'token' nor a 'password' file",
            "store the token under the key token: kubectl create secret generic github-token -n flux-system --from-file=token=/dev/stdin");
    }
}

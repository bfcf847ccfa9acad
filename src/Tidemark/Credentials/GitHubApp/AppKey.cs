using System.Security.Cryptography;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// Reads a GitHub App's private key: the <c>.pem</c> file GitHub generates (<c>-----BEGIN RSA PRIVATE KEY-----</c>; PKCS#8
/// <c>BEGIN PRIVATE KEY</c> works too). Its text is registered with the redactor before anything else sees it.
/// </summary>
internal static class AppKey
{
    /// <summary>A key file is a few kilobytes; a bigger file is the wrong file.</summary>
    private const long MaximumBytes = 64 * 1024;

    public static async Task<RSA> LoadAsync(string path, ISecretRedactor redactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        var place = $"GitHub App key file {path}";
        if (!File.Exists(path))
        {
            throw new TokenSourceException(place, Directory.Exists(path) ? "is a folder, not a file" : "does not exist",
                "give the path of the private key (.pem) downloaded from the App's settings (General → Private keys → Generate a private key)");
        }

        if (new FileInfo(path).Length > MaximumBytes)
        {
            throw NotAKey(place);
        }

        string pem;
        try
        {
            pem = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenSourceException(place, $"cannot be read ({e.GetType().Name})", "check its permissions: Tidemark's user must be able to read it (for example chmod 600 and owned by that user)");
        }

        Register(redactor, pem);
        return Import(pem, place);
    }

    private static RSA Import(string pem, string place)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
            // a public key imports too; signing proves the private half is there
            key.SignData([0], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw NotAKey(place);
        }
    }

    private static TokenSourceException NotAKey(string place) =>
        new(place, "is not a PEM RSA private key (an unencrypted -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY----- block)",
            "point key= / --app-key-file at the .pem file GitHub generated for the App, as downloaded");

    /// <summary>The whole text and each line of the key's body, so no fragment of it can leak line by line.</summary>
    private static void Register(ISecretRedactor redactor, string pem)
    {
        redactor.Register(pem.Trim());
        foreach (var line in pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("-----", StringComparison.Ordinal))
            {
                redactor.Register(line);
            }
        }
    }
}

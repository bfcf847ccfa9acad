using System.Text.RegularExpressions;

namespace Tidemark.Credentials;

/// <summary>
/// Looks for a token in the files of a work tree (every file except under <c>.git</c>, including ignored ones such
/// as <c>.env</c>, so it is a superset of <c>git ls-files</c>), before the token is used. Symbolic links are not
/// followed; binary files and files over <see cref="MaximumFileBytes"/> are skipped.
/// </summary>
internal static partial class LeakedTokenScanner
{
    public const long MaximumFileBytes = 2 * 1024 * 1024;

    /// <summary>Throws <see cref="LeakedTokenException"/> when the token is in a file; returns the token-shaped strings found.</summary>
    public static async Task<IReadOnlyList<TokenLeak>> EnsureNotLeakedAsync(string workTree, string token, CancellationToken cancellationToken)
    {
        var scan = await ScanAsync(workTree, token, cancellationToken).ConfigureAwait(false);
        return scan.ConfiguredToken.Count > 0 ? throw new LeakedTokenException(scan.ConfiguredToken) : scan.TokenShaped;
    }

    public static async Task<LeakScan> ScanAsync(string workTree, string token, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var root = Path.GetFullPath(workTree);
        var configured = new List<TokenLeak>();
        var shaped = new List<TokenLeak>();
        var fingerprint = TokenFingerprint.Of(TokenInspector.Classify(token), token);
        var encoded = Base64Needles(token);
        foreach (var file in FilesUnder(root))
        {
            var content = await ReadTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (content is null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            configured.AddRange(Occurrences(content, token).Concat(encoded.SelectMany(needle => Occurrences(content, needle)))
                .Select(index => LineOf(content, index)).Distinct().Select(line => new TokenLeak(relative, line, fingerprint)));
            foreach (Match match in TokenShape().Matches(content))
            {
                if (!string.Equals(match.Value, token, StringComparison.Ordinal))
                {
                    shaped.Add(new TokenLeak(relative, LineOf(content, match.Index), TokenFingerprint.Of(TokenInspector.Classify(match.Value), match.Value)));
                }
            }
        }

        return new LeakScan(configured, shaped);
    }

    private static IEnumerable<string> FilesUnder(string folder)
    {
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var current))
        {
            foreach (var entry in new DirectoryInfo(current).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 }))
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    if (directory.Name != ".git")
                    {
                        pending.Push(directory.FullName);
                    }
                }
                else if (((FileInfo)entry).Length <= MaximumFileBytes)
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    private static async Task<string?> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            return text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Occurrences(string content, string value)
    {
        for (var index = content.IndexOf(value, StringComparison.Ordinal); index >= 0; index = content.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            yield return index;
        }
    }

    /// <summary>
    /// What the token looks like inside base64 (a Kubernetes Secret's <c>data:</c>, a docker config's
    /// <c>auth: base64(user:token)</c>) and inside base64 twice (a Secret's <c>data: .dockerconfigjson</c>, which holds
    /// such an <c>auth</c>): the needles of <see cref="SecretEncodings.Base64Needles"/>. Found anywhere, they mean the
    /// token is there, encoded. (A token's characters need no URL-encoding, so that form is the raw token.)
    /// </summary>
    internal static IReadOnlyList<string> Base64Needles(string token)
    {
        var once = SecretEncodings.Base64Needles(token, SecretEncodings.LeakScanNeedleLength);
        var twice = once.SelectMany(needle => SecretEncodings.Base64Needles(needle, SecretEncodings.LeakScanNeedleLength));
        return [.. once, .. twice];
    }

    private static int LineOf(string content, int index) => content.AsSpan(0, index).Count('\n') + 1;

    // Prefixed GitHub tokens only: 40 hex characters would match every commit id in a GitOps repository.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}|gh[pousr]_[A-Za-z0-9]{36,}|ghs_[0-9]+_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)")]
    private static partial Regex TokenShape();
}

namespace Tidemark.Credentials;

/// <summary>
/// A token could not be read or is not usable: names the source, what is wrong and what to do (the person must act).
/// Example: <c>environment variable GITHUB_TOKEN is empty — set it (read -rs GITHUB_TOKEN &amp;&amp; export GITHUB_TOKEN), or use --token-file</c>.
/// The message never contains a secret: callers pass text through the redactor first.
/// </summary>
internal sealed class TokenSourceException(string source, string problem, string fix) : Exception($"{source} {problem} — {fix}")
{
    public string TokenSource { get; } = source;

    public string Problem { get; } = problem;

    public string Fix { get; } = fix;
}

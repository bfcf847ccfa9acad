namespace Tidemark.Configuration;

/// <summary>
/// Where one GitHub token is read from, as <c>tidemark.yaml</c> names it: a kind of token source and its arguments,
/// never the value. Examples: <c>("env", ["GITHUB_TOKEN"])</c>, <c>("command", ["op", "read", "op://ci/gh/token"])</c>
/// with a 30 s timeout, <c>("app", ["id=12345", "key=/etc/tidemark/app.pem", "installation=678"])</c>.
/// </summary>
internal sealed record TokenSourceConfig(string Kind, IReadOnlyList<string> Arguments, TimeSpan? Timeout, SourcePlace Place)
{
    public override string ToString() => $"{Kind} {string.Join(' ', Arguments)}".Trim();
}

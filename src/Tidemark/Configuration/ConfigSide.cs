namespace Tidemark.Configuration;

/// <summary>
/// Who wrote a configuration file: the operator (<c>--config FILE</c>, trusted: it may route credentials) or the
/// repository being updated (its own <c>tidemark.yaml</c>, untrusted: anyone who can commit wrote it). See docs/security.md.
/// </summary>
internal enum ConfigSide
{
    /// <summary>A file read directly (tests, tools): no side is named and nothing is refused for its side.</summary>
    Unnamed,

    /// <summary>The operator's <c>--config</c> file.</summary>
    Operator,

    /// <summary>The repository's own <c>tidemark.yaml</c>.</summary>
    Repository,
}

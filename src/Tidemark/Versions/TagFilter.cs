using System.Text.RegularExpressions;

namespace Tidemark.Versions;

/// <summary>
/// Flux's <c>filterTags</c>: an unanchored Go-syntax <see cref="Pattern"/> (a tag is kept when it matches anywhere)
/// and an optional <see cref="Extract"/> template whose result is what the policy compares, e.g. pattern
/// <c>^main-[a-fA-F0-9]+-(?P&lt;ts&gt;[1-9][0-9]*)</c> with extract <c>$ts</c>. The original tag is still what is selected.
/// Create it with <see cref="Create"/>; the regex is compiled once.
/// </summary>
internal sealed record TagFilter
{
    /// <summary>A match that takes longer than this is treated as no match (the tag is filtered out).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private readonly Regex regex;
    private readonly ExtractTemplate? template;

    private TagFilter(string pattern, string? extract, Regex regex, ExtractTemplate? template)
    {
        Pattern = pattern;
        Extract = extract;
        this.regex = regex;
        this.template = template;
    }

    public string Pattern { get; }

    /// <summary>The extract template, or null when the tag is compared as it is (an empty template counts as none).</summary>
    public string? Extract { get; }

    public static ParseResult<TagFilter> Create(string pattern, string? extract)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var groups = new List<string?>();
        Regex regex;
        try
        {
            var translated = GoRegexTranslator.Translate(pattern, groups);
            // compiled: a filter is built once per policy and then matched against thousands of tags
            // NonBacktracking matches in linear time, as Go's RE2 does, so a user's pattern cannot blow up on a tag;
            // RE2 has no backreferences or lookarounds either, so nothing Flux accepts is lost.
            regex = new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            return ParseResult<TagFilter>.Failure($"invalid filter pattern \"{pattern}\": {e.Message}");
        }

        if (string.IsNullOrEmpty(extract))
        {
            return ParseResult<TagFilter>.Success(new TagFilter(pattern, null, regex, null));
        }

        var compiled = ExtractTemplate.Compile(extract, regex, groups);
        return compiled.Succeeded
            ? ParseResult<TagFilter>.Success(new TagFilter(pattern, extract, regex, compiled.Value))
            : ParseResult<TagFilter>.Failure(compiled.Error);
    }

    /// <summary>Null when the tag does not match (it is filtered out), otherwise the value the policy compares.</summary>
    public string? Apply(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        try
        {
            if (template is null)
            {
                return regex.IsMatch(tag) ? tag : null;
            }

            var match = regex.Match(tag);
            return match.Success ? template.Expand(match) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    public bool Equals(TagFilter? other) =>
        other is not null && string.Equals(Pattern, other.Pattern, StringComparison.Ordinal)
        && string.Equals(Extract, other.Extract, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Pattern, Extract);
}

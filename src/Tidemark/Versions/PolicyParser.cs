namespace Tidemark.Versions;

/// <summary>
/// Reads a policy written on the command line: <c>non-breaking</c>, <c>patch</c>, <c>minor</c>, <c>major</c>,
/// <c>semver:RANGE</c>, <c>alphabetical[:asc|:desc]</c> or <c>numerical[:asc|:desc]</c>. Keywords ignore case.
/// </summary>
internal static class PolicyParser
{
    public const string ValidForms =
        "non-breaking, patch, minor, major, semver:RANGE, alphabetical[:asc|:desc], numerical[:asc|:desc]";

    public static ParseResult<VersionPolicy> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var keyword = colon < 0 ? trimmed : trimmed[..colon];
        var argument = colon < 0 ? null : trimmed[(colon + 1)..];
        return keyword.ToLowerInvariant() switch
        {
            "non-breaking" when argument is null => Success(new NonBreakingPolicy()),
            "patch" when argument is null => Success(new PatchPolicy()),
            "minor" when argument is null => Success(new MinorPolicy()),
            "major" when argument is null => Success(new MajorPolicy()),
            "semver" when argument is not null => ParseSemver(argument),
            "alphabetical" => ParseOrder(text, argument, order => new AlphabeticalPolicy(order)),
            "numerical" => ParseOrder(text, argument, order => new NumericalPolicy(order)),
            _ => Unknown(text),
        };
    }

    private static ParseResult<VersionPolicy> ParseSemver(string range)
    {
        var parsed = SemverRange.Parse(range);
        return parsed.Succeeded
            ? Success(new SemverRangePolicy(parsed.Value))
            : ParseResult<VersionPolicy>.Failure(parsed.Error);
    }

    private static ParseResult<VersionPolicy> ParseOrder(
        string text, string? argument, Func<SortOrder, VersionPolicy> create)
    {
        var order = argument?.Trim().ToLowerInvariant();
        return order switch
        {
            null or "asc" => Success(create(SortOrder.Ascending)),
            "desc" => Success(create(SortOrder.Descending)),
            _ => ParseResult<VersionPolicy>.Failure(
                $"invalid policy \"{text}\": the order must be asc or desc; valid forms: {ValidForms}"),
        };
    }

    private static ParseResult<VersionPolicy> Success(VersionPolicy policy) => ParseResult<VersionPolicy>.Success(policy);

    private static ParseResult<VersionPolicy> Unknown(string text) =>
        ParseResult<VersionPolicy>.Failure($"unknown policy \"{text}\"; valid forms: {ValidForms}");
}

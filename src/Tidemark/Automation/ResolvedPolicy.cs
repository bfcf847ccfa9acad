using Tidemark.Configuration;
using Tidemark.Versions;

namespace Tidemark.Automation;

/// <summary>A policy ready to select with: the parsed policy, its tag filter, and the text it came from.</summary>
internal sealed record ResolvedPolicy(VersionPolicy Policy, TagFilter? Filter, PolicySpec Spec)
{
    /// <summary>How the policy reads in output, e.g. <c>semver:~1.16</c> or <c>numerical:asc (filter ^main-…)</c>.</summary>
    public string Text => Filter is null ? Spec.Policy : $"{Spec.Policy} (filter {Filter.Pattern}{(Filter.Extract is null ? "" : " → " + Filter.Extract)})";

    /// <summary>Parses a written policy and filter; the error names what is wrong and the valid forms.</summary>
    public static ParseResult<ResolvedPolicy> Resolve(PolicySpec spec)
    {
        var policy = PolicyParser.Parse(spec.Policy);
        if (!policy.Succeeded)
        {
            return ParseResult<ResolvedPolicy>.Failure(policy.Error);
        }
        if (spec.FilterPattern is null)
        {
            return spec.FilterExtract is null
                ? ParseResult<ResolvedPolicy>.Success(new ResolvedPolicy(policy.Value, null, spec))
                : ParseResult<ResolvedPolicy>.Failure("a tag filter's extract needs a pattern");
        }
        var filter = TagFilter.Create(spec.FilterPattern, spec.FilterExtract);
        return filter.Succeeded
            ? ParseResult<ResolvedPolicy>.Success(new ResolvedPolicy(policy.Value, filter.Value, spec))
            : ParseResult<ResolvedPolicy>.Failure(filter.Error);
    }
}

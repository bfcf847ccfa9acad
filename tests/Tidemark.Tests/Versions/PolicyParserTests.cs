using Tidemark.Versions;

namespace Tidemark.Tests.Versions;

public sealed class PolicyParserTests
{
    [Theory]
    [InlineData("non-breaking", "non-breaking", typeof(NonBreakingPolicy))]
    [InlineData("patch", "patch", typeof(PatchPolicy))]
    [InlineData("Minor", "minor", typeof(MinorPolicy))]
    [InlineData(" major ", "major", typeof(MajorPolicy))]
    [InlineData("semver:^1.2", "semver:^1.2", typeof(SemverRangePolicy))]
    [InlineData("semver: >=1.0.0 <2.0.0", "semver:>=1.0.0 <2.0.0", typeof(SemverRangePolicy))]
    [InlineData("alphabetical", "alphabetical:asc", typeof(AlphabeticalPolicy))]
    [InlineData("alphabetical:desc", "alphabetical:desc", typeof(AlphabeticalPolicy))]
    [InlineData("numerical:asc", "numerical:asc", typeof(NumericalPolicy))]
    [InlineData("numerical:DESC", "numerical:desc", typeof(NumericalPolicy))]
    public void Parse_ValidForm_GivesPolicyAndName(string text, string name, Type type)
    {
        var parsed = PolicyParser.Parse(text);

        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.IsType(type, parsed.Value);
        Assert.Equal(name, parsed.Value.Name);
        Assert.Equal(name, parsed.Value.ToString());
        Assert.Equal(parsed.Value, PolicyParser.Parse(name).Value);
    }

    [Theory]
    [InlineData("latest", "unknown policy \"latest\"; valid forms: non-breaking, patch, minor, major, semver:RANGE")]
    [InlineData("patch:asc", "unknown policy \"patch:asc\"")]
    [InlineData("semver", "unknown policy \"semver\"")]
    [InlineData("semver:>=1.2 <", "invalid semver range \">=1.2 <\": expected a version after \"<\" at position 6")]
    [InlineData("alphabetical:up", "the order must be asc or desc")]
    [InlineData("", "unknown policy \"\"")]
    public void Parse_InvalidForm_ExplainsAndListsValidForms(string text, string fragment)
    {
        var parsed = PolicyParser.Parse(text);

        Assert.False(parsed.Succeeded);
        Assert.Contains(fragment, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void IsRelative_RelativeAndAbsolutePolicies_AreTold()
    {
        Assert.True(new NonBreakingPolicy().IsRelative);
        Assert.True(new MajorPolicy().IsRelative);
        Assert.False(new NumericalPolicy(SortOrder.Ascending).IsRelative);
    }
}

using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class TokenInspectorTests
{
    [Theory]
    [InlineData("classic", TokenKind.ClassicPat, true, "classic")]
    [InlineData("fine-grained", TokenKind.FineGrainedPat, true, null)]
    [InlineData("installation", TokenKind.Installation, true, "short-lived")]
    [InlineData("stateless", TokenKind.InstallationStateless, true, "short-lived")]
    [InlineData("user", TokenKind.UserToServer, true, "user-to-server")]
    [InlineData("oauth", TokenKind.OAuth, true, "oauth")]
    [InlineData("refresh", TokenKind.RefreshToken, false, "refresh-token")]
    [InlineData("legacy", TokenKind.Legacy40Hex, true, "legacy")]
    [InlineData("jwt", TokenKind.Jwt, false, "jwt")]
    [InlineData("pem", TokenKind.PemKey, false, "pem-key")]
    [InlineData("unknown", TokenKind.Unknown, true, "unknown-shape")]
    [InlineData("empty", TokenKind.Empty, false, "empty")]
    internal void Inspect_EachKind_ClassifiesAndReports(string shape, TokenKind kind, bool usable, string? code)
    {
        var value = TokenValues.Of(shape);

        var inspection = TokenInspector.Inspect(value);

        Assert.Equal(kind, inspection.Kind);
        Assert.Equal(usable, inspection.IsUsable);
        Assert.Equal(usable ? value : null, inspection.Value);
        Assert.DoesNotContain(inspection.Findings, f => f.Code == "shape");
        if (code is null)
        {
            Assert.Empty(inspection.Findings);
        }
        else
        {
            Assert.Contains(inspection.Findings, f => f.Code == code);
        }
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("fine-grained")]
    [InlineData("stateless")]
    public void Inspect_SurroundingWhitespaceAndTrailingNewline_AreTrimmed(string shape)
    {
        var value = TokenValues.Of(shape);

        var inspection = TokenInspector.Inspect("  " + value + "\n");

        Assert.True(inspection.IsUsable);
        Assert.Equal(value, inspection.Value);
    }

    [Theory]
    [InlineData("\"{0}\"", "quoted")]
    [InlineData("'{0}'", "quoted")]
    [InlineData("\"{0}", "quoted")]
    [InlineData("ghp_\"{0}", "quoted")]
    [InlineData("{0}'s", "quoted")]
    [InlineData("{0}\nsecond line", "whitespace")]
    [InlineData("{0} trailing words", "whitespace")]
    [InlineData("first\t{0}", "whitespace")]
    public void Inspect_MalformedValue_IsReportedAndNotUsed(string template, string code)
    {
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, TokenValues.FineGrained());

        var inspection = TokenInspector.Inspect(value);

        Assert.False(inspection.IsUsable);
        Assert.Null(inspection.Value);
        var finding = Assert.Single(inspection.Findings, f => f.Code == code);
        Assert.Equal(TokenFindingSeverity.Error, finding.Severity);
        Assert.NotEmpty(finding.Fix);
    }

    [Fact]
    public void Inspect_QuotedFineGrained_StillNamesTheKind()
    {
        var inspection = TokenInspector.Inspect("\"" + TokenValues.FineGrained() + "\"");

        Assert.Equal(TokenKind.FineGrainedPat, inspection.Kind);
    }

    [Theory]
    [InlineData("classic", -1, TokenKind.ClassicPat)]
    [InlineData("classic", 1, TokenKind.ClassicPat)]
    [InlineData("fine-grained", -3, TokenKind.FineGrainedPat)]
    [InlineData("refresh", -1, TokenKind.RefreshToken)]
    internal void Inspect_WrongLength_WarnsAboutTheShape(string shape, int change, TokenKind kind)
    {
        var value = TokenValues.Of(shape);
        value = change < 0 ? value[..^(-change)] : value + TokenValues.Body(change, 5);

        var inspection = TokenInspector.Inspect(value);

        Assert.Equal(kind, inspection.Kind);
        var finding = Assert.Single(inspection.Findings, f => f.Code == "shape");
        Assert.Equal(TokenFindingSeverity.Warning, finding.Severity);
        Assert.Contains(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_Findings_NeverContainTheValue()
    {
        foreach (var shape in new[] { "classic", "fine-grained", "stateless", "refresh", "jwt", "legacy", "unknown" })
        {
            var value = TokenValues.Of(shape);
            var inspection = TokenInspector.Inspect("'" + value[..^1] + "\n" + value[^1..]);
            foreach (var finding in inspection.Findings)
            {
                Assert.DoesNotContain(value[..^1], finding.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Classify_UppercaseHexOf40_IsNotLegacy()
    {
        Assert.Equal(TokenKind.Unknown, TokenInspector.Classify(TokenValues.Hex(40).ToUpperInvariant().Replace('0', 'G')));
    }
}

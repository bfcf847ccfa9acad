using Tidemark.Credentials;

namespace Tidemark.Tests.Credentials;

public sealed class TokenFingerprintTests
{
    [Fact]
    public void Of_SameValue_GivesTheSameFingerprint()
    {
        var value = TokenValues.FineGrained();

        Assert.Equal(TokenFingerprint.Of(TokenKind.FineGrainedPat, value), TokenFingerprint.Of(TokenKind.FineGrainedPat, value));
        Assert.Equal(TokenInspector.Inspect(value).Fingerprint.ToString(), TokenInspector.Inspect(value + "\n").Fingerprint.ToString());
    }

    [Fact]
    public void Of_DifferentValues_GiveDifferentHashes()
    {
        var first = TokenFingerprint.Of(TokenKind.ClassicPat, TokenValues.Classic(1));
        var second = TokenFingerprint.Of(TokenKind.ClassicPat, TokenValues.Classic(2));

        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public void ToString_ShowsKindTailAndShortHash()
    {
        var value = TokenValues.FineGrained();

        var text = TokenFingerprint.Of(TokenKind.FineGrainedPat, value).ToString();

        Assert.Matches("^fine-grained …[A-Za-z0-9]{4} #[0-9a-f]{6}$", text);
        Assert.EndsWith(value[^4..] + text[^8..], text.Replace("…", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("fine-grained")]
    [InlineData("stateless")]
    [InlineData("legacy")]
    [InlineData("jwt")]
    [InlineData("pem")]
    public void ToString_NeverContainsTheValueOrMoreThanFourOfIt(string shape)
    {
        var value = TokenValues.Of(shape);

        var text = TokenInspector.Inspect(value).Fingerprint.ToString();

        Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(value.Trim()[^5..], text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ShortValue_HidesTheTail()
    {
        var text = TokenFingerprint.Of(TokenKind.Unknown, "hunter2-abc").ToString();

        Assert.Matches("^unknown #[0-9a-f]{6}$", text);
    }
}

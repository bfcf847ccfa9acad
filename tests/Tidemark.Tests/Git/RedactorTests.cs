using System.Text;
using Tidemark.Credentials;

namespace Tidemark.Tests.Git;

public sealed class RedactorTests
{
    // Built at run time so no token-shaped literal is ever committed.
    private static readonly string Token = "gh" + "p_" + new string('k', 18) + "Z9" + new string('q', 16);

    [Fact]
    public void Redact_PlainSecret_IsReplaced()
    {
        var redactor = new Redactor();
        redactor.Register(Token);

        var text = redactor.Redact($"fatal: token {Token} was refused");

        Assert.Equal("fatal: token [REDACTED] was refused", text);
    }

    [Fact]
    public void Redact_Base64OfSecret_IsReplaced()
    {
        var redactor = new Redactor();
        redactor.Register(Token);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(Token));

        var text = redactor.Redact("value " + encoded);

        Assert.Equal("value [REDACTED]", text);
    }

    [Fact]
    public void Redact_BasicHeaderWithAccessTokenUser_IsReplaced()
    {
        var redactor = new Redactor();
        redactor.Register(Token);
        var header = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token));

        var text = redactor.Redact(header);

        Assert.Equal("Authorization: Basic [REDACTED]", text);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_UnpaddedBase64_IsReplaced()
    {
        var redactor = new Redactor();
        var secret = Token + "x"; // a length whose base64 ends in padding
        redactor.Register(secret);
        var unpadded = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + secret)).TrimEnd('=');

        Assert.DoesNotContain(unpadded, redactor.Redact("h " + unpadded), StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_SeveralSecrets_ReplacesEach()
    {
        var redactor = new Redactor();
        var second = Token.Replace('k', 'm');
        redactor.Register(Token);
        redactor.Register(second);

        Assert.Equal("[REDACTED] and [REDACTED]", redactor.Redact($"{Token} and {second}"));
    }

    [Fact]
    public void Register_TooShortSecret_IsIgnoredSoTextSurvives()
    {
        var redactor = new Redactor();
        redactor.Register("ab");

        Assert.Equal("about tabs", redactor.Redact("about tabs"));
    }

    [Fact]
    public void Redact_NothingRegistered_ReturnsTextUnchanged()
    {
        Assert.Equal("hello", new Redactor().Redact("hello"));
    }
}

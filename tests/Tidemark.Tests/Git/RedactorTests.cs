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

    [Theory]
    [InlineData("a")]            // "a:" — the secret starts at byte 2 of the encoded text
    [InlineData("ab")]           // byte 3: aligned with a base64 group
    [InlineData("abc")]          // byte 4
    [InlineData("robot$deploy")] // a robot account name
    [InlineData("x-access-token")]
    public void Redact_BasicValueOfAnyUserName_IsReplacedWhole(string user)
    {
        var redactor = new Redactor();
        redactor.Register(Token);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + Token));

        Assert.Equal("Authorization: Basic [REDACTED]", redactor.Redact("Authorization: Basic " + basic));
        Assert.Equal("{\"auth\":\"[REDACTED]\"}", redactor.Redact("{\"auth\":\"" + basic + "\"}"));
        Assert.Equal("auth [REDACTED] end", redactor.Redact("auth " + basic.TrimEnd('=') + " end"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(50)]
    public void Redact_SecretInsideLongerBase64_IsReplacedAtEveryByteAlignment(int prefixLength)
    {
        var redactor = new Redactor();
        var secret = "registry-pass-" + new string('w', 5); // not token-shaped: any registered secret
        redactor.Register(secret);
        var plain = new string('p', prefixLength) + secret + "\n{\"more\": true}";
        var standard = Convert.ToBase64String(Encoding.UTF8.GetBytes(plain));
        var urlSafe = standard.TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal("data: [REDACTED]\n", redactor.Redact("data: " + standard + "\n"));
        Assert.Equal("?state=[REDACTED]&x=1", redactor.Redact("?state=" + urlSafe + "&x=1"));
    }

    [Fact]
    public void Redact_PercentEncodedSecret_IsReplacedInEitherHexCase()
    {
        var redactor = new Redactor();
        const string secret = "p@ss/w0rd+key&1";
        redactor.Register(secret);
        var upper = Uri.EscapeDataString(secret);
        var lower = "p%40ss%2fw0rd%2bkey%261";

        Assert.NotEqual(secret, upper);
        Assert.Equal("https://u:[REDACTED]@host/ and [REDACTED]", redactor.Redact($"https://u:{upper}@host/ and {lower}"));
        Assert.Equal("password=[REDACTED]", redactor.Redact("password=" + System.Net.WebUtility.UrlEncode(secret)));
    }

    [Fact]
    public void Redact_JsonEscapedSecret_IsReplaced()
    {
        var redactor = new Redactor();
        const string secret = "s3cr\"et+<wörd>/&";
        redactor.Register(secret);
        var json = System.Text.Json.JsonSerializer.Serialize(new { password = secret });
        var relaxed = System.Text.Json.JsonSerializer.Serialize(new { password = secret }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.DoesNotContain(secret, json, StringComparison.Ordinal); // escaped: the raw form alone would not match
        Assert.DoesNotContain(secret, relaxed, StringComparison.Ordinal);
        Assert.Equal("{\"password\":\"[REDACTED]\"}", redactor.Redact(json));
        Assert.Equal("{\"password\":\"[REDACTED]\"}", redactor.Redact(relaxed));
        Assert.Equal("{\"password\":\"[REDACTED]\"}", redactor.Redact(relaxed.Replace("/", "\\/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Redact_OrdinaryText_IsLeftByteIdentical()
    {
        var redactor = new Redactor();
        redactor.Register(Token);
        redactor.Register("p@ss/w0rd+key&1");
        redactor.Register("registry-pass-wwwww");
        var text = "2026-12-03T10:00:00.000Z warning registry.retry [Tidemark.Registries] GET https://ghcr.io/v2/acme%2Fapp/tags/list?n=1000 "
            + "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("robot:other-password-123")) + " "
            + "{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + Token.Replace('k', 'z'))) + "\", \"name\":\"café \\u0026 bar\"}\n"
            + "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef [REDACTED] ünïcödé\r\n";

        var redacted = redactor.Redact(text);

        Assert.Equal(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(redacted));
    }

    [Fact]
    public void Redact_ShortSecret_IsStillFoundInBase64AfterTheUserNamesGitUses()
    {
        var redactor = new Redactor();
        redactor.Register("hunt3r");
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:hunt3r"));

        Assert.Equal("Basic [REDACTED]", redactor.Redact("Basic " + basic));
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Tests.Credentials;

/// <summary>The GitHub App JWT decoded again: header, claims (iat 60 s back, exp 9 min ahead, iss) and an RS256 signature the public key verifies.</summary>
public sealed class AppJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("123456")]
    [InlineData("Iv23liAbCdEf0123")]
    public void Create_AnyIssuer_HasGitHubsHeaderAndClaims(string issuer)
    {
        using var key = RSA.Create(2048);

        var parts = AppJwt.Create(key, issuer, Now).Split('.');

        Assert.Equal(3, parts.Length);
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        Assert.Equal("RS256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        Assert.Equal(Now.AddSeconds(-60).ToUnixTimeSeconds(), claims["iat"]!.GetValue<long>());
        Assert.Equal(Now.AddMinutes(9).ToUnixTimeSeconds(), claims["exp"]!.GetValue<long>());
        Assert.Equal(issuer, claims["iss"]!.GetValue<string>());
        Assert.Equal(["iat", "exp", "iss"], claims.Select(c => c.Key));
    }

    [Fact]
    public void Create_Signature_IsRs256OverHeaderDotClaimsAndVerifiesWithThePublicKey()
    {
        using var key = RSA.Create(2048);
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());

        var jwt = AppJwt.Create(key, "42", Now);

        var signed = jwt[..jwt.LastIndexOf('.')];
        var signature = Base64Url.DecodeFromChars(jwt.AsSpan(jwt.LastIndexOf('.') + 1));
        Assert.True(publicKey.VerifyData(Encoding.ASCII.GetBytes(signed), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.DoesNotContain('=', jwt);
        Assert.DoesNotContain('+', jwt);
        Assert.DoesNotContain('/', jwt);
    }

    [Fact]
    public void Create_SameInputs_SameToken()
    {
        using var key = RSA.Create(2048);

        Assert.Equal(AppJwt.Create(key, "42", Now), AppJwt.Create(key, "42", Now));
    }
}

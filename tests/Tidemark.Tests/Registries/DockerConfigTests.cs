using System.Text;
using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class DockerConfigTests
{
    private static string Auth(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    public static TheoryData<string, string, string?, string?, bool> AuthCases => new()
    {
        // config json, registry asked for, expected user, expected secret, identity token
        { "{\"auths\":{\"quay.io\":{\"auth\":\"" + Auth("bob:pa:ss") + "\"}}}", "quay.io", "bob", "pa:ss", false },
        { "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + Auth("hub:pw") + "\"}}}", "docker.io", "hub", "pw", false },
        { """{"auths":{"ghcr.io":{"username":"u","password":"p"}}}""", "ghcr.io", "u", "p", false },
        { """{"auths":{"https://ghcr.io":{"username":"u","password":"p"}}}""", "GHCR.IO", "u", "p", false },
        { """{"auths":{"myreg.azurecr.io":{"username":"00000000-0000-0000-0000-000000000000","identitytoken":"refresh"}}}""", "myreg.azurecr.io", "00000000-0000-0000-0000-000000000000", "refresh", true },
        { """{"auths":{"http://localhost:5000/v2/":{"username":"l","password":"p"}}}""", "localhost:5000", "l", "p", false },
        { """{"auths":{"quay.io":{}}}""", "quay.io", null, null, false },
        { """{"auths":{"quay.io":{"auth":"not base64!"}}}""", "quay.io", null, null, false },
        { """{"auths":{"quay.io":{"username":"u","password":"p"}}}""", "ghcr.io", null, null, false },
        { """{"credsStore":"desktop"}""", "quay.io", null, null, false },
    };

    [Theory]
    [MemberData(nameof(AuthCases))]
    public void FindAuth_ConfigEntry_DecodesTheCredential(string json, string registry, string? username, string? secret, bool identityToken)
    {
        var credential = DockerConfig.Parse(json).FindAuth(registry);

        Assert.Equal(username, credential?.Username);
        Assert.Equal(secret, credential?.Secret);
        Assert.Equal(identityToken, credential?.IsIdentityToken ?? false);
    }

    [Theory]
    [InlineData("""{"credsStore":"desktop","credHelpers":{"gcr.io":"gcloud"}}""", "gcr.io", "gcloud", true)]
    [InlineData("""{"credsStore":"desktop","credHelpers":{"gcr.io":"gcloud"}}""", "quay.io", "desktop", false)]
    [InlineData("""{"credHelpers":{"123.dkr.ecr.eu-west-1.amazonaws.com":"ecr-login"}}""", "123.dkr.ecr.eu-west-1.amazonaws.com", "ecr-login", true)]
    [InlineData("""{"auths":{}}""", "quay.io", null, false)]
    public void HelperFor_CredHelpersThenCredsStore(string json, string registry, string? helper, bool perRegistry)
    {
        var config = DockerConfig.Parse(json);

        Assert.Equal(helper, config.HelperFor(registry));
        Assert.Equal(perRegistry, config.HasHelperEntry(registry));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Parse_Broken_ThrowsWithoutEchoingTheContent(string json)
    {
        var error = Assert.Throws<FormatException>(() => DockerConfig.Parse(json));

        Assert.DoesNotContain(json, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credential_ToString_HidesTheSecret() =>
        Assert.DoesNotContain("hunter2", new RegistryCredential("bob", "hunter2").ToString(), StringComparison.Ordinal);
}

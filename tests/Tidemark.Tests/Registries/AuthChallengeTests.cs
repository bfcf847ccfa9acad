using Tidemark.Registries;

namespace Tidemark.Tests.Registries;

public sealed class AuthChallengeTests
{
    public static TheoryData<string, string, string?, string?, string?, string?> SingleChallenges => new()
    {
        { "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"",
            "Bearer", "https://auth.docker.io/token", "registry.docker.io", "repository:library/nginx:pull", null },
        { "Bearer realm=\"http://127.0.0.1:4000/token\",service=\"test-registry\",scope=\"repository:held/app:pull\",error=\"invalid_token\"",
            "Bearer", "http://127.0.0.1:4000/token", "test-registry", "repository:held/app:pull", "invalid_token" },
        { "Basic realm=\"Registry Realm\"", "Basic", "Registry Realm", null, null, null },
        { "bearer REALM=\"https://quay.io/v2/auth\" , Service=\"quay.io\"", "bearer", "https://quay.io/v2/auth", "quay.io", null, null },
        { "Bearer realm=https://ghcr.io/token,service=ghcr.io", "Bearer", "https://ghcr.io/token", "ghcr.io", null, null },
        { "Bearer realm=\"https://x/token\",scope=\"repository:a/b:pull,push\"", "Bearer", "https://x/token", null, "repository:a/b:pull,push", null },
        { "Bearer realm=\"quote \\\" inside\"", "Bearer", "quote \" inside", null, null, null },
    };

    [Theory]
    [MemberData(nameof(SingleChallenges))]
    public void Parse_OneChallenge_ReadsSchemeAndParameters(string header, string scheme, string? realm, string? service, string? scope, string? error)
    {
        var challenge = Assert.Single(AuthChallenge.Parse(header));

        Assert.Equal(scheme, challenge.Scheme);
        Assert.Equal(realm, challenge.Realm);
        Assert.Equal(service, challenge.Service);
        Assert.Equal(scope, challenge.Scope);
        Assert.Equal(error, challenge.Error);
    }

    [Theory]
    [InlineData("Basic realm=\"a\", Bearer realm=\"https://b/token\",service=\"b\"", "Basic", "Bearer")]
    [InlineData("Bearer realm=\"https://b/token\", Basic realm=\"a\"", "Bearer", "Basic")]
    public void Parse_TwoChallenges_ReturnsBothInOrder(string header, string first, string second)
    {
        var challenges = AuthChallenge.Parse(header);

        Assert.Equal([first, second], challenges.Select(c => c.Scheme));
        Assert.True(challenges[1].IsBearer || challenges[1].IsBasic);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_ReturnsNothing(string? header) => Assert.Empty(AuthChallenge.Parse(header));
}

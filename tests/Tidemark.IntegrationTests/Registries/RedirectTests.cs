using Microsoft.AspNetCore.Http;
using Tidemark.Registries;
using Tidemark.Testing;

namespace Tidemark.IntegrationTests.Registries;

/// <summary>
/// A credential is sent only to the origin (scheme, host, port) it was configured for: a registry or token service that
/// redirects to another loopback port (another origin) gets the request followed without the Authorization header, and a
/// token refresh form (which holds the refresh token) is never re-sent there.
/// </summary>
public sealed class RedirectTests
{
    private const string TagsBody = """{"name":"app","tags":["1.0.0","1.1.0"]}""";

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal) { ["REG_USER"] = "ci", ["REG_PASS"] = "registry-pass-" + Guid.NewGuid().ToString("N") };

    [Fact]
    public async Task ListTagsAsync_RegistryRedirectsToAnotherPort_FollowsWithoutTheCredential()
    {
        await using var other = await RecordingListener.StartAsync(context => Json(context, TagsBody));
        await using var registry = await RecordingListener.StartAsync(context =>
            context.Request.Headers.Authorization.Count == 0
                ? Challenge(context, "Basic realm=\"registry\"")
                : Redirect(context, other.Address + context.Request.Path.Value!.TrimStart('/')));
        using var client = TestClients.Create(TestClients.WithCredentials(registry.Host, new EnvironmentCredentialSource("REG_USER", "REG_PASS")), environment: Environment);

        var listing = await client.ListTagsAsync(new RegistryRepository(registry.Host, "app"), CancellationToken.None);

        Assert.Equal(["1.0.0", "1.1.0"], listing.Tags);
        Assert.Contains(registry.Requests, r => r.Authorization?.StartsWith("Basic ", StringComparison.Ordinal) == true);
        Assert.NotEmpty(other.Requests);
        Assert.All(other.Requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ListTagsAsync_RedirectTargetAsksForCredentials_IsNotAnsweredWithTheRegistrysCredential()
    {
        await using var other = await RecordingListener.StartAsync(context => Challenge(context, "Basic realm=\"other\""));
        await using var registry = await RecordingListener.StartAsync(context => Redirect(context, other.Address + context.Request.Path.Value!.TrimStart('/')));
        using var client = TestClients.Create(TestClients.WithCredentials(registry.Host, new EnvironmentCredentialSource("REG_USER", "REG_PASS")), environment: Environment);

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new RegistryRepository(registry.Host, "app"), CancellationToken.None));

        Assert.Equal(RegistryErrorKind.Unauthorized, error.Kind);
        Assert.NotEmpty(other.Requests);
        Assert.All(other.Requests.Concat(registry.Requests), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task ListTagsAsync_TokenServiceRedirectsToAnotherPort_FollowsWithoutTheBasicCredential()
    {
        await using var other = await RecordingListener.StartAsync(context => Json(context, """{"token":"granted"}"""));
        RecordingListener registry = null!;
        registry = await RecordingListener.StartAsync(context => context.Request.Path.Value switch
        {
            "/token" => Redirect(context, other.Address + "token" + context.Request.QueryString),
            _ when context.Request.Headers.Authorization == "Bearer granted" => Json(context, TagsBody),
            _ => Challenge(context, $"Bearer realm=\"{registry.Address}token\",service=\"registry\""),
        });
        await using (registry)
        {
            using var client = TestClients.Create(TestClients.WithCredentials(registry.Host, new EnvironmentCredentialSource("REG_USER", "REG_PASS")), environment: Environment);

            var listing = await client.ListTagsAsync(new RegistryRepository(registry.Host, "app"), CancellationToken.None);

            Assert.Equal(["1.0.0", "1.1.0"], listing.Tags);
            Assert.Contains(registry.Requests, r => r.PathAndQuery.StartsWith("/token", StringComparison.Ordinal) && r.Authorization?.StartsWith("Basic ", StringComparison.Ordinal) == true);
            Assert.All(other.Requests, r => Assert.Null(r.Authorization));
            Assert.NotEmpty(other.Requests);
        }
    }

    [Fact]
    public async Task ListTagsAsync_TokenRefreshRedirectedToAnotherPort_NeverSendsTheRefreshToken()
    {
        var refreshToken = "refresh-" + Guid.NewGuid().ToString("N");
        await using var other = await RecordingListener.StartAsync(context => Json(context, """{"access_token":"granted"}"""));
        RecordingListener registry = null!;
        registry = await RecordingListener.StartAsync(context => context.Request.Path.Value switch
        {
            "/token" => Redirect(context, other.Address + "token", StatusCodes.Status307TemporaryRedirect),
            _ when context.Request.Headers.Authorization == "Bearer granted" => Json(context, TagsBody),
            _ => Challenge(context, $"Bearer realm=\"{registry.Address}token\",service=\"registry\""),
        });
        await using (registry)
        {
            using var temp = new TempDirectory();
            var config = temp.Write("config.json", "{\"auths\":{\"" + registry.Host + "\":{\"identitytoken\":\"" + refreshToken + "\"}}}");
            using var client = TestClients.Create(TestClients.WithCredentials(registry.Host, new DockerConfigCredentialSource(config)));

            var error = await Assert.ThrowsAsync<RegistryException>(() => client.ListTagsAsync(new RegistryRepository(registry.Host, "app"), CancellationToken.None));

            Assert.Contains(registry.Requests, r => r.Method == "POST" && r.Body.Contains(refreshToken, StringComparison.Ordinal));
            Assert.Empty(other.Requests);
            Assert.DoesNotContain(refreshToken, error.Message, StringComparison.Ordinal);
        }
    }

    private static Task Json(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body);
    }

    private static Task Challenge(HttpContext context, string challenge)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = challenge;
        return Task.CompletedTask;
    }

    private static Task Redirect(HttpContext context, string location, int status = StatusCodes.Status307TemporaryRedirect)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}

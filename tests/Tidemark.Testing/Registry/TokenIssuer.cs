using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tidemark.Testing.Registry;

/// <summary>
/// A token service that Debian's docker-registry (auth: token) trusts: a self-signed RSA certificate written as the
/// registry's rootcertbundle, RS256 JWTs with the certificate in <c>x5c</c> and the claims the distribution token
/// spec names (iss, sub, aud, exp, nbf, iat, jti, access). Serves <c>GET /token?service=&amp;scope=</c> on 127.0.0.1.
/// </summary>
public sealed class TokenIssuer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RSA key;
    private readonly RSA wrongKey = RSA.Create(2048);
    private readonly X509Certificate2 certificate;
    private readonly string directory;
    private int tokenRequests;
    private int invalidTokensToIssue;

    private TokenIssuer(WebApplication app, RSA key, X509Certificate2 certificate, string directory)
    {
        this.app = app;
        this.key = key;
        this.certificate = certificate;
        this.directory = directory;
        CertificatePath = Path.Combine(directory, "issuer.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
    }

    public string Service => "test-registry";

    public string Issuer => "test-issuer";

    /// <summary>The token endpoint, e.g. <c>http://127.0.0.1:40111/token</c>.</summary>
    public Uri Realm { get; private set; } = null!;

    /// <summary>The PEM file to give the registry as rootcertbundle.</summary>
    public string CertificatePath { get; }

    /// <summary>When set, token requests need these Basic credentials; anonymous or wrong ones get 401.</summary>
    public (string Username, string Password)? RequiredCredentials { get; set; }

    /// <summary>The <c>expires_in</c> given to clients (the JWT itself lives at least 5 minutes).</summary>
    public int ExpiresInSeconds { get; set; } = 300;

    public int TokenRequests => Volatile.Read(ref tokenRequests);

    /// <summary>
    /// An OAuth2 refresh token (what docker config.json calls identitytoken) accepted by <c>POST /token</c> with
    /// <c>grant_type=refresh_token</c>; null: POST is refused.
    /// </summary>
    public string? RefreshToken { get; set; }

    public static async Task<TokenIssuer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("tidemark-issuer-").FullName;
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=tidemark-test-issuer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var certificate = request.CreateSelfSigned(CurrentTime().AddDays(-1), CurrentTime().AddDays(30));
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var issuer = new TokenIssuer(app, key, certificate, directory);
        app.MapGet("/token", issuer.HandleAsync);
        app.MapPost("/token", issuer.HandleRefreshAsync);
        var address = await LoopbackServer.StartAsync(app, cancellationToken);
        issuer.Realm = new Uri(address, "/token");
        return issuer;
    }

    /// <summary>Makes the next <paramref name="count"/> tokens carry a bad signature, so the registry answers invalid_token.</summary>
    public void IssueInvalidTokens(int count) => Volatile.Write(ref invalidTokensToIssue, count);

    public void ResetCount() => Volatile.Write(ref tokenRequests, 0);

    /// <summary>A token for test setup (pushing); not counted.</summary>
    public string CreateToken(string subject, string repository, params string[] actions) =>
        Sign(subject, [new Access(repository, actions)], TimeSpan.FromMinutes(10), key);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        certificate.Dispose();
        key.Dispose();
        wrongKey.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref tokenRequests);
        var subject = Authenticate(context.Request.Headers.Authorization.ToString());
        if (subject is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsJsonAsync(new { errors = new[] { new { code = "UNAUTHORIZED", message = "authentication required" } } });
        }

        var access = context.Request.Query["scope"].SelectMany(s => (s ?? "").Split(' ')).Select(ParseScope).OfType<Access>().ToArray();
        var signingKey = Interlocked.Decrement(ref invalidTokensToIssue) >= 0 ? wrongKey : key;
        var token = Sign(subject, access, TimeSpan.FromSeconds(Math.Max(ExpiresInSeconds, 300)), signingKey);
        return context.Response.WriteAsJsonAsync(new { token, access_token = token, expires_in = ExpiresInSeconds, issued_at = CurrentTime().ToString("O") });
    }

    private async Task HandleRefreshAsync(HttpContext context)
    {
        Interlocked.Increment(ref tokenRequests);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (RefreshToken is null || form["grant_type"] != "refresh_token" || form["refresh_token"] != RefreshToken)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_grant" }, context.RequestAborted);
            return;
        }

        var access = form["scope"].SelectMany(s => (s ?? "").Split(' ')).Select(ParseScope).OfType<Access>().ToArray();
        var token = Sign("refresh-user", access, TimeSpan.FromSeconds(Math.Max(ExpiresInSeconds, 300)), key);
        await context.Response.WriteAsJsonAsync(new { access_token = token, expires_in = ExpiresInSeconds }, context.RequestAborted);
    }

    private string? Authenticate(string header)
    {
        if (RequiredCredentials is not { } required)
        {
            return "anonymous";
        }

        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return decoded == $"{required.Username}:{required.Password}" ? required.Username : null;
    }

    private static Access? ParseScope(string scope)
    {
        // repository:NAME:pull,push — NAME may hold ':' only with a port, which repository names do not.
        var parts = scope.Split(':');
        return parts.Length == 3 && parts[0] == "repository" ? new Access(parts[1], parts[2].Split(',')) : null;
    }

    private string Sign(string subject, IReadOnlyList<Access> access, TimeSpan lifetime, RSA signingKey)
    {
        var now = CurrentTime().ToUnixTimeSeconds();
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["x5c"] = new[] { Convert.ToBase64String(certificate.RawData) } };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer, ["sub"] = subject, ["aud"] = Service,
            ["exp"] = now + (long)lifetime.TotalSeconds, ["nbf"] = now - 10, ["iat"] = now, ["jti"] = Guid.NewGuid().ToString("N"),
            ["access"] = access.Select(a => new { type = "repository", name = a.Name, actions = a.Actions }).ToArray(),
        };
        var signed = $"{Base64Url(JsonSerializer.SerializeToUtf8Bytes(header))}.{Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims))}";
        var signature = signingKey.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signed}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // The registry checks exp/nbf against the wall clock, so the issuer must use it too.
    private static DateTimeOffset CurrentTime() => TimeProvider.System.GetUtcNow();

    private sealed record Access(string Name, IReadOnlyList<string> Actions);
}

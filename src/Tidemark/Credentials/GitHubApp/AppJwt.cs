using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// The JSON Web Token a GitHub App authenticates with (RS256, signed with the App's private key): issued 60 s in the
/// past against clock drift, valid 9 minutes (GitHub allows at most 10), issuer the App ID or client ID.
/// https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/generating-a-json-web-token-jwt-for-a-github-app
/// Example claims: <c>{"iat":1764122340,"exp":1764122940,"iss":"123456"}</c>.
/// </summary>
internal static class AppJwt
{
    public static readonly TimeSpan Backdate = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(9);

    public static string Create(RSA key, string issuer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        var header = Base64Url.EncodeToString(Json(w =>
        {
            w.WriteString("alg", "RS256");
            w.WriteString("typ", "JWT");
        }));
        var claims = Base64Url.EncodeToString(Json(w =>
        {
            w.WriteNumber("iat", (now - Backdate).ToUnixTimeSeconds());
            w.WriteNumber("exp", (now + Lifetime).ToUnixTimeSeconds());
            w.WriteString("iss", issuer);
        }));
        var signed = header + "." + claims;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

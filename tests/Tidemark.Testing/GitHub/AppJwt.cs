using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tidemark.Testing.GitHub;

/// <summary>
/// Verifies a GitHub App JWT (RS256, iss = App id or client id, iat/exp within 10 minutes) and names GitHub's
/// 401 message when it is refused. Also signs one, for tests.
/// </summary>
public static class AppJwt
{
    public static string Create(SimApp app, DateTimeOffset now, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var header = Encode("""{"alg":"RS256","typ":"JWT"}"""u8.ToArray());
        var iat = now.AddSeconds(-60).ToUnixTimeSeconds();
        var exp = now.Add(lifetime ?? TimeSpan.FromMinutes(9)).ToUnixTimeSeconds();
        var payload = Encode(Encoding.UTF8.GetBytes($$"""{"iat":{{iat}},"exp":{{exp}},"iss":"{{app.ClientId}}"}"""));
        var signature = app.Key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Encode(signature);
    }

    /// <summary>The App the JWT proves, or GitHub's refusal message.</summary>
    internal static (SimApp? App, string? Error) Verify(string jwt, IEnumerable<SimApp> apps, DateTimeOffset now)
    {
        var parts = jwt.Split('.');
        JsonObject? claims = null;
        try
        {
            claims = parts.Length == 3 ? JsonNode.Parse(Decode(parts[1])) as JsonObject : null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            claims = null;
        }

        if (claims is null)
        {
            return (null, "A JSON web token could not be decoded");
        }

        var issuer = claims["iss"]?.ToString();
        var app = apps.FirstOrDefault(a => a.ClientId == issuer || a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == issuer);
        if (app is null)
        {
            return (null, "Integration not found");
        }

        if (!app.Key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return (null, "A JSON web token could not be decoded");
        }

        return (app, TimeError(claims, now));
    }

    private static string? TimeError(JsonObject claims, DateTimeOffset now)
    {
        var iat = claims["iat"]?.GetValue<long>() ?? 0;
        var exp = claims["exp"]?.GetValue<long>() ?? 0;
        var seconds = now.ToUnixTimeSeconds();
        if (iat > seconds + 60)
        {
            return "'Issued at' claim ('iat') is in the future";
        }

        if (exp <= seconds)
        {
            return "'Expiration time' claim ('exp') is in the past";
        }

        return exp - seconds > 600 ? "'Expiration time' claim ('exp') is too far in the future" : null;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}

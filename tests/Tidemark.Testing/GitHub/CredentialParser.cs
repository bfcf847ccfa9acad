using System.Text;

namespace Tidemark.Testing.GitHub;

/// <summary>Reads a token out of <c>Authorization: token X</c>, <c>Bearer X</c> or <c>Basic base64(any:X)</c>.</summary>
internal static class CredentialParser
{
    public static string? TokenFrom(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }

        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return "";
        }

        var scheme = authorization[..space];
        var value = authorization[(space + 1)..].Trim();
        if (scheme.Equals("token", StringComparison.OrdinalIgnoreCase) || scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value;
        }

        return scheme.Equals("basic", StringComparison.OrdinalIgnoreCase) ? FromBasic(value) : "";
    }

    /// <summary>The bearer value when the header is <c>Bearer X</c> (App JWTs must use this scheme).</summary>
    public static string? BearerFrom(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization[7..].Trim()
            : null;

    private static string FromBasic(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var password = colon < 0 ? "" : text[(colon + 1)..];
            // https://TOKEN@github.com/... sends the token as the user name with an empty password
            return password.Length > 0 ? password : (colon < 0 ? text : text[..colon]);
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

using System.Globalization;

namespace Tidemark.Forges.GitHub;

/// <summary>Reads GitHub's diagnostic headers that Octokit does not parse, case-insensitively.</summary>
internal static class ResponseHeaders
{
    public static string? Get(IReadOnlyDictionary<string, string>? headers, string name)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (key, value) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static long? Number(IReadOnlyDictionary<string, string>? headers, string name) =>
        long.TryParse(Get(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The URL of <c>X-GitHub-SSO: required; url=…</c>, or null (also for <c>partial-results</c>).</summary>
    public static string? SsoUrl(IReadOnlyDictionary<string, string>? headers)
    {
        var value = Get(headers, "X-GitHub-SSO");
        if (value is null || !value.TrimStart().StartsWith("required", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var at = value.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? "" : value[(at + 4)..].Trim();
    }

    /// <summary>
    /// <c>GitHub-Authentication-Token-Expiration</c> (<c>2021-09-03 02:34:04 UTC</c> or <c>… +0200</c>). Null when absent,
    /// unreadable, or within five minutes of the response's <c>Date</c> (fine-grained tokens were seen sending "now").
    /// </summary>
    public static DateTimeOffset? TokenExpiry(IReadOnlyDictionary<string, string>? headers)
    {
        var value = Get(headers, "GitHub-Authentication-Token-Expiration")?.Trim();
        if (value is null || !TryParseExpiry(value, out var expiry))
        {
            return null;
        }

        var date = Get(headers, "Date");
        var credible = date is null
            || !DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (expiry - sent).Duration() > TimeSpan.FromMinutes(5);
        return credible ? expiry : null;
    }

    /// <summary>True when the expiry header holds (within five minutes) the response's own <c>Date</c>: the expiry is unknown, not past.</summary>
    public static bool TokenExpiryIsNow(IReadOnlyDictionary<string, string>? headers)
    {
        var value = Get(headers, "GitHub-Authentication-Token-Expiration")?.Trim();
        return value is not null && TryParseExpiry(value, out _) && TokenExpiry(headers) is null;
    }

    private static bool TryParseExpiry(string value, out DateTimeOffset expiry)
    {
        if (value.EndsWith(" UTC", StringComparison.Ordinal))
        {
            return DateTimeOffset.TryParseExact(value[..^4], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiry);
        }

        return DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiry)
            || DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss zzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiry)
            || TryParseCompactOffset(value, out expiry);
    }

    private static bool TryParseCompactOffset(string value, out DateTimeOffset expiry)
    {
        // "+0200": .NET's zzz wants "+02:00"
        expiry = default;
        if (value.Length < 5 || value[^5] is not ('+' or '-'))
        {
            return false;
        }

        var withColon = value[..^2] + ":" + value[^2..];
        return DateTimeOffset.TryParseExact(withColon, "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out expiry);
    }
}

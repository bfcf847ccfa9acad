using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Tidemark.Configuration.Service;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>
/// The admin's sign-in for "reconcile now": proving the admin token once gives a random session id in an HttpOnly,
/// SameSite=Strict cookie (never the token), and every admin form carries an anti-forgery value, an HMAC of the session
/// id under a key made at start-up. A POST needs both. Sessions live in memory: a restart signs the admin out.
/// </summary>
internal sealed class AdminSessions
{
    public const string CookieName = "tidemark-admin";
    public const string FormField = "csrf";
    private const int MaxSessions = 64;
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);
    private readonly SecretSetting _adminToken;
    private readonly TimeProvider _time;
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _sessions = new(StringComparer.Ordinal);

    public AdminSessions(SecretSetting adminToken, TimeProvider time)
    {
        _adminToken = adminToken;
        _time = time;
        Throttle = new SignInThrottle(time);
    }

    /// <summary>Wrong sign-ins per client address: enough of them lock the address out before its token is compared.</summary>
    public SignInThrottle Throttle { get; }

    public bool TokenMatches(string? candidate) => SecretCompare.Equal(candidate, _adminToken.Value);

    /// <summary>Starts a session and sets its cookie on <paramref name="response"/>.</summary>
    public void SignIn(HttpRequest request, HttpResponse response)
    {
        var now = _time.GetUtcNow();
        foreach (var expired in _sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList())
        {
            _sessions.TryRemove(expired, out _);
        }

        // a bounded number of sessions: the oldest goes first
        while (_sessions.Count >= MaxSessions && _sessions.OrderBy(s => s.Value).Select(s => s.Key).FirstOrDefault() is { } oldest)
        {
            _sessions.TryRemove(oldest, out _);
        }

        var session = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _sessions[session] = now + Lifetime;
        response.Cookies.Append(CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = request.IsHttps,
            Path = "/",
            MaxAge = Lifetime,
        });
    }

    public void SignOut(HttpRequest request, HttpResponse response)
    {
        if (Session(request) is { } session)
        {
            _sessions.TryRemove(session, out _);
        }

        response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = request.IsHttps });
    }

    /// <summary>The request's live admin session, or null.</summary>
    public string? Session(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var session) || string.IsNullOrEmpty(session))
        {
            return null;
        }

        return _sessions.TryGetValue(session, out var expires) && expires > _time.GetUtcNow() ? session : null;
    }

    /// <summary>The anti-forgery value the session's forms carry.</summary>
    public string FormToken(string session) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("tidemark-admin-form:" + session)));

    /// <summary>True when the request has a live session and its form carries that session's anti-forgery value.</summary>
    public bool Allows(HttpRequest request, string? formToken) =>
        Session(request) is { } session && formToken is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(FormToken(session)), Encoding.ASCII.GetBytes(formToken));
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tidemark.Cli.Serve;
using Tidemark.Configuration.Service;
using Tidemark.IntegrationTests.Credentials;

namespace Tidemark.IntegrationTests.Serve.Dashboard;

/// <summary>Credentials beyond loopback, and the admin's "reconcile now": session cookie plus anti-forgery value, or 403 and no trigger.</summary>
public sealed class DashboardAccessTests
{
    private static readonly string[] Guarded = ["/", "/repos/acme/fleet", "/tokens", "/audit", "/api/repos", "/metrics"];

    [Fact]
    public async Task BeyondLoopback_WithoutOrWithWrongCredentials_Is401WithChallenge_WithThemTheDashboardAnswers()
    {
        var bearer = TokenValues.Body(40, seed: 3);
        var password = TokenValues.Body(24, seed: 5);
        await using var host = await DashboardHost.StartAsync(
            new DashboardSettings(null, new SecretSetting("env TIDEMARK_DASHBOARD_TOKEN", bearer), "ops", new SecretSetting("env TIDEMARK_DASHBOARD_PASSWORD", password)),
            urls: ["http://0.0.0.0:8080"]);
        using var client = host.Client();

        foreach (var path in Guarded)
        {
            using var anonymous = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            var challenges = anonymous.Headers.WwwAuthenticate.Select(c => c.Scheme).ToList();
            Assert.Contains("Basic", challenges);
            Assert.Contains("Bearer", challenges);

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, path, new AuthenticationHeaderValue("Bearer", bearer + "x")));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, path, Basic("ops", password[..^1])));
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, path, Basic("admin", password)));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, path, new AuthenticationHeaderValue("Bearer", bearer)));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, path, Basic("ops", password)));
        }
    }

    [Fact]
    public async Task OnLoopbackWithoutCredentials_TheDashboardIsOpen()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        foreach (var path in Guarded)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, path, null));
        }
    }

    [Fact]
    public async Task OnLoopbackWithoutCredentials_AHostThatIsNotLoopback_IsRefused_DnsRebinding()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();
        var port = host.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        foreach (var path in Guarded)
        {
            Assert.Equal(HttpStatusCode.Forbidden, await StatusWithHostAsync(client, path, "evil.example"));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusWithHostAsync(client, path, "evil.example:" + port));
            Assert.Equal(HttpStatusCode.Forbidden, await StatusWithHostAsync(client, path, "127.0.0.1.evil.example:" + port));
            Assert.Equal(HttpStatusCode.OK, await StatusWithHostAsync(client, path, "127.0.0.1:" + port));
            Assert.Equal(HttpStatusCode.OK, await StatusWithHostAsync(client, path, "localhost:" + port));
            Assert.Equal(HttpStatusCode.OK, await StatusWithHostAsync(client, path, "[::1]:" + port));
        }

        using var admin = new HttpRequestMessage(HttpMethod.Post, "/repos/acme/fleet/reconcile") { Content = Form(("csrf", "x")) };
        admin.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(admin);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("loopback name", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithCredentials_AnyHostWithThemIsServed()
    {
        var bearer = TokenValues.Body(40, seed: 4);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(null, new SecretSetting("env TIDEMARK_DASHBOARD_TOKEN", bearer), null, null), urls: ["http://0.0.0.0:8080"]);
        using var client = host.Client();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = "tidemark.example";
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAdminToken_NoButtonNoSignIn_AndReconcileIs403WithoutTrigger()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        var overview = await DashboardPageTests.GetAsync(host, "/");
        using var reconcile = await client.PostAsync("/repos/acme/fleet/reconcile", Form(("csrf", "anything")));
        using var admin = await client.GetAsync("/admin");

        Assert.DoesNotContain("Reconcile now", overview);
        Assert.DoesNotContain("/admin", overview);
        Assert.Equal(HttpStatusCode.Forbidden, reconcile.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Empty(host.Triggers.Requests);
    }

    [Fact]
    public async Task AdminSignedIn_ReconcileWithTheFormValue_RecordsTheTrigger_AndTheTokenIsNowhereInPagesOrCookies()
    {
        var adminToken = TokenValues.Body(32, seed: 7);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        using var client = host.Client();

        var signedOut = await DashboardPageTests.GetAsync(host, "/");
        Assert.Contains("href=\"/admin\"", signedOut);
        Assert.DoesNotContain("Reconcile now", signedOut);

        var cookie = await SignInAsync(client, adminToken);
        var page = await GetWithCookieAsync(client, "/repos/acme/fleet", cookie);
        var csrf = FormValue(page);

        using var reconcile = await PostAsync(client, "/repos/acme/fleet/reconcile", cookie, ("csrf", csrf));

        Assert.Equal(HttpStatusCode.Redirect, reconcile.StatusCode);
        Assert.Equal("/repos/acme/fleet?requested=1", reconcile.Headers.Location!.OriginalString);
        Assert.Equal([("acme/fleet", RunTrigger.Dashboard)], host.Triggers.Requests);
        var overview = await GetWithCookieAsync(client, "/", cookie);
        Assert.Contains("action=\"/repos/acme/fleet/reconcile\"", overview);
        // the disabled entry has no button
        Assert.DoesNotContain("action=\"/repos/acme/broken/reconcile\"", overview);
        foreach (var text in new[] { signedOut, page, overview, cookie, csrf })
        {
            Assert.DoesNotContain(adminToken, text);
        }

        Assert.Contains(host.Logs.Lines, l => l.Contains("dashboard.admin.signed-in", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.EndsWith("dashboard.reconcile.requested acme/fleet", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(adminToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiveWrongSignInsWithinAMinute_Then429WithRetryAfter_EvenForTheRightToken_UntilTheMinuteHasPassed()
    {
        var adminToken = TokenValues.Body(32, seed: 23);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        using var client = host.Client();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await client.PostAsync("/admin/sign-in", Form(("token", adminToken + i)));
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            host.Time.Advance(TimeSpan.FromSeconds(5));
        }

        // locked out: not even the right token is compared
        using var throttled = await client.PostAsync("/admin/sign-in", Form(("token", adminToken)));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(55), throttled.Headers.RetryAfter?.Delta);
        Assert.False(throttled.Headers.Contains("Set-Cookie"));
        Assert.Contains("try again in 55 seconds", await throttled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("dashboard.admin.throttled", StringComparison.Ordinal));

        host.Time.Advance(TimeSpan.FromSeconds(55));
        await SignInAsync(client, adminToken);
    }

    [Fact]
    public async Task AdminSignIn_SetsAnHttpOnlySameSiteStrictSessionCookie_AWrongTokenIs403()
    {
        var adminToken = TokenValues.Body(32, seed: 9);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        using var client = host.Client();

        using var wrong = await client.PostAsync("/admin/sign-in", Form(("token", adminToken + "x")));
        using var right = await client.PostAsync("/admin/sign-in", Form(("token", adminToken)));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(adminToken, await wrong.Content.ReadAsStringAsync());
        Assert.Contains(host.Logs.Lines, l => l.Contains("dashboard.admin.refused", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(adminToken, StringComparison.Ordinal));
        var setCookie = Assert.Single(right.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("tidemark-admin=", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(adminToken, setCookie);
    }

    [Fact]
    public async Task Reconcile_WithoutSessionOrWithoutOrWithAForeignFormValue_Is403WithoutTrigger()
    {
        var adminToken = TokenValues.Body(32, seed: 11);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        using var client = host.Client();
        var cookie = await SignInAsync(client, adminToken);
        var other = await SignInAsync(client, adminToken);
        var csrf = FormValue(await GetWithCookieAsync(client, "/", cookie));
        var otherCsrf = FormValue(await GetWithCookieAsync(client, "/", other));

        using var noSession = await PostAsync(client, "/repos/acme/fleet/reconcile", null, ("csrf", csrf));
        using var noFormValue = await PostAsync(client, "/repos/acme/fleet/reconcile", cookie);
        using var foreignFormValue = await PostAsync(client, "/repos/acme/fleet/reconcile", cookie, ("csrf", otherCsrf));
        using var crossSite = await PostAsync(client, "/repos/acme/fleet/reconcile", cookie, ("csrf", csrf), origin: "http://evil.invalid");
        using var adminTokenAsFormValue = await PostAsync(client, "/repos/acme/fleet/reconcile", cookie, ("csrf", adminToken));

        Assert.All(new[] { noSession, noFormValue, foreignFormValue, crossSite, adminTokenAsFormValue }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Empty(host.Triggers.Requests);
    }

    [Fact]
    public async Task Reconcile_DisabledRepository_Is404WithoutTrigger()
    {
        var adminToken = TokenValues.Body(32, seed: 13);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        using var client = host.Client();
        var cookie = await SignInAsync(client, adminToken);
        var csrf = FormValue(await GetWithCookieAsync(client, "/", cookie));

        using var response = await PostAsync(client, "/repos/acme/broken/reconcile", cookie, ("csrf", csrf));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Triggers.Requests);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> StatusWithHostAsync(HttpClient client, string path, string hostHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Signs in; returns the cookie pair (<c>tidemark-admin=…</c>).</summary>
    private static async Task<string> SignInAsync(HttpClient client, string adminToken)
    {
        using var response = await client.PostAsync("/admin/sign-in", Form(("token", adminToken)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<string> GetWithCookieAsync(HttpClient client, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? cookie, (string, string)? field = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = field is { } f ? Form(f) : Form() };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private static string FormValue(string page)
    {
        const string marker = "name=\"csrf\" value=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "no admin form on the page");
        start += marker.Length;
        return page[start..page.IndexOf('"', start)];
    }
}

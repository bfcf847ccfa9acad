using Microsoft.Playwright;
using Tidemark.Cli.Serve;
using Tidemark.Configuration.Service;
using Tidemark.IntegrationTests.Credentials;

namespace Tidemark.IntegrationTests.Serve.Dashboard;

/// <summary>The dashboard in a real browser (Chromium through Playwright): it renders, fits a phone, and the admin action works only after sign-in.</summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Overview_RendersTheRepositories_AndHasNoHorizontalScrollAtPhoneWidth()
    {
        await using var host = await DashboardHost.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(host.BaseAddress + "");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Repositories · Tidemark", await page.TitleAsync());
        Assert.Equal(2, await page.Locator("section.card").CountAsync());
        Assert.Equal("3", await page.Locator("section[data-repository='acme/fleet'] dd.pending").InnerTextAsync());
        Assert.Contains("no such file /etc/missing.yaml", await page.Locator("section[data-repository='acme/broken']").InnerTextAsync());
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "overview-phone");

        // the repository page's wide tables scroll inside their own box, not the page
        await page.GetByRole(AriaRole.Link, new() { Name = "acme/fleet", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/repos/acme/fleet");
        Assert.Equal("acme/fleet", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("ghcr.io/acme/<script>alert('image')</script>", await page.Locator("table").First.InnerTextAsync());
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, "repository-phone");
    }

    [Fact]
    public async Task Overview_OnAWideScreen_PutsCardsSideBySide()
    {
        await using var host = await DashboardHost.StartAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + "");

        await ScreenshotAsync(page, "overview-wide");
        var first = await page.Locator("section.card").Nth(0).BoundingBoxAsync();
        var second = await page.Locator("section.card").Nth(1).BoundingBoxAsync();

        Assert.Equal(first!.Y, second!.Y);
        Assert.True(second.X > first.X + first.Width - 1);
    }

    [Fact]
    public async Task ReconcileNow_AppearsOnlyAfterAdminSignIn_AndClickingItRecordsTheTrigger()
    {
        var adminToken = TokenValues.Body(32, seed: 17);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(new SecretSetting("env TIDEMARK_ADMIN_TOKEN", adminToken), null, null, null));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseAddress + "");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Reconcile now" }).CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin sign-in" }).ClickAsync();
        await page.GetByLabel("Admin token").FillAsync(adminToken + "-wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("That is not the admin token", await page.Locator("main").InnerTextAsync());
        await page.GetByLabel("Admin token").FillAsync(adminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(host.BaseAddress + "");
        Assert.Empty(host.Triggers.Requests);

        await page.Locator("section[data-repository='acme/fleet']").GetByRole(AriaRole.Button, new() { Name = "Reconcile now" }).ClickAsync();
        await page.WaitForURLAsync("**/repos/acme/fleet?requested=1");

        Assert.Contains("Reconcile requested", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal([("acme/fleet", RunTrigger.Dashboard)], host.Triggers.Requests);
        Assert.Equal(0, await page.Locator("section[data-repository='acme/broken']").GetByRole(AriaRole.Button).CountAsync());
        var cookie = Assert.Single(await context.CookiesAsync());
        Assert.Equal("tidemark-admin", cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(adminToken, cookie.Value);
        Assert.DoesNotContain(adminToken, await page.ContentAsync());
    }

    [Fact]
    public async Task BeyondLoopback_TheBrowserGets401WithoutCredentials_AndThePageWithBasicCredentials()
    {
        var password = TokenValues.Body(24, seed: 19);
        await using var host = await DashboardHost.StartAsync(new DashboardSettings(null, null, "ops", new SecretSetting("env TIDEMARK_DASHBOARD_PASSWORD", password)),
            urls: ["http://0.0.0.0:8080"]);
        await using var anonymous = await chromium.Browser.NewContextAsync();
        await using var signedIn = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { HttpCredentials = new HttpCredentials { Username = "ops", Password = password } });

        // a browser without credentials cannot answer the challenge: the navigation fails, and the bare request is a 401
        var failed = await Assert.ThrowsAsync<PlaywrightException>(async () => await (await anonymous.NewPageAsync()).GotoAsync(host.BaseAddress + "tokens"));
        var refused = await anonymous.APIRequest.GetAsync(host.BaseAddress + "tokens");
        var page = await signedIn.NewPageAsync();
        var allowed = await page.GotoAsync(host.BaseAddress + "tokens");

        Assert.Contains("ERR_INVALID_AUTH_CREDENTIALS", failed.Message, StringComparison.Ordinal);
        Assert.Equal(401, refused.Status);
        Assert.Contains("Basic realm=\"tidemark\"", refused.Headers["www-authenticate"], StringComparison.Ordinal);
        Assert.Equal(200, allowed!.Status);
        Assert.Equal("Tokens", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("9 days left", await page.Locator("table").First.InnerTextAsync());
    }

    /// <summary>With <c>TIDEMARK_DASHBOARD_SCREENSHOTS=DIR</c>, saves the page as <c>DIR/NAME.png</c> (for docs/dashboard.md); nothing otherwise.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("TIDEMARK_DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, document.body.scrollWidth]");
        Assert.True(widths[0] <= widths[1] && widths[2] <= widths[1], $"the page scrolls sideways: scrollWidth {widths[0]} (body {widths[2]}) > clientWidth {widths[1]}");
    }
}

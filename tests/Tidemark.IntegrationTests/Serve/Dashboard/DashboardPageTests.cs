using System.Net;
using System.Text.RegularExpressions;
using Tidemark.Configuration.Service;

namespace Tidemark.IntegrationTests.Serve.Dashboard;

/// <summary>The dashboard's pages over real Kestrel and a real SQLite store: what they show, and that every value is encoded.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task Overview_ShowsLastRunOutcomeNextRunPullRequestPendingUpdatesAndADisabledEntrysError()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await GetAsync(host, "/");

        var fleet = Card(page, "acme/fleet");
        Assert.Contains("href=\"/repos/acme/fleet\"", fleet);
        Assert.Contains("pull request #7 updated", fleet);
        Assert.Contains("2026-12-03 11:59 UTC</time> <span class=\"muted\">(1m ago)", fleet);
        Assert.Contains("2026-12-03 12:04 UTC</time> <span class=\"muted\">(in 4m)", fleet);
        Assert.Contains("<a href=\"http://127.0.0.1:9/acme/fleet/pull/7\" rel=\"noreferrer noopener\">#7</a>", fleet);
        Assert.Contains("<dd class=\"pending\">3</dd>", fleet);
        var broken = Card(page, "acme/broken");
        Assert.Contains("disabled", broken);
        Assert.Contains("serve.yaml:14:7: config: no such file /etc/missing.yaml; fix the path", broken);
        Assert.Contains("never (disabled)", broken);
    }

    [Fact]
    public async Task Overview_AfterARestart_NoRunInMemory_ShowsTheLastRunOutcomePullRequestAndPendingFromTheStore()
    {
        await using var host = await DashboardHost.StartAsync(freshStatus: true);

        var page = await GetAsync(host, "/");
        using var client = host.Client();
        var api = await client.GetStringAsync("/api/repos");

        var fleet = Card(page, "acme/fleet");
        // the stored latest run (ended 11:00:20), not the in-memory status (which has none)
        Assert.Contains("2026-12-03 11:00 UTC</time>", fleet);
        Assert.Contains("<dd class=\"outcome\">pull-request-updated</dd>", fleet);
        Assert.Contains("<a href=\"http://127.0.0.1:9/acme/fleet/pull/7\" rel=\"noreferrer noopener\">#7</a>", fleet);
        Assert.Contains("<dd class=\"pending\">3</dd>", fleet);
        Assert.Contains("\"lastRunId\":\"20261203T115840Z-1a2b3c\"", api);
        Assert.Contains("\"outcome\":\"pull-request-updated\"", api);
        Assert.Contains("\"pendingUpdates\":3", api);
        Assert.Contains("\"pullRequest\":\"http://127.0.0.1:9/acme/fleet/pull/7\"", api);
    }

    [Fact]
    public async Task Repository_ShowsDecisionsByImageHeldGroupsPullRequestsAndRecentRuns()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await GetAsync(host, "/repos/acme/fleet");

        Assert.Contains("<dt>Interval</dt><dd>5m</dd>", page);
        // the latest run's decisions, one group per image (its name once), not the older run's
        Assert.Equal(1, Regex.Count(page, Regex.Escape("<code>ghcr.io/acme/app</code></td>")));
        Assert.Contains("<td>2.3.0</td><td><strong>2.4.1</strong></td><td>semver ^2</td><td class=\"why\">newer tag in range (second reference)</td>", page);
        Assert.DoesNotContain("older run&#x27;s decision", page);
        Assert.Contains("From run 2 (<code>20261203T115840Z-1a2b3c</code>)", page);
        var held = Section(page, "Held groups");
        Assert.Contains("docker.io/library/nginx", held);
        Assert.Contains("held by group web: docker.io/library/nginx-exporter has no 1.28.0", held);
        var pulls = Section(page, "Pull requests");
        Assert.Contains("<a href=\"http://127.0.0.1:9/acme/fleet/pull/7\" rel=\"noreferrer noopener\">#7</a>", pulls);
        Assert.Contains("<code>ghcr.io/acme/app</code> → 2.4.1", pulls);
        Assert.Contains("Merged", pulls);
        // a stored URL that is not http(s) is shown as text, never a link
        Assert.DoesNotContain("javascript:", pulls);
        var runs = Section(page, "Recent runs");
        Assert.Equal(2, Regex.Count(runs, "<tr><td>"));
        Assert.Contains("pull-request-updated", runs);
        Assert.Contains("<td>20s</td>", runs);
        Assert.Contains("href=\"/audit?run=20261203T115840Z-1a2b3c\"", runs);
    }

    [Fact]
    public async Task Repository_NotConfigured_Is404NamingIt()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/repos/acme/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No repository acme/nowhere is configured", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPage_EncodesStoredValues_NoScriptFromAnImageNameOrOutcome()
    {
        await using var host = await DashboardHost.StartAsync();

        foreach (var path in new[] { "/", "/repos/acme/fleet", "/tokens", "/audit" })
        {
            var page = await GetAsync(host, path);
            Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        }

        var repository = await GetAsync(host, "/repos/acme/fleet");
        Assert.Contains("ghcr.io/acme/&lt;script&gt;alert(&#x27;image&#x27;)&lt;/script&gt;", repository);
        Assert.Contains("failed: &lt;script&gt;alert(&#x27;outcome&#x27;)&lt;/script&gt;", repository);
    }

    [Fact]
    public async Task Pages_SendAContentSecurityPolicyWithoutScripts()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/");

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("script-src", policy);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Tokens_ShowKindFingerprintExpiryWithDaysLeftLastUseAndFindings()
    {
        await using var host = await DashboardHost.StartAsync();

        var page = await GetAsync(host, "/tokens");

        Assert.Contains("<code>fine-grained …a1b2 #3f9c1e</code></td><td>fine-grained</td><td>current</td><td>environment variable GITHUB_TOKEN</td>", page);
        Assert.Contains("2026-12-12 · <span class=\"warn\">9 days left</span>", page);
        Assert.Contains("git.fetch ×2, git.push ×1", page);
        Assert.Contains("push to flux-image-updates (contents: write)", Section(page, "Refused next tokens"));
        var checks = Section(page, "Token checks and findings");
        Assert.Contains("token.check", checks);
        Assert.Contains("contents: read only, push refused", checks);
    }

    [Fact]
    public async Task Audit_FiltersByRepositoryRunActionAndOutcome()
    {
        await using var host = await DashboardHost.StartAsync(auditEvents: 3);

        var byRepository = await GetAsync(host, "/audit?repo=acme/other");
        var byRun = await GetAsync(host, "/audit?run=20261203T115840Z-1a2b3c");
        var byActionAndOutcome = await GetAsync(host, "/audit?action=git.push&outcome=denied");
        var okFetches = await GetAsync(host, "/audit?action=git.fetch&outcome=ok&repo=acme/fleet");

        Assert.Equal(["push to other refused"], Details(byRepository));
        Assert.Equal(["fetch number 3", "fetch number 2", "fetch number 1"], Details(byRun));
        Assert.Equal(["push to other refused"], Details(byActionAndOutcome));
        Assert.Equal(3, Details(okFetches).Count);
        // the form keeps the filters
        Assert.Contains("<option selected>git.push</option>", byActionAndOutcome);
        Assert.Contains("<option selected>denied</option>", byActionAndOutcome);
    }

    [Fact]
    public async Task Audit_PagesFiftyEventsNewestFirstWithLinksKeepingTheFilters()
    {
        await using var host = await DashboardHost.StartAsync(auditEvents: 60);

        var first = await GetAsync(host, "/audit?repo=acme/fleet&action=git.fetch");
        var second = await GetAsync(host, "/audit?repo=acme/fleet&action=git.fetch&page=2");

        Assert.Equal(50, Details(first).Count);
        Assert.Equal("fetch number 60", Details(first)[0]);
        Assert.Contains("rel=\"next\" href=\"/audit?repo=acme%2Ffleet&amp;action=git.fetch&amp;page=2\"", first);
        Assert.DoesNotContain("rel=\"prev\"", first);
        Assert.Equal([.. Enumerable.Range(1, 10).Reverse().Select(i => $"fetch number {i}")], Details(second));
        Assert.Contains("rel=\"prev\"", second);
        Assert.DoesNotContain("rel=\"next\"", second);
    }

    [Fact]
    public async Task Audit_BadPage_Is400SayingWhatToUse()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        using var response = await client.GetAsync("/audit?page=zero");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page=zero is not a page number; use a whole number from 1", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ApiRepos_MirrorsTheOverviewAsJson()
    {
        await using var host = await DashboardHost.StartAsync();
        using var client = host.Client();

        var json = await client.GetStringAsync("/api/repos");

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var fleet = document.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "acme/fleet");
        Assert.Equal(3, fleet.GetProperty("pendingUpdates").GetInt32());
        Assert.Equal("http://127.0.0.1:9/acme/fleet/pull/7", fleet.GetProperty("pullRequest").GetString());
        var broken = document.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "acme/broken");
        Assert.False(broken.GetProperty("enabled").GetBoolean());
    }

    internal static async Task<string> GetAsync(DashboardHost host, string path)
    {
        using var client = host.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Card(string page, string repository)
    {
        var start = page.IndexOf($"data-repository=\"{repository}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for {repository}");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Section(string page, string heading)
    {
        var start = page.IndexOf($"<h2>{heading}</h2>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {heading}");
        var end = page.IndexOf("<h2>", start + 4, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static List<string> Details(string page) =>
        [.. EventRow().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr class=\"event\">.*?</td><td>([^<]*)</td>\\s*<td>(?:—|<a)", RegexOptions.Singleline)]
    private static partial Regex EventRow();
}

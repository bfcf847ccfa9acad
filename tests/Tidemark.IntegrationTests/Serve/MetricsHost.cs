using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Dashboard;
using Tidemark.Cli.Serve.Metrics;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Serve;

/// <summary><c>/metrics</c> alone on real Kestrel at <c>http://127.0.0.1:0</c>, with a real state store, as the serve host maps it.</summary>
internal sealed class MetricsHost : IAsyncDisposable
{
    private readonly WebApplication web;

    private MetricsHost(WebApplication web, Uri address)
    {
        this.web = web;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<MetricsHost> StartAsync(StateStore state, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var web = builder.Build();
        var settings = new ServiceSettings("serve.yaml", ["http://127.0.0.1:0"], null, "work", ServiceLogFormat.Json, 1, new EnvToken("GITHUB_TOKEN"), [],
            new WebhookSettings(null, new Dictionary<string, SecretSetting>()), new DashboardSettings(null, null, null, null));
        var context = new ServeContext(settings, new NoTriggers(), new NoStatus(), new MetricsObserver(time), state, time, new Redactor(), NullLoggerFactory.Instance);
        // as ServeHost maps it: in the dashboard's guarded group
        MetricsEndpoints.Map(DashboardAccess.MapGuarded(web, context), context);
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsHost(web, new Uri(address));
    }

    /// <summary>GETs <c>/metrics</c>; checks the status and content type, and parses the body strictly.</summary>
    public async Task<PrometheusText> ScrapeAsync()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(Address, MetricsEndpoints.Path));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await web.StopAsync();
        await web.DisposeAsync();
    }

    private sealed class NoTriggers : IReconcileTriggers
    {
        public bool Request(string repository, RunTrigger trigger) => false;

        public IReadOnlyList<string> ImagePushed(string imageRepository, RunTrigger trigger) => [];

        public BranchPush? BranchPushed(string repository, string branch, string? defaultBranch, RunTrigger trigger) => null;
    }

    private sealed class NoStatus : IServeStatus
    {
        public bool SchedulerRunning => true;

        public IReadOnlyList<RepositoryStatus> Repositories => [];
    }
}

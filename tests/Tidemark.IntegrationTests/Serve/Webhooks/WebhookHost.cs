using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Cli.Logging;
using Tidemark.Cli.Serve;
using Tidemark.Cli.Serve.Webhooks;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.State;

namespace Tidemark.IntegrationTests.Serve.Webhooks;

/// <summary>
/// Real Kestrel on 127.0.0.1 with only <see cref="WebhookEndpoints.Map"/>, a real SQLite state store, the process's
/// redacting log provider at Information (captured) and recording triggers and observer.
/// </summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;
    private readonly StringWriter _log;

    private WebhookHost(WebApplication app, DirectoryInfo folder, StringWriter log, RecordingTriggers triggers, RecordingObserver observer, IdleStatus status, Uri address)
    {
        Status = status;
        _app = app;
        _folder = folder;
        _log = log;
        Triggers = triggers;
        Observer = observer;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public RecordingTriggers Triggers { get; }

    public RecordingObserver Observer { get; }

    /// <summary>The status the receiver sees; set <see cref="IdleStatus.AcceptingWork"/> false to act as a stopping service.</summary>
    public IdleStatus Status { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts with the GitHub secret and the registry secrets given (sender → secret); the triggers know <paramref name="repositories"/>.</summary>
    public static async Task<WebhookHost> StartAsync(string? gitHubSecret, IReadOnlyDictionary<string, string> registrySecrets, params string[] repositories)
    {
        var folder = Directory.CreateTempSubdirectory("tidemark-hooks-");
        var redactor = new Redactor();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 16, 0, 0, TimeSpan.Zero));
        var state = await SqliteStateStore.OpenAsync(new SqliteStateOptions(Path.Combine(folder.FullName, "state.db")), time, redactor, CancellationToken.None);
        var log = new StringWriter();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(new RedactingLogProvider(TextWriter.Synchronized(log), new LogSettings { Format = LogFormat.Json, MinimumLevel = LogLevel.Information }, redactor, time));
        var app = builder.Build();
        var triggers = new RecordingTriggers(repositories);
        var observer = new RecordingObserver();
        var status = new IdleStatus();
        var webhooks = new WebhookSettings(
            gitHubSecret is null ? null : new SecretSetting("env GITHUB_WEBHOOK_SECRET", gitHubSecret),
            registrySecrets.ToDictionary(s => s.Key, s => new SecretSetting($"env {s.Key.ToUpperInvariant()}_SECRET", s.Value)));
        var settings = new ServiceSettings(Path.Combine(folder.FullName, "serve.yaml"), ["http://127.0.0.1:0"], null, folder.FullName,
            ServiceLogFormat.Json, 1, new EnvToken("GITHUB_TOKEN"), [], webhooks, new DashboardSettings(null, null, null, null));
        WebhookEndpoints.Map(app, new ServeContext(settings, triggers, status, observer, state, time, redactor, app.Services.GetRequiredService<ILoggerFactory>()));
        await app.StartAsync();
        return new WebhookHost(app, folder, log, triggers, observer, status, new Uri(app.Urls.First()));
    }

    public Task<HttpResponseMessage> PostAsync(string path, string body, string? bearer = null, params (string Name, string Value)[] headers) =>
        PostAsync(path, Encoding.UTF8.GetBytes(body), bearer, headers);

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? bearer = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _folder.Delete(recursive: true);
    }
}

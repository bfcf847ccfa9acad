using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Cli.Serve.Logging;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;
using Tidemark.Tests.Credentials;

namespace Tidemark.Tests.Cli.Serve;

/// <summary>The service's log lines: JSON objects with the event's fields, every value through the redactor, ASP.NET chatter filtered.</summary>
public sealed class ServeLoggingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Json_RegisteredSecretInMessageFieldsAndException_NeverAppears()
    {
        var secret = TokenValues.Classic(11);
        var redactor = new Redactor();
        redactor.Register(secret);
        var output = new StringWriter();
        using (var factory = LoggerFactory.Create(b => ServeLogging.Configure(b, ServiceLogFormat.Json, redactor, output, new FakeTimeProvider(Now), LogLevel.Information)))
        {
            var logger = factory.CreateLogger("Tidemark.Serve.Scheduler");
            logger.Log(LogLevel.Warning, new EventId(1, "run.retry"), new Dictionary<string, object?> { ["Repository"] = "acme/fleet", ["Run"] = "r1", ["Detail"] = "Authorization: token " + secret }.ToList(),
                new InvalidOperationException("remote said " + Uri.EscapeDataString(secret)), (_, _) => $"retrying with {secret}");
        }

        var line = Assert.Single(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(("run.retry", "acme/fleet", "r1", "Authorization: token [REDACTED]", "retrying with [REDACTED]", "remote said [REDACTED]"),
            (json.GetProperty("event").GetString(), json.GetProperty("repository").GetString(), json.GetProperty("run").GetString(), json.GetProperty("detail").GetString(),
             json.GetProperty("message").GetString(), json.GetProperty("exception").GetString()));
    }

    [Fact]
    public void Configure_InformationLevel_KeepsTidemarkInformationAndDropsAspNetInformation()
    {
        var output = new StringWriter();
        using (var factory = LoggerFactory.Create(b => ServeLogging.Configure(b, ServiceLogFormat.Text, new Redactor(), output, new FakeTimeProvider(Now), LogLevel.Information)))
        {
            factory.CreateLogger("Tidemark.Serve.Run").LogInformation(new EventId(1, "run.finished"), "kept");
            factory.CreateLogger("Tidemark.Serve.Run").LogDebug(new EventId(2, "run.started"), "dropped debug");
            factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").LogInformation("dropped request line");
            factory.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogWarning("kept warning");
            factory.CreateLogger("Microsoft.Hosting.Lifetime").LogInformation("kept lifetime");
        }

        var text = output.ToString();
        Assert.Contains("kept", text, StringComparison.Ordinal);
        Assert.Contains("kept warning", text, StringComparison.Ordinal);
        Assert.Contains("kept lifetime", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dropped", text, StringComparison.Ordinal);
    }
}

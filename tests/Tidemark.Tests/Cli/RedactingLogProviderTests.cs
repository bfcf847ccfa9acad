using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tidemark.Cli.Logging;
using Tidemark.Credentials;
using Tidemark.Tests.Credentials;

namespace Tidemark.Tests.Cli;

/// <summary>The log provider redacts the message, the fields and the exception, and writes the documented line shapes.</summary>
public sealed class RedactingLogProviderTests
{
    private static readonly string Secret = TokenValues.Classic(7);
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Json_SecretInMessageFieldAndException_IsRedactedEverywhere()
    {
        var (output, logger) = Logger(LogFormat.Json);

        logger.Log(LogLevel.Error, new EventId(7, "git.push.denied"), new Dictionary<string, object?> { ["Target"] = "acme/gitops", ["Detail"] = "token " + Secret }.ToList(),
            new InvalidOperationException("remote said " + Secret), (_, _) => "push refused for " + Secret);

        var line = output.ToString().TrimEnd();
        Assert.DoesNotContain(Secret, line, StringComparison.Ordinal);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(["timestamp", "level", "event", "category", "message", "target", "detail", "exception"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-11-26T02:30:00.000Z", "error", "git.push.denied", "push refused for [REDACTED]", "token [REDACTED]", "remote said [REDACTED]"),
            (json.GetProperty("timestamp").GetString(), json.GetProperty("level").GetString(), json.GetProperty("event").GetString(),
             json.GetProperty("message").GetString(), json.GetProperty("detail").GetString(), json.GetProperty("exception").GetString()));
    }

    [Fact]
    public void Text_MultiLineMessageWithSecret_IsOneRedactedLine()
    {
        var (output, logger) = Logger(LogFormat.Text);

        logger.Log(LogLevel.Warning, new EventId(2001, "registry.retry"), (object?)null, null, (_, _) => "first\nsecond " + Secret);

        Assert.Equal("2026-11-26T02:30:00.000Z warning registry.retry [Tidemark.Test] first | second [REDACTED]" + Environment.NewLine, output.ToString());
    }

    private static (StringWriter Output, ILogger Logger) Logger(LogFormat format)
    {
        var redactor = new Redactor();
        redactor.Register(Secret);
        var output = new StringWriter();
        var provider = new RedactingLogProvider(output, new LogSettings { Format = format }, redactor, new FakeTimeProvider(Now));
        return (output, provider.CreateLogger("Tidemark.Test"));
    }
}

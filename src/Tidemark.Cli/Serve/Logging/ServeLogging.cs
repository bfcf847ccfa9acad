using Microsoft.Extensions.Logging;
using Tidemark.Cli.Logging;
using Tidemark.Configuration.Service;
using Tidemark.Credentials;

namespace Tidemark.Cli.Serve.Logging;

/// <summary>
/// The service's logging (docs/metrics.md "Logs"): one line per event on standard output, JSON (default: <c>timestamp</c>,
/// <c>level</c>, <c>event</c>, <c>category</c>, <c>message</c> and the event's fields such as <c>repository</c> and
/// <c>run</c>) or text, every line through the process's redactor (<see cref="RedactingLogProvider"/>, the CLI's own
/// writer). Information and above from Tidemark; ASP.NET Core and HTTP client chatter from warning up, except the host's
/// start and stop lines.
/// </summary>
internal static class ServeLogging
{
    public static ILoggingBuilder Configure(ILoggingBuilder builder, ServiceLogFormat format, ISecretRedactor redactor) =>
        Configure(builder, format, redactor, Console.Out, TimeProvider.System, LogLevel.Information);

    public static ILoggingBuilder Configure(ILoggingBuilder builder, ServiceLogFormat format, ISecretRedactor redactor, TextWriter output, TimeProvider time, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var settings = new LogSettings { Format = format == ServiceLogFormat.Text ? LogFormat.Text : LogFormat.Json, MinimumLevel = minimum };
        builder.ClearProviders();
        builder.AddProvider(new RedactingLogProvider(output, settings, redactor, time));
        builder.SetMinimumLevel(minimum);
        var quiet = minimum > LogLevel.Warning ? minimum : LogLevel.Warning;
        builder.AddFilter("Microsoft", quiet);
        builder.AddFilter("System.Net.Http", quiet);
        builder.AddFilter("Microsoft.Hosting.Lifetime", minimum);
        return builder;
    }
}

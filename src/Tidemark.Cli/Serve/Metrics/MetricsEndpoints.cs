using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tidemark.Telemetry;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>
/// <c>GET /metrics</c>: the library's (<see cref="TidemarkMetrics"/>) and the service's (<see cref="ServeMetrics"/>)
/// instruments and each token's expiry, in the Prometheus text format 0.0.4 (docs/metrics.md). The values are what
/// this process recorded since it started; the token expiry is read from the state store at each scrape.
/// </summary>
internal static class MetricsEndpoints
{
    public const string Path = "/metrics";

    /// <summary>Maps <c>/metrics</c> and returns its builder; the host maps it in the dashboard's guarded group (<c>DashboardAccess.MapGuarded</c>).</summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
        var tokens = new TokenExpiryGauge(context.Time);
        var exporter = new PrometheusExporter(TidemarkMetrics.Meter, ServeMetrics.Meter, tokens.Meter);
        if (routes.ServiceProvider.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            lifetime.ApplicationStopped.Register(() =>
            {
                exporter.Dispose();
                tokens.Dispose();
            });
        }

        return routes.MapGet(Path, async (HttpContext http) =>
        {
            await tokens.RefreshAsync(context.State.TokenReader, http.RequestAborted).ConfigureAwait(false);
            return Results.Text(exporter.Scrape(), PrometheusExporter.ContentType);
        });
    }
}

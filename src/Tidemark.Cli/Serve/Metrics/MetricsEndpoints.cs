using Microsoft.AspNetCore.Routing;

namespace Tidemark.Cli.Serve.Metrics;

/// <summary>The service's metrics routes (placeholder: filled in by the metrics work).</summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
    }
}

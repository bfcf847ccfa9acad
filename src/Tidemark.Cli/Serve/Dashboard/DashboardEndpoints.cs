using Microsoft.AspNetCore.Routing;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>The service's dashboard routes (placeholder: filled in by the dashboard work).</summary>
internal static class DashboardEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
    }
}

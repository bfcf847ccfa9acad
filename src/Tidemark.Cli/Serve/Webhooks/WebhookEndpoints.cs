using Microsoft.AspNetCore.Routing;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>The service's webhooks routes (placeholder: filled in by the webhooks work).</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
    }
}

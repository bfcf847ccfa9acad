using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tidemark.Cli.Serve.Webhooks;

/// <summary>
/// The service's webhook routes (docs/webhooks.md): <c>POST /hooks/github</c> (HMAC-signed) and
/// <c>POST /hooks/registry/{sender}</c> with the secret in <c>Authorization: Bearer …</c>, or
/// <c>POST /hooks/registry/{sender}/{secret}</c> for senders that cannot set headers (Docker Hub, Quay).
/// </summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
        var receiver = new WebhookReceiver(context);
        routes.MapPost("/hooks/github", (Func<HttpContext, Task<IResult>>)receiver.GitHubAsync);
        routes.MapPost("/hooks/registry/{sender}", (HttpContext http, string sender) => receiver.RegistryAsync(http, sender, null));
        routes.MapPost("/hooks/registry/{sender}/{secret}", (HttpContext http, string sender, string secret) => receiver.RegistryAsync(http, sender, secret));
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tidemark.Configuration;
using Tidemark.Configuration.Service;

namespace Tidemark.Cli.Serve.Dashboard;

/// <summary>
/// Who may read the dashboard, its JSON API and <c>/metrics</c>: everyone when the service listens on loopback only
/// and no credentials are configured, provided the request's <c>Host</c> names loopback (DNS rebinding); otherwise a request must carry the configured bearer token
/// (<c>Authorization: Bearer …</c>) or basic user and password, compared in constant time. Webhooks (own secrets) and
/// <c>/healthz</c>, <c>/readyz</c> are not guarded by this.
/// </summary>
internal static class DashboardAccess
{
    private const string Realm = "tidemark";

    /// <summary>
    /// Why these settings must not start (the dashboard would be open beyond loopback, or the basic credentials are half
    /// given), naming the settings file and the fix; null when they are fine.
    /// </summary>
    public static string? Problem(ServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dashboard = settings.Dashboard;
        if ((dashboard.BasicUser is null) != (dashboard.BasicPassword is null))
        {
            return $"{settings.SourceFile}: dashboard.basic needs both user and password (password: {{env: NAME}} or {{file: PATH}}); give both or remove dashboard.basic";
        }

        if (HasCredentials(dashboard))
        {
            return null;
        }

        var open = settings.Urls.FirstOrDefault(url => !IsLoopbackUrl(url));
        return open is null
            ? null
            : $"{settings.SourceFile}: the service listens on {open}, beyond loopback, and the dashboard has no credentials; set dashboard.bearerToken " +
              "({file: PATH} or {env: NAME}) or dashboard.basic (user and password), or listen on http://127.0.0.1 only";
    }

    /// <summary>Throws the <see cref="ConfigurationException"/> (exit 2) of <see cref="Problem"/>: the serve host calls it before it listens.</summary>
    public static void Validate(ServiceSettings settings)
    {
        if (Problem(settings) is { } problem)
        {
            throw new ConfigurationException(problem);
        }
    }

    public static bool IsLoopbackUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = end < 0 ? rest : rest[..end];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            host = close < 0 ? authority : authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "*", "+", "0.0.0.0", "[::]" and every name or address that is not loopback listen beyond this machine
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>True when the request may read the dashboard; otherwise writes the 401 with <c>WWW-Authenticate</c> and returns false.</summary>
    public static async Task<bool> AuthorizeAsync(HttpContext http, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(context);
        if (!HasCredentials(context.Settings.Dashboard) && !LoopbackHost(http.Request))
        {
            // open on loopback only: a page whose domain was rebound to 127.0.0.1 sends its own name as Host
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("403 forbidden: without credentials this dashboard answers only requests to a loopback name (Host: localhost, 127.0.0.1 or [::1]); " +
                "open it as http://127.0.0.1:PORT or set dashboard.bearerToken or dashboard.basic\n", http.RequestAborted).ConfigureAwait(false);
            return false;
        }

        if (Authorized(http.Request, context.Settings.Dashboard))
        {
            return true;
        }

        Challenge(http.Response, context.Settings.Dashboard);
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("401 unauthorized: this dashboard needs the bearer token or the basic credentials of the service's settings (dashboard.bearerToken, dashboard.basic)\n", http.RequestAborted).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Maps the route group every dashboard route and <c>/metrics</c> are mapped in, guarded once by
    /// <see cref="AuthorizeAsync"/> (the serve host and the test hosts use it alike).
    /// </summary>
    public static RouteGroupBuilder MapGuarded(IEndpointRouteBuilder routes, ServeContext context)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(context);
        return routes.MapGroup("").RequireDashboardAccess(context);
    }

    /// <summary>True when the request's <c>Host</c> names loopback (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>, any port).</summary>
    internal static bool LoopbackHost(HttpRequest request) => request.Host.HasValue && IsLoopbackUrl(request.Host.Value);

    /// <summary>Guards route handlers (minimal API endpoints) with <see cref="AuthorizeAsync"/>: the host uses it through <see cref="MapGuarded"/>.</summary>
    public static TBuilder RequireDashboardAccess<TBuilder>(this TBuilder builder, ServeContext context)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(context);
        return builder.AddEndpointFilter(async (invocation, next) =>
            await AuthorizeAsync(invocation.HttpContext, context).ConfigureAwait(false) ? await next(invocation).ConfigureAwait(false) : Results.Empty);
    }

    internal static bool Authorized(HttpRequest request, DashboardSettings dashboard)
    {
        if (!HasCredentials(dashboard))
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (dashboard.BearerToken is { } bearer && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SecretCompare.Equal(header["Bearer ".Length..].Trim(), bearer.Value);
        }

        if (dashboard.BasicUser is { } user && dashboard.BasicPassword is { } password && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            }
            catch (FormatException)
            {
                return false;
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            // both compared, always: the time taken does not tell which one was wrong
            var userMatches = SecretCompare.Equal(decoded[..colon], user);
            var passwordMatches = SecretCompare.Equal(decoded[(colon + 1)..], password.Value);
            return userMatches & passwordMatches;
        }

        return false;
    }

    /// <summary>Constant-time equality that does not reveal the length either (both sides hashed first).</summary>
    private static bool HasCredentials(DashboardSettings dashboard) => dashboard.BearerToken is not null || (dashboard.BasicUser is not null && dashboard.BasicPassword is not null);

    private static void Challenge(HttpResponse response, DashboardSettings dashboard)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        var challenges = new List<string>();
        if (dashboard.BasicPassword is not null)
        {
            challenges.Add($"Basic realm=\"{Realm}\", charset=\"UTF-8\"");
        }

        if (dashboard.BearerToken is not null)
        {
            challenges.Add($"Bearer realm=\"{Realm}\"");
        }

        response.Headers.WWWAuthenticate = challenges.ToArray();
    }
}

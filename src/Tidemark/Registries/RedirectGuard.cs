using System.Net;

namespace Tidemark.Registries;

/// <summary>
/// Follows a registry's (or token service's) HTTP redirects itself, so a credential only goes where it was configured
/// for: within the request's own origin (scheme, host and port) the request is repeated as it was; once a redirect leaves
/// that origin the <c>Authorization</c> header is dropped for good, and a request with a body (a token refresh form,
/// which holds a secret) is not followed at all. Never from HTTPS down to plain HTTP. The inner handler must not
/// follow redirects itself (<see cref="RegistryEndpoints.CreateDefaultHandler"/> does not).
/// </summary>
internal sealed class RedirectGuard(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = request.RequestUri!;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hops = 0; hops < MaxRedirects && Follow(request, response, origin) is { } next; hops++)
        {
            response.Dispose();
            request = next;
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    /// <summary>The request to send next for a redirect, or null to hand the redirect to the caller as the answer.</summary>
    private static HttpRequestMessage? Follow(HttpRequestMessage request, HttpResponseMessage response, Uri origin)
    {
        if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || request.RequestUri is not { } current)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (target.Scheme is not ("http" or "https") || (current.Scheme == "https" && target.Scheme == "http"))
        {
            return null;
        }

        var sameOrigin = SameOrigin(target, origin);
        if (!sameOrigin && request.Content is not null)
        {
            return null; // a form is re-sent only to where it was meant to go
        }

        var method = response.StatusCode == HttpStatusCode.SeeOther && request.Method != HttpMethod.Head ? HttpMethod.Get : request.Method;
        var next = new HttpRequestMessage(method, target) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (!sameOrigin)
        {
            next.Headers.Authorization = null;
        }

        if (method == request.Method)
        {
            next.Content = request.Content;
        }

        return next;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    public static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

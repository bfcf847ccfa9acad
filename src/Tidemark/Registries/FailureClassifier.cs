using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Tidemark.Registries;

/// <summary>Turns a bad answer or a transport exception into a <see cref="RegistryFailure"/>.</summary>
internal static class FailureClassifier
{
    private const string ReachFix = "is the registry running and the address right?";

    public static RegistryFailure FromStatus(HttpResponseMessage response, string body, string registry, TimeProvider timeProvider)
    {
        var status = (int)response.StatusCode;
        var why = $"HTTP {status} {response.ReasonPhrase ?? response.StatusCode.ToString()} (\"{Excerpt.Of(body)}\")";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new(RegistryErrorKind.Unauthorized, status, why,
                $"check the credentials for {registry} (docker config.json or tidemark.yaml registries)", Transient: false),
            HttpStatusCode.NotFound => new(RegistryErrorKind.NotFound, status, why,
                "check that the repository and tag exist and are spelled right", Transient: false),
            HttpStatusCode.TooManyRequests => new(RegistryErrorKind.RateLimited, status, why,
                $"{registry} is rate limiting; authenticate, lower the per-host concurrency or run less often", Transient: true,
                RetryAfter(response.Headers.RetryAfter, timeProvider)),
            _ when status >= 500 => new(RegistryErrorKind.ServerError, status, why,
                $"{registry} is failing; try again later", Transient: true, RetryAfter(response.Headers.RetryAfter, timeProvider)),
            _ => new(RegistryErrorKind.InvalidResponse, status, why,
                "the registry refused the request; check the registry host and repository name", Transient: false),
        };
    }

    public static RegistryFailure FromException(Exception exception, bool timedOut, TimeSpan timeout)
    {
        if (timedOut)
        {
            return new(RegistryErrorKind.Unreachable, null, $"no answer within {timeout.TotalSeconds:0.#} s", ReachFix, Transient: true, Cause: exception);
        }

        return exception switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } e => new(RegistryErrorKind.Unreachable, null,
                $"TLS handshake failed: {e.InnerException?.Message ?? e.Message}", "check the registry's certificate or set caBundle for it in tidemark.yaml",
                Transient: false, Cause: e),
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } e => new(RegistryErrorKind.Unreachable, null,
                "host name not found", ReachFix, Transient: false, Cause: e),
            HttpRequestException e when SocketError(e) == System.Net.Sockets.SocketError.ConnectionRefused => new(RegistryErrorKind.Unreachable,
                null, "connection refused", ReachFix, Transient: true, Cause: e),
            HttpRequestException or HttpIOException or IOException => new(RegistryErrorKind.Unreachable, null,
                $"the connection broke: {Excerpt.Of(exception.Message)}", ReachFix, Transient: true, Cause: exception),
            JsonException => new(RegistryErrorKind.InvalidResponse, 200, "the answer is not valid JSON (truncated?)",
                "the registry sent a broken answer; try again later", Transient: true, Cause: exception),
            _ => new(RegistryErrorKind.Unreachable, null, Excerpt.Of(exception.Message), ReachFix, Transient: false, Cause: exception),
        };
    }

    private static SocketError? SocketError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - timeProvider.GetUtcNow() : null;
    }
}

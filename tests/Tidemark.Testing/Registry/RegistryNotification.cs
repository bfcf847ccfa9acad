namespace Tidemark.Testing.Registry;

/// <summary>
/// A <c>notifications.endpoints</c> entry of the registry's configuration: the registry POSTs an envelope of events
/// (<c>application/vnd.docker.distribution.events.v1+json</c>) to <paramref name="Url"/> for each push and pull, with
/// the <c>Authorization</c> header given, and retries every <paramref name="Backoff"/> until it is answered 2xx.
/// </summary>
public sealed record RegistryNotification(Uri Url, string? Authorization, TimeSpan Timeout, TimeSpan Backoff, int Threshold = 3)
{
    public RegistryNotification(Uri url, string? authorization)
        : this(url, authorization, TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(500))
    {
    }

    /// <summary>The configuration section (YAML) naming this endpoint.</summary>
    public string ConfigSection()
    {
        var headers = Authorization is null ? "" : $"      headers:\n        Authorization: [\"{Authorization}\"]\n";
        return "notifications:\n  endpoints:\n    - name: tidemark\n" +
            $"      url: {Url.AbsoluteUri}\n{headers}" +
            $"      timeout: {(int)Timeout.TotalMilliseconds}ms\n      threshold: {Threshold}\n      backoff: {(int)Backoff.TotalMilliseconds}ms\n";
    }
}

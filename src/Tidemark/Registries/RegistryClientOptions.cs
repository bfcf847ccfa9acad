namespace Tidemark.Registries;

/// <summary>
/// Options of <see cref="RegistryClient"/>. Defaults: 1000 tags a page, at most 100 pages, 4 requests in flight per
/// host, 3 retries starting at 500 ms (doubling, with jitter, capped at 30 s; a Retry-After is honoured up to 60 s),
/// 30 s per request (5 s to connect), 5 min per call with its retries, a host given up for the run after 3 requests in a row could not reach it, credentials from <see cref="DefaultCredentials"/> when a registry names none.
/// </summary>
internal sealed record RegistryClientOptions
{
    public int PageSize { get; init; } = 1000;

    public int MaxPages { get; init; } = 100;

    public int PerHostConcurrency { get; init; } = DefaultPerHostConcurrency;

    /// <summary>Requests in flight to one host at most, unless the host's settings say otherwise (Helm repositories too).</summary>
    public const int DefaultPerHostConcurrency = 4;

    public int Retries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one call (a tag page, a digest) may take with all its attempts and waits before it fails as unreachable.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long this client may spend on one registry host, from its first request: later requests to it fail at once.
    /// Bounds a registry that answers, but too slowly to finish (a dead one is given up by the breaker sooner). Null: no
    /// bound (a long-lived client); a command's client gets one (<see cref="Automation.RegistryOptionsBuilder"/>).
    /// </summary>
    public TimeSpan? HostDeadline { get; init; }

    /// <summary>Requests in a row that could not reach a host before every later one fails at once (<see cref="HostBreaker"/>).</summary>
    public int BreakerThreshold { get; init; } = 3;

    /// <summary>Token lifetime when the token answer gives no <c>expires_in</c> (the distribution spec says 60 s).</summary>
    public TimeSpan DefaultTokenLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Used for registries without their own <see cref="RegistrySettings.Credentials"/>; null: anonymous.</summary>
    public CredentialSource? DefaultCredentials { get; init; }

    public IReadOnlyList<RegistrySettings> Registries { get; init; } = [];

    public IReadOnlyDictionary<RegistryRepository, RepositorySettings> Repositories { get; init; } =
        new Dictionary<RegistryRepository, RepositorySettings>();

    public string UserAgent { get; init; } = "tidemark";

    public RegistrySettings SettingsFor(string registry)
    {
        var host = RegistryHost.Canonical(registry);
        return Registries.FirstOrDefault(r => RegistryHost.Canonical(r.Host) == host) ?? RegistrySettings.For(registry);
    }

    /// <summary>
    /// Settings for each chart of an OCI Helm repository, keyed by the repository's own path (<c>org/charts</c> gives
    /// them to <c>org/charts/podinfo</c>): a Flux OCI <c>HelmRepository</c>'s <c>secretRef</c>. Used for a repository
    /// that <see cref="Repositories"/> has no settings for.
    /// </summary>
    public IReadOnlyDictionary<RegistryRepository, RepositorySettings> ChartRepositories { get; init; } =
        new Dictionary<RegistryRepository, RepositorySettings>();

    public RepositorySettings SettingsFor(RegistryRepository repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        if (Repositories.TryGetValue(repository, out var settings))
        {
            return settings;
        }
        var slash = repository.Repository.LastIndexOf('/');
        var parent = repository with { Repository = slash < 0 ? "" : repository.Repository[..slash] };
        return ChartRepositories.TryGetValue(parent, out var chart) ? chart : new RepositorySettings();
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        Require(PageSize > 0, nameof(PageSize));
        Require(MaxPages > 0, nameof(MaxPages));
        Require(PerHostConcurrency > 0, nameof(PerHostConcurrency));
        Require(Retries >= 0, nameof(Retries));
        Require(RetryBaseDelay >= TimeSpan.Zero, nameof(RetryBaseDelay));
        Require(RequestTimeout > TimeSpan.Zero, nameof(RequestTimeout));
        Require(TotalTimeout >= TimeSpan.FromMilliseconds(10), nameof(TotalTimeout));
        Require(BreakerThreshold > 0, nameof(BreakerThreshold));
        Require(HostDeadline is null || HostDeadline > TimeSpan.Zero, nameof(HostDeadline));
    }

    private static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new ArgumentException($"registry client option {name} is out of range", name);
        }
    }
}

using Tidemark.Credentials;

namespace Tidemark.Configuration.Service;

/// <summary>
/// <c>tidemark serve --config FILE</c>: the service's settings as read and validated at start-up (the YAML format is in
/// <c>docs/serve.md</c>). Secrets are <see cref="SecretSetting"/>s, read once at start-up and registered with the
/// redactor; a repository entry that fails validation is kept with its <see cref="ServiceRepository.Error"/> and never
/// scheduled, so one bad entry disables itself, not the service.
/// </summary>
/// <param name="Urls">Listen addresses; default <c>http://127.0.0.1:8080</c>; <c>--urls</c> replaces them.</param>
/// <param name="State">The state store: a SQLite path or a PostgreSQL connection string (as <c>--state</c>); null for the default.</param>
/// <param name="WorkDirectory">Where each repository's clone lives (one sub-folder per repository).</param>
/// <param name="Token">The token source shared by repositories that name none (default <c>env: GITHUB_TOKEN</c>).</param>
/// <param name="MaxConcurrentRuns">At most this many reconciles at once, across repositories (default 4).</param>
internal sealed record ServiceSettings(
    string SourceFile,
    IReadOnlyList<string> Urls,
    string? State,
    string WorkDirectory,
    ServiceLogFormat LogFormat,
    int MaxConcurrentRuns,
    TokenSpec Token,
    IReadOnlyList<ServiceRepository> Repositories,
    WebhookSettings Webhooks,
    DashboardSettings Dashboard)
{
    /// <summary>On SIGTERM, how long running reconciles may go on before they are cancelled (<c>shutdownTimeout</c>, default 30s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a run's repository lease lasts (<c>leaseDuration</c>, default 15m): a replica killed mid-run frees its repositories after it.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Where registry Secrets named by Flux ImageRepository secretRef are mounted (<c>secretsDir</c>, as <c>run --secrets-dir</c>).</summary>
    public string SecretsDirectory { get; init; } = DefaultSecretsDirectory;

    public const string DefaultSecretsDirectory = "/var/run/secrets/tidemark/registries";
}

/// <summary>One repository the service keeps up to date: the same inputs as <c>tidemark run</c> for it.</summary>
/// <param name="Name">Its key in the service (<c>owner/name</c> from the URL): in URLs, logs, metrics and the dashboard.</param>
/// <param name="Url">The repository's <c>https://</c> URL (as <c>--repo</c>).</param>
/// <param name="Interval">How often it is reconciled without a trigger (default 5m; jitter is added by the scheduler).</param>
/// <param name="Token">Its own token source, or null for the service's shared one.</param>
/// <param name="Config">The operator settings file for its runs (as <c>--config</c>), or null.</param>
/// <param name="ApiUrl">The GitHub API (as <c>--api-url</c>), or null to infer it from the URL.</param>
/// <param name="Error">Why this entry is disabled (names the field and the fix), or null when it is valid.</param>
internal sealed record ServiceRepository(
    string Name,
    string Url,
    TimeSpan Interval,
    TokenSpec? Token,
    string? Config,
    Uri? ApiUrl,
    bool DryRun,
    SourcePlace Place,
    string? Error = null)
{
    public bool Enabled => Error is null;
}

internal enum ServiceLogFormat
{
    Json,
    Text,
}

/// <summary>A secret from the settings (<c>env: NAME</c> or <c>file: PATH</c>), read at start-up; its value never leaves memory.</summary>
/// <param name="Source">Where it came from, for messages (<c>env GITHUB_WEBHOOK_SECRET</c>, <c>file /etc/…</c>), never the value.</param>
internal sealed record SecretSetting(string Source, string Value)
{
    public override string ToString() => Source;
}

/// <summary>Webhook secrets: GitHub's HMAC secret, and one secret per registry sender (<c>dockerhub</c>, <c>quay</c>, <c>harbor</c>, <c>distribution</c>).</summary>
internal sealed record WebhookSettings(SecretSetting? GitHub, IReadOnlyDictionary<string, SecretSetting> Registries);

/// <summary>
/// Dashboard and API access: the admin token that enables "reconcile now", and the credentials required when the service
/// listens on anything but loopback (a bearer token and/or basic user and password).
/// </summary>
internal sealed record DashboardSettings(SecretSetting? AdminToken, SecretSetting? BearerToken, string? BasicUser, SecretSetting? BasicPassword);

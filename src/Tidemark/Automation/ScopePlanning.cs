using Microsoft.Extensions.Logging;
using Tidemark.Configuration;
using Tidemark.Credentials;
using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Registries;

namespace Tidemark.Automation;

/// <summary>What planning takes from its host: the clock, logging, the redactor the registry client registers secrets with, and Docker's config.json.</summary>
internal sealed record PlanningHost(TimeProvider Time, ILoggerFactory Logging, ISecretRedactor Redactor, string? DockerConfigPath)
{
    /// <summary>The one way a registry client is built (plan, run, doctor, scan): the registries the configuration and Flux name, with their credentials.</summary>
    public RegistryClient RegistryClient(TidemarkConfig config, Configuration.Flux.FluxObjects flux, string secretsDirectory, IReadOnlyList<Manifests.HelmReleaseChart.HelmRepositorySource>? helmRepositories = null)
    {
        var options = RegistryOptionsBuilder.Build(config, flux, DockerConfigPath, secretsDirectory, helmRepositories);
        return Registries.RegistryClient.Create(options, Time, Logging.CreateLogger("Tidemark.Registries"), Redactor);
    }
}

/// <summary>
/// The Workspace and Plan stages as a service (<c>plan</c>, <c>run</c> and <c>doctor</c> use it): loads a working tree
/// with its two configuration layers, and plans each scope of it with one registry client (and one Helm index client for
/// charts in HTTP Helm repositories) whose tag listings are shared by all scopes.
/// </summary>
internal static class ScopePlanning
{
    /// <summary>
    /// The working tree at <paramref name="root"/> with the operator's <paramref name="config"/> over its own tidemark.yaml;
    /// configuration and Flux warnings go to <paramref name="note"/> (one line each, naming the file).
    /// </summary>
    public static async Task<Workspace> LoadWorkspaceAsync(string root, FileInfo? config, Func<string, Task> note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        var settings = await ConfigFiles.LoadAsync(config, root, note, cancellationToken).ConfigureAwait(false);
        var workspace = Workspace.Load(root, settings);
        foreach (var warning in workspace.Flux.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
        {
            await note(warning.ToString()).ConfigureAwait(false);
        }

        return workspace;
    }

    /// <summary>The plan of the repository's first scope (its only one without Flux automations).</summary>
    /// <param name="cache">Reuses tag listings from the state store (run); null lists every registry (plan).</param>
    public static async Task<Plan> PlanFirstAsync(PlanningHost host, Workspace workspace, string secretsDirectory, bool explain, CancellationToken cancellationToken, Func<ITagSource, ITagSource>? cache = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var mode = UpdateMode.Of(workspace.Flux, workspace.Config);
        return (await PlanAsync(host, workspace, mode, secretsDirectory, explain, cancellationToken, cache, mode.Scopes.Take(1)).ConfigureAwait(false))[0];
    }

    /// <summary>One plan per scope of <paramref name="mode"/> (or of <paramref name="only"/>), each image's tags listed once for all.</summary>
    public static async Task<IReadOnlyList<Plan>> PlanAsync(PlanningHost host, Workspace workspace, UpdateMode mode, string secretsDirectory, bool explain, CancellationToken cancellationToken, Func<ITagSource, ITagSource>? cache = null, IEnumerable<UpdateScope>? only = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(mode);
        using var client = host.RegistryClient(workspace.Config, workspace.Flux, secretsDirectory, workspace.HelmRepositories);
        var helmSecrets = new HelmRepositorySecrets(secretsDirectory, HelmSecretsByUrl(workspace), host.Redactor);
        using var charts = HelmIndexClient.Create(cancellationToken, client.SettingsFor, time: host.Time, logger: host.Logging.CreateLogger("Tidemark.Registries"), secrets: helmSecrets);
        var artifacts = new ArtifactTagSource(client, charts);
        var tags = cache is null ? (ITagSource)artifacts : cache(artifacts);
        var planner = new Planner(new MemoizingTagSource(tags, cancellationToken), client);
        var plans = new List<Plan>();
        foreach (var scope in only ?? mode.Scopes)
        {
            plans.Add(await planner.PlanAsync(workspace, mode, scope, explain, cancellationToken).ConfigureAwait(false));
        }

        return plans;
    }

    /// <summary>Each HTTP(S) Helm repository URL → the Secret its HelmRepository names (the first in file order when several name one).</summary>
    private static Dictionary<string, HelmSecretReference> HelmSecretsByUrl(Workspace workspace) =>
        HelmRepositorySource.SecretHolders(workspace.HelmRepositories, oci: false)
            .ToDictionary(r => r.Url.TrimEnd('/'), r => new HelmSecretReference(r.SecretRef!, $"{r.File}:{r.Line}"), StringComparer.Ordinal);
}

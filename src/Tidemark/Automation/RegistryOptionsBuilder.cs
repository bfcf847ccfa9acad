using Tidemark.Configuration;
using Tidemark.Configuration.Flux;
using Tidemark.Manifests.HelmReleaseChart;
using Tidemark.Registries;

namespace Tidemark.Automation;

/// <summary>
/// Turns the user's registry settings (<c>tidemark.yaml</c> registries, Flux ImageRepository exclusions and
/// secretRefs) into the registry client's options. Pure: paths and environment values are passed in.
/// </summary>
internal static class RegistryOptionsBuilder
{
    /// <summary>How long one command (<c>plan</c>, <c>run</c>, <c>doctor</c>) spends on one registry host at most.</summary>
    public static readonly TimeSpan CommandHostDeadline = TimeSpan.FromMinutes(5);

    /// <param name="dockerConfigPath">Docker's config.json used when nothing more specific is configured, or null.</param>
    /// <param name="secretsDirectory">Where Kubernetes mounts registry Secrets (one folder per Secret name).</param>
    /// <param name="helmRepositories">The repository's HelmRepository objects: an OCI one's <c>secretRef</c> gives its charts' credentials.</param>
    public static RegistryClientOptions Build(TidemarkConfig config, FluxObjects flux, string? dockerConfigPath, string secretsDirectory, IReadOnlyList<HelmRepositorySource>? helmRepositories = null)
    {
        var registries = config.Registries.Select(r => new RegistrySettings(
            r.Host,
            r.Insecure,
            r.CaBundle,
            Credentials(r.Credentials),
            Endpoint: r.Endpoint,
            HelmSecrets: r.HelmSecrets)).ToList();
        return new RegistryClientOptions
        {
            DefaultCredentials = dockerConfigPath is null ? null : new DockerConfigCredentialSource(dockerConfigPath),
            Registries = registries,
            Repositories = Repositories(flux, secretsDirectory),
            ChartRepositories = ChartRepositories(helmRepositories ?? [], secretsDirectory),
            HostDeadline = CommandHostDeadline,
        };
    }

    private static CredentialSource? Credentials(RegistryCredentialConfig? credentials) => credentials switch
    {
        null => null,
        { UsernameVariable: { } user, PasswordVariable: { } password } => new EnvironmentCredentialSource(user, password),
        { Helper: { } helper } => new HelperCredentialSource(helper),
        { DockerConfig: { } path } => new DockerConfigCredentialSource(path),
        _ => null,
    };

    /// <summary>
    /// An OCI HelmRepository's <c>secretRef</c> (a mounted <c>.dockerconfigjson</c>, used as an ImageRepository's is: only
    /// for the host its <c>auths</c> names), keyed by the HelmRepository's path, for every chart under it; the first in
    /// file order when several HelmRepositories have one URL.
    /// </summary>
    private static Dictionary<RegistryRepository, RepositorySettings> ChartRepositories(IReadOnlyList<HelmRepositorySource> helmRepositories, string secretsDirectory)
    {
        const string chart = "chart";
        var settings = new Dictionary<RegistryRepository, RepositorySettings>();
        foreach (var repository in HelmRepositorySource.SecretHolders(helmRepositories, oci: true))
        {
            if (ChartReferences.Of(repository.Url, oci: true, chart, null).Reference is { } reference)
            {
                var path = reference.Repository[..^chart.Length].TrimEnd('/');
                settings.TryAdd(new RegistryRepository(reference.Registry, path), new RepositorySettings(Credentials: new MountedSecretCredentialSource(secretsDirectory, repository.SecretRef!)));
            }
        }
        return settings;
    }

    private static Dictionary<RegistryRepository, RepositorySettings> Repositories(FluxObjects flux, string secretsDirectory)
    {
        var settings = new Dictionary<RegistryRepository, RepositorySettings>();
        foreach (var repository in flux.Repositories)
        {
            if (Images.ImageReference.Parse(repository.Image) is not Images.ReferenceParseResult.Parsed { Reference: var reference })
            {
                continue;
            }
            var key = new RegistryRepository(reference.Registry, reference.Repository);
            var credentials = repository.SecretRef is { } secret ? new MountedSecretCredentialSource(secretsDirectory, secret) : null;
            settings[key] = new RepositorySettings(repository.ExclusionList, credentials);
        }
        return settings;
    }
}

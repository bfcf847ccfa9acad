using Tidemark.Configuration.Flux;

namespace Tidemark.Registries;

/// <summary>
/// Resolves credential sources: a docker config (credHelpers, then auths, then credsStore), a mounted
/// <c>.dockerconfigjson</c> Secret (auths only: its credHelpers and credsStore run nothing), a helper, or an environment
/// variable pair.
/// </summary>
internal sealed class CredentialResolver(CredentialHelperRunner helpers, Func<string, string?> environment) : ICredentialResolver
{
    public Task<RegistryCredential?> ResolveAsync(CredentialSource source, string registry, CancellationToken cancellationToken) =>
        source switch
        {
            DockerConfigCredentialSource config => FromDockerConfigAsync(config, config.Path, registry, cancellationToken),
            // a HelmRepository's secretRef reaches here unchecked; a name such as ../x would read outside the mounted Secrets
            MountedSecretCredentialSource secret when !KubernetesNames.IsObjectName(secret.SecretName) => throw new RegistryException(
                RegistryErrorKind.Unauthorized, $"secretRef.name \"{KubernetesNames.Shown(secret.SecretName)}\" is not a Kubernetes object name; {KubernetesNames.SecretNameFix}"),
            MountedSecretCredentialSource secret => FromDockerConfigAsync(secret, secret.FilePath, registry, cancellationToken),
            HelperCredentialSource helper => helpers.GetAsync(helper.Helper, registry, cancellationToken),
            EnvironmentCredentialSource variables => Task.FromResult(FromEnvironment(variables)),
            _ => throw new ArgumentException($"unknown credential source {source.GetType().Name}", nameof(source)),
        };

    private async Task<RegistryCredential?> FromDockerConfigAsync(CredentialSource source, string path, string registry, CancellationToken cancellationToken)
    {
        var config = await ReadAsync(source, path, cancellationToken).ConfigureAwait(false);
        // a mounted Secret holds credentials, never the name of a program to run: its credHelpers are not used
        if (source is DockerConfigCredentialSource && config.HasHelperEntry(registry) && config.HelperFor(registry) is { } perRegistryHelper)
        {
            return await helpers.GetAsync(perRegistryHelper, registry, cancellationToken).ConfigureAwait(false);
        }

        if (config.FindAuth(registry) is { } credential)
        {
            return credential;
        }

        return config.HelperFor(registry) is { } store && source is DockerConfigCredentialSource
            ? await helpers.GetAsync(store, registry, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static async Task<DockerConfig> ReadAsync(CredentialSource source, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            // A missing default config is normal (anonymous); a configured one that is missing is a mistake.
            return source is DockerConfigCredentialSource
                ? DockerConfig.Empty
                : throw new RegistryException(RegistryErrorKind.Unauthorized, $"{source.Describe()} does not exist; check that the Secret is mounted there");
        }

        try
        {
            return DockerConfig.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (FormatException e)
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"cannot read {source.Describe()}: {e.Message}; fix or remove it");
        }
    }

    private RegistryCredential? FromEnvironment(EnvironmentCredentialSource variables)
    {
        var username = environment(variables.UsernameVariable);
        var password = environment(variables.PasswordVariable);
        if (string.IsNullOrEmpty(username) || password is null)
        {
            throw new RegistryException(
                RegistryErrorKind.Unauthorized,
                $"{variables.Describe()} are not both set; set them or remove the credentials entry from tidemark.yaml");
        }

        return new RegistryCredential(username, password);
    }
}

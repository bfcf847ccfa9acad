namespace Tidemark.Registries;

/// <summary>
/// A Kubernetes <c>kubernetes.io/dockerconfigjson</c> Secret mounted as a folder, as a Flux
/// <c>ImageRepository.spec.secretRef</c> names it: <c>{SecretsDirectory}/{SecretName}/.dockerconfigjson</c>.
/// </summary>
internal sealed record MountedSecretCredentialSource(string SecretsDirectory, string SecretName) : CredentialSource
{
    public string FilePath => System.IO.Path.Combine(SecretsDirectory, SecretName, ".dockerconfigjson");

    public override string Describe() => $"secret {SecretName} ({FilePath})";
}

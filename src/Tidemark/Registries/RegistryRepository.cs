namespace Tidemark.Registries;

/// <summary>
/// One image repository on one registry, as it appears in a normalised reference:
/// <c>("docker.io", "library/nginx")</c>, <c>("quay.io", "jetstack/cert-manager-controller")</c>,
/// <c>("127.0.0.1:5000", "team/app")</c>.
/// </summary>
internal sealed record RegistryRepository(string Registry, string Repository)
{
    public override string ToString() => $"{Registry}/{Repository}";
}

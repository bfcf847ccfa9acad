namespace Tidemark.Registries;

/// <summary>A Docker <c>config.json</c> (auths, credHelpers, credsStore), e.g. <c>~/.docker/config.json</c>.</summary>
internal sealed record DockerConfigCredentialSource(string Path) : CredentialSource
{
    public override string Describe() => $"docker config {Path}";
}

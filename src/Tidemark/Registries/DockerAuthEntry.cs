namespace Tidemark.Registries;

/// <summary>One <c>auths</c> entry of a Docker config.json, decoded.</summary>
internal sealed record DockerAuthEntry(string? Username, string? Password, string? IdentityToken)
{
    public RegistryCredential? ToCredential()
    {
        if (!string.IsNullOrEmpty(IdentityToken))
        {
            return new RegistryCredential(Username ?? "", IdentityToken, IsIdentityToken: true);
        }

        return string.IsNullOrEmpty(Username) ? null : new RegistryCredential(Username, Password ?? "");
    }

    public override string ToString() => $"DockerAuthEntry {{ Username = {Username}, Secret = *** }}";
}

namespace Tidemark.Registries;

/// <summary>A Docker credential helper by name: <c>ecr-login</c> runs <c>docker-credential-ecr-login get</c>.</summary>
internal sealed record HelperCredentialSource(string Helper) : CredentialSource
{
    public override string Describe() => $"credential helper docker-credential-{Helper}";
}

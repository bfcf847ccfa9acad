namespace Tidemark.Registries;

/// <summary>Turns a credential source into the credential for one registry host; <c>null</c> means anonymous.</summary>
internal interface ICredentialResolver
{
    Task<RegistryCredential?> ResolveAsync(CredentialSource source, string registry, CancellationToken cancellationToken);
}

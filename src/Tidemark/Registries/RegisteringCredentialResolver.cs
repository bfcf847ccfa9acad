using Tidemark.Credentials;

namespace Tidemark.Registries;

/// <summary>
/// Registers each registry credential with the process's redactor as it is resolved, before any request carries it
/// (so a registry echoing the password or the Basic header back in an error body is redacted in every output): the
/// secret (password, identity token, helper answer, mounted Secret) and <c>user:secret</c>, whose base64 is the
/// docker config <c>auth</c> and the Basic value.
/// </summary>
internal sealed class RegisteringCredentialResolver(ICredentialResolver inner, ISecretRedactor redactor) : ICredentialResolver
{
    public async Task<RegistryCredential?> ResolveAsync(CredentialSource source, string registry, CancellationToken cancellationToken)
    {
        var credential = await inner.ResolveAsync(source, registry, cancellationToken).ConfigureAwait(false);
        if (credential is not null)
        {
            TokenSecrets.Register(redactor, credential.Secret);
            redactor.Register($"{credential.Username}:{credential.Secret}");
        }

        return credential;
    }
}

using System.Net.Http.Headers;
using System.Text;

namespace Tidemark.Registries;

/// <summary>Builds <c>Authorization: Basic base64(user:secret)</c>.</summary>
internal static class BasicAuthorization
{
    public static AuthenticationHeaderValue For(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Secret}")));
}

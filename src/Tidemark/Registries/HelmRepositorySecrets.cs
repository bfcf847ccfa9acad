using Tidemark.Configuration.Flux;
using Tidemark.Credentials;

namespace Tidemark.Registries;

/// <summary>
/// The Basic credentials of HTTP(S) Helm repositories, from the Secrets their Flux <c>HelmRepository</c> objects name
/// (<c>spec.secretRef.name</c>), mounted as folders the way Kubernetes mounts a Secret:
/// <c>{SecretsDirectory}/{SecretName}/username</c> and <c>/password</c>. Each password is registered with the redactor
/// when it is read.
/// </summary>
/// <param name="SecretByUrl">Repository URL (without a trailing <c>/</c>) → Secret name.</param>
internal sealed record HelmRepositorySecrets(string SecretsDirectory, IReadOnlyDictionary<string, string> SecretByUrl, ISecretRedactor Redactor)
{
    /// <summary>The Secret that <paramref name="url"/>'s HelmRepository names, or null (anonymous).</summary>
    public string? SecretFor(string url) => SecretByUrl.GetValueOrDefault(url.TrimEnd('/'));

    /// <summary>
    /// The credential in Secret <paramref name="secret"/>; a missing folder or key, or a repository reached over
    /// plain HTTP off loopback, is an <see cref="RegistryErrorKind.Unauthorized"/> failure naming the path and the fix.
    /// </summary>
    public RegistryCredential Read(string secret, Uri index, string url)
    {
        if (index.Scheme != Uri.UriSchemeHttps && !IsLoopback(index))
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"Helm repository {url}: the credentials of Secret {secret} are sent over https:// only; write the repository's URL with https://");
        }
        if (!KubernetesNames.IsObjectName(secret))
        {
            // a name such as ../x would read a file outside the mounted Secrets and send it to the repository's host
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"Helm repository {url}: its HelmRepository's spec.secretRef.name \"{secret}\" is not a Kubernetes object name; name a Secret mounted under --secrets-dir: lowercase letters, digits, '-' and '.', at most {KubernetesNames.MaxLength} characters");
        }
        var folder = Path.Combine(SecretsDirectory, secret);
        var username = ReadKey(folder, "username", secret, url);
        var password = ReadKey(folder, "password", secret, url);
        Redactor.Register(password);
        return new RegistryCredential(username, password);
    }

    private static string ReadKey(string folder, string key, string secret, string url)
    {
        var path = Path.Combine(folder, key);
        if (!File.Exists(path))
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, Directory.Exists(folder)
                ? $"Helm repository {url}: Secret {secret} has no key {key} ({path} does not exist); its HelmRepository's secretRef names a Secret with the keys username and password"
                : $"Helm repository {url}: Secret {secret} is not mounted ({folder} does not exist); mount the Secret named by the HelmRepository's secretRef under --secrets-dir");
        }
        return File.ReadAllText(path);
    }

    private static bool IsLoopback(Uri uri) => RegistryHost.IsLoopback(uri.Authority);
}

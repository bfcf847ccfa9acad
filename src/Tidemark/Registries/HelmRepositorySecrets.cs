using Tidemark.Configuration.Flux;
using Tidemark.Credentials;

namespace Tidemark.Registries;

/// <summary>
/// A HelmRepository's <c>spec.secretRef.name</c> (<see cref="Secret"/>) and where that HelmRepository is
/// (<see cref="Place"/>, <c>apps/redis.yaml:1</c>), for the errors that name it.
/// </summary>
internal sealed record HelmSecretReference(string Secret, string Place);

/// <summary>
/// The Basic credentials of HTTP(S) Helm repositories, from the Secrets their Flux <c>HelmRepository</c> objects name
/// (<c>spec.secretRef.name</c>), mounted as folders the way Kubernetes mounts a Secret:
/// <c>{SecretsDirectory}/{SecretName}/username</c> and <c>/password</c>. A Secret is used only for a host whose
/// operator entry lists it (<c>registries[].helmSecrets</c>, <see cref="RegistrySettings.HelmSecrets"/>): the
/// repository picks a Secret, the operator decides where it may go. Each password is registered with the redactor
/// when it is read.
/// </summary>
/// <param name="SecretByUrl">Repository URL (without a trailing <c>/</c>) → the Secret its HelmRepository names.</param>
internal sealed record HelmRepositorySecrets(string SecretsDirectory, IReadOnlyDictionary<string, HelmSecretReference> SecretByUrl, ISecretRedactor Redactor)
{
    /// <summary>The Secret that <paramref name="url"/>'s HelmRepository names, or null (anonymous).</summary>
    public HelmSecretReference? SecretFor(string url) => SecretByUrl.GetValueOrDefault(url.TrimEnd('/'));

    /// <summary>
    /// The credential in the Secret <paramref name="reference"/> names, checked before any file is read: a repository
    /// reached over plain HTTP off loopback, a name that is not a Kubernetes object name, or a Secret the operator did
    /// not list for the host in <paramref name="settings"/> is an <see cref="RegistryErrorKind.Unauthorized"/> failure
    /// naming the fix; so is a missing folder or key (naming the path).
    /// </summary>
    public RegistryCredential Read(HelmSecretReference reference, Uri index, string url, RegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(settings);
        var secret = reference.Secret;
        if (index.Scheme != Uri.UriSchemeHttps && !RegistryHost.IsLoopback(index.Authority))
        {
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"Helm repository {url}: the credentials of Secret {secret} are sent over https:// only; write the repository's URL with https://");
        }
        if (!KubernetesNames.IsObjectName(secret))
        {
            // a name such as ../x would read a file outside the mounted Secrets and send it to the repository's host
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"Helm repository {url}: its HelmRepository ({reference.Place}) spec.secretRef.name \"{KubernetesNames.Shown(secret)}\" is not a Kubernetes object name; {KubernetesNames.SecretNameFix}");
        }
        if (!settings.AllowsHelmSecret(secret))
        {
            // the repository's writers choose the URL; only the operator may decide that this Secret goes to this host
            var host = index.Authority;
            throw new RegistryException(RegistryErrorKind.Unauthorized, $"Helm repository {url}: its HelmRepository ({reference.Place}) names Secret {secret} in spec.secretRef, which the operator has not allowed for host {host}, so nothing is sent; add helmSecrets: [{secret}] to the registries entry for host {host} in the operator's --config");
        }
        var folder = Path.Combine(SecretsDirectory, secret);
        var username = ReadKey(folder, "username", secret, url);
        var password = ReadKey(folder, "password", secret, url);
        // as for registry credentials: the password in each form a file may hold it (trimmed, each line), and user:password
        TokenSecrets.Register(Redactor, password);
        Redactor.Register($"{username}:{password}");
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
}

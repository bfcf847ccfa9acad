namespace Tidemark.Registries;

/// <summary>
/// A username and secret for one registry. When <see cref="IsIdentityToken"/> the secret is an OAuth2 refresh
/// token (config.json <c>identitytoken</c>, or a helper answering with username <c>&lt;token&gt;</c>).
/// <see cref="ToString"/> never shows the secret.
/// </summary>
internal sealed record RegistryCredential(string Username, string Secret, bool IsIdentityToken = false)
{
    /// <summary>Who the credential is, for the audit trail, without its secret: <c>registry user robot</c> or <c>registry identity token</c>.</summary>
    public string Identity => IsIdentityToken ? "registry identity token" : $"registry user {Username}";

    public override string ToString() => $"RegistryCredential {{ Username = {Username}, Secret = *** }}";
}

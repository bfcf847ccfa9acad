namespace Tidemark.Testing.GitHub;

/// <summary>A user or an organisation; organisations carry the policies that reject tokens.</summary>
public sealed class SimAccount
{
    public required string Login { get; init; }

    public required long Id { get; init; }

    public bool IsOrganization { get; init; }

    /// <summary>SAML SSO enforced: classic tokens need <see cref="SimToken.SsoAuthorized"/>.</summary>
    public bool SsoRequired { get; set; }

    /// <summary>The organisation forbids access via personal access tokens (classic).</summary>
    public bool ClassicTokensBlocked { get; set; }

    /// <summary>
    /// The organisation refuses personal access tokens that never expire or expire more than this many days from now
    /// (GitHub's "lifetime is greater than 366 days" policy); null: no limit.
    /// </summary>
    public int? MaxTokenLifetimeDays { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}

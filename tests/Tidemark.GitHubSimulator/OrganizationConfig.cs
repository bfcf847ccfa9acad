namespace Tidemark.GitHubSimulator;

/// <summary>An organisation and its token policies, e.g. <c>{name: acme, ssoRequired: true}</c>.</summary>
internal sealed record OrganizationConfig(string Name, bool SsoRequired, bool ClassicTokensBlocked);

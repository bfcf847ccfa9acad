namespace Tidemark.GitHubSimulator;

/// <summary>An organisation and its token policies, e.g. <c>{name: acme, ssoRequired: true, maxTokenLifetimeDays: 366}</c>.</summary>
internal sealed record OrganizationConfig(string Name, bool SsoRequired, bool ClassicTokensBlocked, int? MaxTokenLifetimeDays = null);

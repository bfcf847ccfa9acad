namespace Tidemark.Registries;

/// <summary>
/// Per-repository settings, as a Flux <c>ImageRepository</c> gives them: its <c>exclusionList</c> (null: the default
/// cosign exclusion) and its <c>secretRef</c> as a mounted Secret (overrides the registry's credentials).
/// </summary>
internal sealed record RepositorySettings(IReadOnlyList<string>? ExclusionList = null, CredentialSource? Credentials = null);

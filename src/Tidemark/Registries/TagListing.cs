namespace Tidemark.Registries;

/// <summary>
/// The tags of one repository after exclusion; <see cref="Excluded"/> counts the tags dropped by the
/// exclusion rules and <see cref="Warnings"/> says when the listing is incomplete (page cap).
/// <see cref="Credential"/> names the registry credential used, e.g. <c>registry user robot</c>; null when anonymous.
/// </summary>
internal sealed record TagListing(
    RegistryRepository Repository,
    IReadOnlyList<string> Tags,
    int Excluded,
    IReadOnlyList<string> Warnings)
{
    public string? Credential { get; init; }
}

namespace Tidemark.Configuration;

/// <summary>
/// A version policy as written (command-line syntax, e.g. <c>semver:^1.2</c> or <c>numerical:asc</c>) with an
/// optional tag filter, and where it was written. Turned into a <c>Tidemark.Versions</c> policy when deciding.
/// </summary>
internal sealed record PolicySpec(string Policy, string? FilterPattern, string? FilterExtract, SourcePlace Place);

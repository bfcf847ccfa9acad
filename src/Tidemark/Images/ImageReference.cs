namespace Tidemark.Images;

/// <summary>
/// A parsed image reference, e.g. <c>quay.io/jetstack/cert-manager-controller:v1.16.2</c>.
/// <see cref="Registry"/> and <see cref="Repository"/> are normalised (<c>nginx</c> →
/// <c>docker.io</c> + <c>library/nginx</c>); <see cref="WrittenName"/> keeps the name exactly as written so
/// an edit can put back a new tag without touching anything else.
/// </summary>
internal sealed record ImageReference(
    string Registry,
    string Repository,
    string? Tag,
    string? Digest,
    string WrittenName)
{
    public const string DockerHub = "docker.io";

    /// <summary>The canonical repository name, e.g. <c>docker.io/library/nginx</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>The short name people write, e.g. <c>nginx</c> or <c>bitnami/redis</c> for Docker Hub.</summary>
    public string FamiliarName => Registry != DockerHub
        ? Name
        : Repository.StartsWith("library/", StringComparison.Ordinal) && Repository.IndexOf('/', 8) < 0
            ? Repository["library/".Length..]
            : Repository;

    /// <summary>The host that answers the registry API: Docker Hub's API lives at <c>registry-1.docker.io</c>.</summary>
    public string ApiHost => Registry == DockerHub ? "registry-1.docker.io" : Registry;

    /// <summary>The full canonical form, e.g. <c>docker.io/library/nginx:1.25.3</c>.</summary>
    public string Canonical => Name + Suffix(Tag, Digest);

    /// <summary>The familiar form, e.g. <c>nginx:1.25.3</c>.</summary>
    public string Familiar => FamiliarName + Suffix(Tag, Digest);

    /// <summary>The reference as it should be written after an update: the name as written, a new tag and digest.</summary>
    public string Write(string? tag, string? digest) => WrittenName + Suffix(tag, digest);

    public override string ToString() => Write(Tag, Digest);

    /// <summary>Parses a reference; see <see cref="ReferenceParser"/> for the grammar.</summary>
    public static ReferenceParseResult Parse(string text) => ReferenceParser.Parse(text);

    private static string Suffix(string? tag, string? digest) =>
        (tag is null ? "" : ":" + tag) + (digest is null ? "" : "@" + digest);
}

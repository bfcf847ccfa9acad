namespace Tidemark.Registries;

/// <summary>
/// A snapshot of the HTTP requests a client made (every attempt counts, retries and 401 round trips included),
/// e.g. for a benchmark: "one listing chain per repository plus at most one token request per scope".
/// </summary>
internal sealed record RegistryRequestCounts(int TagPages, int TokenRequests, int ManifestHeads, int Retries)
{
    public int Total => TagPages + TokenRequests + ManifestHeads;
}

namespace Tidemark.Registries;

/// <summary>Thread-safe counters behind <see cref="RegistryRequestCounts"/>.</summary>
internal sealed class RequestCounter
{
    private int tagPages;
    private int tokens;
    private int manifestHeads;
    private int retries;

    public void Count(RequestKind kind)
    {
        switch (kind)
        {
            case RequestKind.TagPage: Interlocked.Increment(ref tagPages); break;
            case RequestKind.Token: Interlocked.Increment(ref tokens); break;
            case RequestKind.ManifestHead: Interlocked.Increment(ref manifestHeads); break;
        }
    }

    public void CountRetry() => Interlocked.Increment(ref retries);

    public RegistryRequestCounts Snapshot() =>
        new(Volatile.Read(ref tagPages), Volatile.Read(ref tokens), Volatile.Read(ref manifestHeads), Volatile.Read(ref retries));
}

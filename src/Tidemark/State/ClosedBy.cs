namespace Tidemark.State;

/// <summary>Who closed a pull request: Tidemark (stale), a person without merging (a "no"), or a merge. Stored lowercase.</summary>
internal enum ClosedBy
{
    Tidemark,
    Person,
    Merge,
}

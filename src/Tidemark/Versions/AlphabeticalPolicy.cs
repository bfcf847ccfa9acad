namespace Tidemark.Versions;

/// <summary><c>alphabetical[:asc|:desc]</c>: ascending picks the last tag in ordinal (byte) order, descending the first.</summary>
internal sealed record AlphabeticalPolicy(SortOrder Order) : VersionPolicy
{
    public override string Name => Order == SortOrder.Descending ? "alphabetical:desc" : "alphabetical:asc";
}

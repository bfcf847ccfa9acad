namespace Tidemark.Versions;

/// <summary>Order of the alphabetical and numerical policies: ascending picks the last (highest), descending the first.</summary>
internal enum SortOrder
{
    Ascending,
    Descending,
}

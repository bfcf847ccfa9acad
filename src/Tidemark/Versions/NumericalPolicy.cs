namespace Tidemark.Versions;

/// <summary><c>numerical[:asc|:desc]</c>: ascending picks the highest number, descending the lowest; non-numeric tags are ignored.</summary>
internal sealed record NumericalPolicy(SortOrder Order) : VersionPolicy
{
    public override string Name => Order == SortOrder.Descending ? "numerical:desc" : "numerical:asc";
}

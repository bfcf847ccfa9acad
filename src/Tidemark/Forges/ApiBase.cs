namespace Tidemark.Forges;

/// <summary>
/// The one place a forge's API base is normalised: kept as given (api.github.com, GHES <c>https://HOST/api/v3/</c>, a test
/// server) with a final '/' added, so relative paths like <c>repos/o/r</c> resolve under it rather than beside it.
/// </summary>
internal static class ApiBase
{
    /// <summary><c>https://ghe.example/api/v3</c> → <c>https://ghe.example/api/v3/</c>; an address that ends in '/' is returned as is.</summary>
    public static Uri Normalize(Uri apiBase)
    {
        ArgumentNullException.ThrowIfNull(apiBase);
        return apiBase.AbsoluteUri.EndsWith('/') ? apiBase : new Uri(apiBase.AbsoluteUri + "/");
    }
}

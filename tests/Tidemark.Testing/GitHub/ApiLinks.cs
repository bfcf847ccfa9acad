namespace Tidemark.Testing.GitHub;

/// <summary>URL roots used inside response bodies: the REST root the request came in on and the "web" root.</summary>
internal sealed record ApiLinks(string Api, string Web)
{
    public string Repo(SimRepository repository) => $"{Api}/repos/{repository.FullName}";

    public string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

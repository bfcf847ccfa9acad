using System.Text;

namespace Tidemark.Git;

/// <summary>
/// The token for one remote. It reaches git only as environment variables of the process that needs it:
/// <c>GIT_CONFIG_COUNT=1</c>, <c>GIT_CONFIG_KEY_0=http.&lt;url&gt;.extraHeader</c>,
/// <c>GIT_CONFIG_VALUE_0=Authorization: Basic base64(x-access-token:TOKEN)</c>. Scoping the header to the
/// remote's URL keeps it off requests to other hosts. Never in an argument, a URL or a file.
/// </summary>
internal sealed class GitAuth
{
    private const string UserName = "x-access-token";
    private readonly string _token;

    public GitAuth(string remoteUrl, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(remoteUrl);
        ArgumentException.ThrowIfNullOrEmpty(token);
        RemoteUrl = remoteUrl;
        _token = token;
    }

    public string RemoteUrl { get; }

    /// <summary>The secret, for registering with the redactor.</summary>
    internal string Token => _token;

    public IEnumerable<KeyValuePair<string, string>> EnvironmentVariables()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(UserName + ":" + _token));
        yield return new("GIT_CONFIG_COUNT", "1");
        yield return new("GIT_CONFIG_KEY_0", $"http.{RemoteUrl}.extraHeader");
        yield return new("GIT_CONFIG_VALUE_0", "Authorization: Basic " + basic);
    }

    public override string ToString() => $"GitAuth({RemoteUrl}, token [REDACTED])";
}

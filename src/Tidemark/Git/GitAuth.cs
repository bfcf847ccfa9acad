namespace Tidemark.Git;

/// <summary>
/// The token for one remote. It reaches git only through the environment of the process that needs it:
/// <c>GIT_CONFIG_COUNT=2</c>, <c>credential.helper=</c> (drops any helper configured elsewhere), then
/// <c>credential.helper=!f() { … }; f</c>, an inline shell function that answers git's <c>get</c> with
/// <c>username=x-access-token</c> and <c>password=$TIDEMARK_GIT_TOKEN</c>; the token itself is only the value of
/// <c>TIDEMARK_GIT_TOKEN</c>. Never in an argument, a URL, <c>.git/config</c> or a file. <see cref="GitRepository"/>
/// builds one per git process from its token provider, so a renewed token (a GitHub App's) is used at once.
/// </summary>
/// <remarks>
/// A credential helper rather than <c>http.extraHeader</c>: git then asks GitHub properly (401 challenge, then
/// credentials), so a rejected token gives GitHub's <c>Invalid username or token</c> / <c>Authentication failed</c>
/// lines instead of the misleading <c>could not read Username … terminal prompts disabled</c>.
/// </remarks>
internal sealed class GitAuth
{
    /// <summary>The one environment variable that carries the secret to the helper.</summary>
    public const string TokenVariable = "TIDEMARK_GIT_TOKEN";

    private const string UserName = "x-access-token";
    private const string Helper = "!f() { test \"$1\" = get || exit 0; echo username=" + UserName + "; echo \"password=$" + TokenVariable + "\"; }; f";
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
        yield return new("GIT_CONFIG_COUNT", "2");
        yield return new("GIT_CONFIG_KEY_0", "credential.helper");
        yield return new("GIT_CONFIG_VALUE_0", "");
        yield return new("GIT_CONFIG_KEY_1", "credential.helper");
        yield return new("GIT_CONFIG_VALUE_1", Helper);
        yield return new(TokenVariable, _token);
    }

    public override string ToString() => $"GitAuth({RemoteUrl}, token [REDACTED])";
}

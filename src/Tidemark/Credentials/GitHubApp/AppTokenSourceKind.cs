namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// <c>app id=ID key=PEM_FILE [installation=ID]</c>: an installation token minted for the target repository
/// (<see cref="TokenSourceContext.Target"/>) by the GitHub App whose private key is in PEM_FILE.
/// </summary>
internal sealed class AppTokenSourceKind : ITokenSourceKind
{
    public string Name => "app";

    public string Usage => AppSettings.Usage;

    public ITokenSource Create(IReadOnlyList<string> arguments, TokenSourceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = AppSettings.Parse(arguments);
        var target = context.Target ?? throw new TokenSourceException("token source app", "needs the repository and the API URL to mint a token for",
            "give the repository (--repo) and the API (--api-url); the App's token is minted for that one repository");
        return new AppTokenSource(settings, target, context);
    }
}

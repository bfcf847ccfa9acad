using System.Globalization;
using Tidemark.Credentials;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Steps 4–5: <c>GET /rate_limit</c> (free for every token: 401 means invalid, expired or revoked; limit 60 means the
/// token was not sent), then <c>GET /user</c> for the login, classic scopes and the expiry header.
/// </summary>
internal sealed class TokenValidityCheck : IDoctorCheck
{
    public string Name => CheckNames.TokenValidity;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenSource, CheckNames.ApiReachability];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var github = context.GitHub!;
        var rate = await github.GetAsync("rate_limit", cancellationToken).ConfigureAwait(false);
        if (rate.Status == 401)
        {
            return [TokenAdvice.BadCredentials(context)];
        }

        if (rate.Status == 403 && rate.Message.Contains("login attempts", StringComparison.OrdinalIgnoreCase))
        {
            return [Finding.Error("GitHub temporarily blocked this credential after repeated bad logins", $"wait a few minutes, then fix the token in {context.Settings.TokenSource}")];
        }

        if (!rate.IsSuccess)
        {
            return [TokenAdvice.Unexpected("GitHub refused to check the token", rate)];
        }

        context.RateLimit = rate.Long("resources", "core", "limit");
        context.RateRemaining = rate.Long("resources", "core", "remaining");
        context.RateReset = rate.Long("resources", "core", "reset") is { } reset ? DateTimeOffset.FromUnixTimeSeconds(reset) : null;
        if (context.RateLimit == 60)
        {
            return [Finding.Error("Authentication failed: the token was not sent (GitHub counted the request as anonymous: 60 calls an hour)", $"make sure {context.Settings.TokenSource} holds the token")];
        }

        return [await ReadUserAsync(context, cancellationToken).ConfigureAwait(false)];
    }

    private static async Task<Finding> ReadUserAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var user = await context.GitHub!.GetAsync("user", cancellationToken).ConfigureAwait(false);
        var kind = TokenKindLabels.Label(context.Kind);
        if (user.Status == 403 && context.Kind is TokenKind.Installation or TokenKind.InstallationStateless)
        {
            return Finding.Ok($"valid {kind} token ({context.Token!.Fingerprint}); installation tokens act as the App, not a user");
        }

        if (!user.IsSuccess)
        {
            return TokenAdvice.Unexpected("GitHub refused to say whose token this is (GET /user)", user);
        }

        context.Login = user.String("login");
        var scopes = user.Header("X-OAuth-Scopes");
        context.Scopes = scopes is null ? null : [.. scopes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        context.ExpiryHeaders = user.Headers;
        var online = context.Scopes is null ? kind : "classic";
        var scopeText = context.Scopes is null ? "" : string.Create(CultureInfo.InvariantCulture, $", scopes: {(context.Scopes.Count == 0 ? "none" : string.Join(", ", context.Scopes))}");
        return Finding.Ok($"valid {online} token of {context.Login} ({context.Token!.Fingerprint}){scopeText}");
    }
}

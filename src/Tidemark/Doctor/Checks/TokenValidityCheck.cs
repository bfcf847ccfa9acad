using System.Globalization;
using Tidemark.Credentials;
using Tidemark.State;
using Tidemark.State.Postgres;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Steps 4–5: <c>GET /rate_limit</c> (free for every token: 401 means invalid, expired or revoked; limit 60 means the
/// token was not sent), then <c>GET /user</c> for the login, classic scopes and the expiry header.
/// </summary>
internal sealed class TokenValidityCheck : IDoctorCheck
{
    public string Name => CheckNames.TokenValidity;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenSource, CheckNames.ApiReachability, CheckNames.AppMint];

    public bool InTokenCheck => true;

    public async Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var github = context.GitHub!;
        var rate = await github.RateLimitAsync(cancellationToken).ConfigureAwait(false);
        if (rate.Status == 401)
        {
            return [await ExpiredAsync(context, cancellationToken).ConfigureAwait(false) ?? TokenAdvice.BadCredentials(context)];
        }

        if (rate.Status == 403 && rate.Message.Contains("login attempts", StringComparison.OrdinalIgnoreCase))
        {
            return [Finding.Refused("GitHub temporarily blocked this credential after repeated bad logins", $"wait a few minutes, then fix the token in {context.Settings.TokenSource}")];
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

    /// <summary>A 401 for a token whose expiry the state store recorded (from a successful run) as past: "expired on DATE".</summary>
    private static async Task<Finding?> ExpiredAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.OpenState is not { } open || context.Token is not { } token || context.StatePath is not { } path || !(File.Exists(path) || PostgresConnectionString.Recognises(path)))
        {
            return null;
        }

        TokenRecord? record;
        try
        {
            var state = await open(cancellationToken).ConfigureAwait(false);
            record = await state.TokenReader.FindTokenAsync(token.Fingerprint.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the state-store check reports a store that does not open
        }

        if (record?.ExpiresAt is not { } expiry || expiry > context.Time.GetUtcNow())
        {
            return null;
        }

        var date = expiry.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return Finding.Refused(
            $"Authentication failed: the token expired on {date} (the expiry GitHub reported when Tidemark last used it; GitHub now answers 401 Bad credentials)",
            $"{TokenAdvice.NewToken} and update {context.Settings.TokenSource} — {ExpiryNotice.Guide}");
    }

    private static async Task<Finding> ReadUserAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var user = await context.GitHub!.UserAsync(cancellationToken).ConfigureAwait(false);
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

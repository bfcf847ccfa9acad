using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Tidemark.State;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// A GitHub App as the token source: signs a JWT with the App's private key, finds the installation for the target
/// repository (unless given), and mints an installation token narrowed to that one repository and the permissions
/// Tidemark needs (<see cref="AppPermissions"/>). The token is cached in memory only — never on disk or in the state
/// store — and a new one is minted when less than <see cref="RenewBefore"/> remains or more permissions are required.
/// Consumers ask <see cref="ReadAsync"/> at each use (each git process, each Octokit call), so a long run keeps working.
/// Every mint is an audit event <c>token.mint</c> (ok, denied or failed).
/// </summary>
internal sealed class AppTokenSource(AppSettings settings, TokenTarget target, TokenSourceContext context) : ITokenSource
{
    /// <summary>A token with less time left than this is replaced (GitHub's tokens live one hour).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly object gate = new();
    private readonly Dictionary<string, string> needed = AppPermissions.Needed(workflows: false);
    private readonly AppApi api = new(target);
    private readonly AppRefusals refusals = new($"GitHub App {settings.AppId}", settings, target, context.Redactor);
    private Task<InstallationToken>? minting;
    private InstallationToken? current;
    private RSA? key;
    private string? slug;
    private long? installationId = settings.InstallationId;
    private IReadOnlyDictionary<string, string>? installationPermissions;

    public string Description => $"GitHub App {settings.AppId} (key {settings.KeyFile})";

    /// <summary>The last successful mint, for doctor and output; null before the first.</summary>
    public AppMint? LastMint { get; private set; }

    /// <summary>The current installation token's value, minted when there is none or it is about to expire.</summary>
    public async Task<string> ReadAsync(CancellationToken cancellationToken) =>
        (await TokenAsync(cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>The current installation token, minted when there is none, it has less than <see cref="RenewBefore"/> left, or it lacks a required permission.</summary>
    public async Task<InstallationToken> TokenAsync(CancellationToken cancellationToken)
    {
        Task<InstallationToken> task;
        lock (gate)
        {
            if (current is { } token && Fresh(token))
            {
                return token;
            }

            if (minting is { IsCompleted: true })
            {
                minting = null;
            }

            // one mint at a time, shared by concurrent callers; it is not cancelled with one caller
            task = minting ??= MintTokenAsync(CancellationToken.None);
        }

        var minted = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            current = minted;
        }

        return minted;
    }

    /// <summary>Mints a new token now (doctor's check) and returns what GitHub granted, without the value.</summary>
    public async Task<AppMint> MintAsync(CancellationToken cancellationToken)
    {
        var token = await MintTokenAsync(cancellationToken).ConfigureAwait(false);
        lock (gate)
        {
            current = token;
        }

        return LastMint!;
    }

    /// <summary>Requires <paramref name="permission"/> at <paramref name="level"/> (e.g. workflows: write); the next use mints a token with it.</summary>
    public void Require(string permission, string level)
    {
        lock (gate)
        {
            needed[permission] = level;
        }
    }

    private bool Fresh(InstallationToken token) =>
        token.ExpiresAt - context.Time.GetUtcNow() >= RenewBefore && AppPermissions.Cover(token.Permissions, needed);

    private async Task<InstallationToken> MintTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await MintOnceAsync(cancellationToken).ConfigureAwait(false);
            LastMint = new AppMint(slug!, token.InstallationId, token.Fingerprint, token.ExpiresAt, token.Permissions, token.RepositorySelection);
            await AuditAsync(AuditOutcomes.Ok, token.Fingerprint.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"installation {token.InstallationId}, expires {token.ExpiresAt:u}, {Describe(token.Permissions)}, repository_selection {token.RepositorySelection}")).ConfigureAwait(false);
            return token;
        }
        catch (AppDenial denial)
        {
            await AuditAsync(AuditOutcomes.Denied, null, denial.Exception.Problem).ConfigureAwait(false);
            throw denial.Exception;
        }
        catch (TokenSourceException e)
        {
            await AuditAsync(AuditOutcomes.Failed, null, e.Problem).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<InstallationToken> MintOnceAsync(CancellationToken cancellationToken)
    {
        key ??= await AppKey.LoadAsync(settings.KeyFile, context.Redactor, cancellationToken).ConfigureAwait(false);
        var now = context.Time.GetUtcNow();
        var jwt = AppJwt.Create(key, settings.AppId, now);
        context.Redactor.Register(jwt);
        slug ??= await AppSlugAsync(jwt, now, cancellationToken).ConfigureAwait(false);
        installationId ??= await FindInstallationAsync(jwt, now, cancellationToken).ConfigureAwait(false);
        Dictionary<string, string> asked;
        lock (gate)
        {
            asked = new Dictionary<string, string>(needed, StringComparer.Ordinal);
        }

        var answer = await api.MintAsync(jwt, installationId.Value, asked, cancellationToken).ConfigureAwait(false);
        return answer.Status switch
        {
            201 or 200 => Read(answer.Body, installationId.Value),
            401 => throw new AppDenial(refusals.JwtRejected(answer, now)),
            404 => throw new AppDenial(refusals.NotInstalled(installationId)),
            422 => throw new AppDenial(refusals.Unprocessable(answer, installationId.Value, installationPermissions is null ? [] : AppPermissions.Missing(installationPermissions, asked))),
            _ => throw Refused(answer, "mint an installation token"),
        };
    }

    private async Task<string> AppSlugAsync(string jwt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = await api.GetAppAsync(jwt, cancellationToken).ConfigureAwait(false);
        return answer.Status switch
        {
            200 => answer.Body?["slug"]?.GetValue<string>() ?? settings.AppId,
            401 => throw new AppDenial(refusals.JwtRejected(answer, now)),
            _ => throw Refused(answer, "read the App (GET /app)"),
        };
    }

    private async Task<long> FindInstallationAsync(string jwt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = await api.FindInstallationAsync(jwt, cancellationToken).ConfigureAwait(false);
        switch (answer.Status)
        {
            case 200 when answer.Body is { } body && body["id"] is JsonValue id:
                installationPermissions = Permissions(body["permissions"]);
                return id.GetValue<long>();
            case 401:
                throw new AppDenial(refusals.JwtRejected(answer, now));
            case 404:
                throw new AppDenial(refusals.NotInstalled(null));
            default:
                throw Refused(answer, $"find the App's installation on {target.FullName}");
        }
    }

    private Exception Refused(AppAnswer answer, string action) =>
        answer.IsDenial ? new AppDenial(refusals.Other(answer, action)) : refusals.Other(answer, action);

    private InstallationToken Read(JsonObject? body, long installation)
    {
        var value = body?["token"]?.GetValue<string>();
        var expires = body?["expires_at"]?.GetValue<string>();
        if (string.IsNullOrEmpty(value) || expires is null)
        {
            throw new TokenSourceException(Description, "got an answer without a token or expires_at from GitHub", "check --api-url: it must be GitHub's REST API");
        }

        TokenSecrets.Register(context.Redactor, value);
        var expiresAt = DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var selection = body!["repository_selection"]?.GetValue<string>() ?? "selected";
        return new InstallationToken(value, expiresAt, Permissions(body["permissions"]), selection, installation);
    }

    private static Dictionary<string, string> Permissions(JsonNode? node) =>
        node is JsonObject permissions
            ? permissions.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.ToString(), StringComparer.Ordinal)
            : [];

    private static string Describe(IReadOnlyDictionary<string, string> permissions) =>
        string.Join(" ", permissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));

    private async Task AuditAsync(AuditOutcome outcome, string? fingerprint, string detail)
    {
        if (context.Audit is { } audit)
        {
            await audit.AppendAsync(new AuditEvent(AuditActions.TokenMint, target.FullName, outcome, fingerprint, context.Redactor.Redact(detail)), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>A refusal by GitHub, kept apart from other failures so the audit event says <c>denied</c>.</summary>
    private sealed class AppDenial(TokenSourceException exception) : Exception(exception.Message)
    {
        public TokenSourceException Exception { get; } = exception;
    }
}

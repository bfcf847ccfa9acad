using System.Globalization;
using Tidemark.Credentials.GitHubApp;

namespace Tidemark.Doctor.Checks;

/// <summary>
/// Step 3, GitHub Apps only: the installation token's mint (JWT → installation → access token, done when the token
/// was read). Reports the installation, the bot, <c>expires_at</c>, the granted permissions against those Tidemark
/// needs and <c>repository_selection</c>; a refused mint (JWT rejected by clock skew or a key that does not match,
/// App not installed, 422 permissions) is an error with its fix. Other tokens: ok, "not a GitHub App".
/// </summary>
internal sealed class AppMintCheck : IDoctorCheck
{
    public string Name => CheckNames.AppMint;

    public IReadOnlyList<Capability> Capabilities { get; } = [Capability.Authenticate];

    public IReadOnlyList<string> Requires { get; } = [CheckNames.TokenSource, CheckNames.ApiReachability];

    public bool InTokenCheck => true;

    public Task<IReadOnlyList<Finding>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        return Task.FromResult(Judge(context));
    }

    private static IReadOnlyList<Finding> Judge(DoctorContext context)
    {
        if (context.AppError is { } error)
        {
            return [Finding.Error($"{error.TokenSource} {error.Problem}", error.Fix)];
        }

        if (context.AppMint is not { } mint)
        {
            return [Finding.Ok("not a GitHub App: nothing to mint")];
        }

        var expires = mint.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        var findings = new List<Finding>
        {
            Finding.Ok(string.Create(CultureInfo.InvariantCulture,
                $"{context.AppSource} minted {mint.Fingerprint} for installation {mint.InstallationId}, acting as {mint.BotLogin}; expires_at {expires} (1 h, minted again per run)")),
            Finding.Ok($"permissions granted: {Describe(mint.Permissions)}; Tidemark needs {Describe(AppPermissions.Needed(workflows: false))} (+ workflows: write only if the update paths reach .github/workflows — see the workflows check)"),
        };
        var missing = AppPermissions.Missing(mint.Permissions, AppPermissions.Needed(workflows: false));
        if (missing.Count > 0)
        {
            findings.Add(Finding.Refused($"the installation token lacks {string.Join(", ", missing)}", AppRefusals.PermissionsFix));
        }

        findings.Add(mint.RepositorySelection == "selected"
            ? Finding.Ok($"repository_selection: selected (the token reaches {context.Settings.FullName} only)")
            : Finding.Warning($"repository_selection: {mint.RepositorySelection}: the token reaches every repository of the installation",
                $"install the App on {context.Settings.Owner} with \"Only select repositories\" → {context.Settings.Repository}"));
        return findings;
    }

    private static string Describe(IReadOnlyDictionary<string, string> permissions) =>
        permissions.Count == 0 ? "none" : string.Join(", ", permissions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
}

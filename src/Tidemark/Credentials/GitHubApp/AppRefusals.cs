using System.Globalization;

namespace Tidemark.Credentials.GitHubApp;

/// <summary>
/// GitHub's refusals of an App, in the words of the doctor checklist (shared research, "What a doctor command should
/// check", step 3): a rejected JWT (clock skew, or a key that does not match the App id), an App not installed on the
/// repository, an installation that lacks permissions. Each names the fix. GitHub's own message is passed through the
/// redactor before it is quoted.
/// </summary>
internal sealed class AppRefusals(string source, AppSettings settings, TokenTarget target, ISecretRedactor redactor)
{
    public const string PermissionsFix = "Grant Contents: write, Pull requests: write (+ Workflows: write if workflows change) in the App's settings (Permissions & events) "
        + "and accept them in the owner's settings (Installed GitHub Apps → Review request)";

    public TokenSourceException JwtRejected(AppAnswer answer, DateTimeOffset now)
    {
        var said = redactor.Redact(answer.Message);
        if (said.Contains("'Issued at'", StringComparison.Ordinal) || said.Contains("'Expiration time'", StringComparison.Ordinal))
        {
            var skew = answer.Date is { } date ? (long)Math.Round((now - date).TotalSeconds) : (long?)null;
            var measured = skew is { } s
                ? string.Create(CultureInfo.InvariantCulture, $"clock skew of {s}s vs GitHub (Date header {answer.Date!.Value.ToUniversalTime():R}, this machine {now.ToUniversalTime():R})")
                : "clock skew vs GitHub (no Date header to measure it)";
            return new TokenSourceException(source, $"could not authenticate: App JWT rejected: {measured}; GitHub said: {said}",
                "Fix NTP or the JWT lifetime: this machine's clock must be within 60 s of GitHub's (check timedatectl / chrony)");
        }

        return new TokenSourceException(source, $"could not authenticate: App JWT rejected: private key does not match App {settings.AppId} / wrong App id (GitHub said: {said})",
            "check --app-id / id= (the App ID or Client ID on the App's settings page) and that the key is a current private key of that App (generate a new one there if it was deleted)");
    }

    public TokenSourceException NotInstalled(long? installationId) => installationId is { } id
        ? new TokenSourceException(source, string.Create(CultureInfo.InvariantCulture, $"is not installed on {target.FullName} as installation {id} (or not granted access to it)"),
            "check --app-installation-id / installation= (the number at the end of the installation's settings URL), or leave it out so Tidemark finds the installation for the repository")
        : new TokenSourceException(source, $"is not installed on {target.FullName} (or not granted access to it)",
            $"install the App on {target.Owner}: the App's page → Install App → {target.Owner} → Only select repositories → {target.Repository} (or add {target.Repository} to the existing installation's repositories)");

    public TokenSourceException Unprocessable(AppAnswer answer, long installationId, IReadOnlyList<string> missing)
    {
        var said = redactor.Redact(answer.Message);
        if (said.Contains("repositor", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenSourceException(source, string.Create(CultureInfo.InvariantCulture, $"cannot mint a token: installation {installationId} has no access to {target.FullName} (GitHub said: {said})"),
                $"add {target.Repository} to the installation: {target.Owner}'s settings → Installed GitHub Apps → Configure → Repository access");
        }

        var lacking = missing.Count > 0 ? string.Join(", ", missing) : "some of the permissions Tidemark asks for";
        return new TokenSourceException(source,
            string.Create(CultureInfo.InvariantCulture, $"cannot mint a token: the App installation {installationId} lacks {lacking} (or the owner hasn't accepted updated permissions; GitHub said: {said})"),
            PermissionsFix);
    }

    public TokenSourceException Other(AppAnswer answer, string action) =>
        new(source, string.Create(CultureInfo.InvariantCulture, $"could not {action}: GitHub answered {answer.Status} ({redactor.Redact(answer.Message)})"),
            answer.Status >= 500 ? "GitHub is having trouble; try again later" : "run tidemark doctor, or check the App's settings and its installation on " + target.Owner);
}
